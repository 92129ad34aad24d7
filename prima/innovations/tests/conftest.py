"""Fixtures of these tests: messages built outside a request are in English; a client
that chooses English."""

import pytest
from django.conf import settings

from prima.core.testing import english_messages  # noqa: F401


@pytest.fixture
def en(client):
    """The test client, choosing English as the language switch would."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client
