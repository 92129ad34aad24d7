// The MPP display board: poll the board's JSON every few seconds, redraw the numbers,
// flash a new call and, when the checkbox is ticked, announce it with the browser's
// speech synthesis. The texts come from data attributes of the page, so this file
// carries none. Without JavaScript the page refreshes itself (<noscript> meta).
(function () {
  "use strict";
  var board = document.getElementById("board");
  if (!board) return;
  var POLL_MS = 4000;
  var stamp = board.dataset.stamp || "";
  var speak = document.getElementById("board-speak");

  function fill(list, rows, render) {
    while (list.firstChild) list.removeChild(list.firstChild);
    rows.forEach(function (row) {
      var li = document.createElement("li");
      render(li, row);
      list.appendChild(li);
    });
  }

  function span(parent, text, strong) {
    var el = document.createElement(strong ? "strong" : "span");
    el.textContent = text;
    parent.appendChild(el);
    parent.appendChild(document.createTextNode(" "));
  }

  function announce(call) {
    if (!speak || !speak.checked || !("speechSynthesis" in window)) return;
    var spelled = call.code.replace("-", " ").split("").join(" ");
    var words = board.dataset.say + " " + spelled + ", " + board.dataset.to + " " + call.counter;
    var utterance = new SpeechSynthesisUtterance(words);
    utterance.lang = board.dataset.lang || "id-ID";
    window.speechSynthesis.speak(utterance);
  }

  function draw(data) {
    var now = data.current[0];
    document.getElementById("board-number").textContent = now ? now.code : "—";
    document.getElementById("board-counter").textContent = now ? now.counter : "";
    fill(document.getElementById("board-recent"), data.recent, function (li, c) {
      span(li, c.code); span(li, c.counter);
    });
    fill(document.getElementById("board-counters"), data.counters, function (li, c) {
      span(li, c.counter); span(li, c.code || "—", true);
    });
    fill(document.getElementById("board-waiting"), data.waiting, function (li, w) {
      span(li, w.prefix); span(li, w.name + ":"); span(li, String(w.waiting), true);
    });
    if (data.stamp && data.stamp !== stamp) {
      stamp = data.stamp;
      board.classList.remove("board-flash");
      void board.offsetWidth; // restart the animation
      board.classList.add("board-flash");
      if (now) announce(now);
    }
  }

  function poll() {
    fetch(board.dataset.source, { credentials: "same-origin", cache: "no-store" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) { if (data) draw(data); })
      .catch(function () { /* offline for a moment: try again next time */ })
      .then(function () { window.setTimeout(poll, POLL_MS); });
  }
  window.setTimeout(poll, POLL_MS);
})();
