"""Sample size for the Survei Kepuasan Masyarakat (Krejcie & Morgan, 1970).

Legal basis: PermenPANRB No. 14 Tahun 2017 (Pedoman Penyusunan Survei Kepuasan
Masyarakat), which points units to the Krejcie–Morgan table for the minimum number of
respondents. The table is the formula

    s = X²·N·P(1−P) / (d²·(N−1) + X²·P(1−P))

with X² = 3.841 (chi-square, one degree of freedom, 95 % confidence), P = 0.5 and
d = 0.05, where N is the population (service users in the period). The result is
computed in exact fractions and rounded half up to an integer, so N = 100 000 gives
383 (the formula), not the 384 that some printed tables show.

Pure module: standard library only.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from fractions import Fraction

CHI_SQUARE = Fraction("3.841")
PROPORTION = Fraction(1, 2)
MARGIN_OF_ERROR = Fraction(1, 20)


def _check_count(value: int, name: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, got {value!r}")
    if value < 0:
        raise ValueError(f"{name} must not be negative, got {value}")


def required_sample(population: int) -> int:
    """Return the Krejcie–Morgan sample size for a population of ``population``.

    A population of 0 needs no respondents; the result never exceeds the population.
    """
    _check_count(population, "population")
    variance = CHI_SQUARE * PROPORTION * (1 - PROPORTION)
    exact = variance * population / (MARGIN_OF_ERROR**2 * (population - 1) + variance)
    return math.floor(exact + Fraction(1, 2))


@dataclass(frozen=True)
class SampleProgress:
    """How far the responses obtained are from the required sample size.

    ``reached`` and ``shortfall`` are derived from ``required`` and ``obtained``.
    """

    population: int
    required: int
    obtained: int
    # Where the population comes from: "declared" by the unit, or "served" visits
    # counted by the queue (one per served ticket).
    source: str = "declared"
    reached: bool = field(init=False)
    shortfall: int = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "reached", self.obtained >= self.required)
        object.__setattr__(self, "shortfall", max(self.required - self.obtained, 0))


def sample_progress(
    n: int, population: int, source: str = "declared"
) -> SampleProgress:
    """Return the required sample for ``population`` against ``n`` responses."""
    _check_count(n, "n")
    return SampleProgress(
        population=population,
        required=required_sample(population),
        obtained=n,
        source=source,
    )
