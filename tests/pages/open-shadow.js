// Test helper that the tests' static server loads first in every page: it wraps attachShadow
// so the end-to-end tests can still reach each widget's closed shadow root, as the issue
// allows (the widget itself is the shipped build). Page scripts still see
// `element.shadowRoot === null`; tests call `window.__ktwRoot(host)`.
(function () {
  "use strict";
  var roots = new WeakMap();
  var attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    var root = attach.call(this, init);
    roots.set(this, root);
    return root;
  };
  window.__ktwRoot = function (host) {
    return host ? roots.get(host) || host.shadowRoot || null : null;
  };
})();
