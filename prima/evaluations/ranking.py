"""Ranking (pemeringkatan) of the units of one PEKPPP cycle inside a cohort.

PermenPANRB 29/2022 names a periodic ranking of units by their IPP but publishes no
tie rule; Prima's policy (``../shared/domain/pekppp.md``):

    order    IPP descending (the published, two-decimal IPP)
    rank     1 + the number of units of the cohort with a higher IPP, so ties share
             a rank and the next rank skips (1, 2, 2, 4)
    listing  tied units by the higher aspect A value, then B, C, D, E, F (the
             unrounded NilaiAspek in the instrument's order), then by name

Pure module: standard library only.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Entry(Generic[T]):
    """One unit to rank: what the caller ranks (``item``), its name, its rounded
    IPP and its aspect values in the instrument's order (A, B, … F)."""

    item: T
    name: str
    ipp: Decimal
    aspects: Sequence[Decimal]


@dataclass(frozen=True)
class Ranked(Generic[T]):
    """A ranked unit: its rank and whether it shares that rank with another."""

    rank: int
    tied: bool
    entry: Entry[T]


def rank(entries: Iterable[Entry[T]]) -> list[Ranked[T]]:
    """Return ``entries`` in ranking order with their shared ranks."""
    ordered = sorted(
        entries,
        key=lambda e: (-e.ipp, tuple(-value for value in e.aspects), e.name),
    )
    counts: dict[Decimal, int] = {}
    for entry in ordered:
        counts[entry.ipp] = counts.get(entry.ipp, 0) + 1
    ranked: list[Ranked[T]] = []
    above = 0
    previous: Decimal | None = None
    for position, entry in enumerate(ordered, start=1):
        if entry.ipp != previous:
            above = position - 1
            previous = entry.ipp
        ranked.append(Ranked(above + 1, counts[entry.ipp] > 1, entry))
    return ranked


def rank_cohorts(
    cohorts: Mapping[str, Iterable[Entry[T]]],
) -> dict[str, list[Ranked[T]]]:
    """Return the ranking of each cohort, cohorts sorted by name."""
    return {name: rank(cohorts[name]) for name in sorted(cohorts)}
