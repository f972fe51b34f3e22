// "Read aloud" on the self-check's screens: reads the parts marked data-ww-speak (the question, then each
// answer) with the browser's own speech (speechSynthesis), each part in its own language (the nearest lang
// attribute), so a language's name is read in that language. The button stays hidden without JavaScript or
// where the browser cannot speak; the page works the same without it. Pressed again, it stops.
(function () {
  "use strict";
  var button = document.querySelector("[data-ww-read-aloud]");
  if (!button || !("speechSynthesis" in window) || typeof window.SpeechSynthesisUtterance !== "function") {
    return;
  }
  var speech = window.speechSynthesis;
  button.hidden = false;
  button.setAttribute("aria-pressed", "false");

  function stopped() {
    button.setAttribute("aria-pressed", "false");
  }

  button.addEventListener("click", function () {
    if (speech.speaking || speech.pending) {
      speech.cancel();
      stopped();
      return;
    }
    var parts = document.querySelectorAll("main [data-ww-speak]");
    var last = null;
    Array.prototype.forEach.call(parts, function (part) {
      var text = (part.innerText || part.textContent || "").trim();
      if (!text) {
        return;
      }
      var utterance = new window.SpeechSynthesisUtterance(text);
      var owner = part.closest("[lang]");
      utterance.lang = (owner && owner.getAttribute("lang")) || document.documentElement.lang;
      speech.speak(utterance);
      last = utterance;
    });
    if (last) {
      button.setAttribute("aria-pressed", "true");
      last.addEventListener("end", stopped);
      last.addEventListener("error", stopped);
    }
  });
  window.addEventListener("pagehide", function () { speech.cancel(); });
})();
