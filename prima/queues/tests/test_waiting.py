"""Measured times of the queue (prima/queues/waiting.py)."""

from datetime import date
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from prima.queues.waiting import (
    estimated_wait,
    histogram_median,
    histogram_percentile,
    histogram_values,
    median,
    no_show_rate,
    percentile,
    period_range,
    same_day_minutes,
    share_below,
    summarise,
)


def test_median_odd_and_even():
    """The median is the middle value, or the mean of the two middle values."""
    assert median([5, 1, 3]) == 3
    assert median([4, 1, 3, 2]) == Fraction(5, 2)
    assert median([]) is None


@pytest.mark.parametrize(
    ("values", "p", "expected"),
    [
        (list(range(1, 11)), 90, 9),
        (list(range(1, 11)), 100, 10),
        ([7], 90, 7),
        (list(range(1, 21)), 90, 18),
        ([10, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], 90, 1),
    ],
)
def test_nearest_rank_percentile(values, p, expected):
    """The p90 is the value at rank ⌈0.9·n⌉ of the sorted values."""
    assert percentile(values, p) == expected


def test_no_show_rate():
    """The share of called tickets whose visitor was absent; None before any call."""
    assert no_show_rate(called=20, no_show=3) == Fraction(3, 20)
    assert no_show_rate(called=0, no_show=0) is None


def test_estimated_wait():
    """Tickets ahead are shared among the open counters, one service time each."""
    assert estimated_wait(ahead=5, counters=2, service_seconds=300) == 900
    assert estimated_wait(ahead=0, counters=1, service_seconds=300) == 0
    assert estimated_wait(ahead=3, counters=0, service_seconds=300) is None


def test_summary_from_histograms():
    """A summary of histogram values: counts, medians and p90."""
    waits = histogram_values({2: 3, 10: 1})
    got = summarise(
        issued=6, served=4, no_show=1, called=5, waits=waits, service_times=[4, 6]
    )
    assert got.wait_median == 2
    assert got.wait_p90 == 10
    assert got.service_median == 5
    assert got.no_show_rate == Fraction(1, 5)


@given(
    st.dictionaries(st.integers(0, 120), st.integers(1, 5), max_size=10),
    st.dictionaries(st.integers(0, 120), st.integers(1, 5), max_size=10),
)
def test_histograms_are_additive(day1, day2):
    """Summing two days' histograms gives the percentile of their joined values."""
    joined = dict(day1)
    for minute, count in day2.items():
        joined[minute] = joined.get(minute, 0) + count
    raw = histogram_values(day1) + histogram_values(day2)
    assert percentile(histogram_values(joined), 90) == percentile(raw, 90)
    assert median(histogram_values(joined)) == median(raw)


@given(st.dictionaries(st.integers(0, 300), st.integers(1, 6), max_size=15))
def test_histogram_figures_equal_those_of_the_listed_values(histogram):
    """Median and percentiles read from a histogram equal those of its values,
    without listing them."""
    values = histogram_values(histogram)
    assert histogram_median(histogram) == median(values)
    for p in (50, 90, 100):
        assert histogram_percentile(histogram, p) == percentile(values, p)


def test_share_below_counts_whole_minutes_under_the_limit():
    """A value of m minutes is under a limit of L minutes when m < L."""
    assert share_below({3: 2, 10: 1, 14: 1}, 10) == Fraction(1, 2)
    assert share_below({}, 10) is None


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (15, "menit", 15),
        (2, "jam", 120),
        (24, "jam", 1440),
        (25, "jam", None),
        (1, "hari", None),
        (3, "hari_kerja", None),
        (None, "menit", None),
        (10, "", None),
    ],
)
def test_same_day_minutes(value, unit, expected):
    """Minutes and hours up to a day are same-day; days are not compared."""
    assert same_day_minutes(value, unit) == expected


@pytest.mark.parametrize(
    ("kind", "anchor", "expected"),
    [
        ("hari", date(2026, 12, 7), (date(2026, 12, 7), date(2026, 12, 7))),
        ("7", date(2026, 12, 7), (date(2026, 12, 1), date(2026, 12, 7))),
        ("30", date(2026, 12, 7), (date(2026, 11, 8), date(2026, 12, 7))),
        ("bulan", date(2026, 12, 7), (date(2026, 12, 1), date(2026, 12, 31))),
        ("bulan", date(2028, 2, 10), (date(2028, 2, 1), date(2028, 2, 29))),
        ("tahun", date(2026, 12, 7), (date(2026, 1, 1), date(2026, 12, 31))),
    ],
)
def test_period_range(kind, anchor, expected):
    """A day, the last 7 or 30 days to the anchor, or its month or year."""
    assert period_range(kind, anchor) == expected
