"""Fixtures of these tests: pages in English, the msgid language."""

import pytest
from django.conf import settings
from django.utils import translation


@pytest.fixture(autouse=True)
def english_client(client):
    """Have the test client choose English, as the language switch would."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture(autouse=True)
def english_messages():
    """Have messages raised outside a request (models, services) in English too."""
    with translation.override("en"):
        yield
