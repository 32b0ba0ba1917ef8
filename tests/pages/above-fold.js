// Test helper of above-fold.html: holds the widget's WebAssembly compile until the test calls
// `window.__release()`, so the test can see the page as it stands before the widget draws;
// sets the widget's `view` from the address (`?view=fit`); and adds up layout shifts where
// the browser reports them (Chromium).
(function () {
  "use strict";
  var release;
  var gate = new Promise(function (resolve) { release = resolve; });
  window.__release = function () { release(); };
  var compile = WebAssembly.compile;
  WebAssembly.compile = function (bytes) {
    return gate.then(function () { return compile.call(WebAssembly, bytes); });
  };
  var view = new URLSearchParams(location.search).get("view");
  document.addEventListener("readystatechange", function () {
    var el = document.getElementById("aid");
    if (view && el && !el.hasAttribute("view")) { el.setAttribute("view", view); }
  });
  window.__shift = null;
  if (window.PerformanceObserver && (PerformanceObserver.supportedEntryTypes || []).indexOf("layout-shift") >= 0) {
    window.__shift = 0;
    new PerformanceObserver(function (list) {
      list.getEntries().forEach(function (entry) {
        if (!entry.hadRecentInput) { window.__shift += entry.value; }
      });
    }).observe({ type: "layout-shift", buffered: true });
  }
})();
