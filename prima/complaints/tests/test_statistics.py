"""The pure complaint statistics: nearest-rank percentiles, shares and ratings."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from prima.complaints.statistics import (
    CaseFacts,
    ComplaintFeed,
    Durations,
    mean_rating,
    percent,
    percentile,
    share,
    summarise,
)


@pytest.mark.parametrize(
    ("values", "p", "expected"),
    [
        ([], 50, None),
        ([7], 50, 7),
        ([7], 90, 7),
        ([1, 2], 50, 1),  # even count: the lower middle value
        ([3, 1, 2], 50, 2),
        ([1, 2, 3, 4], 50, 2),
        ([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90, 9),
        ([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90, 10),
        ([0, 0, 0, 14], 90, 14),
        ([5, 1, 4, 2, 3], 100, 5),
        ([5, 1, 4, 2, 3], 1, 1),
    ],
)
def test_percentile_uses_nearest_rank(values, p, expected):
    """The p-th percentile is the value at rank ceil(p/100 × n) of the sorted values."""
    assert percentile(values, p) == expected


@pytest.mark.parametrize("p", [0, -5, 101])
def test_percentile_rejects_out_of_range(p):
    """A percentile outside (0, 100] is refused."""
    with pytest.raises(ValueError):
        percentile([1, 2, 3], p)


@pytest.mark.parametrize(
    ("part", "whole", "expected", "shown"),
    [
        (0, 0, None, None),
        (0, 3, Fraction(0), Decimal("0.0")),
        (2, 3, Fraction(2, 3), Decimal("66.7")),
        (1, 8, Fraction(1, 8), Decimal("12.5")),
        (1, 16, Fraction(1, 16), Decimal("6.3")),  # 6.25 rounds half up
        (5, 5, Fraction(1), Decimal("100.0")),
    ],
)
def test_share_and_percent(part, whole, expected, shown):
    """A share is exact; its percentage is rounded half up to one decimal."""
    assert share(part, whole) == expected
    assert percent(share(part, whole)) == shown


def test_share_rejects_a_part_larger_than_the_whole():
    """A part larger than its whole is a programming error."""
    with pytest.raises(ValueError):
        share(4, 3)


@pytest.mark.parametrize(
    ("ratings", "expected"),
    [
        ([], None),
        ([4], Decimal("4.00")),
        ([3, 4], Decimal("3.50")),
        ([1, 2, 2], Decimal("1.67")),
        ([4, 4, 3], Decimal("3.67")),
        ([1, 1, 1, 1, 1, 1, 1, 2], Decimal("1.13")),  # 1.125 rounds half up
    ],
)
def test_mean_rating(ratings, expected):
    """The mean rating is rounded half up to two decimals; no ratings give None."""
    assert mean_rating(ratings) == expected


def test_mean_rating_refuses_out_of_scale():
    """A rating outside 1–4 is refused."""
    with pytest.raises(ValueError):
        mean_rating([3, 5])


def test_summarise_counts_and_shares():
    """A summary counts statuses and kinds and derives the deadline and re-open shares."""
    facts = [
        CaseFacts("pengaduan", "closed", 1, 10, True, True, False, 4),
        CaseFacts("pengaduan", "closed", 2, 16, False, True, True, 2),
        CaseFacts("saran", "answered", 3, 5, True, True, False, None),
        CaseFacts("saran", "in_progress", 1, None, None, True, True, None),
        CaseFacts("informasi", "rejected"),
        CaseFacts("pengaduan", "received"),
    ]
    summary = summarise(facts, overdue_now=2)
    assert summary.total == 6
    assert summary.by_status == {
        "closed": 2,
        "answered": 1,
        "in_progress": 1,
        "rejected": 1,
        "received": 1,
    }
    assert summary.by_kind == {"pengaduan": 3, "saran": 2, "informasi": 1}
    assert summary.verify == Durations(4, 1, 3)
    assert summary.answer == Durations(3, 10, 16)
    assert summary.within_deadline == Fraction(2, 3)
    assert summary.within_deadline_percent == Decimal("66.7")
    assert summary.reopened_share == Fraction(2, 4)
    assert summary.reopened_percent == Decimal("50.0")
    assert (summary.rating_count, summary.rating_mean) == (2, Decimal("3.00"))
    assert summary.overdue_now == 2
    feed = ComplaintFeed.of(summary)
    assert (feed.median_days_to_answer, feed.answered) == (10, 3)
    assert feed.within_deadline_percent == Decimal("66.7")


def test_summarise_of_nothing_has_no_figures():
    """With no cases every figure is empty rather than zero."""
    summary = summarise([])
    assert summary.total == 0
    assert summary.answer == Durations(0, None, None)
    assert summary.within_deadline is None
    assert summary.reopened_share is None
    assert summary.rating_mean is None


@given(st.lists(st.integers(min_value=0, max_value=400), min_size=1))
def test_median_is_at_most_p90_and_both_are_observed(days):
    """The median never exceeds the 90th percentile; both are values of the data."""
    durations = Durations.of(days)
    assert min(days) <= durations.median <= durations.p90 <= max(days)
    assert durations.median in days and durations.p90 in days


@given(st.lists(st.integers(min_value=1, max_value=4), min_size=1))
def test_mean_rating_lies_within_the_ratings(ratings):
    """The mean rating lies between the lowest and highest rating given."""
    assert min(ratings) <= mean_rating(ratings) <= max(ratings)
