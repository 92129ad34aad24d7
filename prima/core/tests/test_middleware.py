"""Tests of the language choice: Indonesian first, English on request."""

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_browser_preference_does_not_override_indonesian(client):
    """A browser asking for English still gets the Indonesian site by default."""
    response = client.get(reverse("portal:home"), HTTP_ACCEPT_LANGUAGE="en-US,en")
    assert response.headers["Content-Language"] == "id"
    assert '<html lang="id">' in response.content.decode()


def test_language_switch_selects_english(client):
    """Choosing English with the switch serves English from then on."""
    response = client.post(
        reverse("set_language"), {"language": "en", "next": reverse("portal:home")}
    )
    assert response.status_code == 302
    response = client.get(reverse("portal:home"))
    assert response.headers["Content-Language"] == "en"


def test_unknown_language_cookie_falls_back_to_indonesian(client):
    """A forged or stale cookie naming an unsupported language is ignored."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "xx"
    response = client.get(reverse("portal:home"))
    assert response.headers["Content-Language"] == "id"
