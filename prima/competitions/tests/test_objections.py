"""Tests of the pure objection window rule (inovasi.md: uji publik, e.g. 5 calendar
days after the shortlist)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from prima.competitions.objections import window_end, window_open

CLOSED = date(2026, 7, 3)  # a Friday: weekends count, the window is calendar days


@pytest.mark.parametrize(
    ("days", "end"),
    [(0, None), (1, date(2026, 7, 4)), (5, date(2026, 7, 8)), (30, date(2026, 8, 2))],
)
def test_window_end_is_close_day_plus_days(days, end):
    """The last day is the closing day plus the calendar days; 0 means no window."""
    assert window_end(CLOSED, days) == end


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 7, 2), False),  # before the stage closed
        (date(2026, 7, 3), True),  # the closing day itself
        (date(2026, 7, 5), True),  # a Sunday inside the window
        (date(2026, 7, 8), True),  # the last day, inclusive
        (date(2026, 7, 9), False),  # the day after
    ],
)
def test_five_day_window_is_inclusive(today, expected):
    """A 5-day window is open from the closing day to the fifth day after it."""
    assert window_open(CLOSED, 5, today) is expected


def test_no_window_without_days_or_before_closing():
    """A stage without objection days, or not closed yet, is never open."""
    assert not window_open(CLOSED, 0, CLOSED)
    assert not window_open(None, 5, CLOSED)


@given(
    closed=st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 1, 1)),
    days=st.integers(min_value=0, max_value=60),
    offset=st.integers(min_value=-70, max_value=70),
)
def test_open_exactly_on_the_days_up_to_the_end(closed, days, offset):
    """The window is open on exactly ``days + 1`` calendar days, ending on its end."""
    today = closed + timedelta(days=offset)
    assert window_open(closed, days, today) is (days > 0 and 0 <= offset <= days)
