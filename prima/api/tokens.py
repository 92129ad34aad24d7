"""Personal API tokens: issued once, stored as a hash, revoked by their owner.

A token reads ``prima_`` followed by 32 random bytes (URL-safe base64). Only its
SHA-256 is stored, like a kiosk's; a token is looked up by that hash alone, so its
secret is never compared character by character in Python.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from django.db.models import F
from django.utils import timezone

from prima.api.models import ApiToken

PREFIX = "prima_"
TOKEN_BYTES = 32
# Writing last_used_at on every request would turn each read into a write; once a
# minute is precise enough for "last used".
TOUCH_EVERY = timedelta(minutes=1)


def token_hash(token: str) -> str:
    """Return the hex SHA-256 of ``token``, the only form that is stored."""
    return hashlib.sha256(token.encode()).hexdigest()


def token_issue(*, user, name: str) -> tuple[ApiToken, str]:
    """Create a token for ``user``; return the row and the token (shown once)."""
    secret = PREFIX + secrets.token_urlsafe(TOKEN_BYTES)
    token = ApiToken(
        user=user,
        name=name.strip(),
        prefix=secret[: len(PREFIX) + 6],
        token_hash=token_hash(secret),
    )
    token.full_clean()
    token.save()
    return token, secret


def token_for(secret: str, *, now: datetime | None = None) -> ApiToken | None:
    """Return the live token ``secret`` names (owner active, not revoked), else None.

    Records when it was last used, at most once per ``TOUCH_EVERY``.
    """
    if not secret.startswith(PREFIX) or len(secret) > 100:
        return None
    token = (
        ApiToken.objects.live()
        .filter(token_hash=token_hash(secret))
        .select_related("user")
        .first()
    )
    if token is None:
        return None
    now = now or timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= TOUCH_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token


def token_revoke(token: ApiToken, *, now: datetime | None = None) -> None:
    """Revoke ``token``: it no longer opens the API."""
    now = now or timezone.now()
    ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(revoked_at=now)
    token.revoked_at = token.revoked_at or now


def user_tokens(user):
    """Return the user's tokens, live ones first, newest first."""
    return ApiToken.objects.filter(user=user).order_by(
        F("revoked_at").asc(nulls_first=True), "-created_at", "-pk"
    )
