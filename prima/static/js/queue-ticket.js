// A visitor's queue ticket page and the kiosk's ticket slip.
// The ticket page fetches itself every half minute and swaps in the part that
// changes (state, people ahead, wait), announced politely to screen readers,
// instead of reloading the whole page. The kiosk slip goes back to the kiosk's
// start page after a few seconds. Without JavaScript, a <noscript> meta refresh
// does both. The texts are all in the page; this file carries none.
(function () {
  "use strict";
  var live = document.getElementById("ticket-live");
  if (live && live.dataset.poll) {
    var every = Number(live.dataset.poll) * 1000;
    var refresh = function () {
      fetch(window.location.href, { credentials: "same-origin", cache: "no-store" })
        .then(function (r) { return r.ok ? r.text() : null; })
        .then(function (html) {
          if (!html) return;
          var fresh = new DOMParser().parseFromString(html, "text/html")
            .getElementById("ticket-live");
          if (fresh) {
            live.innerHTML = fresh.innerHTML;
            if (!fresh.dataset.poll) return; // finished: stop asking
          }
          window.setTimeout(refresh, every);
        })
        .catch(function () { window.setTimeout(refresh, every); });
    };
    window.setTimeout(refresh, every);
  }
  var slip = document.getElementById("kiosk-return");
  if (slip) {
    window.setTimeout(function () {
      window.location.assign(slip.getAttribute("href"));
    }, Number(slip.dataset.after) * 1000);
  }
})();
