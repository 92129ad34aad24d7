"""Tokens of the invitation link with which a new staff member sets a password.

The token is signed with the secret key (``django.core.signing``) and carries its
creation time, so it expires after ``PRIMA_INVITATION_DAYS`` days. It also carries a
digest of the account's password hash, last login, e-mail address and active flag:
setting the password changes the hash, so a link works once, and a deactivated
account's link stops working.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.utils.crypto import salted_hmac

SALT = "prima.accounts.invitation"


class InvitationTokenGenerator:
    """Make and check invitation tokens; the interface of Django's password reset
    token generator, so Django's password-setting view can use it."""

    def make_token(self, user) -> str:
        """Return a token for ``user``'s invitation link, valid from now."""
        return signing.dumps(self._state(user), salt=SALT)

    def check_token(self, user, token: str) -> bool:
        """Return whether ``token`` was made for ``user`` as they are now, and is not
        older than ``PRIMA_INVITATION_DAYS`` days."""
        if user is None or not token:
            return False
        try:
            state = signing.loads(token, salt=SALT, max_age=self.max_age())
        except signing.BadSignature:
            return False
        return state == self._state(user)

    def max_age(self) -> timedelta:
        return timedelta(days=settings.PRIMA_INVITATION_DAYS)

    def _state(self, user) -> list:
        last_login = (
            "" if user.last_login is None else user.last_login.replace(microsecond=0)
        )
        digest = salted_hmac(
            SALT,
            f"{user.pk}|{user.password}|{last_login}|{user.email}|{user.is_active}",
            algorithm="sha256",
        ).hexdigest()[:32]
        return [user.pk, digest]


invitation_token = InvitationTokenGenerator()
