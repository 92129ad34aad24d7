"""Fixtures of these tests: pages and messages in English, the msgid language.

The project's default language is Indonesian; asserting on English msgids keeps the
tests independent of the translation catalog.
"""

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def english(settings):
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield
