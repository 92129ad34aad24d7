"""Tests of measured impact against the worked example of inovasi.md."""

from decimal import Decimal
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from prima.innovations import impact
from prima.innovations.impact import Verdict

BEFORE = {1: 10, 2: 30, 3: 40, 4: 20}
AFTER = {1: 5, 2: 15, 3: 50, 4: 30}


def test_windows_of_the_worked_example():
    """Before: n 100, mean 2.70, variance 0.8182; after: mean 3.05, variance 0.6540."""
    before, after = impact.Window.of(BEFORE), impact.Window.of(AFTER)
    assert (before.n, before.mean) == (100, Fraction(27, 10))
    assert impact.rounded(before.variance, 4) == Decimal("0.8182")
    assert after.mean == Fraction(305, 100)
    assert impact.rounded(after.variance, 4) == Decimal("0.6540")


def test_difference_and_interval_of_the_worked_example():
    """The difference is +0.35 with 95% interval [0.112, 0.588]: an improvement."""
    result = impact.compare(BEFORE, AFTER)
    assert result.difference == Fraction(35, 100)
    assert (impact.rounded(result.low), impact.rounded(result.high)) == (
        Decimal("0.112"),
        Decimal("0.588"),
    )
    assert result.verdict is Verdict.IMPROVED


def test_small_windows_are_not_enough_data():
    """Fewer than 30 responses in a window cannot tell."""
    result = impact.compare({3: 29}, AFTER)
    assert result.verdict is Verdict.NOT_ENOUGH_DATA and result.low is None


def test_interval_containing_zero_is_unclear():
    """Equal windows give an interval around zero: the effect is unclear."""
    assert impact.compare(BEFORE, BEFORE).verdict is Verdict.UNCLEAR


def test_worsening_is_reported():
    """Swapping the windows reports a worsening."""
    assert impact.compare(AFTER, BEFORE).verdict is Verdict.WORSENED


counts = st.dictionaries(st.integers(1, 4), st.integers(0, 200), min_size=1)


@given(counts, counts)
def test_interval_is_centred_on_the_difference(before, after):
    """Whenever an interval is given it contains the difference of means."""
    result = impact.compare(before, after)
    if result.low is not None:
        centre = Decimal(result.difference.numerator) / result.difference.denominator
        assert result.low <= centre <= result.high
