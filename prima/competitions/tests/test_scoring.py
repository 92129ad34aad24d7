"""Tests of jury scoring against the worked example of inovasi.md."""

from datetime import datetime
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from prima.competitions import scoring
from prima.competitions.scoring import CRITERIA, Rules

T0 = datetime(2026, 5, 1, 9, 0)
T1 = datetime(2026, 5, 2, 9, 0)


def sheet(*values):
    return dict(zip(CRITERIA, values, strict=True))


A, B, C = sheet(8, 7, 9, 6, 7), sheet(7, 8, 8, 7, 6), sheet(9, 6, 7, 8, 8)


@pytest.mark.parametrize(("scores", "total"), [(A, 76), (B, 73), (C, 76)])
def test_juri_totals_of_the_worked_example(scores, total):
    """Juri A, B and C total 76.00, 73.00 and 76.00."""
    assert scoring.juri_total(scores) == total


def test_proposal_score_of_the_worked_example():
    """The proposal scores the mean of its three juri totals: 75.00."""
    totals = [scoring.juri_total(s) for s in (A, B, C)]
    assert scoring.display(scoring.proposal_score(totals)) == scoring.display(
        Fraction(75)
    )


def test_five_juri_drop_the_highest_and_lowest_total():
    """With five juri one highest and one lowest total are left out."""
    assert scoring.proposal_score([Fraction(x) for x in (10, 70, 75, 80, 99)]) == 75


def test_tie_broken_by_mean_bermanfaat():
    """Of two proposals at 75.00, the one with mean bermanfaat 8.33 ranks first."""
    # Bermanfaat 9, 8, 8 (mean 8.33); totals 76, 73, 76 again.
    other = [sheet(8, 7, 9, 6, 7), sheet(7, 8, 8, 7, 6), sheet(8, 6, 8, 8, 8)]
    assert scoring.proposal_score([scoring.juri_total(s) for s in other]) == 75
    ranked = scoring.rank({"first": ([A, B, C], T0), "second": (other, T1)})
    assert [r.key for r in ranked] == ["second", "first"]
    assert ranked[0].criterion_means["bermanfaat"] == Fraction(25, 3)


def test_full_tie_goes_to_the_earlier_submission():
    """Identical sheets rank by submission time."""
    ranked = scoring.rank({"late": ([A], T1), "early": ([A], T0)})
    assert [r.key for r in ranked] == ["early", "late"]


@pytest.mark.parametrize(
    ("scores", "message"),
    [
        ({**A, "efektif": 11}, "efektif: 11 is outside 1–10"),
        ({k: v for k, v in A.items() if k != "kebaruan"}, "kebaruan: no score"),
        ({**A, "bermanfaat": 7.5}, "bermanfaat: 7.5 is not a whole number"),
    ],
)
def test_bad_scores_are_named(scores, message):
    """A missing, fractional or off-scale score names its criterion."""
    with pytest.raises(ValueError, match=message):
        scoring.juri_total(scores)


def test_weights_must_sum_to_one():
    """A call's weights that do not sum to exactly 1 are refused."""
    with pytest.raises(ValueError, match="weights_not_one"):
        Rules({c: Fraction(1, 4) for c in CRITERIA})


P = scoring.Problem
FIFTHS = dict.fromkeys(CRITERIA, Fraction(1, 5))


@pytest.mark.parametrize(
    ("weights", "scale", "tie_order", "problems"),
    [
        (FIFTHS, (1, 10), CRITERIA, []),
        (scoring.DEFAULT_WEIGHTS, (0, 1), scoring.DEFAULT_TIE_ORDER, []),
        (
            {**FIFTHS, "efektif": None, "kebaruan": Fraction(-1, 5)},
            (1, 10),
            CRITERIA,
            [(P.WEIGHT_OUT_OF_RANGE, "kebaruan"), (P.WEIGHT_OUT_OF_RANGE, "efektif")],
        ),
        (
            {**FIFTHS, "bermanfaat": Fraction(6, 5)},
            (1, 10),
            CRITERIA,
            [(P.WEIGHT_OUT_OF_RANGE, "bermanfaat")],
        ),
        (
            {**FIFTHS, "efektif": Fraction(1, 4)},
            (1, 10),
            CRITERIA,
            [(P.WEIGHTS_NOT_ONE, None)],
        ),
        (FIFTHS, (-1, 10), CRITERIA, [(P.SCALE_NEGATIVE, None)]),
        (FIFTHS, (5, 5), CRITERIA, [(P.SCALE_EMPTY, None)]),
        (FIFTHS, (1, 10), CRITERIA[:4], [(P.TIE_ORDER_NOT_EACH_ONCE, None)]),
        (
            FIFTHS,
            (1, 10),
            (*CRITERIA[:4], CRITERIA[0]),
            [(P.TIE_ORDER_NOT_EACH_ONCE, None)],
        ),
    ],
)
def test_rules_problems(weights, scale, tie_order, problems):
    """Each broken rule is one problem, a weight's naming its criterion."""
    assert scoring.rules_problems(weights, scale, tie_order) == problems


def test_rules_refuse_what_rules_problems_finds():
    """``Rules`` accepts valid rules and refuses a tie order missing a criterion."""
    assert Rules(FIFTHS, tie_order=CRITERIA).scale == scoring.DEFAULT_SCALE
    with pytest.raises(ValueError, match="tie_order_not_each_once"):
        Rules(FIFTHS, tie_order=CRITERIA[:4])


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        (7, None),
        (1, None),
        (10, None),
        (0, "efektif: 0 is outside 1–10"),
        (None, "efektif: no score"),
        (True, "efektif: True is not a whole number"),
        (7.0, "efektif: 7.0 is not a whole number"),
    ],
)
def test_score_problem(value, problem):
    """A score is a whole number on the scale; anything else says why not."""
    assert scoring.score_problem("efektif", value, (1, 10)) == problem


scores = st.integers(min_value=1, max_value=10)


@given(
    st.lists(st.tuples(scores, scores, scores, scores, scores), min_size=1, max_size=7)
)
def test_score_stays_within_10_and_100(sheets):
    """Any sheets on the 1–10 scale give a proposal score within 10–100."""
    totals = [scoring.juri_total(sheet(*s)) for s in sheets]
    assert 10 <= scoring.proposal_score(totals) <= 100
