"""Jury scores of an innovation competition (KIPP practice, PermenPANRB 7/2021).

Each juri scores each criterion with an integer on the call's scale (default 1–10).
With weights w_c summing to exactly 1:

    juri total     = Σ_c w_c × score_c × 10                 (0–100 on the 1–10 scale)
    proposal score = mean of its juri totals; with 5 or more juri, one highest and
                     one lowest total are dropped first

Ties are broken by the mean score on each criterion in the call's tie order (default
bermanfaat, efektif, kebaruan, berkelanjutan, mudah disebarkan), then by the earlier
submission. Arithmetic is exact (Fraction); round only for display.

Pure module: standard library only.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum
from fractions import Fraction

KEBARUAN = "kebaruan"
EFEKTIF = "efektif"
BERMANFAAT = "bermanfaat"
MUDAH_DISEBARKAN = "mudah_disebarkan"
BERKELANJUTAN = "berkelanjutan"

CRITERIA: tuple[str, ...] = (
    KEBARUAN,
    EFEKTIF,
    BERMANFAAT,
    MUDAH_DISEBARKAN,
    BERKELANJUTAN,
)
DEFAULT_WEIGHTS: Mapping[str, Fraction] = {
    KEBARUAN: Fraction(25, 100),
    EFEKTIF: Fraction(20, 100),
    BERMANFAAT: Fraction(25, 100),
    MUDAH_DISEBARKAN: Fraction(15, 100),
    BERKELANJUTAN: Fraction(15, 100),
}
DEFAULT_TIE_ORDER: tuple[str, ...] = (
    BERMANFAAT,
    EFEKTIF,
    KEBARUAN,
    BERKELANJUTAN,
    MUDAH_DISEBARKAN,
)
DEFAULT_SCALE = (1, 10)
TRIM_FROM = 5  # with this many juri or more, drop one highest and one lowest total

Scores = Mapping[str, int]


class Problem(Enum):
    """What is wrong with a call's scoring rules."""

    WEIGHT_OUT_OF_RANGE = "weight_out_of_range"  # missing, below 0 or above 1
    WEIGHTS_NOT_ONE = "weights_not_one"
    SCALE_NEGATIVE = "scale_negative"
    SCALE_EMPTY = "scale_empty"  # the highest score is not above the lowest
    TIE_ORDER_NOT_EACH_ONCE = "tie_order_not_each_once"


def rules_problems(
    weights: Mapping[str, Fraction | None],
    scale: tuple[int, int],
    tie_order: Sequence[str],
) -> list[tuple[Problem, str | None]]:
    """Return what is wrong with the rules, each with the criterion it concerns (None
    when it concerns the rules as a whole); empty when the rules are valid.

    Every weight lies in [0, 1] (None stands for a value that is no number) and
    together they sum to exactly 1; the scale runs from a non-negative lowest score
    to a higher highest one; the tie order names each weighted criterion once.
    """
    problems: list[tuple[Problem, str | None]] = [
        (Problem.WEIGHT_OUT_OF_RANGE, criterion)
        for criterion, weight in weights.items()
        if weight is None or not 0 <= weight <= 1
    ]
    given = [weight for weight in weights.values() if weight is not None]
    if not problems and sum(given, Fraction(0)) != 1:
        problems.append((Problem.WEIGHTS_NOT_ONE, None))
    low, high = scale
    if low < 0:
        problems.append((Problem.SCALE_NEGATIVE, None))
    elif high <= low:
        problems.append((Problem.SCALE_EMPTY, None))
    if sorted(tie_order) != sorted(weights):
        problems.append((Problem.TIE_ORDER_NOT_EACH_ONCE, None))
    return problems


@dataclass(frozen=True)
class Rules:
    """A call's scoring rules: weights per criterion, score scale and tie order;
    refused with ValueError unless ``rules_problems`` finds nothing wrong."""

    weights: Mapping[str, Fraction]
    scale: tuple[int, int] = DEFAULT_SCALE
    tie_order: tuple[str, ...] = DEFAULT_TIE_ORDER

    def __post_init__(self) -> None:
        problems = rules_problems(self.weights, self.scale, self.tie_order)
        if problems:
            raise ValueError(
                "invalid scoring rules: "
                + ", ".join(
                    problem.value + (f" ({criterion})" if criterion else "")
                    for problem, criterion in problems
                )
            )


DEFAULT_RULES = Rules(DEFAULT_WEIGHTS)


def score_problem(criterion: str, value: object, scale: tuple[int, int]) -> str | None:
    """Return why ``value`` is no score of ``criterion`` on ``scale``, or None."""
    low, high = scale
    if value is None:
        return f"{criterion}: no score"
    if isinstance(value, bool) or not isinstance(value, int):
        return f"{criterion}: {value!r} is not a whole number"
    if not low <= value <= high:
        return f"{criterion}: {value} is outside {low}–{high}"
    return None


def check_scores(scores: Scores, rules: Rules = DEFAULT_RULES) -> None:
    """Raise ValueError naming the criterion when a score is missing or off the scale."""
    for criterion in rules.weights:
        problem = score_problem(criterion, scores.get(criterion), rules.scale)
        if problem is not None:
            raise ValueError(problem)


def juri_total(scores: Scores, rules: Rules = DEFAULT_RULES) -> Fraction:
    """Return one juri's weighted total on the 0–100 scale of a 1–10 call."""
    check_scores(scores, rules)
    return sum((w * scores[c] * 10 for c, w in rules.weights.items()), Fraction(0))


def proposal_score(totals: Sequence[Fraction]) -> Fraction:
    """Return the mean of the juri totals, trimmed by one at each end from 5 juri."""
    if not totals:
        raise ValueError("a proposal needs at least one juri total")
    ordered = sorted(totals)
    if len(ordered) >= TRIM_FROM:
        ordered = ordered[1:-1]
    return sum(ordered, Fraction(0)) / len(ordered)


@dataclass(frozen=True)
class Ranked:
    """A proposal's result: score, per-criterion means and rank (1 = best)."""

    key: str
    score: Fraction
    criterion_means: Mapping[str, Fraction]
    submitted_at: datetime
    rank: int

    @property
    def score_display(self) -> Decimal:
        return display(self.score)


def criterion_means(sheets: Sequence[Scores], rules: Rules) -> dict[str, Fraction]:
    """Return each criterion's mean score over the juri sheets (untrimmed)."""
    return {
        c: Fraction(sum(sheet[c] for sheet in sheets), len(sheets))
        for c in rules.weights
    }


def rank(
    proposals: Mapping[str, tuple[Sequence[Scores], datetime]],
    rules: Rules = DEFAULT_RULES,
) -> list[Ranked]:
    """Rank proposals by score, then the tie order's criterion means, then time.

    ``proposals`` maps a key to (the juri score sheets, the submission time).
    """
    rows = []
    for key, (sheets, submitted_at) in proposals.items():
        score = proposal_score([juri_total(sheet, rules) for sheet in sheets])
        rows.append((key, score, criterion_means(sheets, rules), submitted_at))
    rows.sort(
        key=lambda r: (
            -r[1],
            *(-r[2][c] for c in rules.tie_order),
            r[3],
        )
    )
    return [
        Ranked(key, score, means, submitted_at, position)
        for position, (key, score, means, submitted_at) in enumerate(rows, start=1)
    ]


def display(value: Fraction, places: int = 2) -> Decimal:
    """Return ``value`` rounded half up to ``places`` decimals."""
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
