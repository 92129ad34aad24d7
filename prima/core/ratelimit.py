"""Counting what one client address does within a time window, in the shared cache.

Used where a public form without an account must not be abused from one place:
tracking-code guesses, public objections. The counter lives in the "shared" cache
so the workers of one host see the same count; ``add`` then ``incr`` is not atomic
across processes, so the limit is approximate by a request or two.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.cache import caches

from prima.core.http import client_ip


@dataclass(frozen=True)
class AddressLimit:
    """At most ``limit`` counted events per client address per ``window`` seconds."""

    name: str
    limit: int
    window: int

    def _key(self, request) -> str:
        return f"{self.name}:{client_ip(request)}"

    def reached(self, request) -> bool:
        """Return whether this address used up its events for the window."""
        return caches["shared"].get(self._key(request), 0) >= self.limit

    def count(self, request) -> None:
        """Count one event from this address; the window starts at the first."""
        key, cache = self._key(request), caches["shared"]
        cache.add(key, 0, timeout=self.window)
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=self.window)
