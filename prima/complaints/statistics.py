"""Statistics a Pemda reports about its complaints (pengaduan).

Basis: Perpres 76/2013 (pengelolaan pengaduan) and PermenPANRB 14/2017 (SKM, unsur U8
"penanganan pengaduan"); the figures also feed the unit evaluation (indicators 25–28).
Per unit, OPD and Pemda for one period:

    counts          cases by status and by kind
    durations       working days received → verified and assigned → answered, as the
                    median and the 90th percentile
    within deadline answered cases whose answer date ≤ answer_due  /  answered cases
    re-opened share cases re-opened at least once  /  cases answered at least once
    rating          mean of the citizens' ratings (1–4), and how many rated
    overdue now     open cases past a deadline today (computed by the caller)

Percentiles use the **nearest-rank method**: for ``n`` sorted values the p-th
percentile is the value at rank ``ceil(p / 100 × n)`` (1-based). It is always an
observed number of days; the median is the 50th percentile by the same rule, so for
an even count it is the lower of the two middle values.

Shares are exact ``Fraction`` values; ``percent`` rounds them half up to one decimal.
The mean rating is a ``Decimal`` rounded half up to two decimals.

Pure module: standard library only.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

_ONE_DECIMAL = Decimal("0.1")
_TWO_DECIMALS = Decimal("0.01")


def percentile(values: Sequence[int], p: int) -> int | None:
    """Return the p-th percentile (0 < p ≤ 100) by nearest rank, or None if empty."""
    if not 0 < p <= 100:
        raise ValueError(f"p must lie in (0, 100], got {p}")
    if not values:
        return None
    ordered = sorted(values)
    rank = math.ceil(Fraction(p, 100) * len(ordered))
    return ordered[max(rank, 1) - 1]


def share(part: int, whole: int) -> Fraction | None:
    """Return ``part / whole`` exactly, or None when ``whole`` is zero."""
    if whole < 0 or not 0 <= part <= whole:
        raise ValueError(f"need 0 ≤ part ≤ whole, got {part}/{whole}")
    return Fraction(part, whole) if whole else None


def percent(value: Fraction | None) -> Decimal | None:
    """Return a share as a percentage rounded half up to one decimal."""
    if value is None:
        return None
    exact = Decimal(value.numerator * 100) / Decimal(value.denominator)
    return exact.quantize(_ONE_DECIMAL, rounding=ROUND_HALF_UP)


def mean_rating(ratings: Sequence[int]) -> Decimal | None:
    """Return the mean of ratings 1–4 rounded half up to two decimals, or None."""
    if any(not 1 <= r <= 4 for r in ratings):
        raise ValueError("ratings lie between 1 and 4")
    if not ratings:
        return None
    exact = Decimal(sum(ratings)) / Decimal(len(ratings))
    return exact.quantize(_TWO_DECIMALS, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Durations:
    """How many cases took a step, and the median and 90th percentile in working days."""

    count: int
    median: int | None
    p90: int | None

    @classmethod
    def of(cls, days: Sequence[int]) -> Durations:
        return cls(len(days), percentile(days, 50), percentile(days, 90))


@dataclass(frozen=True)
class CaseFacts:
    """What the statistics need of one case; days are working days (None: not yet)."""

    kind: str
    status: str
    days_to_verify: int | None = None
    days_to_answer: int | None = None
    within_deadline: bool | None = None
    answered_once: bool = False
    reopened: bool = False
    rating: int | None = None


@dataclass(frozen=True)
class Summary:
    """The figures of one unit, OPD or Pemda for one period."""

    total: int
    by_status: dict[str, int] = field(hash=False)
    by_kind: dict[str, int] = field(hash=False)
    verify: Durations
    answer: Durations
    answered: int
    answered_within: int
    answered_once: int
    reopened: int
    rating_count: int
    rating_mean: Decimal | None
    overdue_now: int = 0

    @property
    def within_deadline(self) -> Fraction | None:
        return share(self.answered_within, self.answered)

    @property
    def within_deadline_percent(self) -> Decimal | None:
        return percent(self.within_deadline)

    @property
    def reopened_share(self) -> Fraction | None:
        return share(self.reopened, self.answered_once)

    @property
    def reopened_percent(self) -> Decimal | None:
        return percent(self.reopened_share)


def summarise(facts: Iterable[CaseFacts], overdue_now: int = 0) -> Summary:
    """Return the figures of a set of cases; ``overdue_now`` is counted by the caller."""
    cases = list(facts)
    verify = [c.days_to_verify for c in cases if c.days_to_verify is not None]
    answer = [c.days_to_answer for c in cases if c.days_to_answer is not None]
    judged = [c.within_deadline for c in cases if c.within_deadline is not None]
    ratings = [c.rating for c in cases if c.rating is not None]
    return Summary(
        total=len(cases),
        by_status=dict(Counter(c.status for c in cases)),
        by_kind=dict(Counter(c.kind for c in cases)),
        verify=Durations.of(verify),
        answer=Durations.of(answer),
        answered=len(judged),
        answered_within=sum(judged),
        answered_once=sum(c.answered_once for c in cases),
        reopened=sum(c.reopened for c in cases),
        rating_count=len(ratings),
        rating_mean=mean_rating(ratings),
        overdue_now=overdue_now,
    )


@dataclass(frozen=True)
class ComplaintFeed:
    """The complaint figures the SKM report shows under unsur U8."""

    rating_mean: Decimal | None
    rating_count: int
    median_days_to_answer: int | None
    within_deadline: Fraction | None
    answered: int

    @property
    def within_deadline_percent(self) -> Decimal | None:
        return percent(self.within_deadline)

    @classmethod
    def of(cls, summary: Summary) -> ComplaintFeed:
        return cls(
            rating_mean=summary.rating_mean,
            rating_count=summary.rating_count,
            median_days_to_answer=summary.answer.median,
            within_deadline=summary.within_deadline,
            answered=summary.answered,
        )
