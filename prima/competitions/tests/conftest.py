"""Fixtures of these tests: messages built outside a request are in English; a client
that chooses English; an open call of Kota Alpha and a second juri."""

import pytest
from django.conf import settings

from prima.competitions.testing import make_juri, open_call
from prima.core.testing import english_messages  # noqa: F401


@pytest.fixture
def en(client):
    """The test client, choosing English as the language switch would."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def call(org, users):
    """An open call of Kota Alpha (see ``prima.competitions.testing.make_call``)."""
    return open_call(org.pemda, users["admin_pemda"])


@pytest.fixture
def second_juri(org):
    """A second juri of Kota Alpha besides ``users["juri"]``."""
    return make_juri(org.pemda, "juri2")
