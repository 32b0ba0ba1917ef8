// Benchmark helper: adds ?n= widgets, then loads the widget script from the CDN origin given
// by ?cdn=, and records when each widget becomes ready relative to the loader's start mark.
(function () {
  "use strict";
  var params = new URLSearchParams(location.search);
  var count = Math.max(1, Math.min(50, parseInt(params.get("n") || "1", 10)));
  window.__bench = { ready: [] };
  // Ten widgets stacked up are a test of what ten instances cost, so all start at once rather
  // than when scrolled near (the loader's documented `startWhen` setting).
  window.KetamineTmsWidget = { startWhen: "now" };
  document.addEventListener("ktw-ready", function () {
    window.__bench.ready.push(performance.now());
  });
  document.addEventListener("DOMContentLoaded", function () {
    var main = document.getElementById("main");
    for (var i = 0; i < count; i++) {
      main.appendChild(document.createElement("ketamine-tms-widget"));
    }
    var script = document.createElement("script");
    script.src = params.get("cdn") + "/ketamine-tms-widget.js";
    document.body.appendChild(script);
  });
})();
