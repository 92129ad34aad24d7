"""Measured impact of an innovation on the SKM unsur it targets.

For unsur U of unit X, compare U's answers in a window before the innovation's applied
date with the same-length window after it (an optional ramp-up is skipped by the
caller). From each window's score counts: n, mean and the sample variance

    mean = Σ s·c_s / n,    var = Σ c_s·(s − mean)² / (n − 1)

and the difference of means with its 95% interval

    diff ± 1.96 · sqrt(var_before / n_before + var_after / n_after).

Fewer than 30 responses in either window: not enough data ("belum cukup data").
An interval containing 0: the effect is unclear.

Pure module: standard library only.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext
from enum import StrEnum
from fractions import Fraction

Z_95 = Fraction(196, 100)
MIN_RESPONSES = 30


class Verdict(StrEnum):
    IMPROVED = "improved"
    WORSENED = "worsened"
    UNCLEAR = "unclear"
    NOT_ENOUGH_DATA = "not_enough_data"


@dataclass(frozen=True)
class Window:
    """The answers on one unsur in one window, as counts per score."""

    n: int
    mean: Fraction
    variance: Fraction

    @classmethod
    def of(cls, counts: Mapping[int, int]) -> Window:
        """Return a window from {score: count}; empty scores may be left out."""
        if any(c < 0 for c in counts.values()):
            raise ValueError("a count cannot be negative")
        n = sum(counts.values())
        if n == 0:
            return cls(0, Fraction(0), Fraction(0))
        mean = Fraction(sum(s * c for s, c in counts.items()), n)
        squares = sum(
            (c * (s - mean) * (s - mean) for s, c in counts.items()), Fraction(0)
        )
        variance = squares / (n - 1) if n > 1 else Fraction(0)
        return cls(n, mean, variance)


@dataclass(frozen=True)
class Impact:
    before: Window
    after: Window
    difference: Fraction
    low: Decimal | None
    high: Decimal | None
    verdict: Verdict


def _sqrt(value: Fraction) -> Decimal:
    with localcontext() as context:
        context.prec = 28
        return (Decimal(value.numerator) / Decimal(value.denominator)).sqrt()


def compare(before: Mapping[int, int], after: Mapping[int, int]) -> Impact:
    """Return the change of the mean score from ``before`` to ``after`` with its 95% CI."""
    b, a = Window.of(before), Window.of(after)
    difference = a.mean - b.mean
    if b.n < MIN_RESPONSES or a.n < MIN_RESPONSES:
        return Impact(b, a, difference, None, None, Verdict.NOT_ENOUGH_DATA)
    margin = (
        Decimal(Z_95.numerator)
        / Decimal(Z_95.denominator)
        * _sqrt(b.variance / b.n + a.variance / a.n)
    )
    centre = Decimal(difference.numerator) / Decimal(difference.denominator)
    low, high = centre - margin, centre + margin
    if low > 0:
        verdict = Verdict.IMPROVED
    elif high < 0:
        verdict = Verdict.WORSENED
    else:
        verdict = Verdict.UNCLEAR
    return Impact(b, a, difference, low, high, verdict)


def rounded(value: Decimal | Fraction, places: int = 3) -> Decimal:
    """Return ``value`` rounded half up, for display."""
    if isinstance(value, Fraction):
        value = Decimal(value.numerator) / Decimal(value.denominator)
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
