"""The applied-years rule of competition eligibility (inovasi.md: 2 years for umum and
khusus, 1 for replikasi, counted to the deadline)."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from prima.competitions.eligibility import anniversary, applied_long_enough

DEADLINE = date(2026, 3, 31)


def test_two_years_are_reached_on_the_anniversary():
    assert applied_long_enough(date(2024, 3, 31), 2, DEADLINE)
    assert not applied_long_enough(date(2024, 4, 1), 2, DEADLINE)


def test_replication_needs_one_year():
    assert applied_long_enough(date(2025, 3, 31), 1, DEADLINE)
    assert not applied_long_enough(date(2025, 4, 1), 1, DEADLINE)


def test_29_february_counts_from_28_february():
    assert anniversary(date(2024, 2, 29), 1) == date(2025, 2, 28)
    assert anniversary(date(2024, 2, 29), 4) == date(2028, 2, 29)


def test_without_an_applied_date_only_a_zero_minimum_passes():
    assert applied_long_enough(None, 0, DEADLINE)
    assert not applied_long_enough(None, 1, DEADLINE)


@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)),
    st.integers(min_value=0, max_value=10),
    st.integers(min_value=0, max_value=4000),
)
def test_a_later_deadline_never_makes_an_innovation_ineligible(applied, years, gap):
    deadline = date(2031, 1, 1)
    if applied_long_enough(applied, years, deadline):
        assert applied_long_enough(applied, years, deadline + timedelta(days=gap))
