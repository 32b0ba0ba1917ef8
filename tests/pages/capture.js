// Test helper loaded first by every test page: records console errors and warnings, uncaught
// errors, CSP violations and the widget's events, so tests can assert on them.
(function () {
  "use strict";
  window.__ktwLog = [];
  window.__ktwEvents = [];
  ["error", "warn"].forEach(function (level) {
    var original = console[level];
    console[level] = function () {
      window.__ktwLog.push(level + ": " + Array.prototype.map.call(arguments, String).join(" "));
      return original.apply(console, arguments);
    };
  });
  window.addEventListener("error", function (event) {
    window.__ktwLog.push("uncaught: " + event.message);
  });
  window.addEventListener("unhandledrejection", function (event) {
    window.__ktwLog.push("rejection: " + event.reason);
  });
  document.addEventListener("securitypolicyviolation", function (event) {
    window.__ktwLog.push("csp: " + event.violatedDirective + " " + event.blockedURI);
  });
  ["ktw-ready", "ktw-step", "ktw-complete", "ktw-cta", "ktw-print", "ktw-error"].forEach(function (name) {
    document.addEventListener(name, function (event) {
      window.__ktwEvents.push([name, event.detail]);
    });
  });
})();
