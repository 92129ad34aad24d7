/* Service worker of the SKM kiosk: keeps the kiosk page and its assets so that a
   reload without a connection still shows the questionnaire. Answers are queued
   by kiosk.js in IndexedDB; this worker never touches POST requests. */
"use strict";

var CACHE = "prima-kiosk-v1";

self.addEventListener("install", function () {
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf("prima-kiosk-") === 0 && name !== CACHE;
      }).map(function (name) { return caches.delete(name); }));
    }).then(function () { return self.clients.claim(); })
  );
});

/* The page sends the URLs it needs offline: itself and its scripts, styles and
   icons. The page is fetched afresh here, so the stored copy carries no one-off
   message such as the thank-you of the previous citizen. */
self.addEventListener("message", function (event) {
  var urls = event.data && event.data.cache;
  if (!Array.isArray(urls)) return;
  var done = caches.open(CACHE).then(function (cache) {
    return cache.addAll(urls);
  }).then(function () {
    return { cached: true };
  }, function () {
    return { cached: false };
  }).then(function (reply) {
    if (event.source) event.source.postMessage(reply);
  });
  event.waitUntil(done);
});

/* Network first, so an online kiosk always shows the current questionnaire; the
   stored copy only when the network fails. */
self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  event.respondWith(
    fetch(request).catch(function () {
      // Django's pages vary on Cookie and Accept-Language, request headers the
      // stored copy was fetched with but a navigation does not show the worker.
      var options = { ignoreVary: true, ignoreSearch: request.mode === "navigate" };
      return caches.match(request, options)
        .then(function (found) { return found || Response.error(); });
    })
  );
});
