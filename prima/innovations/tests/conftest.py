"""Fixtures of these tests: messages built outside a request are in English."""

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def english_messages():
    """Assert on the English msgids, independent of the Indonesian catalog."""
    with translation.override("en"):
        yield
