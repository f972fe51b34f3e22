// The Wegwijs help widget for a portal's login page. The organisation pastes one line:
//
//   <a href="https://WEGWIJS/ORG/hulp/?hulpmiddel=portal" data-wegwijs-help>Hulp bij inloggen?</a><script src="https://WEGWIJS/static/wegwijs/help-widget.js" defer></script>
//
// Without JavaScript the link opens the help page. With it, the link becomes a button that opens a small
// panel (a frame with Wegwijs's own page: search, top articles for that tool, contact). No cookies, no
// tracking; styles are set through the CSS object model, so the host page's strict CSP needs only
// script-src and frame-src for the Wegwijs address. Escape or the close button closes the panel and
// returns the focus to the button.
(function () {
  "use strict";

  var CLOSE = { nl: "Sluiten", en: "Close", tr: "Kapat", ar: "إغلاق", pl: "Zamknij", uk: "Закрити" };

  function pageLanguage() {
    var code = (document.documentElement.lang || "nl").slice(0, 2).toLowerCase();
    return CLOSE[code] ? code : "nl";
  }

  function panelAddress(link, language) {
    var url = new URL(link.href);
    url.pathname = url.pathname.replace(/\/hulp\/?$/, "/hulp/paneel/");
    url.searchParams.set("taal", language);
    return url.toString();
  }

  function style(element, rules) {
    Object.keys(rules).forEach(function (name) { element.style.setProperty(name, rules[name]); });
  }

  function upgrade(link, number) {
    var language = pageLanguage();
    var label = link.textContent.trim() || "Help";
    var button = document.createElement("button");
    var panel = document.createElement("div");
    var close = document.createElement("button");
    var frame = document.createElement("iframe");

    button.type = "button";
    button.textContent = label;
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-controls", "wegwijs-help-panel-" + number);
    style(button, {
      "font": "inherit", "font-weight": "700", "padding": "0.6em 1em", "border-radius": "2em", "cursor": "pointer",
      "border": "2px solid #154273", "background": "#154273", "color": "#fff", "min-height": "44px"
    });

    panel.id = "wegwijs-help-panel-" + number;
    panel.hidden = true;
    panel.setAttribute("role", "region");
    panel.setAttribute("aria-label", label);
    style(panel, {
      "position": "fixed", "inset-block-end": "1rem", "inset-inline-end": "1rem", "inline-size": "min(24rem, 92vw)",
      "block-size": "min(36rem, 80vh)", "background": "#fff", "border": "2px solid #154273",
      "border-radius": "0.5rem", "box-shadow": "0 0.5rem 2rem rgba(0,0,0,0.3)", "z-index": "2147483000",
      "display": "flex", "flex-direction": "column"
    });

    close.type = "button";
    close.textContent = CLOSE[language];
    style(close, {
      "align-self": "flex-end", "margin": "0.25rem", "font": "inherit", "padding": "0.4em 0.8em",
      "min-height": "44px", "cursor": "pointer", "background": "#fff", "color": "#154273",
      "border": "2px solid #154273", "border-radius": "0.3rem"
    });

    frame.title = label;
    style(frame, { "flex": "1", "border": "0", "inline-size": "100%" });

    function show(open) {
      panel.hidden = !open;
      button.setAttribute("aria-expanded", String(open));
      if (open) {
        if (!frame.getAttribute("src")) {
          frame.setAttribute("src", panelAddress(link, language));
        }
        frame.focus();
      } else {
        button.focus();
      }
    }

    button.addEventListener("click", function () { show(panel.hidden); });
    close.addEventListener("click", function () { show(false); });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !panel.hidden) {
        show(false);
      }
    });

    panel.appendChild(close);
    panel.appendChild(frame);
    link.replaceWith(button);
    button.insertAdjacentElement("afterend", panel);
  }

  Array.prototype.forEach.call(document.querySelectorAll("a[data-wegwijs-help]"), upgrade);
})();
