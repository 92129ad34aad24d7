"""When a ticket may be issued (prima/queues/issuing.py)."""

from datetime import datetime, time

import pytest

from prima.queues.issuing import Hours, refusal

HOURS = Hours(time(8, 0), time(15, 0))


@pytest.mark.parametrize(
    ("clock", "closed", "cutoff", "issued", "quota", "expected"),
    [
        (time(9, 0), False, None, 0, None, None),
        (time(7, 59), False, None, 0, None, "not_open_yet"),
        (time(15, 0), False, None, 0, None, "cutoff"),
        (time(14, 0), False, time(14, 0), 0, None, "cutoff"),
        (time(13, 59), False, time(14, 0), 0, None, None),
        (time(9, 0), False, time(16, 0), 0, None, None),
        (time(9, 0), True, None, 0, None, "closed"),
        (time(9, 0), False, None, 50, 50, "quota"),
        (time(9, 0), False, None, 49, 50, None),
    ],
)
def test_refusal(clock, closed, cutoff, issued, quota, expected):
    """Closures, opening hours, the cut-off and the quota each refuse a ticket."""
    now = datetime.combine(datetime(2026, 12, 7).date(), clock)
    got = refusal(
        now=now,
        hours=HOURS,
        closed_today=closed,
        cutoff=cutoff,
        issued_today=issued,
        quota=quota,
    )
    assert got == expected


def test_no_hours_that_weekday_is_closed():
    """A weekday without opening hours issues nothing."""
    got = refusal(
        now=datetime(2026, 12, 6, 9),
        hours=None,
        closed_today=False,
        cutoff=None,
        issued_today=0,
        quota=None,
    )
    assert got == "closed"
