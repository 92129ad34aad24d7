"""Tests of the survey periods: pure, no database."""

from datetime import date

import pytest

from prima.core.periods import (
    Period,
    PeriodKind,
    parse_key,
    period_containing,
    period_number,
    previous,
    with_wider_periods,
)

T = PeriodKind.TRIWULAN
S = PeriodKind.SEMESTER
Y = PeriodKind.TAHUN


@pytest.mark.parametrize(
    ("day", "kind", "start", "end", "number"),
    [
        (date(2026, 1, 1), T, date(2026, 1, 1), date(2026, 3, 31), 1),
        (date(2026, 5, 12), T, date(2026, 4, 1), date(2026, 6, 30), 2),
        (date(2026, 9, 30), T, date(2026, 7, 1), date(2026, 9, 30), 3),
        (date(2026, 12, 31), T, date(2026, 10, 1), date(2026, 12, 31), 4),
        (date(2024, 2, 29), T, date(2024, 1, 1), date(2024, 3, 31), 1),
        (date(2026, 6, 30), S, date(2026, 1, 1), date(2026, 6, 30), 1),
        (date(2026, 7, 1), S, date(2026, 7, 1), date(2026, 12, 31), 2),
        (date(2026, 5, 12), Y, date(2026, 1, 1), date(2026, 12, 31), 1),
    ],
)
def test_period_containing(day, kind, start, end, number):
    """The period containing a day starts and ends on the calendar boundaries."""
    period = period_containing(day, kind)
    assert (period.start, period.end, period.kind, period.number) == (
        start,
        end,
        kind,
        number,
    )
    assert period.contains(day)


@pytest.mark.parametrize(
    ("key", "previous_key"),
    [
        ("2026-T2", "2026-T1"),
        ("2026-T1", "2025-T4"),
        ("2026-S2", "2026-S1"),
        ("2026-S1", "2025-S2"),
        ("2026", "2025"),
    ],
)
def test_previous_period(key, previous_key):
    """The previous period is the one just before, across a year boundary too."""
    assert previous(parse_key(key)).key == previous_key


def test_previous_of_custom_range_has_equal_length():
    """The previous custom range has the same length and ends the day before."""
    period = Period(date(2026, 3, 1), date(2026, 3, 10))
    before = previous(period)
    assert (before.start, before.end) == (date(2026, 2, 19), date(2026, 2, 28))
    assert before.days == period.days == 10


@pytest.mark.parametrize("key", ["2026-T2", "2026-S1", "2026", "2025-T4"])
def test_parse_key_round_trips(key):
    """A period's key parses back to the same period."""
    assert parse_key(key).key == key


def test_parse_key_is_lenient_on_case_and_spaces():
    """Lower-case keys with surrounding spaces are accepted."""
    assert parse_key(" 2026-t3 ") == period_number(2026, T, 3)


def test_parse_key_custom_range():
    """A custom range key names both ends."""
    period = parse_key("2026-01-15_2026-02-14")
    assert (period.start, period.end, period.kind) == (
        date(2026, 1, 15),
        date(2026, 2, 14),
        PeriodKind.CUSTOM,
    )


@pytest.mark.parametrize(
    "key",
    [
        "",
        "abc",
        "2026-T5",
        "2026-T0",
        "2026-S3",
        "2026-X1",
        "2026-02-30_2026-03-01",
        "2026-03-01_2026-02-01",
        "9999999999999999999",
        "9999999999999999999-T1",
        "-9999999999999999999-S1",
        "0001",
        "9999-T4",
        "0001-01-01_2026-01-01",
        "2026-01-01_9999-12-31",
        "2026-T9999999999999999999",
    ],
)
def test_parse_key_refuses_bad_keys(key):
    """Anything that does not name a period raises ValueError."""
    with pytest.raises(ValueError):
        parse_key(key)


@pytest.mark.parametrize(
    ("key", "label"),
    [
        ("2026-T2", "Triwulan II 2026"),
        ("2026-T4", "Triwulan IV 2026"),
        ("2026-S1", "Semester I 2026"),
        ("2026", "Tahun 2026"),
        ("2026-01-15_2026-02-14", "15 Jan 2026 – 14 Feb 2026"),
        ("2026-08-04_2026-10-04", "4 Agu 2026 – 4 Okt 2026"),
    ],
)
def test_labels(key, label):
    """Periods carry their Indonesian names."""
    assert parse_key(key).label == label


def test_period_ending_before_start_is_refused():
    """A period cannot end before it starts."""
    with pytest.raises(ValueError):
        Period(date(2026, 2, 1), date(2026, 1, 1))


def test_menu_offers_semester_and_year_besides_quarters():
    today = date(2026, 5, 10)
    quarters = [period_containing(today, PeriodKind.TRIWULAN)]
    keys = [p.key for p in with_wider_periods(quarters, today)]
    assert keys == ["2026-T2", "2026-S1", "2025-S2", "2026", "2025"]


def test_menu_lists_a_period_once():
    today = date(2026, 5, 10)
    semesters = [period_containing(today, PeriodKind.SEMESTER)]
    keys = [p.key for p in with_wider_periods(semesters, today)]
    assert keys == ["2026-S1", "2025-S2", "2026", "2025"]
