"""Tests of staff login, logout, password change and password reset."""

import re

import pytest
from django.contrib.auth import SESSION_KEY
from django.core import mail
from django.urls import reverse

from prima.accounts.testing import TEST_PASSWORD, make_account

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Baru-Sekali-2026!"


def test_login_page_has_no_javascript(client):
    """The login page works without JavaScript."""
    response = client.get(reverse("accounts:login"))
    assert response.status_code == 200
    assert "<script" not in response.content.decode().lower()


def test_login_by_post_goes_to_staff_home(client):
    """A correct username and password log in and lead to the staff home."""
    make_account(username="budi")
    response = client.post(
        reverse("accounts:login"), {"username": "budi", "password": TEST_PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("portal:staff-home")
    assert SESSION_KEY in client.session


def test_login_follows_next(client):
    """After login the user returns to the page that asked for it."""
    make_account(username="budi")
    target = reverse("organisations:unit-list")
    response = client.post(
        reverse("accounts:login"),
        {"username": "budi", "password": TEST_PASSWORD, "next": target},
    )
    assert response["Location"] == target


def test_login_with_wrong_password_is_refused(client):
    """A wrong password shows an error and logs nobody in."""
    make_account(username="budi")
    response = client.post(
        reverse("accounts:login"), {"username": "budi", "password": "salah"}
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert SESSION_KEY not in client.session


def test_logout_by_post_ends_session(client):
    """Logging out by POST ends the session and returns to the home page."""
    client.force_login(make_account(username="budi"))
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert response["Location"] == reverse("portal:home")
    assert SESSION_KEY not in client.session


def test_staff_pages_offer_logout_form(client):
    """The staff layout logs out with a POST form, not a link."""
    client.force_login(make_account(username="budi"))
    page = client.get(reverse("portal:staff-home")).content.decode()
    assert f'action="{reverse("accounts:logout")}" method="post"' in page


def test_password_change(client):
    """A logged-in user changes the password and can log in with the new one."""
    user = make_account(username="budi")
    client.force_login(user)
    response = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": TEST_PASSWORD,
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
    )
    assert response["Location"] == reverse("accounts:password_change_done")
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert client.get(reverse("accounts:password_change_done")).status_code == 200


def test_password_change_refuses_wrong_old_password(client):
    """A wrong current password is refused on its field."""
    client.force_login(make_account(username="budi"))
    response = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": "salah",
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
    )
    assert "old_password" in response.context["form"].errors


def test_password_reset_mails_a_working_link(client):
    """A reset request mails a link that lets the user set a new password."""
    user = make_account(username="budi")
    response = client.post(reverse("accounts:password_reset"), {"email": user.email})
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [user.email]
    assert "\n" not in message.subject
    assert "budi" in message.body
    link = re.search(r"https?://testserver(/\S+)", message.body).group(1)
    assert link.startswith("/akun/sandi/reset/")

    form_page = client.get(link, follow=True)
    assert form_page.context["validlink"]
    set_url = form_page.redirect_chain[-1][0]
    done = client.post(
        set_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert done["Location"] == reverse("accounts:password_reset_complete")
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert client.login(username="budi", password=NEW_PASSWORD)


def test_password_reset_reaches_an_invited_account_without_password(client):
    """Someone invited who lost the e-mail asks for a reset and gets a link with which
    they choose their first password; a deactivated account still gets nothing."""
    invited = make_account(username="rina")
    invited.set_unusable_password()
    invited.save()
    gone = make_account(username="lama", is_active=False)
    client.post(reverse("accounts:password_reset"), {"email": gone.email})
    assert not mail.outbox

    client.post(reverse("accounts:password_reset"), {"email": "RINA@example.test"})
    [message] = mail.outbox
    link = re.search(r"https?://testserver(/\S+)", message.body).group(1)
    form_page = client.get(link, follow=True)
    client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert client.login(username="rina", password=NEW_PASSWORD)


def test_password_reset_for_unknown_address_sends_nothing(client, db):
    """An unknown address gets the same answer and no e-mail."""
    response = client.post(
        reverse("accounts:password_reset"), {"email": "tidak@example.test"}
    )
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert not mail.outbox


def test_password_reset_bad_link_explains(client, db):
    """An invalid or used link says so and offers a new one."""
    url = reverse(
        "accounts:password_reset_confirm", kwargs={"uidb64": "MQ", "token": "x-y"}
    )
    response = client.get(url)
    assert response.status_code == 200
    assert not response.context["validlink"]
    assert reverse("accounts:password_reset") in response.content.decode()
