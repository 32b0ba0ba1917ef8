// ketamine-tms-widget: a small DEFLATE decoder (RFC 1951 inside an RFC 1952 gzip member) for
// browsers without DecompressionStream. `cargo xtask dist` puts it inside the loader's
// function, where `gunzip(bytes)` unpacks the wasm (with the browser's DecompressionStream
// where it has one, else `inflateGzip`) and `w` is the window.
function bytesFromBase64(text) {
  // The browser's own decoder where it has one (2025 on): a JavaScript loop over 440 KB of
  // text is most of the script's first task.
  if (typeof Uint8Array.fromBase64 === "function") {
    try {
      return Uint8Array.fromBase64(text);
    } catch (err) {
      // Fall through to atob below.
    }
  }
  var binary = w.atob(text);
  var bytes = new Uint8Array(binary.length);
  for (var i = 0; i < binary.length; i++) {
    bytes[i] = binary.charCodeAt(i);
  }
  return bytes;
}

function gunzip(bytes) {
  if (typeof w.DecompressionStream === "function") {
    try {
      var stream = new Blob([bytes]).stream().pipeThrough(new w.DecompressionStream("gzip"));
      return new Response(stream).arrayBuffer();
    } catch (err) {
      // Fall through to the JavaScript inflater below.
    }
  }
  return Promise.resolve().then(function () { return inflateGzip(bytes); });
}

function inflateGzip(data) {
  var flags = data[3];
  var pos = 10;
  if (flags & 4) { pos += 2 + (data[pos] | (data[pos + 1] << 8)); }
  if (flags & 8) { while (data[pos++]) { /* skip the file name */ } }
  if (flags & 16) { while (data[pos++]) { /* skip the comment */ } }
  if (flags & 2) { pos += 2; }
  var n = data.length;
  var size = (data[n - 4] | (data[n - 3] << 8) | (data[n - 2] << 16) | (data[n - 1] << 24)) >>> 0;
  var out = new Uint8Array(size);
  var o = 0;
  var bitBuffer = 0;
  var bitCount = 0;
  function bits(count) {
    while (bitCount < count) {
      bitBuffer |= data[pos++] << bitCount;
      bitCount += 8;
    }
    var value = bitBuffer & ((1 << count) - 1);
    bitBuffer >>>= count;
    bitCount -= count;
    return value;
  }
  function tree(lengths, count) {
    var counts = new Uint16Array(16);
    var offsets = new Uint16Array(16);
    var symbols = new Uint16Array(count);
    var i;
    for (i = 0; i < count; i++) { counts[lengths[i]]++; }
    counts[0] = 0;
    var total = 0;
    for (i = 0; i < 16; i++) { offsets[i] = total; total += counts[i]; }
    for (i = 0; i < count; i++) { if (lengths[i]) { symbols[offsets[lengths[i]]++] = i; } }
    return { counts: counts, symbols: symbols };
  }
  function decode(t) {
    var code = 0, first = 0, index = 0;
    for (var len = 1; len < 16; len++) {
      code |= bits(1);
      var count = t.counts[len];
      if (code - count < first) { return t.symbols[index + (code - first)]; }
      index += count;
      first += count;
      first <<= 1;
      code <<= 1;
    }
    throw new Error("bad Huffman code");
  }
  var LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
  var LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
  var DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
    4097, 6145, 8193, 12289, 16385, 24577];
  var DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
  var ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
  var last = 0;
  while (!last) {
    last = bits(1);
    var type = bits(2);
    if (type === 0) {
      bitBuffer = 0;
      bitCount = 0;
      var length = data[pos] | (data[pos + 1] << 8);
      pos += 4;
      out.set(data.subarray(pos, pos + length), o);
      pos += length;
      o += length;
      continue;
    }
    var literals, distances, i;
    if (type === 1) {
      var fixed = new Uint8Array(288);
      for (i = 0; i < 288; i++) { fixed[i] = i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8; }
      literals = tree(fixed, 288);
      var fixedDist = new Uint8Array(30);
      for (i = 0; i < 30; i++) { fixedDist[i] = 5; }
      distances = tree(fixedDist, 30);
    } else if (type === 2) {
      var literalCount = bits(5) + 257;
      var distanceCount = bits(5) + 1;
      var codeCount = bits(4) + 4;
      var codeLengths = new Uint8Array(19);
      for (i = 0; i < codeCount; i++) { codeLengths[ORDER[i]] = bits(3); }
      var codeTree = tree(codeLengths, 19);
      var lengths = new Uint8Array(literalCount + distanceCount);
      for (i = 0; i < literalCount + distanceCount;) {
        var symbol = decode(codeTree);
        if (symbol < 16) {
          lengths[i++] = symbol;
        } else {
          var repeat = symbol === 16 ? 3 + bits(2) : symbol === 17 ? 3 + bits(3) : 11 + bits(7);
          var value = symbol === 16 ? lengths[i - 1] : 0;
          while (repeat--) { lengths[i++] = value; }
        }
      }
      literals = tree(lengths.subarray(0, literalCount), literalCount);
      distances = tree(lengths.subarray(literalCount), distanceCount);
    } else {
      throw new Error("bad block type");
    }
    for (;;) {
      var sym = decode(literals);
      if (sym < 256) {
        out[o++] = sym;
      } else if (sym === 256) {
        break;
      } else {
        sym -= 257;
        var len = LENGTH_BASE[sym] + bits(LENGTH_EXTRA[sym]);
        var d = decode(distances);
        var dist = DIST_BASE[d] + bits(DIST_EXTRA[d]);
        for (var k = 0; k < len; k++, o++) { out[o] = out[o - dist]; }
      }
    }
  }
  return out.buffer;
}

// The wasm module, unpacked and compiled once for every widget on the page.
var modulePromise = null;
function compiledModule() {
  if (!modulePromise) {
    modulePromise = gunzip(bytesFromBase64(WASM_GZIP_BASE64)).then(function (buffer) {
      return w.WebAssembly.compile(buffer);
    });
  }
  return modulePromise;
}
