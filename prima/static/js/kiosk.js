/* The SKM kiosk keeps taking answers when the tablet loses its connection.

   Progressive enhancement of the kiosk page only: without this script the form
   posts as usual. With it, each answer is sent with fetch; when the network
   fails, the answer is kept in IndexedDB under its submission key and sent again
   when the connection returns (online event, every 30 seconds and on page load).
   The server stores one response per key, so an answer sent twice counts once.
   Every text shown comes from the page (data- attributes, rendered in the
   citizen's language), so this file holds none. */
(function () {
  "use strict";

  var form = document.querySelector("form.survey-form");
  var panel = document.getElementById("kiosk-offline");
  if (!form || !panel || !window.isSecureContext || !("serviceWorker" in navigator) ||
      !window.indexedDB || !window.crypto || !crypto.randomUUID) {
    return;
  }
  var status = document.getElementById("kiosk-status");
  var waiting = document.getElementById("kiosk-waiting");
  var DB = "prima-kiosk";
  var STORE = "answers";
  var TIMEOUT_MS = 15000;
  var RETRY_MS = 30000;

  // A fresh key per display: a page shown from the offline copy would otherwise
  // bring the same key to every citizen, and their answers would count once.
  function freshKey() {
    form.elements.key.value = crypto.randomUUID();
  }

  function openDb() {
    return new Promise(function (resolve, reject) {
      var request = indexedDB.open(DB, 1);
      request.onupgradeneeded = function () {
        request.result.createObjectStore(STORE, { keyPath: "key" });
      };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  function inStore(mode, act) {
    return openDb().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(STORE, mode);
        var request = act(tx.objectStore(STORE));
        tx.oncomplete = function () { db.close(); resolve(request.result); };
        tx.onerror = tx.onabort = function () { db.close(); reject(tx.error); };
      });
    });
  }

  function queued() { return inStore("readonly", function (s) { return s.getAll(); }); }
  function keep(item) { return inStore("readwrite", function (s) { return s.put(item); }); }
  function drop(key) { return inStore("readwrite", function (s) { return s.delete(key); }); }

  // Resolve to the HTTP status, 303 for the redirect that follows a stored
  // answer, or 0 when the request did not reach the server in time.
  function post(url, body) {
    var controller = new AbortController();
    var timer = setTimeout(function () { controller.abort(); }, TIMEOUT_MS);
    return fetch(url, {
      method: "POST",
      body: body,
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      credentials: "same-origin",
      redirect: "manual",
      signal: controller.signal,
    }).then(function (response) {
      return response.type === "opaqueredirect" ? 303 : response.status;
    }, function () {
      return 0;
    }).then(function (code) {
      clearTimeout(timer);
      return code;
    });
  }

  function unreachable(code) { return code === 0 || code >= 500; }

  function say(text, problem) {
    status.textContent = text;
    status.classList.toggle("msg-error", Boolean(problem));
    status.classList.toggle("msg-success", !problem);
  }

  function showWaiting() {
    return queued().then(function (items) {
      waiting.hidden = items.length === 0;
      waiting.querySelector("span").textContent = String(items.length);
      document.documentElement.dataset.kioskWaiting = String(items.length);
      return items.length;
    });
  }

  // Offline nobody checks the answers: the nine questions, the service and its
  // date must be there before an answer is kept.
  function missing() {
    var gaps = [];
    form.querySelectorAll("fieldset.question").forEach(function (fieldset) {
      var answered = fieldset.querySelector("input:checked") !== null;
      fieldset.classList.toggle("question-error", !answered);
      if (!answered) gaps.push(fieldset);
    });
    ["layanan", "service_date"].forEach(function (name) {
      var field = form.elements[name];
      if (field && !field.disabled && !field.value) gaps.push(field);
    });
    return gaps;
  }

  function toTop() {
    window.scrollTo(0, 0);
    status.focus();
  }

  function keepOffline(body) {
    var gaps = missing();
    if (gaps.length) {
      say(panel.dataset.incomplete, true);
      gaps[0].scrollIntoView();
      return Promise.resolve();
    }
    var item = { key: form.elements.key.value, url: form.action, body: body,
                 saved: new Date().toISOString() };
    return keep(item).then(function () {
      // The previous citizen's thank-you, if the page still shows it.
      document.querySelectorAll("main .messages").forEach(function (list) {
        list.remove();
      });
      form.reset();
      freshKey();
      say(panel.dataset.saved);
      toTop();
      return showWaiting();
    });
  }

  var busy = false;
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (busy) return;
    busy = true;
    var body = new URLSearchParams(new FormData(form)).toString();
    post(form.action, body).then(function (code) {
      if (code === 303) {
        window.location.assign(form.action);  // the thank-you, as without script
      } else if (unreachable(code)) {
        // If the tablet cannot keep it either, post it as a page would.
        return keepOffline(body).catch(function () { form.submit(); });
      } else {
        form.submit();  // the server's own page says what to fix
      }
    }).then(function () { busy = false; }, function () { busy = false; });
  });

  // A kept answer goes with the token of the page now shown: it matches the
  // CSRF cookie even if that was renewed since the answer was kept.
  function withCurrentToken(body) {
    var params = new URLSearchParams(body);
    params.set("csrfmiddlewaretoken", form.elements.csrfmiddlewaretoken.value);
    return params.toString();
  }

  var sending = null;
  function sendQueued() {
    if (sending) return sending;
    sending = queued().then(function (items) {
      return items.reduce(function (chain, item) {
        return chain.then(function () {
          return post(item.url, withCurrentToken(item.body)).then(function (code) {
            // Stored (or stored before), or refused for good as invalid: done.
            // Anything else (no network, server trouble, a revoked kiosk) waits.
            if (code === 303 || code === 200) return drop(item.key);
            throw new Error("not sent");
          });
        });
      }, Promise.resolve());
    }).catch(function () {}).then(function () {
      sending = null;
      return showWaiting();
    }).then(function (left) {
      if (left === 0 && status.textContent === panel.dataset.saved) say(panel.dataset.sent);
      return left;
    });
    return sending;
  }

  function register() {
    var worker = new URL(panel.dataset.worker, window.location.href);
    var scope = new URL(".", worker).pathname;
    navigator.serviceWorker.addEventListener("message", function (event) {
      if (event.data && event.data.cached) {
        document.documentElement.dataset.kioskOffline = "ready";
      }
    });
    return navigator.serviceWorker.register(worker.pathname, { scope: scope })
      .then(function () { return navigator.serviceWorker.ready; })
      .then(function (registration) {
        var assets = document.querySelectorAll(
          "link[rel=stylesheet], link[rel=icon], script[src]");
        var urls = [window.location.pathname];
        assets.forEach(function (el) { urls.push(el.href || el.src); });
        registration.active.postMessage({ cache: urls });
      });
  }

  freshKey();
  panel.hidden = false;
  window.addEventListener("online", sendQueued);
  setInterval(sendQueued, RETRY_MS);
  register().catch(function () {});
  sendQueued();
})();
