"""Tests of following a case with its tracking code: unlock, rate limit, reply, rating."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from prima.complaints import services, tracking
from prima.complaints.models import CaseEvent, Status
from prima.complaints.services import case_answer, case_assign
from prima.complaints.testing import make_case

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def en(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def url(org, name: str, pemda=None) -> str:
    return reverse(
        f"complaints:{name}", kwargs={"pemda_slug": (pemda or org.pemda).slug}
    )


def answered(org, *, when=None):
    case = make_case(org)
    case_assign(case=case, actor=None, unit=org.unit, now=when)
    return case_answer(case=case, actor=None, answer="Loket dibuka kembali.", now=when)


def test_codes_are_long_and_from_the_safe_alphabet():
    """A code has 12 random characters from a 28-letter alphabet without vowels."""
    codes = {services.new_tracking_code() for _ in range(200)}
    assert len(codes) == 200
    for code in codes:
        assert re.fullmatch(
            r"PRM-[BCDFGHJKLMNPQRSTVWXZ2-9]{4}(-[BCDFGHJKLMNPQRSTVWXZ2-9]{4}){2}", code
        )
    assert len(services.CODE_ALPHABET) ** services.CODE_LENGTH > 10**17
    assert not set("AEIOU01") & set(services.CODE_ALPHABET)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("prm-bcdf-ghjk-2345", "PRM-BCDF-GHJK-2345"),
        (" PRM BCDF GHJK 2345 ", "PRM-BCDF-GHJK-2345"),
        ("bcdfghjk2345", "PRM-BCDF-GHJK-2345"),
        ("PRM-BCDF-GHJK-234", ""),
        ("PRM-ACDF-GHJK-2345", ""),
    ],
)
def test_normalise_forgives_case_and_separators(typed, stored):
    """Lower case, spaces and missing dashes are accepted; wrong shapes give ''."""
    assert tracking.normalise(typed) == stored


def test_code_unlocks_its_case_without_putting_it_in_the_url(en, org):
    """A correct code redirects to the case page, whose URL holds no code."""
    case = make_case(org)
    response = en.post(url(org, "track"), {"code": case.tracking_code.lower()})
    assert response.status_code == 302
    assert case.tracking_code not in response["Location"]
    page = en.get(response["Location"])
    assert page.status_code == 200
    assert page.context["case"] == case
    assert "Received" in page.content.decode()


def test_one_code_does_not_unlock_another_case(en, org):
    """Unlocking a case shows that case only, never another one."""
    first, second = make_case(org), make_case(org, subject="Lain")
    en.post(url(org, "track"), {"code": second.tracking_code})
    page = en.get(url(org, "track-case"))
    assert page.context["case"] == second
    assert first.subject not in page.content.decode()


def test_code_of_another_pemda_not_found(en, org):
    """A code is looked up only within the Pemda of the address."""
    case = make_case(org)
    response = en.post(url(org, "track", org.other_pemda), {"code": case.tracking_code})
    assert response.status_code == 200
    assert "No case was found" in response.content.decode()


def test_wrong_and_malformed_codes_get_the_same_message(en, org):
    """A wrong code and a nonsense code answer the same generic message."""
    make_case(org)
    wrong = en.post(url(org, "track"), {"code": "PRM-BCDF-GHJK-2345"})
    nonsense = en.post(url(org, "track"), {"code": "hello"})
    message = "No case was found with this code."
    assert message in wrong.content.decode()
    assert message in nonsense.content.decode()


def test_eleventh_attempt_refused_even_with_the_right_code(en, org):
    """After 10 wrong codes from one address the 11th lookup is 429, right code or not."""
    case = make_case(org)
    for _ in range(tracking.MAX_FAILURES):
        assert (
            en.post(url(org, "track"), {"code": "PRM-BCDF-GHJK-2345"}).status_code
            == 200
        )
    response = en.post(url(org, "track"), {"code": case.tracking_code})
    assert response.status_code == 429
    assert "Too many wrong codes" in response.content.decode()
    assert en.get(url(org, "track-case")).status_code == 302


def test_rate_limit_is_per_address(en, org):
    """Failures from one address do not block another."""
    case = make_case(org)
    for _ in range(tracking.MAX_FAILURES):
        en.post(url(org, "track"), {"code": "x"}, REMOTE_ADDR="10.0.0.1")
    blocked = en.post(
        url(org, "track"), {"code": case.tracking_code}, REMOTE_ADDR="10.0.0.1"
    )
    other = en.post(
        url(org, "track"), {"code": case.tracking_code}, REMOTE_ADDR="10.0.0.2"
    )
    assert blocked.status_code == 429
    assert other.status_code == 302


def test_unlock_expires_after_thirty_minutes(en, org, monkeypatch):
    """The session forgets the case 30 minutes after unlocking."""
    case = make_case(org)
    en.post(url(org, "track"), {"code": case.tracking_code})
    later = tracking._now() + tracking.UNLOCK_SECONDS + 1
    monkeypatch.setattr(tracking, "_now", lambda: later)
    assert en.get(url(org, "track-case")).status_code == 302


def test_forget_locks_the_case(en, org):
    """Locking the case sends the next visit back to the code form."""
    case = make_case(org)
    en.post(url(org, "track"), {"code": case.tracking_code})
    en.post(url(org, "track-forget"))
    response = en.get(url(org, "track-case"))
    assert response.status_code == 302
    assert response["Location"] == url(org, "track")


def test_unlocked_case_not_shown_under_another_pemda(en, org):
    """A case unlocked under one Pemda's address is not shown under another's."""
    case = make_case(org)
    en.post(url(org, "track"), {"code": case.tracking_code})
    assert en.get(url(org, "track-case", org.other_pemda)).status_code == 302


def test_submitting_unlocks_the_new_case(en, org):
    """Right after sending, the citizen can open the case page."""
    en.post(
        reverse("complaints:submit", kwargs={"pemda_slug": org.pemda.slug}),
        {
            "key": "8b7f1c9e-3c1e-4d4b-9b1a-0f0e6f5a2c11",
            "kind": "saran",
            "subject": "Usul",
            "description": "Tambah kursi.",
            "privacy": "anonymous",
        },
    )
    assert en.get(url(org, "track-case")).context["case"].subject == "Usul"


def test_case_page_shows_public_events_answer_and_deadline(en, org):
    """Public steps, the answer and the due date show; internal notes do not."""
    case = answered(org)
    CaseEvent.objects.create(
        case=case,
        at=timezone.now(),
        to_status=Status.ANSWERED,
        staff_note="Internal: check CCTV",
        public=False,
    )
    en.post(url(org, "track"), {"code": case.tracking_code})
    page = en.get(url(org, "track-case")).content.decode()
    assert "Loket dibuka kembali." in page
    assert "Internal: check CCTV" not in page
    assert "You may reply and re-open the case until" in page


def test_overdue_case_marked(en, org):
    """A case past its verify deadline is marked overdue."""
    case = make_case(org, now=timezone.now() - timedelta(days=30))
    en.post(url(org, "track"), {"code": case.tracking_code})
    page = en.get(url(org, "track-case"))
    assert page.context["overdue"] is True
    assert "Overdue" in page.content.decode()


def test_reply_reopens_within_window(en, org):
    """A reply to a fresh answer re-opens the case."""
    case = answered(org)
    en.post(url(org, "track"), {"code": case.tracking_code})
    response = en.post(url(org, "track-reply"), {"reply": "Masih tutup."})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == Status.IN_PROGRESS
    assert case.reopen_count == 1


def test_reply_on_the_tracking_page_mails_the_unit_staff(
    en, org, users, django_capture_on_commit_callbacks
):
    """A citizen re-opening the case from the tracking page e-mails its handlers."""
    case = answered(org)
    en.post(url(org, "track"), {"code": case.tracking_code})
    assert not mail.outbox
    with django_capture_on_commit_callbacks(execute=True):
        en.post(url(org, "track-reply"), {"reply": "Masih tutup."})
    (message,) = mail.outbox
    assert message.to == [users["admin_opd"].email, users["operator_unit"].email]
    assert f"#{case.number}" in message.subject


def test_empty_reply_refused(en, org):
    """An empty reply leaves the case answered, with a message."""
    case = answered(org)
    en.post(url(org, "track"), {"code": case.tracking_code})
    page = en.post(url(org, "track-reply"), {"reply": " "}, follow=True)
    assert "Tell us what is still wrong." in page.content.decode()
    case.refresh_from_db()
    assert case.status == Status.ANSWERED


def test_reply_after_window_refused_with_message(en, org):
    """After 10 working days the case cannot be re-opened and the page says so."""
    case = answered(org, when=timezone.now() - timedelta(days=60))
    en.post(url(org, "track"), {"code": case.tracking_code})
    page = en.get(url(org, "track-case")).content.decode()
    assert "The time to re-open this case has passed" in page
    response = en.post(url(org, "track-reply"), {"reply": "Masih."}, follow=True)
    assert "The time to re-open this case has passed" in response.content.decode()
    case.refresh_from_db()
    assert case.status == Status.ANSWERED


def test_rating_closes_the_case(en, org):
    """Rating the answer 1–4 records it and closes the case."""
    case = answered(org)
    en.post(url(org, "track"), {"code": case.tracking_code})
    en.post(url(org, "track-rate"), {"rating": "4"})
    case.refresh_from_db()
    assert (case.rating, case.status) == (4, Status.CLOSED)
    page = en.get(url(org, "track-case")).content.decode()
    assert "You rated this answer 4 of 4." in page


@pytest.mark.parametrize("rating", ["0", "5", "x"])
def test_out_of_range_rating_refused(en, org, rating):
    """A rating outside 1–4 is refused and nothing changes."""
    case = answered(org)
    en.post(url(org, "track"), {"code": case.tracking_code})
    en.post(url(org, "track-rate"), {"rating": rating})
    case.refresh_from_db()
    assert case.rating is None


def test_unanswered_case_cannot_be_rated(en, org):
    """Rating a case without an answer is refused with a message."""
    case = make_case(org)
    en.post(url(org, "track"), {"code": case.tracking_code})
    page = en.post(url(org, "track-rate"), {"rating": "3"}, follow=True)
    assert "Only an answered case can be rated." in page.content.decode()
    case.refresh_from_db()
    assert case.rating is None


def test_unlock_gives_a_new_session_id(en, org):
    """Unlocking a case changes the session id, so a planted session gains nothing."""
    case = make_case(org)
    en.get(url(org, "track"))
    en.session.save()
    before = en.session.session_key
    en.post(url(org, "track"), {"code": case.tracking_code})
    assert en.session.session_key != before
