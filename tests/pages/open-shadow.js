// Test helper that the tests' static server loads first in every page: it wraps attachShadow
// so the end-to-end tests can still reach each widget's closed shadow root, as the issue
// allows (the widget itself is the shipped build). Page scripts still see
// `element.shadowRoot === null`; tests call `window.__ktwRoot(host)`. It also keeps the
// declarative shadow root of the patient pages, which the loader takes from the internals.
(function () {
  "use strict";
  var roots = new WeakMap();
  var attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    var root = attach.call(this, init);
    roots.set(this, root);
    return root;
  };
  // The patient pages' declarative shadow root is reached through the element's internals.
  var internals = HTMLElement.prototype.attachInternals;
  if (internals) {
    HTMLElement.prototype.attachInternals = function () {
      var got = internals.call(this);
      if (got.shadowRoot) {
        roots.set(this, got.shadowRoot);
        // Every prerendered element as the loader takes the root, before the app runs, so a
        // test can see that the page carried its first screen.
        window.__ktwFirstScreen = Array.prototype.slice.call(got.shadowRoot.querySelectorAll("[data-ktw-prerender] *"));
      }
      return got;
    };
  }
  window.__ktwRoot = function (host) {
    return host ? roots.get(host) || host.shadowRoot || null : null;
  };
})();
