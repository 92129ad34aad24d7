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


def test_a_response_with_its_own_policy_keeps_it(rf, settings):
    """A stored file's sandboxing policy is not replaced by the pages' policy."""
    from django.http import HttpResponse

    from prima.core.middleware import SecurityHeadersMiddleware

    def own_policy(request):
        response = HttpResponse(b"data", content_type="image/png")
        response["Content-Security-Policy"] = "default-src 'none'; sandbox"
        return response

    request = rf.get("/media/x.png")
    response = SecurityHeadersMiddleware(own_policy)(request)
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert response["Permissions-Policy"] == settings.PRIMA_PERMISSIONS_POLICY


def test_debug_error_pages_are_left_without_the_policy(client, settings):
    """With DEBUG, Django's own 404 page (inline style and script) is not blocked;
    pages still get the policy."""
    settings.DEBUG = True
    assert "Content-Security-Policy" not in client.get("/tidak-ada-di-sini/")
    home = client.get(reverse("portal:home"))
    assert home["Content-Security-Policy"] == settings.PRIMA_CONTENT_SECURITY_POLICY


def test_signed_in_users_pages_are_not_stored(client, settings):
    """Any page shown to a signed-in user is private and not stored; the same page
    for a citizen is not marked so."""
    from django.contrib.auth import get_user_model

    assert "no-store" not in client.get(reverse("portal:home")).get("Cache-Control", "")
    client.force_login(get_user_model().objects.create_user("budi"))
    cache_control = client.get(reverse("portal:home"))["Cache-Control"]
    assert "no-store" in cache_control and "private" in cache_control
