"""Online booking of a time slot at a Mal Pelayanan Publik.

``shared/domain/mpp.md``: a time slot is reserved online with a confirmation code;
the booking only reserves — the visitor joins the one first-come queue when checking
in, and a missed slot lapses.

Slots of ``slot_minutes`` start at opening time and end before the service's last
ticket (its cut-off, else closing time). A visitor may check in from
``EARLY_MINUTES`` before their slot until ``GRACE_MINUTES`` after its end; later, the
booking has lapsed.

Pure: no Django, no clock.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

EARLY_MINUTES = 30
GRACE_MINUTES = 15
# Letters and digits that cannot be mistaken for one another when read aloud or
# typed on a kiosk (no 0/O, 1/I/L).
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6


def slots(opens: time, last: time, slot_minutes: int) -> list[time]:
    """Return the start times of the slots between ``opens`` and ``last``."""
    if slot_minutes <= 0:
        return []
    day = date(2000, 1, 1)
    start, end = datetime.combine(day, opens), datetime.combine(day, last)
    step = timedelta(minutes=slot_minutes)
    found = []
    while start + step <= end:
        found.append(start.time())
        start += step
    return found


def check_in_refusal(
    *, now: datetime, day: date, slot: time, slot_minutes: int
) -> str | None:
    """Return why a booking cannot check in at ``now`` (local wall time), or None.

    Codes: ``"not_today"`` (another day, before it), ``"too_early"``, ``"lapsed"``.
    """
    start = datetime.combine(day, slot)
    end = start + timedelta(minutes=slot_minutes)
    if now > end + timedelta(minutes=GRACE_MINUTES):
        return "lapsed"
    if now.date() != day:
        return "not_today"
    if now < start - timedelta(minutes=EARLY_MINUTES):
        return "too_early"
    return None


def code_from(number: int) -> str:
    """Return the confirmation code spelling ``number`` in ``CODE_ALPHABET``."""
    base = len(CODE_ALPHABET)
    letters = []
    for _ in range(CODE_LENGTH):
        number, digit = divmod(number, base)
        letters.append(CODE_ALPHABET[digit])
    return "".join(letters)
