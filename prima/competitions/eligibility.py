"""How long an innovation must have been applied to enter a competition.

KIPP practice (inovasi.md, "Proposal sections"): an umum or khusus proposal must have
been applied for at least 2 years, a replikasi proposal for 1 year; each call sets its
own values. The years are counted in calendar years up to the submission deadline's
day: applied on 1 April 2024, two years are reached on 1 April 2026. An innovation
applied on 29 February reaches its anniversary on 28 February of a common year.

Pure module: standard library only.
"""

from __future__ import annotations

from datetime import date


def anniversary(day: date, years: int) -> date:
    """Return the same calendar day ``years`` later (29 February becomes the 28th)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def applied_long_enough(
    applied_on: date | None, years: int, deadline_day: date
) -> bool:
    """Return whether an innovation applied on ``applied_on`` has ``years`` of
    application by ``deadline_day``; without an applied date only a zero minimum."""
    if years == 0:
        return True
    if applied_on is None:
        return False
    return anniversary(applied_on, years) <= deadline_day
