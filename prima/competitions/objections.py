"""The public objection window (uji publik) after a competition stage closes.

inovasi.md, "Competition stages": shortlist → public objection window (e.g. 5
calendar days) → presentation. A stage with ``days`` > 0 opens its shortlist to
objections from the moment it closes until the end of the local calendar day
``closed_on + days``:

    open on ``today``  ⇔  days > 0  and  closed_on ≤ today ≤ closed_on + days

Calendar days, not working days: weekends and holidays count.
"""

from __future__ import annotations

from datetime import date, timedelta


def window_end(closed_on: date, days: int) -> date | None:
    """Return the last day objections are accepted, or None without a window."""
    if days <= 0:
        return None
    return closed_on + timedelta(days=days)


def window_open(closed_on: date | None, days: int, today: date) -> bool:
    """Return whether the window of a stage closed on ``closed_on`` is open today.

    A stage not closed yet (``closed_on`` None) has no window.
    """
    if closed_on is None:
        return False
    end = window_end(closed_on, days)
    return end is not None and closed_on <= today <= end
