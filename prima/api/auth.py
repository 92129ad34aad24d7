"""Who calls the API: a staff member's personal token, a signed-in staff session
(reads only), or a partner kiosk's token; and how often each may call.

Whatever authenticates, ``request.user`` becomes the staff member, so every read
goes through ``prima.core.scoping`` exactly as the pages do, and the security
middleware keeps the answer out of shared caches.
"""

from __future__ import annotations

from django.conf import settings
from ninja.security import HttpBearer
from ninja.throttling import BaseThrottle

from prima.api.models import ApiToken
from prima.api.tokens import token_for
from prima.core.ratelimit import AddressLimit, Limit
from prima.surveys import intake
from prima.surveys.models import KioskDevice

# Each limit's window, in seconds; the counts are settings (PRIMA_API_RATE_*).
WINDOW = 60


class PersonalToken(HttpBearer):
    """``Authorization: Bearer prima_…``: a staff member's personal token."""

    def authenticate(self, request, token: str) -> ApiToken | None:
        found = token_for(token)
        if found is not None:
            request.user = found.user
        return found


class KioskToken(HttpBearer):
    """``Authorization: Bearer …``: the token of a kiosk issued on the kiosk page."""

    def authenticate(self, request, token: str) -> KioskDevice | None:
        if len(token) > 100:
            return None
        return intake.kiosk_for_token(token)


def _subject(auth) -> str | None:
    if isinstance(auth, ApiToken):
        return f"token:{auth.pk}"
    if isinstance(auth, KioskDevice):
        return f"kiosk:{auth.pk}"
    return None


class RateLimit(BaseThrottle):
    """At most ``PRIMA_API_RATE_PER_ADDRESS`` calls a minute from one address and
    ``PRIMA_API_RATE_PER_TOKEN`` with one token, counted by ``prima.core.ratelimit``
    in the database so every worker shares the counts."""

    def __init__(self) -> None:
        self._wait = 0

    def allow_request(self, request) -> bool:
        by_address = AddressLimit(
            "api-address", settings.PRIMA_API_RATE_PER_ADDRESS, WINDOW
        )
        allowed = by_address.allow(request)
        self._wait = 0 if allowed else by_address.seconds_left(request)
        subject = _subject(getattr(request, "auth", None))
        if subject is not None:
            by_token = Limit("api-token", settings.PRIMA_API_RATE_PER_TOKEN, WINDOW)
            if not by_token.allow(subject):
                allowed = False
                self._wait = max(self._wait, by_token.seconds_left(subject))
        return allowed

    def wait(self) -> float | None:
        return self._wait or None
