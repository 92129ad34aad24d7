"""Limits on guessing staff passwords and on sending password-reset e-mails.

Logins are counted before the password is checked, per account and per client
address, so parallel guesses cannot all slip in before the first is counted; a
successful login forgets the account's failures and takes back its own count
from the address. A locked account opens again when its window ends, or when an
administrator who reaches it unlocks it (``prima.organisations.people_services``).

Reset requests are counted per client address and per e-mail address whether or
not an account has that address, so the limits reveal nothing about accounts.
"""

from __future__ import annotations

from math import ceil

from django.utils.translation import gettext as _

from prima.core.ratelimit import AddressLimit, Limit

LOGIN_WINDOW = 15 * 60
# Someone who forgot a password tries a handful; a guesser tries thousands.
ACCOUNT_LOGINS = Limit("accounts:login-account", 5, LOGIN_WINDOW)
# A Pemda office reaches the site from one address, so the staff share this count.
ADDRESS_LOGINS = AddressLimit("accounts:login-address", 30, LOGIN_WINDOW)

RESET_WINDOW = 60 * 60
ADDRESS_RESETS = AddressLimit("accounts:reset-address", 5, RESET_WINDOW)
# A mailbox gets at most this many reset links an hour, however many ask for one.
EMAIL_RESETS = Limit("accounts:reset-email", 3, RESET_WINDOW)


def _minutes(seconds: int) -> int:
    return max(ceil(seconds / 60), 1)


def login_attempt(request, username: str) -> bool:
    """Count a login attempt on ``username``; return whether its password may be
    checked. ``request`` is None when code outside a request authenticates."""
    account_allowed = ACCOUNT_LOGINS.allow(username)
    address_allowed = request is None or ADDRESS_LOGINS.allow(request)
    return account_allowed and address_allowed


def login_succeeded(request, username: str) -> None:
    """Forget the account's failed attempts and the address's count of this one."""
    ACCOUNT_LOGINS.clear(username)
    if request is not None:
        ADDRESS_LOGINS.refund(request)


def login_refusal(request, username: str) -> str:
    """Return why logging in as ``username`` is refused for now, or ``""``."""
    if ACCOUNT_LOGINS.reached(username):
        return _(
            "Too many failed login attempts for this account. Try again in "
            "%(minutes)s minutes, or ask your Pemda administrator to unlock it."
        ) % {"minutes": _minutes(ACCOUNT_LOGINS.seconds_left(username))}
    if request is not None and ADDRESS_LOGINS.reached(request):
        return _(
            "Too many failed login attempts from your connection. Try again in "
            "%(minutes)s minutes."
        ) % {"minutes": _minutes(ADDRESS_LOGINS.seconds_left(request))}
    return ""


def account_locked(username: str) -> bool:
    """Return whether ``username`` used up its login attempts for now."""
    return ACCOUNT_LOGINS.reached(username)


def account_unlock(username: str) -> None:
    """Let ``username`` try to log in again at once."""
    ACCOUNT_LOGINS.clear(username)


def reset_refusal(request) -> str:
    """Count a reset request from the client; return why it is refused, or ``""``."""
    if ADDRESS_RESETS.allow(request):
        return ""
    return _(
        "Too many password reset requests from your connection. Try again in "
        "%(minutes)s minutes."
    ) % {"minutes": _minutes(ADDRESS_RESETS.seconds_left(request))}


def reset_mail_allowed(email: str) -> bool:
    """Count a reset e-mail to ``email``; return whether it may be sent."""
    return EMAIL_RESETS.allow(email.strip().lower())
