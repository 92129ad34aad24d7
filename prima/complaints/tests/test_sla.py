"""Tests of the working-day deadlines against the worked examples of pengaduan.md."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from prima.complaints import sla

HOLIDAYS = frozenset({date(2026, 3, 19), date(2026, 3, 20)})


@pytest.mark.parametrize(
    ("received", "holidays", "expected"),
    [
        (date(2026, 3, 2), (), date(2026, 3, 5)),  # Monday → Thursday
        (date(2026, 3, 7), (), date(2026, 3, 12)),  # Saturday counts from Monday
        (date(2026, 3, 8), (), date(2026, 3, 12)),  # Sunday too
        (date(2026, 3, 18), HOLIDAYS, date(2026, 3, 25)),
    ],
)
def test_verify_due(received, holidays, expected):
    """Verification is due three working days after receipt."""
    assert sla.verify_due(received, holidays) == expected


def test_worked_example_first_response_and_answer():
    """Assigned Thursday 2026-03-05: first response by 03-12, final answer by 03-25."""
    assigned = date(2026, 3, 5)
    assert sla.first_response_due(assigned) == date(2026, 3, 12)
    assert sla.answer_due(assigned) == date(2026, 3, 25)


def test_worked_example_holidays_move_the_answer():
    """With 2026-03-19 and 03-20 off, the final answer moves to Friday 2026-03-27."""
    assert sla.answer_due(date(2026, 3, 5), HOLIDAYS) == date(2026, 3, 27)


def test_answer_due_follows_the_service_standard():
    """A service whose standard promises 5 working days gets that deadline."""
    assert sla.answer_due(date(2026, 3, 5), standard_days=5) == date(2026, 3, 12)


def test_escalation_and_reopen_windows():
    """Escalation and re-opening count 5 and 10 working days."""
    assert sla.escalation_due(date(2026, 3, 5)) == date(2026, 3, 12)
    assert sla.reopen_until(date(2026, 3, 25)) == date(2026, 4, 8)


def test_overdue():
    """A step is overdue when done, or still open, after its deadline."""
    due = date(2026, 3, 5)
    assert not sla.is_overdue(due, None, date(2026, 3, 5))
    assert sla.is_overdue(due, None, date(2026, 3, 6))
    assert not sla.is_overdue(due, date(2026, 3, 4), date(2026, 4, 1))
    assert sla.is_overdue(due, date(2026, 3, 9), date(2026, 4, 1))


def test_negative_days_are_refused():
    """Counting backwards is not a deadline."""
    with pytest.raises(ValueError):
        sla.add_working_days(date(2026, 3, 2), -1)


days = st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31))
holiday_sets = st.frozensets(days, max_size=20)


@given(days, st.integers(min_value=0, max_value=40), holiday_sets)
def test_deadline_is_a_working_day_and_counts_back(start, n, holidays):
    """A deadline falls on a working day and lies exactly n working days on."""
    deadline = sla.add_working_days(start, n, holidays)
    assert sla.is_working_day(deadline, holidays)
    assert sla.working_days_between(start, deadline, holidays) == n


@given(days, st.integers(min_value=0, max_value=30), holiday_sets)
def test_more_days_never_come_earlier(start, n, holidays):
    """Adding a working day never moves the deadline earlier."""
    assert sla.add_working_days(start, n + 1, holidays) > sla.add_working_days(
        start, n, holidays
    )


@given(days, holiday_sets)
def test_weekends_never_count(start, holidays):
    """Five working days span at least a week."""
    assert sla.add_working_days(start, 5, holidays) - start >= timedelta(days=5)
