"""Tests of the cohort ranking (prima/evaluations/ranking.py) against pekppp.md."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from prima.evaluations.ranking import Entry, rank, rank_cohorts


def entry(name: str, ipp: str, *aspects: str) -> Entry[str]:
    values = [Decimal(a) for a in aspects] or [Decimal(0)] * 6
    return Entry(item=name, name=name, ipp=Decimal(ipp), aspects=values)


def test_higher_ipp_ranks_first():
    """Units are ranked by IPP, highest first, ranks 1, 2, 3."""
    ranked = rank([entry("b", "3.10"), entry("a", "4.20"), entry("c", "2.00")])
    assert [(r.rank, r.entry.name, r.tied) for r in ranked] == [
        (1, "a", False),
        (2, "b", False),
        (3, "c", False),
    ]


def test_ties_share_a_rank_and_the_next_rank_skips():
    """Two units on the same IPP share rank 2; the next unit is 4th (1, 2, 2, 4)."""
    ranked = rank(
        [
            entry("d", "2.50"),
            entry("b", "3.68", "4", "3", "3", "3", "3", "3"),
            entry("a", "4.00"),
            entry("c", "3.68", "4", "3", "3", "3", "3", "3"),
        ]
    )
    assert [(r.rank, r.entry.name, r.tied) for r in ranked] == [
        (1, "a", False),
        (2, "b", True),
        (2, "c", True),
        (4, "d", False),
    ]


def test_tied_units_are_listed_by_aspect_a_then_b():
    """Among tied units the higher aspect A comes first; equal A falls to B."""
    ranked = rank(
        [
            entry("x", "3.50", "3.9", "4.0", "1", "1", "1", "1"),
            entry("y", "3.50", "4.1", "2.0", "1", "1", "1", "1"),
            entry("z", "3.50", "3.9", "4.5", "1", "1", "1", "1"),
        ]
    )
    assert [r.entry.name for r in ranked] == ["y", "z", "x"]
    assert {r.rank for r in ranked} == {1}


def test_cohorts_are_ranked_apart():
    """Each cohort has its own rank 1."""
    result = rank_cohorts(
        {"Jasa": [entry("a", "3"), entry("b", "4")], "Barang": [entry("c", "1")]}
    )
    assert list(result) == ["Barang", "Jasa"]
    assert [(r.rank, r.entry.name) for r in result["Jasa"]] == [(1, "b"), (2, "a")]
    assert result["Barang"][0].rank == 1


@given(st.lists(st.integers(min_value=0, max_value=500), max_size=30))
def test_rank_counts_the_units_above(values):
    """A unit's rank is one more than the number of units with a higher IPP."""
    ipps = [Decimal(v) / 100 for v in values]
    ranked = rank(entry(str(i), str(v)) for i, v in enumerate(ipps))
    for row in ranked:
        assert row.rank == 1 + sum(1 for v in ipps if v > row.entry.ipp)
