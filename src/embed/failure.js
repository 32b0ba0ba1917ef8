// ketamine-tms-widget: the failure message, drawn by this one function whether the loader
// found no WebAssembly (src/embed/loader.js) or the running widget failed (src/embed/
// failure.rs calls it). `cargo xtask dist` puts it inside the loader's function.
//
// drawFailure(container, reason, facts) replaces the container's contents with the message,
// marks the container `data-ktw-failed` and sends `ktw-error` with `{ reason }` from the shadow
// root's host. `facts` is { lang, phone, clinic, booking, crisis }: the language ("en" or
// "es"), the clinic's phone as { display, dial } or null, its name and booking link (checked
// already) or null, and the crisis sentence as pieces, each { text } or a call { dial, text }.
var FAILURE_WORDS = {
  en: {
    noWasm: "This treatment guide needs a newer web browser.",
    failed: "Sorry, this treatment guide could not load.",
    pageFine: "The rest of this page still works.",
    call: "To talk about your options, call ",
    callClinic: "To talk about your options, call {clinic}: ",
    book: "Book a visit"
  },
  es: {
    noWasm: "Esta gu\u00eda de tratamientos necesita un navegador m\u00e1s nuevo.",
    failed: "Lo sentimos, esta gu\u00eda de tratamientos no pudo cargarse.",
    pageFine: "El resto de esta p\u00e1gina sigue funcionando.",
    call: "Para hablar de sus opciones, llame al ",
    callClinic: "Para hablar de sus opciones, llame a {clinic}: ",
    book: "Pida una cita"
  }
};

// The crisis sentence of the message, per language, with the US numbers. Every crisis
// sentence and number comes from one Rust module, src/crisis.rs; this message shows
// when the WebAssembly cannot run at all, so Rust cannot write it at run time, and
// `cargo xtask dist` writes the module's own templates here at build time instead:
// { en: { us, own }, es: { us, own }, line, emergency }, with the slots {line-name},
// {line-number} and {emergency}.
var CRISIS = "@CRISIS@";

// A phone number as src/config/values.rs reads one (3 to 15 digits written with spaces,
// dots, dashes, brackets and a leading +), or null. That parser is the rule for the live
// widget; this copy serves only the message shown when it cannot run.
function phoneFrom(value) {
  var display = String(value || "").trim().split(/\s+/).join(" ");
  var digits = display.replace(/[^0-9]/g, "");
  if (!/^\+?[0-9 ().-]+$/.test(display) || digits.length < 3 || digits.length > 15) { return null; }
  return { display: display, dial: (display.charAt(0) === "+" ? "+" : "") + digits };
}

// The clinic's `crisis-line` ("Name: number" or "Name, number"), or null for the US line.
function ownLine(value) {
  value = String(value || "");
  var at = value.lastIndexOf(":") >= 0 ? value.lastIndexOf(":") : value.lastIndexOf(",");
  var name = value.slice(0, Math.max(at, 0)).trim().split(/\s+/).join(" ");
  var phone = at >= 0 ? phoneFrom(value.slice(at + 1)) : null;
  return name && name.length <= 80 && phone ? { name: name, phone: phone } : null;
}

// The facts for drawFailure when no widget runs, from the raw attributes `read(name)` gives:
// the phone, and the crisis sentence with the clinic's numbers, else the US ones.
function factsFromAttributes(lang, read) {
  var own = ownLine(read("crisis-line"));
  var line = own ? own.phone : { display: CRISIS.line, dial: CRISIS.line };
  var emergency = phoneFrom(read("emergency-number")) ||
    { display: CRISIS.emergency, dial: CRISIS.emergency };
  var pieces = [];
  CRISIS[lang][own ? "own" : "us"].split(/(\{line-name\}|\{line-number\}|\{emergency\})/).forEach(function (part) {
    var number = part === "{line-number}" ? line : part === "{emergency}" ? emergency : null;
    if (number) {
      pieces.push({ dial: number.dial, text: number.display });
    } else if (part) {
      pieces.push({ text: part === "{line-name}" ? own.name : part });
    }
  });
  return { lang: lang, phone: phoneFrom(read("phone")), clinic: null, booking: null, crisis: pieces };
}

function drawFailure(container, reason, facts) {
  var document = container.ownerDocument;
  var say = FAILURE_WORDS[facts.lang] || FAILURE_WORDS.en;
  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }
  function callLink(dial, text) {
    var link = element("a", "", text);
    link.href = "tel:" + dial;
    return link;
  }
  var box = element("div", "ktw ktw-failure");
  box.setAttribute("role", "alert");
  box.setAttribute("lang", facts.lang);
  box.setAttribute("part", "base");
  box.appendChild(element("p", "ktw-failure-title",
    (reason === "no-webassembly" ? say.noWasm : say.failed) + " " + say.pageFine));
  if (facts.phone) {
    var call = element("p", "", facts.clinic ? say.callClinic.replace("{clinic}", facts.clinic) : say.call);
    call.appendChild(callLink(facts.phone.dial, facts.phone.display));
    box.appendChild(call);
  }
  if (facts.booking) {
    var book = element("p");
    var link = element("a", "", say.book);
    link.href = facts.booking;
    book.appendChild(link);
    box.appendChild(book);
  }
  var crisis = element("p", "ktw-crisis");
  (facts.crisis || []).forEach(function (piece) {
    crisis.appendChild(piece.dial ? callLink(piece.dial, piece.text) : document.createTextNode(piece.text));
  });
  box.appendChild(crisis);
  container.textContent = "";
  container.setAttribute("data-ktw-failed", "");
  container.appendChild(box);
  var root = container.getRootNode ? container.getRootNode() : null;
  var host = root && root.host;
  if (host) {
    try {
      host.dispatchEvent(new CustomEvent("ktw-error", { bubbles: true, composed: true, detail: { reason: reason } }));
    } catch (err) {
      // A page without CustomEvent still has the message and the console line.
    }
  }
}

// The failure message when the widget cannot run at all, from what the loader can read; the
// element's own fallback content still shows under it through a slot, also content the parser
// adds only later (a synchronous script in <head> runs before the element has children).
function showMessage(state, reason, logLine) {
  var el = state.el;
  if (!attach(state)) { return; }
  drawFailure(state.container, reason, factsFromAttributes(language(el), function (name) { return attr(el, name); }));
  state.reported = true; // No instance runs here, so no WebAssembly error of its own follows.
  state.container.appendChild(el.ownerDocument.createElement("slot"));
  if (typeof console !== "undefined" && logLine) {
    console.error(logLine);
  }
}
