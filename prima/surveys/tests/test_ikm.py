"""Tests of the IKM computation against the worked examples of PermenPANRB 14/2017."""

from __future__ import annotations

import random
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from prima.surveys.ikm import (
    CODE_ORDER,
    QUESTIONNAIRE_ORDER,
    EmptySurveyError,
    Mutu,
    ScoreCounts,
    Unsur,
    add_counts,
    classify,
    compute,
    compute_from_rows,
    convert,
    counts_from_rows,
    display_round,
)

U1, U2, U3, U4, U5, U6, U7, U8, U9 = CODE_ORDER

# The four respondents of the worked example, in code order U1..U9.
FOUR_RESPONDENTS = [
    [4, 4, 4, 4, 4, 4, 4, 4, 4],
    [3, 3, 3, 3, 3, 3, 3, 3, 3],
    [2, 3, 2, 4, 3, 3, 3, 3, 2],
    [3, 2, 1, 4, 3, 4, 4, 3, 3],
]

# Grade rank, 0 best: a higher answer must never move the rank up.
RANK = {mutu: rank for rank, mutu in enumerate(Mutu)}

rows_strategy = st.lists(
    st.lists(st.integers(1, 4), min_size=9, max_size=9), min_size=1, max_size=25
)


def test_unsur_codes_are_stable_and_questionnaire_swaps_u8_u9() -> None:
    """Codes run U1..U9 and the questionnaire asks U9 (sarana) before U8."""
    assert [str(u) for u in CODE_ORDER] == [f"U{i}" for i in range(1, 10)]
    assert QUESTIONNAIRE_ORDER == (U1, U2, U3, U4, U5, U6, U7, U9, U8)
    assert sorted(QUESTIONNAIRE_ORDER) == list(CODE_ORDER)
    assert U8.nama == "Penanganan Pengaduan, Saran dan Masukan"
    assert U9.nama == "Sarana dan Prasarana"


def test_one_respondent() -> None:
    """One respondent answering 4,4,3,4,4,4,4,3,3 gets IKM 91.67, mutu A."""
    result = compute_from_rows([[4, 4, 3, 4, 4, 4, 4, 3, 3]])
    assert result.respondents == 1
    assert sum(result.nrr.values()) == 33
    assert result.skm == Fraction(33, 9)
    assert display_round(result.skm, 4) == Decimal("3.6667")
    assert result.ikm_display == Decimal("91.67")
    assert result.mutu is Mutu.A
    assert result.kinerja == "Sangat Baik"


@pytest.mark.parametrize(
    ("skm", "ikm", "mutu"),
    [
        ("1.00", "25.00", Mutu.D),
        ("2.5996", "64.99", Mutu.D),
        ("2.60", "65.00", Mutu.C),
        ("3.064", "76.60", Mutu.C),
        ("3.0644", "76.61", Mutu.B),
        ("3.532", "88.30", Mutu.B),
        ("3.5324", "88.31", Mutu.A),
        ("4.00", "100.00", Mutu.A),
        # Inside the printed gaps: 76.605 and 64.995 round up into the better grade.
        ("3.0642", "76.61", Mutu.B),
        ("2.5998", "65.00", Mutu.C),
        ("3.5322", "88.31", Mutu.A),
    ],
)
def test_boundaries(skm: str, ikm: str, mutu: Mutu) -> None:
    """Each boundary SKM converts to the printed IKM and grades by lower bounds."""
    converted = convert(Decimal(skm))
    assert display_round(converted) == Decimal(ikm)
    assert str(display_round(converted)) == ikm
    assert classify(converted) is mutu


def test_mutu_kinerja_labels() -> None:
    """Each mutu carries the regulation's kinerja label."""
    assert [m.kinerja for m in Mutu] == [
        "Sangat Baik",
        "Baik",
        "Kurang Baik",
        "Tidak Baik",
    ]


@pytest.mark.parametrize(
    ("value", "places", "shown"),
    [
        (Fraction(76605, 1000), 2, "76.61"),
        (Decimal("76.605"), 2, "76.61"),
        (Decimal("76.6049999"), 2, "76.60"),
        (Fraction(2875, 36), 2, "79.86"),
        (Fraction(115, 36), 4, "3.1944"),
        (75, 2, "75.00"),
        (Fraction(-1, 200), 2, "-0.01"),
        (Fraction(5, 2), 0, "3"),
    ],
)
def test_display_round_is_half_up_on_the_exact_value(
    value: Fraction | Decimal | int, places: int, shown: str
) -> None:
    """Display rounding is half up on the exact value and keeps trailing zeros."""
    assert str(display_round(value, places)) == shown


def test_display_round_beats_float_rounding() -> None:
    """A binary float can hold a half just below it (79.865 rounds to 79.86)."""
    assert round(79.865, 2) == 79.86
    assert display_round(Fraction(79865, 1000)) == Decimal("79.87")
    assert display_round(Decimal("79.865")) == Decimal("79.87")


@pytest.mark.parametrize(
    ("unsur", "nrr", "converted", "mutu"),
    [
        (U1, "3.00", "75.00", Mutu.C),
        (U2, "3.00", "75.00", Mutu.C),
        (U3, "2.50", "62.50", Mutu.D),
        (U4, "3.75", "93.75", Mutu.A),
        (U5, "3.25", "81.25", Mutu.B),
        (U6, "3.50", "87.50", Mutu.B),
        (U7, "3.50", "87.50", Mutu.B),
        (U8, "3.25", "81.25", Mutu.B),
        (U9, "3.00", "75.00", Mutu.C),
    ],
)
def test_four_respondents_per_unsur(
    unsur: Unsur, nrr: str, converted: str, mutu: Mutu
) -> None:
    """Each unsur's NRR, NRR × 25 and grade match the worked example."""
    result = compute_from_rows(FOUR_RESPONDENTS)
    assert result.nrr[unsur] == Fraction(nrr)
    assert str(display_round(result.nrr[unsur])) == nrr
    assert result.weighted_nrr[unsur] == Fraction(nrr) / 9
    assert str(display_round(result.nrr_converted(unsur))) == converted
    assert result.unsur_mutu[unsur] is mutu


def test_four_respondents_overall() -> None:
    """Four respondents give SKM 3.19444…, IKM 79.86, mutu B, weak U1 U2 U3 U9."""
    result = compute_from_rows(FOUR_RESPONDENTS)
    assert result.respondents == 4
    assert result.skm == Fraction(115, 36)
    assert display_round(result.skm, 5) == Decimal("3.19444")
    assert result.ikm == Fraction(2875, 36)
    assert result.ikm_display == Decimal("79.86")
    assert result.mutu is Mutu.B
    assert result.kinerja == "Baik"
    assert result.weak == (U1, U2, U3, U9)
    assert result.weakest == (U3,)
    assert result.weak_by_nrr == (U3, U1, U2, U9)
    assert all(w == Fraction(1, 9) for w in result.weights.values())
    assert result.legacy_weight is None


def test_legacy_weight_reproduces_old_spreadsheet() -> None:
    """The legacy weight 0.111 turns the four respondents' 79.86 into 79.78."""
    result = compute_from_rows(FOUR_RESPONDENTS, legacy_weight=Decimal("0.111"))
    assert result.skm == Fraction("3.19125")
    assert result.ikm == Fraction("79.78125")
    assert result.ikm_display == Decimal("79.78")
    assert result.mutu is Mutu.B
    assert result.legacy_weight == Decimal("0.111")
    # Per-unsur NRR and grades do not depend on the weight.
    assert result.nrr == compute_from_rows(FOUR_RESPONDENTS).nrr


def test_counts_and_rows_give_the_same_result() -> None:
    """Counts built by hand (as from rollups) equal counts built from raw rows."""
    counts = {
        U1: ScoreCounts(ones=0, twos=1, threes=2, fours=1),
        U2: ScoreCounts(0, 1, 2, 1),
        U3: ScoreCounts(1, 1, 1, 1),
        U4: ScoreCounts(0, 0, 1, 3),
        U5: ScoreCounts(0, 0, 3, 1),
        U6: ScoreCounts(0, 0, 2, 2),
        U7: ScoreCounts(0, 0, 2, 2),
        U8: ScoreCounts(0, 0, 3, 1),
        U9: ScoreCounts(0, 1, 2, 1),
    }
    assert counts_from_rows(FOUR_RESPONDENTS) == counts
    assert compute(counts) == compute_from_rows(FOUR_RESPONDENTS)


def test_rows_may_be_mappings_by_code() -> None:
    """A row may map unsur codes to answers, in any order."""
    mapped = [
        {u: row[i] for i, u in reversed(list(enumerate(CODE_ORDER)))}
        for row in FOUR_RESPONDENTS
    ]
    assert compute_from_rows(mapped) == compute_from_rows(FOUR_RESPONDENTS)


def test_add_counts_sums_rollups() -> None:
    """Summing the counts of two halves equals counting all rows at once."""
    first = counts_from_rows(FOUR_RESPONDENTS[:1])
    rest = counts_from_rows(FOUR_RESPONDENTS[1:])
    assert add_counts(first, rest) == counts_from_rows(FOUR_RESPONDENTS)


def test_zero_responses_raise_empty_survey_error() -> None:
    """No responses means no index: EmptySurveyError, a ValueError."""
    empty = counts_from_rows([])
    assert all(c.total == 0 for c in empty.values())
    with pytest.raises(EmptySurveyError, match="n = 0"):
        compute(empty)
    assert issubclass(EmptySurveyError, ValueError)


def test_inconsistent_counts_name_the_unsur() -> None:
    """An unsur whose counts total differently from the others is named."""
    counts = counts_from_rows(FOUR_RESPONDENTS)
    counts[U4] = ScoreCounts(0, 0, 1, 2)
    with pytest.raises(ValueError, match="U4 has 3 responses while the others have 4"):
        compute(counts)


def test_missing_unsur_counts_are_refused() -> None:
    """Counts must cover all nine unsur."""
    counts = counts_from_rows(FOUR_RESPONDENTS)
    del counts[U8]
    with pytest.raises(ValueError, match="no counts for U8"):
        compute(counts)


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([[4, 4, 4, 4, 4, 4, 4, 4, 5]], "row 0, U9: an answer must be an integer 1–4"),
        ([[4, 4, 4, 4, 0, 4, 4, 4, 4]], "row 0, U5"),
        ([[4, 4, 4, 4, True, 4, 4, 4, 4]], "row 0, U5"),
        ([[4, 4, 4, 4, 4, 4, 4, 4]], "row 0 has 8 answers, expected 9"),
        ([{U1: 4}], "row 0 has no answer for U2, U3"),
    ],
)
def test_bad_rows_are_refused(rows: list[object], message: str) -> None:
    """Rows with a missing or out-of-range answer raise ValueError naming it."""
    with pytest.raises(ValueError, match=message):
        counts_from_rows(rows)  # type: ignore[arg-type]


def test_score_counts_refuse_negative_counts() -> None:
    """A negative count is a bug in the caller."""
    with pytest.raises(ValueError, match="negative"):
        ScoreCounts(ones=-1)


def test_unequal_weights_summing_to_one() -> None:
    """Configured weights that sum to exactly 1 are used as given."""
    weights: dict[Unsur, Fraction | Decimal | int] = dict.fromkeys(
        CODE_ORDER, Decimal("0.1")
    )
    weights[U4] = Decimal("0.2")
    result = compute_from_rows(FOUR_RESPONDENTS, weights=weights)
    expected = sum(result.nrr.values()) / 10 + result.nrr[U4] / 10
    assert result.skm == expected
    assert result.weighted_nrr[U4] == Fraction("3.75") / 5


@pytest.mark.parametrize(
    ("weights", "error", "message"),
    [
        (dict.fromkeys(CODE_ORDER, Decimal("0.111")), ValueError, "sum to exactly 1"),
        (dict.fromkeys(CODE_ORDER, Fraction(1, 10)), ValueError, "sum to 9/10"),
        (dict.fromkeys(CODE_ORDER[:8], Fraction(1, 8)), ValueError, "no weight for U9"),
        (dict.fromkeys(CODE_ORDER, 1 / 9), TypeError, "Fraction, Decimal or int"),
        (
            # Sums to 1, but one weight is negative.
            {
                **dict.fromkeys(CODE_ORDER, Fraction(1, 8)),
                U1: Fraction(0),
                U2: Fraction(-1, 8),
                U3: Fraction(3, 8),
            },
            ValueError,
            "weight of U2 must not be negative",
        ),
    ],
)
def test_bad_weights_are_refused(
    weights: dict[Unsur, object], error: type[Exception], message: str
) -> None:
    """Weights must cover every unsur, be exact, non-negative and sum to 1."""
    with pytest.raises(error, match=message):
        compute_from_rows(FOUR_RESPONDENTS, weights=weights)  # type: ignore[arg-type]


def test_weights_and_legacy_weight_are_exclusive() -> None:
    """Giving both weights and a legacy weight is refused."""
    with pytest.raises(ValueError, match="not both"):
        compute_from_rows(
            FOUR_RESPONDENTS,
            weights=dict.fromkeys(CODE_ORDER, Fraction(1, 9)),
            legacy_weight=Decimal("0.111"),
        )


@given(rows_strategy)
def test_index_stays_within_scale(rows: list[list[int]]) -> None:
    """SKM lies in 1–4 and IKM in 25–100 for any answers."""
    result = compute_from_rows(rows)
    assert 1 <= result.skm <= 4
    assert 25 <= result.ikm <= 100
    assert result.weakest
    assert all(result.nrr[u] == min(result.nrr.values()) for u in result.weakest)


@given(rows_strategy, st.data())
def test_raising_one_answer_never_lowers_the_index(
    rows: list[list[int]], data: st.DataObject
) -> None:
    """Increasing any single answer never decreases the IKM or the grade."""
    r = data.draw(st.integers(0, len(rows) - 1))
    u = data.draw(st.integers(0, 8))
    before = compute_from_rows(rows)
    if rows[r][u] < 4:
        rows[r][u] += 1
    after = compute_from_rows(rows)
    assert after.ikm >= before.ikm
    assert RANK[after.mutu] <= RANK[before.mutu]
    assert after.nrr[CODE_ORDER[u]] >= before.nrr[CODE_ORDER[u]]


@given(rows_strategy, st.randoms(use_true_random=False))
def test_respondent_order_does_not_matter(
    rows: list[list[int]], rnd: random.Random
) -> None:
    """Shuffling the respondents leaves the whole result unchanged."""
    shuffled = list(rows)
    rnd.shuffle(shuffled)
    assert compute_from_rows(shuffled) == compute_from_rows(rows)


@given(rows_strategy, st.permutations(range(9)))
def test_equal_weights_make_unsur_order_irrelevant(
    rows: list[list[int]], order: list[int]
) -> None:
    """With equal weights, permuting which unsur got which answers keeps the index."""
    permuted = [[row[i] for i in order] for row in rows]
    original, moved = compute_from_rows(rows), compute_from_rows(permuted)
    assert moved.skm == original.skm
    assert moved.ikm == original.ikm
    assert moved.mutu is original.mutu
    assert sorted(moved.nrr.values()) == sorted(original.nrr.values())


@given(rows_strategy, rows_strategy)
def test_summed_rollups_equal_pooled_rows(
    first: list[list[int]], second: list[list[int]]
) -> None:
    """Adding the counts of two groups gives the index of all their rows pooled."""
    pooled = compute_from_rows(first + second)
    summed = compute(add_counts(counts_from_rows(first), counts_from_rows(second)))
    assert summed == pooled


@given(st.fractions(min_value=25, max_value=100), st.fractions(25, 100))
def test_classification_is_monotone(a: Fraction, b: Fraction) -> None:
    """A higher converted value never gets a worse grade."""
    low, high = sorted((a, b))
    assert RANK[classify(high)] <= RANK[classify(low)]


def test_score_counts_from_single_answers() -> None:
    """Counting single answers tallies each score and refuses anything but 1–4."""
    counts = ScoreCounts.from_scores([1, 4, 4, 3])
    assert counts == ScoreCounts(ones=1, twos=0, threes=1, fours=2)
    assert (counts.total, counts.score_sum) == (4, 12)
    with pytest.raises(ValueError, match="1–4"):
        ScoreCounts.from_scores([2, 5])


@given(
    st.fractions(min_value=-1000, max_value=1000, max_denominator=10_000),
    st.integers(min_value=0, max_value=4),
)
def test_display_round_agrees_with_decimal_half_up(value: Fraction, places: int):
    """The integer rounding equals Decimal's ROUND_HALF_UP on the exact quotient."""
    from decimal import ROUND_HALF_UP, localcontext

    with localcontext() as context:
        context.prec = 60
        exact = Decimal(value.numerator) / Decimal(value.denominator)
        expected = exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    assert display_round(value, places) == expected


@given(
    st.lists(
        st.tuples(*[st.integers(min_value=0, max_value=50)] * 4),
        min_size=1,
        max_size=1,
    )
)
def test_each_unsur_grade_is_the_grade_of_its_converted_nrr(rows):
    """compute grades each unsur from integers; the same as grading NRR × 25."""
    from prima.surveys.ikm import ScoreCounts, classify, compute, convert

    ones, twos, threes, fours = rows[0]
    if ones + twos + threes + fours == 0:
        return
    counts = {
        u: ScoreCounts(ones, twos, threes, fours)
        if i % 2
        else ScoreCounts(fours, threes, twos, ones)
        for i, u in enumerate(CODE_ORDER)
    }
    result = compute(counts)
    for unsur in CODE_ORDER:
        assert result.unsur_mutu[unsur] == classify(convert(result.nrr[unsur]))
