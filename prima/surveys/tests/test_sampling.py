"""Tests of the Krejcie–Morgan sample size."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from prima.surveys.sampling import SampleProgress, required_sample, sample_progress


@pytest.mark.parametrize(
    ("population", "sample"),
    [
        (10, 10),
        (50, 44),
        (100, 80),
        (200, 132),
        (300, 169),
        (500, 217),
        (1_000, 278),
        (2_000, 322),
        (5_000, 357),
        (10_000, 370),
        (50_000, 381),
        # Some printed tables say 384 here; the formula gives 383.
        (100_000, 383),
        (1_000_000, 384),
    ],
)
def test_table(population: int, sample: int) -> None:
    """The formula reproduces every row of the Krejcie–Morgan table."""
    assert required_sample(population) == sample


@pytest.mark.parametrize(("population", "sample"), [(0, 0), (1, 1), (2, 2), (5, 5)])
def test_tiny_populations_are_surveyed_whole(population: int, sample: int) -> None:
    """A very small population needs every member (and none when it is empty)."""
    assert required_sample(population) == sample


@pytest.mark.parametrize(
    ("population", "error"), [(-1, ValueError), (True, TypeError), (10.0, TypeError)]
)
def test_bad_population_is_refused(population: object, error: type[Exception]) -> None:
    """A negative or non-integer population is refused."""
    with pytest.raises(error):
        required_sample(population)  # type: ignore[arg-type]


@given(st.integers(0, 10**9))
def test_sample_never_exceeds_population_nor_384(population: int) -> None:
    """The sample fits in the population and never exceeds the limit 384."""
    assert 0 <= required_sample(population) <= min(population, 384)


@given(st.integers(0, 10**7))
def test_sample_grows_with_population(population: int) -> None:
    """A larger population never needs a smaller sample."""
    assert required_sample(population + 1) >= required_sample(population)


def test_progress_short_of_the_sample() -> None:
    """62 responses from a large population fall 322 short of 384."""
    progress = sample_progress(62, 1_000_000)
    assert progress == SampleProgress(population=1_000_000, required=384, obtained=62)
    assert progress.reached is False
    assert progress.shortfall == 322


@pytest.mark.parametrize("n", [278, 300])
def test_progress_reached(n: int) -> None:
    """Reaching or passing the required sample leaves no shortfall."""
    progress = sample_progress(n, 1_000)
    assert progress.required == 278
    assert progress.reached is True
    assert progress.shortfall == 0


def test_progress_refuses_negative_n() -> None:
    """A negative number of responses is refused."""
    with pytest.raises(ValueError, match="n must not be negative"):
        sample_progress(-1, 100)
