// Keyboard shortcuts for the staff workspace (listed under "Keyboard shortcuts" at the bottom of every
// staff page). Every page works fully without this file: it only saves keystrokes for agents who work
// the inbox all day. Keys do nothing while the focus is in a field, except Escape (leave the field) and
// Ctrl+Enter (send the form the field belongs to).
(function () {
  "use strict";

  function isField(element) {
    return element instanceof Element && element.closest("input, textarea, select, [contenteditable]") !== null;
  }

  function focusOn(selector) {
    var element = document.querySelector(selector);
    if (!element) {
      return false;
    }
    element.focus();
    element.scrollIntoView({ block: "center" });
    return true;
  }

  function follow(selector) {
    var link = document.querySelector(selector);
    if (!link) {
      return false;
    }
    window.location.assign(link.href);
    return true;
  }

  function press(selector) {
    var button = document.querySelector(selector);
    if (!button) {
      return false;
    }
    button.click();
    return true;
  }

  function moveInList(step) {
    var links = Array.prototype.slice.call(document.querySelectorAll("[data-ww-key-row]"));
    if (links.length === 0) {
      return false;
    }
    var index = links.indexOf(document.activeElement);
    var next = index === -1 ? (step > 0 ? 0 : links.length - 1) : index + step;
    links[Math.min(links.length - 1, Math.max(0, next))].focus();
    return true;
  }

  function toggleHelp() {
    var help = document.getElementById("ww-shortcuts");
    if (!help) {
      return false;
    }
    help.open = !help.open;
    help.querySelector("summary").focus();
    return true;
  }

  var shortcuts = {
    j: function () { return moveInList(1); },
    k: function () { return moveInList(-1); },
    "/": function () { return focusOn("#id_q"); },
    r: function () { return focusOn("#id_reply-body"); },
    n: function () { return focusOn("#id_note-body"); },
    t: function () { return press("[data-ww-key-take]"); },
    i: function () { return follow("[data-ww-key-inbox]"); },
    "?": toggleHelp
  };

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (isField(target)) {
      if (event.key === "Escape") {
        target.blur();
      } else if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && target.form) {
        event.preventDefault();
        target.form.requestSubmit();
      }
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    var action = shortcuts[event.key];
    if (action && action()) {
      event.preventDefault();
    }
  });
})();
