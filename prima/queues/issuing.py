"""When a Mal Pelayanan Publik may issue a ticket for a service.

``shared/domain/mpp.md``: opening hours per day of the week, closures (holidays,
special days), a daily cut-off after which no ticket is issued, and a quota of tickets
per service per day. A ticket is refused when the venue is closed that day, before it
opens, at or after the service's cut-off (the closing hour when the service sets
none), or when the day's quota is reached.

Pure: no Django, no clock; ``now`` is the venue's local wall time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time


@dataclass(frozen=True)
class Hours:
    """One weekday's opening hours."""

    opens: time
    closes: time


def refusal(
    *,
    now: datetime,
    hours: Hours | None,
    closed_today: bool,
    cutoff: time | None,
    issued_today: int,
    quota: int | None,
) -> str | None:
    """Return why no ticket may be issued now, or None when one may.

    Codes: ``"closed"`` (a closure, or no hours that weekday), ``"not_open_yet"``,
    ``"cutoff"``, ``"quota"``.
    """
    if closed_today or hours is None:
        return "closed"
    clock = now.time()
    if clock < hours.opens:
        return "not_open_yet"
    last = min(cutoff, hours.closes) if cutoff is not None else hours.closes
    if clock >= last:
        return "cutoff"
    if quota is not None and issued_today >= quota:
        return "quota"
    return None
