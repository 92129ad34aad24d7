"""Checking in to a session by the QR code the organiser shows (kapasitas.md).

The code changes every ``STEP`` seconds, so a photo of it sent to an absent colleague
stops working within minutes. It is the HMAC-SHA256 of the session id and the time
step, keyed with the site's secret, cut to ``CODE_LENGTH`` hexadecimal characters:

    step = floor(unix_time / STEP)
    code = hex(HMAC(secret, "<session id>:<step>"))[:CODE_LENGTH]

A code is accepted during its own step and the one after (a participant who scanned
just before the change still gets in), and only inside the session's window: from
``EARLY`` before its start to its end. A check-in more than ``late_after`` minutes
after the start is recorded as late (terlambat).

Standard library only; the secret and the clock are arguments.
"""

from __future__ import annotations

import enum
import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime, timedelta

STEP = 180  # seconds a code lasts
CODE_LENGTH = 16
EARLY = timedelta(minutes=15)


class Refusal(enum.Enum):
    """Why a check-in is refused."""

    TOO_EARLY = "too_early"
    ENDED = "ended"
    BAD_CODE = "bad_code"


@dataclass(frozen=True)
class Outcome:
    """The result of a check-in attempt: a status to record, or a refusal."""

    late: bool = False
    refusal: Refusal | None = None

    @property
    def accepted(self) -> bool:
        return self.refusal is None


def time_step(now: datetime) -> int:
    """Return the number of the ``STEP``-second period ``now`` (aware) falls in."""
    return int(now.timestamp()) // STEP


def code_for(secret: str, session_id: int, step: int) -> str:
    """Return the check-in code of a session for one time step."""
    message = f"{session_id}:{step}".encode()
    digest = hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()
    return digest[:CODE_LENGTH]


def current_code(secret: str, session_id: int, now: datetime) -> str:
    """Return the code to show for the session at ``now``."""
    return code_for(secret, session_id, time_step(now))


def seconds_left(now: datetime) -> int:
    """Return how many seconds the code shown at ``now`` has before it changes."""
    return STEP - int(now.timestamp()) % STEP


def code_valid(secret: str, session_id: int, code: str, now: datetime) -> bool:
    """Return whether ``code`` is the session's code of this step or the previous."""
    step = time_step(now)
    # Bytes, since compare_digest refuses str with non-ASCII characters.
    given = code.encode()
    return any(
        hmac.compare_digest(given, code_for(secret, session_id, s).encode())
        for s in (step, step - 1)
    )


def window(starts_at: datetime, ends_at: datetime) -> tuple[datetime, datetime]:
    """Return when check-in opens and closes for a session."""
    return starts_at - EARLY, ends_at


def is_late(starts_at: datetime, now: datetime, late_after_minutes: int) -> bool:
    """Return whether arriving at ``now`` counts as late."""
    return now > starts_at + timedelta(minutes=late_after_minutes)


def check_in(
    *,
    secret: str,
    session_id: int,
    code: str,
    starts_at: datetime,
    ends_at: datetime,
    late_after_minutes: int,
    now: datetime,
) -> Outcome:
    """Judge a check-in attempt: the window first, then the code, then lateness."""
    opens, closes = window(starts_at, ends_at)
    if now < opens:
        return Outcome(refusal=Refusal.TOO_EARLY)
    if now > closes:
        return Outcome(refusal=Refusal.ENDED)
    if not code_valid(secret, session_id, code, now):
        return Outcome(refusal=Refusal.BAD_CODE)
    return Outcome(late=is_late(starts_at, now, late_after_minutes))
