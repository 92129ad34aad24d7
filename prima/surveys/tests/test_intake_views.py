"""Tests of the citizen questionnaire pages, kiosks and QR posters."""

from __future__ import annotations

import re
import uuid
from datetime import timedelta

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from prima.surveys.intake import kiosk_issue, kiosk_token_hash
from prima.surveys.models import (
    Channel,
    DailyCount,
    ExtraAnswer,
    ExtraQuestion,
    KioskDevice,
    QuestionWording,
    Response,
)

pytestmark = pytest.mark.django_db

ORDER = ["u1", "u2", "u3", "u4", "u5", "u6", "u7", "u9", "u8"]


def answers(org, **overrides) -> dict:
    data = {f"u{i}": "4" for i in range(1, 10)}
    data.update(
        key=str(uuid.uuid4()),
        layanan=str(org.layanan.pk),
        service_date=timezone.localdate().isoformat(),
    )
    data.update(overrides)
    return data


@pytest.fixture
def en_client(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def is_checked(html: str, name: str, value: str) -> bool:
    """Return whether the radio ``name``=``value`` is rendered checked."""
    tag = re.search(rf'<input type="radio" name="{name}" value="{value}"[^>]*>', html)
    return tag is not None and " checked" in tag.group(0)


def unit_url(org) -> str:
    return reverse("surveys:survey-unit", kwargs={"unit_pk": org.unit.pk})


def test_form_asks_the_nine_unsur_with_u9_before_u8(org, en_client):
    """The form lists U1..U7, U9, U8 in that order, with no script tag."""
    html = en_client.get(unit_url(org)).content.decode()
    positions = [html.index(f'name="{name}"') for name in ORDER]
    assert positions == sorted(positions)
    assert "<script" not in html.lower()
    assert "What do you think of the quality of the facilities" in html
    assert "a. Not appropriate" in html


def test_unit_rewording_and_extra_questions_are_shown(org, en_client):
    """A unit's wording replaces the default text and its extra question appears."""
    QuestionWording.objects.create(
        pemda=org.pemda,
        unit=org.unit,
        unsur="U3",
        text="Berapa cepat KTP Anda selesai?",
        label_1="Lambat sekali",
        label_2="Lambat",
        label_3="Cepat",
        label_4="Kilat",
    )
    ExtraQuestion.objects.create(
        pemda=org.pemda, unit=org.unit, text="Apakah antrean tertib?"
    )
    html = en_client.get(unit_url(org)).content.decode()
    assert "Berapa cepat KTP Anda selesai?" in html
    assert "d. Kilat" in html
    assert "How fast is the time to deliver the service?" not in html
    assert "Apakah antrean tertib?" in html


def test_missing_unsur_names_the_question_and_keeps_other_answers(org, en_client):
    """An unanswered unsur is named in the error and the given answers stay checked."""
    data = answers(org, u5="2", suggestion="Tambah kursi")
    del data["u9"]
    response = en_client.post(unit_url(org), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Please answer question 8 (Facilities and infrastructure)." in html
    assert is_checked(html, "u5", "2")
    assert not is_checked(html, "u5", "4")
    assert "Tambah kursi" in html
    assert f'value="{data["key"]}"' in html
    assert not Response.objects.exists()


def test_double_submit_with_one_key_stores_one_response(org, client):
    """Posting the same page twice stores one response and counts one respondent."""
    extra = ExtraQuestion.objects.create(pemda=org.pemda, unit=org.unit, text="Q?")
    data = answers(org, **{f"extra_{extra.pk}": "Ya", "gender": "P", "age": "34"})
    first = client.post(unit_url(org), data)
    second = client.post(unit_url(org), data)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == reverse("surveys:survey-thanks")
    stored = Response.objects.get()
    assert stored.channel == Channel.ONLINE
    assert stored.gender == "P" and stored.age == 34
    assert DailyCount.objects.get().respondents == 1
    assert ExtraAnswer.objects.get().text == "Ya"


def page_key(html: str) -> str:
    return html.split('name="key" value="')[1].split('"')[0]


def test_form_shown_again_after_sending_keeps_the_used_key(org, en_client):
    """Going back after sending re-renders the used key, so a resend counts once."""
    data = answers(org)
    en_client.post(unit_url(org), data)
    again = en_client.get(unit_url(org)).content.decode()
    assert page_key(again) == data["key"]
    assert "You already sent your answers from this device" in again
    en_client.post(unit_url(org), {**data, "key": page_key(again)})
    assert Response.objects.count() == 1
    fresh = en_client.get(unit_url(org) + "?baru=1").content.decode()
    assert page_key(fresh) != data["key"]
    en_client.post(unit_url(org), {**data, "key": page_key(fresh)})
    assert Response.objects.count() == 2
    assert DailyCount.objects.get().respondents == 2


# A fixed version-1 UUID: pytest-xdist workers must collect the same test ids.
UUID1_KEY = "6d77a7c0-f00b-11f1-b938-02fc00000001"


@pytest.mark.parametrize("key", ["", "not-a-uuid", UUID1_KEY])
def test_post_without_valid_key_is_refused_with_fresh_key(org, en_client, key):
    """A missing, malformed or non-UUID4 key stores nothing and re-shows a fresh key."""
    response = en_client.post(unit_url(org), answers(org, key=key))
    html = response.content.decode()
    assert response.status_code == 200
    assert "could not be matched to a survey session" in html
    assert not Response.objects.exists()
    fresh = page_key(html)
    assert uuid.UUID(fresh).version == 4 and fresh != key
    assert is_checked(html, "u1", "4")


@pytest.mark.parametrize(
    ("days", "message"),
    [(1, "cannot be in the future"), (-32, "Only services received since")],
)
def test_service_date_must_be_recent_and_not_future(org, en_client, days, message):
    """A date of service in the future or over 31 days back is refused."""
    day = timezone.localdate() + timedelta(days=days)
    response = en_client.post(unit_url(org), answers(org, service_date=day))
    assert message in response.content.decode()
    assert not Response.objects.exists()


def test_date_input_defaults_to_today_in_iso_format(org, client):
    """The date field shows today as YYYY-MM-DD, which a date picker accepts in any language."""
    html = client.get(unit_url(org)).content.decode()
    assert f'value="{timezone.localdate().isoformat()}"' in html


def test_service_date_31_days_back_is_accepted(org, client):
    """A service received exactly 31 days ago can still be rated."""
    day = timezone.localdate() - timedelta(days=31)
    assert client.post(unit_url(org), answers(org, service_date=day)).status_code == 302
    assert Response.objects.get().service_date == day


def test_service_link_fixes_the_service(org, client):
    """The per-service link stores its own service whatever the post says."""
    url = reverse("surveys:survey-service", kwargs={"layanan_pk": org.layanan.pk})
    other = org.layanan.__class__.objects.create(
        pemda=org.pemda, unit=org.unit, code="X1", name="Akta"
    )
    assert "disabled" in client.get(url).content.decode()
    assert client.post(url, answers(org, layanan=other.pk)).status_code == 302
    assert Response.objects.get().layanan == org.layanan


def service_url(org) -> str:
    return reverse("surveys:survey-service", kwargs={"layanan_pk": org.layanan.pk})


def test_service_link_refuses_a_missing_answer_like_the_unit_form(org, en_client):
    """A service link's POST that is not plainly valid gets the form's errors."""
    data = answers(org, u5="2", suggestion="Tambah kursi")
    del data["u9"]
    response = en_client.post(service_url(org), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Please answer question 8 (Facilities and infrastructure)." in html
    assert is_checked(html, "u5", "2")
    assert "Tambah kursi" in html
    assert f'value="{data["key"]}"' in html
    assert not Response.objects.exists()


def test_service_link_stores_a_retried_submission_once(org, client):
    """The lean path of a service link keeps the key's once-only storage."""
    extra = ExtraQuestion.objects.create(pemda=org.pemda, unit=org.unit, text="Q?")
    data = answers(
        org, **{f"extra_{extra.pk}": " Ya ", "gender": "P", "age": "34"}, u3="2"
    )
    first = client.post(service_url(org), data)
    second = client.post(service_url(org), data)
    assert first.status_code == second.status_code == 302
    assert second["Location"] == reverse("surveys:survey-thanks")
    stored = Response.objects.get()
    assert (stored.layanan, stored.channel) == (org.layanan, Channel.ONLINE)
    assert (stored.gender, stored.age, stored.u3) == ("P", 34, 2)
    daily = DailyCount.objects.get()
    assert (daily.respondents, daily.u3_2, daily.u3_4) == (1, 1, 0)
    assert ExtraAnswer.objects.get().text == "Ya"


def test_service_link_post_needs_the_csrf_token(org):
    """The lean path runs behind the same CSRF check as every form."""
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(service_url(org), answers(org))
    assert response.status_code == 403
    assert not Response.objects.exists()


def test_inactive_unit_and_service_answer_404(org, client):
    """Links of an inactive unit or service are not found."""
    org.layanan.active = False
    org.layanan.save()
    url = reverse("surveys:survey-service", kwargs={"layanan_pk": org.layanan.pk})
    assert client.get(url).status_code == 404
    org.unit.active = False
    org.unit.save()
    assert client.get(unit_url(org)).status_code == 404


def test_kiosk_token_is_stored_hashed_and_submits_as_kiosk(org, client):
    """Only the token's SHA-256 is stored; the kiosk resets with a thank-you."""
    device, token = kiosk_issue(unit=org.unit, name="Tablet 1")
    assert device.token_hash == kiosk_token_hash(token) != token
    assert not KioskDevice.objects.filter(token_hash=token).exists()
    url = reverse("surveys:kiosk", kwargs={"token": token})
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.post(url, answers(org), follow=True)
    assert response.redirect_chain == [(url, 302)]
    html = response.content.decode()
    assert "Thank you! Your answers were saved." in html
    assert "checked" not in html
    stored = Response.objects.get()
    assert stored.channel == Channel.KIOSK and stored.kiosk == device
    device.refresh_from_db()
    assert device.last_used_at is not None


def test_unknown_or_revoked_kiosk_token_answers_404(org, client, users):
    """An unknown token or a revoked kiosk's token is not found."""
    device, token = kiosk_issue(unit=org.unit, name="Tablet 1")
    url = reverse("surveys:kiosk", kwargs={"token": token})
    assert client.get(url).status_code == 200
    assert client.get(url + "x/").status_code == 404
    assert client.get(reverse("surveys:kiosk", args=["nope"])).status_code == 404
    client.force_login(users["operator_unit"])
    revoke = reverse("surveys:kiosk-revoke", kwargs={"pk": device.pk})
    assert client.post(revoke).status_code == 302
    client.logout()
    assert client.get(url).status_code == 404


def test_issuing_a_kiosk_shows_its_token_once(org, users, client):
    """The kiosk URL with the token is shown after issuing, then never again."""
    client.force_login(users["operator_unit"])
    url = reverse("surveys:kiosk-list")
    response = client.post(url, {"unit": org.unit.pk, "name": "Tablet loket 2"})
    assert response.status_code == 302
    page = client.get(url).content.decode()
    device = KioskDevice.objects.get()
    token = page.split('class="kiosk-url">')[1].split("/kiosk/")[1].split("/")[0]
    assert kiosk_token_hash(token) == device.token_hash
    assert device.issued_by == users["operator_unit"]
    assert "/kiosk/" + token not in client.get(url).content.decode()


def test_staff_can_issue_kiosks_only_for_units_they_may_change(org, users, client):
    """A unit operator cannot issue a kiosk for a sibling unit; read-only staff get 403."""
    client.force_login(users["operator_unit"])
    url = reverse("surveys:kiosk-list")
    client.post(url, {"unit": org.sibling_unit.pk, "name": "X"})
    assert not KioskDevice.objects.exists()
    client.force_login(users["petugas_loket"])
    assert client.post(url, {"unit": org.unit.pk, "name": "X"}).status_code == 403
    kiosk_issue(unit=org.sibling_unit, name="Sibling tablet")
    client.force_login(users["operator_unit"])
    assert "Sibling tablet" not in client.get(url).content.decode()
    client.force_login(users["admin_opd"])
    assert "Sibling tablet" in client.get(url).content.decode()


def test_poster_is_a_pdf(org, users, client):
    """The unit poster is an A4 PDF document."""
    client.force_login(users["petugas_loket"])
    url = reverse("surveys:survey-poster-unit", kwargs={"unit_pk": org.unit.pk})
    response = client.get(url)
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_service_poster_encodes_the_absolute_short_link(
    org, users, client, monkeypatch
):
    """The HTML handed to WeasyPrint carries the absolute per-service link and its QR."""
    from prima.surveys import intake

    fed = []
    monkeypatch.setattr(intake, "poster_pdf", lambda html: fed.append(html) or b"%PDF")
    client.force_login(users["admin_opd"])
    url = reverse(
        "surveys:survey-poster-service", kwargs={"layanan_pk": org.layanan.pk}
    )
    assert client.get(url).content == b"%PDF"
    link = "http://testserver" + reverse(
        "surveys:survey-service", kwargs={"layanan_pk": org.layanan.pk}
    )
    assert link in fed[0]
    assert intake.qr_svg(link) in fed[0]
    assert "Penerbitan KTP-el" in fed[0]


def test_kiosk_worker_is_served_with_a_scope_over_every_kiosk(client, org):
    """The kiosk's service worker comes from /kiosk/, allowed to control every kiosk
    page, as JavaScript that is checked for updates on each visit."""
    _device, token = kiosk_issue(unit=org.unit, name="Tablet 1")
    url = reverse("surveys:kiosk-worker")
    kiosk_page = reverse("surveys:kiosk", kwargs={"token": token})
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    scope = response["Service-Worker-Allowed"]
    assert kiosk_page.startswith(scope) and url.startswith(scope)
    assert response["Cache-Control"] == "no-cache"
    assert b'addEventListener("fetch"' in response.content


def test_kiosk_page_loads_its_script_and_texts(client, org):
    """Only the kiosk page loads the offline script, with its texts in the page."""
    _device, token = kiosk_issue(unit=org.unit, name="Tablet 1")
    page = client.get(reverse("surveys:kiosk", kwargs={"token": token}))
    assert b"js/kiosk.js" in page.content
    assert b'data-worker="/kiosk/sw.js"' in page.content
    survey = client.get(reverse("surveys:survey-unit", args=[org.unit.pk]))
    assert b"<script" not in survey.content
