"""Tests of the IPP (prima/evaluations/ipp.py) against pekppp.md."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from prima.evaluations import instrument, ipp

INSTRUMENT = instrument.load_file(instrument.shipped()["2023"])
NUMBERS = [i.number for i in INSTRUMENT.indicators]
STATEMENTS = [s.code for s in INSTRUMENT.statements]
WORKED = [5, 4, 3, 5, 4, 5, 3, 4, 3, 4, 4, 3, 3, 4, 5, 4, 4, 3, 3, 4]
WORKED += [4, 3, 4, 3, 4, 4, 3, 4, 3, 2]


def scores(values):
    return dict(zip(NUMBERS, values, strict=True))


def test_worked_example_of_pekppp_md():
    """A 4.27, B 3.60, C 3.84, D 3.50, E 3.75, F 2.50; IPP 3.676 → 3.68, B, Baik."""
    result = ipp.compute(INSTRUMENT, scores(WORKED))
    shown = {code: ipp.round_ipp(value) for code, value in result.aspects.items()}
    assert shown == {
        "A": Decimal("4.27"),
        "B": Decimal("3.60"),
        "C": Decimal("3.84"),
        "D": Decimal("3.50"),
        "E": Decimal("3.75"),
        "F": Decimal("2.50"),
    }
    assert result.ipp_evaluator == Decimal("3.676")
    assert result.ipp == Decimal("3.68")
    assert (result.kategori, result.predikat) == ("B", "Baik")


@pytest.mark.parametrize(
    ("value", "kategori", "predikat"),
    [
        ("5.00", "A", "Pelayanan Prima"),
        ("4.51", "A", "Pelayanan Prima"),
        ("4.50", "A-", "Sangat Baik"),
        ("4.01", "A-", "Sangat Baik"),
        ("4.00", "B", "Baik"),
        ("3.51", "B", "Baik"),
        ("3.50", "B-", "Baik (Dengan Catatan)"),
        ("3.36", "B-", "Baik (Dengan Catatan)"),
        ("3.01", "B-", "Baik (Dengan Catatan)"),
        ("3.00", "C", "Cukup"),
        ("2.51", "C", "Cukup"),
        ("2.50", "C-", "Cukup (Dengan Catatan)"),
        ("2.01", "C-", "Cukup (Dengan Catatan)"),
        ("2.00", "D", "Buruk"),
        ("1.51", "D", "Buruk"),
        ("1.50", "E", "Sangat Buruk"),
        ("1.01", "E", "Sangat Buruk"),
        ("1.00", "F", "Gagal"),
        ("0.00", "F", "Gagal"),
    ],
)
def test_ladder_by_lower_bounds(value, kategori, predikat):
    """A two-decimal IPP is classified by the lower bound of its row."""
    assert ipp.classify(Decimal(value)) == (kategori, predikat)


def test_rounding_is_half_up_on_the_full_precision_value():
    """4.505 rounds to 4.51 (A), not to 4.50 (A-) as banker's rounding would."""
    assert ipp.round_ipp(Decimal("4.505")) == Decimal("4.51")
    assert ipp.round_ipp(Decimal("4.5049")) == Decimal("4.50")


def test_a_missing_or_out_of_range_score_is_refused():
    """No score for indicator 30, a 6 or an unknown indicator raise ValueError."""
    partial = scores(WORKED)
    del partial[30]
    with pytest.raises(ValueError, match="indicator 30 has no score"):
        ipp.compute(INSTRUMENT, partial)
    with pytest.raises(ValueError, match="outside 0–5"):
        ipp.compute(INSTRUMENT, {**scores(WORKED), 8: 6})
    with pytest.raises(ValueError, match=r"\[31\]"):
        ipp.compute(INSTRUMENT, {**scores(WORKED), 31: 3})


def test_users_index_mixes_in_by_w_users():
    """With w_users 0.25 and every F-03 mean 5, IPP = 0.75 × 3.676 + 0.25 × IPP_users,
    where Inovasi (no F-03 item) keeps the evaluator's 2.50."""
    quarter = dataclasses.replace(INSTRUMENT, w_users=Decimal("0.25"))
    result = ipp.compute(quarter, scores(WORKED), dict.fromkeys(STATEMENTS, 5))
    assert result.users_aspects is not None
    assert result.users_aspects["F"] == Decimal("2.50")
    assert result.users_aspects["A"] == 5
    users = Decimal("0.88") * 5 + Decimal("0.12") * Decimal("2.50")
    assert result.ipp_users == users
    assert result.ipp_exact == Decimal("0.75") * Decimal("3.676") + users / 4
    assert result.ipp == Decimal("3.93")
    assert result.ipp_evaluator == Decimal("3.676")


def test_users_index_does_not_count_with_the_default_share_of_zero():
    """With w_users 0 the IPP is the evaluator's, and both figures are kept."""
    result = ipp.compute(INSTRUMENT, scores(WORKED), dict.fromkeys(STATEMENTS, 0))
    assert result.ipp == Decimal("3.68")
    assert result.ipp_users is not None and result.ipp_users < result.ipp_evaluator


def test_users_means_must_cover_every_statement():
    """F-03 means without statement U14 are refused."""
    means = dict.fromkeys(STATEMENTS[:-1], 4)
    with pytest.raises(ValueError, match="U14"):
        ipp.compute(INSTRUMENT, scores(WORKED), means)


score_lists = st.lists(st.integers(min_value=0, max_value=5), min_size=30, max_size=30)


@given(score_lists, st.integers(min_value=0, max_value=29))
def test_ipp_is_monotone_in_each_score(values, index):
    """Raising one indicator's score never lowers the IPP or any aspect value."""
    lower = ipp.compute(INSTRUMENT, scores(values))
    raised = list(values)
    raised[index] = min(5, raised[index] + 1)
    higher = ipp.compute(INSTRUMENT, scores(raised))
    assert higher.ipp_exact >= lower.ipp_exact
    assert higher.ipp >= lower.ipp
    assert all(higher.aspects[a] >= lower.aspects[a] for a in lower.aspects)


@given(score_lists)
def test_ipp_is_bounded_by_0_and_5(values):
    """Every aspect value and the IPP lie in 0–5."""
    result = ipp.compute(INSTRUMENT, scores(values))
    assert 0 <= result.ipp <= 5
    assert all(0 <= v <= 5 for v in result.aspects.values())


def test_all_fives_give_5_00_a_and_all_zeros_give_0_00_f():
    """Thirty 5s are 5.00, A; thirty 0s are 0.00, F."""
    best = ipp.compute(INSTRUMENT, scores([5] * 30))
    worst = ipp.compute(INSTRUMENT, scores([0] * 30))
    assert (best.ipp, best.kategori) == (Decimal("5.00"), "A")
    assert (worst.ipp, worst.kategori) == (Decimal("0.00"), "F")
