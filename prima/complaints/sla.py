"""Working-day deadlines of a complaint (pengaduan).

Legal basis: Perpres 76/2013 tentang Pengelolaan Pengaduan Pelayanan Publik and the
SP4N-LAPOR! practice. Working days exclude Saturdays, Sundays and the Pemda's holiday
list (national holidays and cuti bersama). A case received on a non-working day counts
from the next working day; a deadline is that start plus N working days, so it always
falls on a working day.

    verify and assign   receipt    + 3 working days
    first response      assignment + 5 working days
    final answer        assignment + the service's standard (default 14 working days)
    escalation          a missed deadline + 5 working days (to the Pemda admin)
    re-opening          allowed until answer + 10 working days

Pure module: standard library only; today is an argument.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, timedelta

VERIFY_DAYS = 3
FIRST_RESPONSE_DAYS = 5
DEFAULT_ANSWER_DAYS = 14
ESCALATION_DAYS = 5
REOPEN_DAYS = 10
_ONE_DAY = timedelta(days=1)


def is_working_day(day: date, holidays: Collection[date] = ()) -> bool:
    """Return whether ``day`` is neither a weekend day nor a holiday."""
    return day.weekday() < 5 and day not in holidays


def next_working_day(day: date, holidays: Collection[date] = ()) -> date:
    """Return ``day`` if it is a working day, else the first working day after it."""
    while not is_working_day(day, holidays):
        day += _ONE_DAY
    return day


def add_working_days(start: date, days: int, holidays: Collection[date] = ()) -> date:
    """Return the date ``days`` working days after ``start``.

    Counting starts from the first working day on or after ``start``.
    """
    if days < 0:
        raise ValueError(f"days must not be negative, got {days}")
    day = next_working_day(start, holidays)
    for _ in range(days):
        day = next_working_day(day + _ONE_DAY, holidays)
    return day


def working_days_between(
    start: date, end: date, holidays: Collection[date] = ()
) -> int:
    """Return how many working days after ``start`` the date ``end`` lies.

    The inverse of ``add_working_days`` for working days: 0 on the same (or the next
    working) day; non-working days in between do not count. Negative when ``end`` is
    before ``start``.
    """
    if end < start:
        return -working_days_between(end, start, holidays)
    day = next_working_day(start, holidays)
    count = 0
    while day < end:
        day += _ONE_DAY
        if is_working_day(day, holidays) and day <= end:
            count += 1
    return count


def verify_due(received: date, holidays: Collection[date] = ()) -> date:
    """Return the last day to verify and assign a case received on ``received``."""
    return add_working_days(received, VERIFY_DAYS, holidays)


def first_response_due(assigned: date, holidays: Collection[date] = ()) -> date:
    """Return the last day for the unit's first response after assignment."""
    return add_working_days(assigned, FIRST_RESPONSE_DAYS, holidays)


def answer_due(
    assigned: date,
    holidays: Collection[date] = (),
    standard_days: int | None = None,
) -> date:
    """Return the last day for the final answer: the service's standard, else 14."""
    days = DEFAULT_ANSWER_DAYS if standard_days is None else standard_days
    return add_working_days(assigned, days, holidays)


def escalation_due(deadline: date, holidays: Collection[date] = ()) -> date:
    """Return when a case still overdue since ``deadline`` goes to the Pemda admin."""
    return add_working_days(deadline, ESCALATION_DAYS, holidays)


def reopen_until(answered: date, holidays: Collection[date] = ()) -> date:
    """Return the last day on which the citizen may re-open an answered case."""
    return add_working_days(answered, REOPEN_DAYS, holidays)


def is_overdue(deadline: date, done: date | None, today: date) -> bool:
    """Return whether a step due on ``deadline`` was done late or is still open late."""
    return (done or today) > deadline
