"""Tests of the limits on guessing passwords and on sending reset e-mails."""

import threading

import pytest
from django.contrib.auth import SESSION_KEY
from django.core import mail
from django.db import connection, connections
from django.urls import reverse

from prima.accounts import throttle
from prima.accounts.testing import TEST_PASSWORD, make_account
from prima.core import ratelimit

pytestmark = pytest.mark.django_db

LOCKED = "Too many failed login attempts for this account"
CONNECTION_LOCKED = "Too many failed login attempts from your connection"


def log_in(client, username, password, address="10.1.0.1"):
    return client.post(
        reverse("accounts:login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


def fail(client, username, times, address="10.1.0.1"):
    return [log_in(client, username, "salah", address) for _ in range(times)]


@pytest.fixture
def clock(monkeypatch):
    now = [1_800_000_000]
    monkeypatch.setattr(ratelimit, "_now", lambda: now[0])
    return now


def test_right_password_is_refused_after_five_failures(client):
    """Five wrong passwords lock the account: the right one then fails and says why."""
    make_account(username="budi")
    responses = fail(client, "budi", 5)
    assert LOCKED not in responses[3].content.decode()
    assert LOCKED in responses[4].content.decode()
    response = log_in(client, "budi", TEST_PASSWORD)
    assert response.status_code == 200
    assert LOCKED in response.content.decode()
    assert "15 minutes" in response.content.decode()
    assert SESSION_KEY not in client.session


def test_the_lock_holds_for_one_account_only(client):
    """Another account signs in from the same address while one is locked."""
    make_account(username="budi")
    make_account(username="siti")
    fail(client, "budi", 5)
    assert log_in(client, "siti", TEST_PASSWORD).status_code == 302


def test_the_lock_ends_with_its_window(client, clock):
    """Fifteen minutes after the first failure the right password works again."""
    make_account(username="budi")
    fail(client, "budi", 5)
    clock[0] += 14 * 60
    assert log_in(client, "budi", TEST_PASSWORD).status_code == 200
    clock[0] += 60
    assert log_in(client, "budi", TEST_PASSWORD).status_code == 302


def test_a_successful_login_forgets_the_failures(client):
    """Four typos, a success, four more typos: the account is not locked."""
    make_account(username="budi")
    fail(client, "budi", 4)
    assert log_in(client, "budi", TEST_PASSWORD).status_code == 302
    client.logout()
    fail(client, "budi", 4)
    assert log_in(client, "budi", TEST_PASSWORD).status_code == 302


def test_unknown_usernames_are_locked_the_same_way(client):
    """A username without an account is locked after five tries too, so the lock
    does not tell which usernames exist."""
    responses = fail(client, "tidak-ada", 5)
    assert LOCKED not in responses[3].content.decode()
    assert LOCKED in responses[4].content.decode()


def test_one_address_is_stopped_across_usernames(client):
    """Thirty failures from one address, on many usernames, stop that address only."""
    make_account(username="budi")
    for n in range(30):
        log_in(client, f"tebak{n}", "salah")
    response = log_in(client, "budi", TEST_PASSWORD)
    assert CONNECTION_LOCKED in response.content.decode()
    assert log_in(client, "budi", TEST_PASSWORD, address="10.9.9.9").status_code == 302


def test_the_admin_login_is_limited_too(client):
    """The platform admin's own login form is no way around the limit."""
    make_account(username="root", is_staff=True, is_superuser=True)
    fail(client, "root", 5)
    client.post(
        reverse("admin:login"),
        {"username": "root", "password": TEST_PASSWORD},
        REMOTE_ADDR="10.1.0.1",
    )
    assert SESSION_KEY not in client.session


def test_the_message_is_indonesian_by_default(client, settings):
    """Indonesian visitors read the lock in Indonesian."""
    settings.LANGUAGE_CODE = "id"
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "id"
    make_account(username="budi")
    page = fail(client, "budi", 5)[-1].content.decode()
    assert "Terlalu banyak percobaan masuk yang gagal untuk akun ini" in page


def reset(client, email, address="10.2.0.1"):
    return client.post(
        reverse("accounts:password_reset"), {"email": email}, REMOTE_ADDR=address
    )


def test_a_mailbox_gets_at_most_three_reset_mails_an_hour(client):
    """Sixteen requests from sixteen addresses send three e-mails and all answer
    alike."""
    user = make_account(username="budi")
    responses = [reset(client, user.email, f"10.2.0.{n}") for n in range(16)]
    assert len(mail.outbox) == 3
    done = reverse("accounts:password_reset_done")
    assert {(r.status_code, r["Location"]) for r in responses} == {(302, done)}


def test_the_answer_does_not_tell_whether_an_account_exists(client):
    """Over its limit or not, an address with an account and one without get the
    same answers."""
    user = make_account(username="budi")

    def answers(email):
        return [
            (r.status_code, r.get("Location"))
            for r in (reset(client, email, f"10.3.{len(email)}.{n}") for n in range(5))
        ]

    assert answers(user.email) == answers("tidak-ada@example.test")


def test_one_address_may_ask_five_times_an_hour(client):
    """The sixth request from one address is refused on the form, whatever the
    mailbox; another address may still ask."""
    make_account(username="budi")
    for n in range(5):
        assert reset(client, f"orang{n}@example.test").status_code == 302
    response = reset(client, "budi@example.test")
    assert response.status_code == 200
    assert "Too many password reset requests" in response.content.decode()
    assert not mail.outbox
    assert reset(client, "budi@example.test", "10.2.9.9").status_code == 302
    assert len(mail.outbox) == 1


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the in-memory SQLite test database cannot be shared between threads",
)
@pytest.mark.django_db(transaction=True)
def test_parallel_guesses_get_five_password_checks():
    """Twenty guesses at once on one account: exactly five reach the password."""
    allowed: list[bool] = []
    start = threading.Barrier(20)

    def guess(n):
        try:
            start.wait()
            allowed.append(throttle.login_attempt(None, "budi"))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=guess, args=(n,)) for n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert allowed.count(True) == throttle.ACCOUNT_LOGINS.limit
