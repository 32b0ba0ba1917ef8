// Test helper: what Google Tag Manager does with a Custom HTML tag once the page has loaded.
// It adds the tag's markup at the end of <body> and runs each script by creating it anew, so
// an external script loads after the inline one has run (asynchronously, as GTM's do).
window.addEventListener("load", function () {
  var tag = document.getElementById("gtm-tag").content;
  Array.prototype.forEach.call(tag.childNodes, function (node) {
    if (node.nodeName !== "SCRIPT") {
      document.body.appendChild(node.cloneNode(true));
      return;
    }
    var script = document.createElement("script");
    Array.prototype.forEach.call(node.attributes, function (attribute) {
      script.setAttribute(attribute.name, attribute.value);
    });
    script.text = node.text;
    document.body.appendChild(script);
  });
});
