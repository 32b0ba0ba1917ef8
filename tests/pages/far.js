// Test helper for far.html: with ?idle=off it sets the loader's documented `startWhen: "near"`
// before the widget script runs, so a far widget starts only when scrolled near (never at idle).
(function () {
  "use strict";
  if (/[?&]idle=off\b/.test(location.search)) {
    window.KetamineTmsWidget = { startWhen: "near" };
  }
})();
