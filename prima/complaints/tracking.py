"""How a citizen reaches their own case without an account: the tracking code.

The code never travels in a URL. It is posted once; a match unlocks the case for
this browser's session for 30 minutes. Wrong codes are counted per IP address in
the cache: after ``MAX_FAILURES`` within ``WINDOW_SECONDS`` every lookup from that
address is refused, even a correct one, so codes cannot be guessed by trying.
"""

from __future__ import annotations

import time

from prima.complaints.models import Case
from prima.complaints.services import CODE_ALPHABET, CODE_LENGTH
from prima.core.ratelimit import AddressLimit

MAX_FAILURES = 10
WINDOW_SECONDS = 15 * 60
UNLOCK_SECONDS = 30 * 60
SESSION_KEY = "complaints_unlocked"
PREFIX = "PRM"


def _now() -> float:
    return time.time()


FAILURES = AddressLimit("complaints:track-failures", MAX_FAILURES, WINDOW_SECONDS)


def is_blocked(request) -> bool:
    """Return whether this address used up its failed lookups for the window."""
    return FAILURES.reached(request)


def record_failure(request) -> None:
    """Count one failed lookup from this address; the window starts at the first."""
    FAILURES.count(request)


def normalise(code: str) -> str:
    """Return the code in its stored form, forgiving case, spaces and dashes."""
    raw = "".join(ch for ch in code.upper() if ch.isalnum())
    if raw.startswith(PREFIX):
        raw = raw[len(PREFIX) :]
    if len(raw) != CODE_LENGTH or any(ch not in CODE_ALPHABET for ch in raw):
        return ""
    return "-".join([PREFIX, raw[:4], raw[4:8], raw[8:]])


def lookup(pemda, code: str) -> Case | None:
    """Return the Pemda's case with this tracking code, or None."""
    stored = normalise(code)
    if not stored:
        return None
    return Case.objects.filter(pemda=pemda, tracking_code=stored).first()


def unlock(request, case: Case) -> None:
    """Let this browser's session see ``case`` for the next 30 minutes."""
    # A new session id: a session planted by someone else does not get the case.
    request.session.cycle_key()
    request.session[SESSION_KEY] = {
        "case": case.pk,
        "until": _now() + UNLOCK_SECONDS,
    }


def unlocked_case(request, pemda) -> Case | None:
    """Return the case this session unlocked, if still valid and of this Pemda."""
    unlocked = request.session.get(SESSION_KEY)
    if not unlocked or unlocked.get("until", 0) < _now():
        return None
    return (
        Case.objects.filter(pk=unlocked.get("case"), pemda=pemda)
        .select_related("pemda", "unit", "layanan")
        .first()
    )


def forget(request) -> None:
    """Lock the case again on this browser."""
    request.session.pop(SESSION_KEY, None)
