"""Fixtures of these tests: messages built outside a request are in English, and
the statistics' worked example of cases."""

import pytest

from prima.complaints.testing import statistics_example
from prima.core.testing import english_messages  # noqa: F401


@pytest.fixture
def cases(org, users):
    """The statistics' worked example: two answered cases, one rejected, one overdue."""
    return statistics_example(org, users)
