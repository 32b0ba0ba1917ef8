// Test helper: records every `ktw-*` event any code dispatches on the page, whatever its name,
// as `[name, detail]` pairs in `window.__ktwEveryEvent`, so a test can compare whole runs.
(function () {
  "use strict";
  window.__ktwEveryEvent = [];
  var dispatch = EventTarget.prototype.dispatchEvent;
  EventTarget.prototype.dispatchEvent = function (event) {
    if (event && typeof event.type === "string" && event.type.indexOf("ktw-") === 0) {
      var detail = event.detail === undefined ? null : JSON.parse(JSON.stringify(event.detail));
      window.__ktwEveryEvent.push([event.type, detail]);
    }
    return dispatch.call(this, event);
  };
})();
