"""Indeks Kepuasan Masyarakat (IKM) from the answers of a Survei Kepuasan Masyarakat.

Legal basis: PermenPANRB No. 14 Tahun 2017, Pedoman Penyusunan Survei Kepuasan
Masyarakat Unit Penyelenggara Pelayanan Publik (nine unsur, answers scored 1–4).

With n completed responses and x(r, u) ∈ {1, 2, 3, 4} the answer of respondent r on
unsur u:

    NRR_u  = Σ_r x(r, u) / n                 (nilai rata-rata per unsur)
    NRRT_u = NRR_u × w_u                     (weighted; w_u = 1/9 exactly by default)
    SKM    = Σ_u NRRT_u                      (index on the 1–4 scale)
    IKM    = SKM × 25                        (converted index, 25–100)

Everything is computed in exact fractions; nothing is rounded before the ×25. For
grading, a converted value is rounded to two decimals half up on its exact value,
then classified by lower bounds: ≥ 88.31 A (Sangat Baik), ≥ 76.61 B (Baik),
≥ 65.00 C (Kurang Baik), otherwise D (Tidak Baik). The same rule grades one unsur
from NRR_u × 25. An unsur graded C or D is weak; the weakest are those with the lowest
NRR (ties all listed).

Inputs are per-unsur counts of each score, because reports sum pre-aggregated
rollups rather than raw responses; ``counts_from_rows`` builds them from raw rows.
Zero responses have no index: ``compute`` raises ``EmptySurveyError`` (a
``ValueError``) so that a caller shows "no data" instead of a made-up grade.

Weights are 1/9 each unless a Pemda configures unequal weights, which must sum to
exactly 1. ``legacy_weight`` (for instance ``Decimal("0.111")``) applies one rounded
weight to every unsur, only to reproduce old spreadsheets: the four-respondent worked
example gives 79.86 with 1/9 and 79.78 with 0.111.

Pure module: standard library only.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from types import MappingProxyType


class Unsur(StrEnum):
    """The nine unsur, by stable code (never by position on a questionnaire)."""

    U1 = "U1"
    U2 = "U2"
    U3 = "U3"
    U4 = "U4"
    U5 = "U5"
    U6 = "U6"
    U7 = "U7"
    U8 = "U8"
    U9 = "U9"

    @property
    def nama(self) -> str:
        """Return the unsur's name as the regulation writes it."""
        return _NAMA[self]


_NAMA: Mapping[Unsur, str] = {
    Unsur.U1: "Persyaratan",
    Unsur.U2: "Sistem, Mekanisme, dan Prosedur",
    Unsur.U3: "Waktu Penyelesaian",
    Unsur.U4: "Biaya/Tarif",
    Unsur.U5: "Produk Spesifikasi Jenis Pelayanan",
    Unsur.U6: "Kompetensi Pelaksana",
    Unsur.U7: "Perilaku Pelaksana",
    Unsur.U8: "Penanganan Pengaduan, Saran dan Masukan",
    Unsur.U9: "Sarana dan Prasarana",
}

#: Code order U1..U9, the order of every result mapping and tuple.
CODE_ORDER: tuple[Unsur, ...] = tuple(Unsur)

#: The order the regulation's sample questionnaire asks in: facilities (U9) before
#: complaints handling (U8).
QUESTIONNAIRE_ORDER: tuple[Unsur, ...] = (
    Unsur.U1,
    Unsur.U2,
    Unsur.U3,
    Unsur.U4,
    Unsur.U5,
    Unsur.U6,
    Unsur.U7,
    Unsur.U9,
    Unsur.U8,
)

SCORES: tuple[int, ...] = (1, 2, 3, 4)
CONVERSION_FACTOR = 25
EQUAL_WEIGHT = Fraction(1, 9)


class Mutu(StrEnum):
    """Mutu pelayanan, A best."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"

    @property
    def kinerja(self) -> str:
        """Return the kinerja unit label the regulation pairs with this mutu."""
        return _KINERJA[self]


_KINERJA: Mapping[Mutu, str] = {
    Mutu.A: "Sangat Baik",
    Mutu.B: "Baik",
    Mutu.C: "Kurang Baik",
    Mutu.D: "Tidak Baik",
}

#: Lower bounds on the converted value rounded to two decimals, best first; anything
#: below the last bound is D.
MUTU_LOWER_BOUNDS: tuple[tuple[Decimal, Mutu], ...] = (
    (Decimal("88.31"), Mutu.A),
    (Decimal("76.61"), Mutu.B),
    (Decimal("65.00"), Mutu.C),
)

WEAK_MUTU: frozenset[Mutu] = frozenset({Mutu.C, Mutu.D})
# The same bounds in hundredths, compared with ``_rounded_units(value, 2)``.
_MUTU_LOWER_HUNDREDTHS: tuple[tuple[int, Mutu], ...] = tuple(
    (int(bound * 100), mutu) for bound, mutu in MUTU_LOWER_BOUNDS
)


class EmptySurveyError(ValueError):
    """Raised when an index is asked of zero responses."""


def _rounded_units(value: Fraction | Decimal | int, places: int) -> int:
    """Return ``value`` × 10^places rounded half up (away from zero), as an int.

    Integer arithmetic on the exact numerator and denominator: the report rounds
    thousands of values, and Fraction arithmetic was most of its time.
    """
    if places < 0:
        raise ValueError(f"places must not be negative, got {places}")
    if isinstance(value, int):
        numerator, denominator = value, 1
    else:
        exact = value if isinstance(value, Fraction) else Fraction(value)
        numerator, denominator = exact.numerator, exact.denominator
    return _round_ratio(numerator, denominator, places)


def _round_ratio(numerator: int, denominator: int, places: int) -> int:
    """Return numerator / denominator (denominator > 0) × 10^places rounded half up."""
    # floor(|n| / d × 10^p + 1/2) = floor((2 |n| 10^p + d) / 2d)
    scale: int = 10**places
    rounded = (2 * abs(numerator) * scale + denominator) // (2 * denominator)
    return -rounded if numerator < 0 else rounded


def display_round(value: Fraction | Decimal | int, places: int = 2) -> Decimal:
    """Return ``value`` rounded half up (away from zero) to ``places`` decimals.

    The rounding is done on the exact value, so 79.865 becomes 79.87; a binary
    float holds 79.865 as 79.86499…, which ``round`` takes down to 79.86.
    """
    return Decimal(_rounded_units(value, places)).scaleb(-places)


def convert(value: Fraction | Decimal | int) -> Fraction:
    """Return a value on the 1–4 scale converted to the 25–100 scale (× 25)."""
    return Fraction(value) * CONVERSION_FACTOR


def classify(converted: Fraction | Decimal | int) -> Mutu:
    """Return the mutu of a converted (25–100) value: round to 2 decimals, then grade."""
    return _grade(_rounded_units(converted, 2))


def _grade(shown: int) -> Mutu:
    """Return the mutu of a converted value already rounded to hundredths."""
    for bound, mutu in _MUTU_LOWER_HUNDREDTHS:
        if shown >= bound:
            return mutu
    return Mutu.D


@dataclass(frozen=True)
class ScoreCounts:
    """How many respondents gave each score 1–4 on one unsur."""

    ones: int = 0
    twos: int = 0
    threes: int = 0
    fours: int = 0

    def __post_init__(self) -> None:
        for name in ("ones", "twos", "threes", "fours"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int):
                raise TypeError(f"{name} must be an int, got {value!r}")
            if value < 0:
                raise ValueError(f"{name} must not be negative, got {value}")

    @classmethod
    def from_scores(cls, scores: Iterable[int]) -> ScoreCounts:
        """Return the counts of an iterable of single answers 1–4."""
        tally: Counter[int] = Counter()
        for score in scores:
            tally[_check_score(score)] += 1
        return cls(tally[1], tally[2], tally[3], tally[4])

    def as_tuple(self) -> tuple[int, int, int, int]:
        """Return the counts of scores 1, 2, 3 and 4."""
        return (self.ones, self.twos, self.threes, self.fours)

    @property
    def total(self) -> int:
        """Return the number of answers counted."""
        return sum(self.as_tuple())

    @property
    def score_sum(self) -> int:
        """Return the sum of all answers counted."""
        return sum(s * c for s, c in zip(SCORES, self.as_tuple(), strict=True))

    def __add__(self, other: ScoreCounts) -> ScoreCounts:
        return ScoreCounts(
            *(a + b for a, b in zip(self.as_tuple(), other.as_tuple(), strict=True))
        )


#: Score counts for each of the nine unsur.
Counts = Mapping[Unsur, ScoreCounts]


def _check_score(score: int) -> int:
    if isinstance(score, bool) or not isinstance(score, int) or score not in SCORES:
        raise ValueError(f"an answer must be an integer 1–4, got {score!r}")
    return score


def counts_from_rows(
    rows: Iterable[Mapping[Unsur, int] | Sequence[int]],
) -> dict[Unsur, ScoreCounts]:
    """Return per-unsur score counts of raw responses.

    Each row is either a mapping from every unsur to its answer or a sequence of
    nine answers in code order U1..U9 (not questionnaire order). Answers must be
    integers 1–4.
    """
    tallies: dict[Unsur, Counter[int]] = {u: Counter() for u in CODE_ORDER}
    for index, row in enumerate(rows):
        if isinstance(row, Mapping):
            missing = [u for u in CODE_ORDER if u not in row]
            if missing:
                names = ", ".join(missing)
                raise ValueError(f"row {index} has no answer for {names}")
            answers = [row[u] for u in CODE_ORDER]
        else:
            answers = list(row)
            if len(answers) != len(CODE_ORDER):
                raise ValueError(
                    f"row {index} has {len(answers)} answers, expected {len(CODE_ORDER)}"
                )
        for unsur, answer in zip(CODE_ORDER, answers, strict=True):
            try:
                tallies[unsur][_check_score(answer)] += 1
            except ValueError as error:
                raise ValueError(f"row {index}, {unsur}: {error}") from None
    return {u: ScoreCounts(t[1], t[2], t[3], t[4]) for u, t in tallies.items()}


def add_counts(*parts: Counts) -> dict[Unsur, ScoreCounts]:
    """Return the per-unsur sum of several count mappings (e.g. rollup rows)."""
    sums = {u: [0, 0, 0, 0] for u in CODE_ORDER}
    for part in parts:
        for unsur, counts in part.items():
            into = sums[Unsur(unsur)]
            for index, value in enumerate(counts.as_tuple()):
                into[index] += value
    return {u: ScoreCounts(*values) for u, values in sums.items()}


def _respondents(counts: Counts) -> int:
    missing = [u for u in CODE_ORDER if u not in counts]
    if missing:
        raise ValueError(f"no counts for {', '.join(missing)}")
    unknown = sorted(str(k) for k in counts if k not in CODE_ORDER)
    if unknown:
        raise ValueError(f"unknown unsur {', '.join(unknown)}")
    totals = {u: counts[u].total for u in CODE_ORDER}
    # The most common total (the first in code order on a tie) is taken as n, so the
    # message names the odd ones out.
    n = Counter(totals.values()).most_common(1)[0][0]
    odd = [u for u in CODE_ORDER if totals[u] != n]
    if odd:
        detail = ", ".join(f"{u} has {totals[u]}" for u in odd)
        raise ValueError(
            f"inconsistent counts: {detail} responses while the others have {n}"
        )
    return n


def _resolve_weights(
    weights: Mapping[Unsur, Fraction | Decimal | int] | None,
    legacy_weight: Decimal | None,
) -> dict[Unsur, Fraction]:
    if weights is not None and legacy_weight is not None:
        raise ValueError("give either weights or legacy_weight, not both")
    if legacy_weight is not None:
        if not isinstance(legacy_weight, Decimal) or not legacy_weight.is_finite():
            raise TypeError(
                f"legacy_weight must be a finite Decimal: {legacy_weight!r}"
            )
        if not 0 < legacy_weight <= 1:
            raise ValueError(f"legacy_weight must be in (0, 1], got {legacy_weight}")
        return dict.fromkeys(CODE_ORDER, Fraction(legacy_weight))
    if weights is None:
        return dict.fromkeys(CODE_ORDER, EQUAL_WEIGHT)
    missing = [u for u in CODE_ORDER if u not in weights]
    if missing:
        raise ValueError(f"no weight for {', '.join(missing)}")
    unknown = sorted(str(k) for k in weights if k not in CODE_ORDER)
    if unknown:
        raise ValueError(f"weight for unknown unsur {', '.join(unknown)}")
    resolved: dict[Unsur, Fraction] = {}
    for unsur in CODE_ORDER:
        weight = weights[unsur]
        # A float such as 0.1 is not the decimal it prints, so the sum could never
        # be exactly 1; only exact types are accepted.
        if isinstance(weight, bool) or not isinstance(weight, Fraction | Decimal | int):
            raise TypeError(
                f"weight of {unsur} must be a Fraction, Decimal or int, got {weight!r}"
            )
        if isinstance(weight, Decimal) and not weight.is_finite():
            raise ValueError(f"weight of {unsur} must be finite, got {weight}")
        if weight < 0:
            raise ValueError(f"weight of {unsur} must not be negative, got {weight}")
        resolved[unsur] = Fraction(weight)
    total = sum(resolved.values(), Fraction(0))
    if total != 1:
        raise ValueError(f"weights must sum to exactly 1, they sum to {total}")
    return resolved


@dataclass(frozen=True)
class IkmResult:
    """The index of one scope of responses; mappings are in code order U1..U9.

    ``skm`` is the index on the 1–4 scale, ``ikm`` the converted one (× 25). All
    numbers are exact; use ``display_round`` to show them.
    """

    respondents: int
    weights: Mapping[Unsur, Fraction]
    nrr: Mapping[Unsur, Fraction]
    weighted_nrr: Mapping[Unsur, Fraction]
    unsur_mutu: Mapping[Unsur, Mutu]
    skm: Fraction
    ikm: Fraction
    mutu: Mutu
    weak: tuple[Unsur, ...]
    weakest: tuple[Unsur, ...]
    legacy_weight: Decimal | None = None

    @property
    def kinerja(self) -> str:
        """Return the kinerja unit label of the overall mutu."""
        return self.mutu.kinerja

    @property
    def ikm_display(self) -> Decimal:
        """Return the converted index rounded half up to two decimals."""
        return display_round(self.ikm)

    def nrr_converted(self, unsur: Unsur) -> Fraction:
        """Return one unsur's NRR × 25, the value its grade is read from."""
        return convert(self.nrr[unsur])

    @property
    def weak_by_nrr(self) -> tuple[Unsur, ...]:
        """Return the weak unsur from lowest NRR up (ties in code order).

        This is the order the rencana tindak lanjut lists them in.
        """
        return tuple(
            sorted(self.weak, key=lambda u: (self.nrr[u], CODE_ORDER.index(u)))
        )


def compute(
    counts: Counts,
    *,
    weights: Mapping[Unsur, Fraction | Decimal | int] | None = None,
    legacy_weight: Decimal | None = None,
) -> IkmResult:
    """Return the IKM of per-unsur score counts.

    ``weights`` (exact, summing to 1) replaces the equal 1/9; ``legacy_weight``
    instead applies one rounded weight to every unsur to reproduce an old spreadsheet.
    Raise ``EmptySurveyError`` for zero responses and ``ValueError`` when an unsur's
    counts total differently from the others.
    """
    resolved = _resolve_weights(weights, legacy_weight)
    n = _respondents(counts)
    if n == 0:
        raise EmptySurveyError("no responses: the index is undefined for n = 0")
    sums = {u: counts[u].score_sum for u in CODE_ORDER}
    nrr = {u: Fraction(sums[u], n) for u in CODE_ORDER}
    weighted = {u: nrr[u] * resolved[u] for u in CODE_ORDER}
    skm = sum(weighted.values(), Fraction(0))
    ikm = convert(skm)
    # The grade of NRR × 25 = 25 · sum / n, rounded from the integers themselves.
    unsur_mutu = {
        u: _grade(_round_ratio(sums[u] * CONVERSION_FACTOR, n, 2)) for u in CODE_ORDER
    }
    lowest = min(nrr.values())
    return IkmResult(
        respondents=n,
        weights=MappingProxyType(resolved),
        nrr=MappingProxyType(nrr),
        weighted_nrr=MappingProxyType(weighted),
        unsur_mutu=MappingProxyType(unsur_mutu),
        skm=skm,
        ikm=ikm,
        mutu=classify(ikm),
        weak=tuple(u for u in CODE_ORDER if unsur_mutu[u] in WEAK_MUTU),
        weakest=tuple(u for u in CODE_ORDER if nrr[u] == lowest),
        legacy_weight=legacy_weight,
    )


def compute_from_rows(
    rows: Iterable[Mapping[Unsur, int] | Sequence[int]],
    *,
    weights: Mapping[Unsur, Fraction | Decimal | int] | None = None,
    legacy_weight: Decimal | None = None,
) -> IkmResult:
    """Return the IKM of raw responses (see ``counts_from_rows`` for row shapes)."""
    return compute(counts_from_rows(rows), weights=weights, legacy_weight=legacy_weight)
