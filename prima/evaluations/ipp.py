"""Indeks Pelayanan Publik (IPP) of PEKPPP (PermenPANRB 29/2022 jo. 4/2023).

With the weights of the cycle's instrument (``prima.evaluations.instrument``):

    NilaiAspek     = Σ indicator score (0–5) × indicator weight
    IPP_evaluator  = Σ NilaiAspek × aspect weight                         (0–5)
    IPP_users      = the same formula over the users' aspect values: the mean of the
                     F-03 statement means of an aspect; an aspect without F-03
                     statements (Inovasi) takes the evaluator's value
    IPP            = (1 − w_users) × IPP_evaluator + w_users × IPP_users

Every step keeps full precision (``Decimal``); only the final IPP is rounded, to two
decimals half up, and classified by the lower bounds of ``LADDER`` (KemenPAN-RB
publishes two-decimal values: 3.36 is B-). Without F-03 means the IPP is the
evaluator's.

Pure module: standard library only.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from prima.evaluations.instrument import Instrument

MIN_SCORE = Decimal(0)
MAX_SCORE = Decimal(5)
CENT = Decimal("0.01")

# (lower bound of the rounded IPP, kategori, predikat), highest first.
LADDER: tuple[tuple[Decimal, str, str], ...] = (
    (Decimal("4.51"), "A", "Pelayanan Prima"),
    (Decimal("4.01"), "A-", "Sangat Baik"),
    (Decimal("3.51"), "B", "Baik"),
    (Decimal("3.01"), "B-", "Baik (Dengan Catatan)"),
    (Decimal("2.51"), "C", "Cukup"),
    (Decimal("2.01"), "C-", "Cukup (Dengan Catatan)"),
    (Decimal("1.51"), "D", "Buruk"),
    (Decimal("1.01"), "E", "Sangat Buruk"),
    (Decimal("0.00"), "F", "Gagal"),
)

Score = Decimal | int


@dataclass(frozen=True)
class IppResult:
    """Per-aspect values and indices of one unit; ``ipp`` is rounded, the rest not.

    ``users_aspects`` and ``ipp_users`` are None when no F-03 means were given.
    """

    aspects: Mapping[str, Decimal]
    ipp_evaluator: Decimal
    users_aspects: Mapping[str, Decimal] | None
    ipp_users: Decimal | None
    w_users: Decimal
    ipp_exact: Decimal
    ipp: Decimal
    kategori: str
    predikat: str


def round_ipp(value: Decimal) -> Decimal:
    """Return ``value`` rounded to two decimals, half up."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def classify(ipp: Decimal) -> tuple[str, str]:
    """Return the kategori and predikat of a (two-decimal) IPP in [0, 5]."""
    if not MIN_SCORE <= ipp <= MAX_SCORE:
        raise ValueError(f"IPP {ipp} is outside 0–5")
    for bound, kategori, predikat in LADDER:
        if ipp >= bound:
            return kategori, predikat
    raise AssertionError("the ladder starts at 0")  # pragma: no cover


def _checked(value: Score, what: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        raise ValueError(f"{what}: {value!r} is not a number")
    number = Decimal(value)
    if not number.is_finite() or not MIN_SCORE <= number <= MAX_SCORE:
        raise ValueError(f"{what}: {value} is outside 0–5")
    return number


def aspect_values(
    instrument: Instrument, scores: Mapping[int, Score]
) -> dict[str, Decimal]:
    """Return NilaiAspek per aspect code from one score 0–5 per indicator number.

    Raise ValueError when an indicator has no score, a number is no indicator of
    the instrument or a score lies outside 0–5.
    """
    numbers = {i.number for i in instrument.indicators}
    unknown = sorted(set(scores) - numbers)
    if unknown:
        raise ValueError(f"indicators {unknown} are not in the instrument")
    values: dict[str, Decimal] = {}
    for aspect in instrument.aspects:
        total = Decimal(0)
        for indicator in aspect.indicators:
            if indicator.number not in scores:
                raise ValueError(f"indicator {indicator.number} has no score")
            score = _checked(scores[indicator.number], f"indicator {indicator.number}")
            total += score * indicator.weight
        values[aspect.code] = total
    return values


def weighted(instrument: Instrument, values: Mapping[str, Decimal]) -> Decimal:
    """Return Σ aspect value × aspect weight."""
    return sum(
        (values[aspect.code] * aspect.weight for aspect in instrument.aspects),
        Decimal(0),
    )


def users_aspect_values(
    instrument: Instrument,
    statement_means: Mapping[str, Score],
    evaluator_aspects: Mapping[str, Decimal],
) -> dict[str, Decimal]:
    """Return the users' value per aspect: the mean of its F-03 statement means, or
    the evaluator's value for an aspect without statements.

    Raise ValueError unless every statement of the instrument, and no other, has a
    mean in 0–5.
    """
    codes = {s.code for s in instrument.statements}
    if set(statement_means) != codes:
        missing = sorted(codes - set(statement_means))
        unknown = sorted(set(statement_means) - codes)
        raise ValueError(f"F-03 means: missing {missing}, unknown {unknown}")
    values: dict[str, Decimal] = {}
    for aspect in instrument.aspects:
        means = [
            _checked(statement_means[s.code], f"statement {s.code}")
            for s in instrument.statements
            if s.aspect == aspect.code
        ]
        if means:
            values[aspect.code] = sum(means, Decimal(0)) / len(means)
        else:
            values[aspect.code] = evaluator_aspects[aspect.code]
    return values


def compute(
    instrument: Instrument,
    scores: Mapping[int, Score],
    statement_means: Mapping[str, Score] | None = None,
) -> IppResult:
    """Return the IPP of one unit from the evaluator's score per indicator number and,
    when given, the mean 0–5 of each F-03 statement."""
    aspects = aspect_values(instrument, scores)
    ipp_evaluator = weighted(instrument, aspects)
    users_aspects = None
    ipp_users = None
    exact = ipp_evaluator
    if statement_means is not None:
        users_aspects = users_aspect_values(instrument, statement_means, aspects)
        ipp_users = weighted(instrument, users_aspects)
        share = instrument.w_users
        exact = (1 - share) * ipp_evaluator + share * ipp_users
    ipp = round_ipp(exact)
    kategori, predikat = classify(ipp)
    return IppResult(
        aspects=aspects,
        ipp_evaluator=ipp_evaluator,
        users_aspects=users_aspects,
        ipp_users=ipp_users,
        w_users=instrument.w_users,
        ipp_exact=exact,
        ipp=ipp,
        kategori=kategori,
        predikat=predikat,
    )
