"""Fixtures of these tests: pages in English, the msgid language."""

import pytest
from django.conf import settings

from prima.core.testing import english_messages  # noqa: F401


@pytest.fixture(autouse=True)
def english_client(client):
    """Have the test client choose English, as the language switch would."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client
