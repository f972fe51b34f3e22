// Print and read-aloud buttons on an article page. They stay hidden without JavaScript (the browser's own
// print works then), and "read aloud" only shows where the browser can speak (speechSynthesis).
(function () {
  "use strict";
  var printButton = document.querySelector("[data-ww-print]");
  if (printButton) {
    printButton.hidden = false;
    printButton.addEventListener("click", function () { window.print(); });
  }
  var readButton = document.querySelector("[data-ww-read-aloud]");
  var article = document.querySelector(".ww-article");
  if (readButton && article && "speechSynthesis" in window) {
    readButton.hidden = false;
    readButton.addEventListener("click", function () {
      if (window.speechSynthesis.speaking) {
        window.speechSynthesis.cancel();
        return;
      }
      var utterance = new SpeechSynthesisUtterance(article.innerText);
      utterance.lang = article.getAttribute("lang") || document.documentElement.lang;
      window.speechSynthesis.speak(utterance);
    });
  }
})();
