// Test helper: a stand-in for the browser's speech, so a test can see what the widget asks it to
// read and in which language. `?voices=en,es` lists the languages it has voices for (default en).
(function () {
  "use strict";
  var wanted = new URLSearchParams(location.search).get("voices");
  var langs = (wanted === null ? "en" : wanted).split(",").filter(Boolean);
  window.__ktwSpoken = [];
  var current = null;
  function finish(utterance) {
    if (utterance && typeof utterance.onend === "function") utterance.onend({});
  }
  window.SpeechSynthesisUtterance = function (text) { this.text = text; this.lang = ""; };
  Object.defineProperty(window, "speechSynthesis", {
    configurable: true,
    value: {
      getVoices: function () {
        return langs.map(function (lang) { return { lang: lang + "-XX", name: "Test voice " + lang }; });
      },
      speak: function (utterance) {
        current = utterance;
        window.__ktwSpoken.push({ text: utterance.text, lang: utterance.lang });
      },
      pause: function () { window.__ktwSpoken.push({ control: "pause" }); },
      resume: function () { window.__ktwSpoken.push({ control: "resume" }); },
      cancel: function () {
        var stopped = current;
        current = null;
        window.__ktwSpoken.push({ control: "cancel" });
        finish(stopped);
      },
      // Ends the reading as a voice would when it reaches the end of the text.
      __finish: function () { var done = current; current = null; finish(done); }
    }
  });
})();
