"""Fixtures shared by the apps' test folders; a conftest imports the ones it applies
(``from prima.core.testing import english_messages  # noqa: F401``)."""

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def english_messages():
    """Assert on the English msgids, independent of the Indonesian catalog."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def english(settings):
    """Pages as well as messages in English: the project's default language is
    Indonesian, and a page without a language cookie falls back to it.

    ``LANGUAGE_CODE`` is set before the override: changing it resets the active
    language, so this is one fixture rather than ``english_messages`` plus another.
    """
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield
