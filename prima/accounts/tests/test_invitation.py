"""Tests of the invitation link: it sets a password once, and expires."""

import time

import pytest
from django.core import signing
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from prima.accounts.testing import make_account
from prima.accounts.tokens import invitation_token

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Baru-Sekali-2026!"


def invited():
    user = make_account(username="siti")
    user.set_unusable_password()
    user.save()
    return user


def link(user, token=None):
    return reverse(
        "accounts:invitation-accept",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": token or invitation_token.make_token(user),
        },
    )


def set_password(client, url):
    response = client.get(url)
    assert response.status_code == 302  # the token moves into the session
    return client.post(
        response["Location"],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )


def test_link_sets_the_password_once(client):
    """The link lets the invited person choose a password, then stops working."""
    user = invited()
    url = link(user)
    response = set_password(client, url)
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:login")
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert client.login(username="siti", password=NEW_PASSWORD)
    client.logout()
    again = client.get(url, follow=True)
    assert "This link no longer works" in again.content.decode()
    assert not invitation_token.check_token(user, url.rstrip("/").split("/")[-1])


def test_link_expires_after_the_configured_days(settings, monkeypatch):
    """A token older than PRIMA_INVITATION_DAYS is refused, a younger one accepted."""
    settings.PRIMA_INVITATION_DAYS = 2
    user = invited()
    token = invitation_token.make_token(user)
    now = time.time()
    monkeypatch.setattr(signing.time, "time", lambda: now + 2 * 86400 - 60)
    assert invitation_token.check_token(user, token)
    monkeypatch.setattr(signing.time, "time", lambda: now + 2 * 86400 + 60)
    assert not invitation_token.check_token(user, token)


def test_token_of_another_user_or_tampered_is_refused():
    """A token checks only for the user it was made for, and unaltered."""
    user, other = invited(), make_account(username="budi")
    token = invitation_token.make_token(user)
    assert invitation_token.check_token(user, token)
    assert not invitation_token.check_token(other, token)
    assert not invitation_token.check_token(user, token[:-2] + "xx")
    assert not invitation_token.check_token(user, "")


def test_deactivated_account_link_stops_working():
    """Deactivating an invited account invalidates its link."""
    user = invited()
    token = invitation_token.make_token(user)
    user.is_active = False
    user.save()
    assert not invitation_token.check_token(user, token)


def test_weak_password_is_refused(client):
    """The project's password validators apply to the invitation page."""
    user = invited()
    response = client.get(link(user))
    response = client.post(
        response["Location"], {"new_password1": "12345", "new_password2": "12345"}
    )
    assert response.status_code == 200
    user.refresh_from_db()
    assert not user.has_usable_password()
