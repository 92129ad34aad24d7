"""Partner kiosks send SKM answers to the API: stored once per key through the
surveys app's idempotent submission, checked by the kiosk page's own rules."""

from __future__ import annotations

import uuid

import pytest
from django.utils import timezone

from prima.surveys import intake
from prima.surveys.models import Channel, DailyCount, Response

pytestmark = pytest.mark.django_db

URL = "/api/v1/survey-responses"


@pytest.fixture
def kiosk(org):
    _, token = intake.kiosk_issue(unit=org.unit, name="Mitra")
    return {"Authorization": f"Bearer {token}"}


def answer(service, **overrides) -> dict:
    data = {
        "idempotency_key": str(uuid.uuid4()),
        "service": service.pk,
        **{f"u{i}": 3 for i in range(1, 10)},
    }
    return {**data, **overrides}


def test_an_answer_is_stored_once_per_key(client, org, kiosk):
    """The first sending answers 201, the same key again 200 with the same id."""
    body = answer(org.layanan)
    first = client.post(URL, body, content_type="application/json", headers=kiosk)
    again = client.post(URL, body, content_type="application/json", headers=kiosk)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["id"] == again.json()["id"]
    assert again.json()["created"] is False
    response = Response.objects.get()
    assert response.channel == Channel.KIOSK
    assert response.service_date == timezone.localdate()
    assert DailyCount.objects.get(layanan=org.layanan).respondents == 1


def test_a_service_of_another_unit_is_refused_naming_the_field(client, org, kiosk):
    """The kiosk answers for its own unit's services only."""
    refused = client.post(
        URL,
        answer(org.other_opd_layanan),
        content_type="application/json",
        headers=kiosk,
    )
    assert refused.status_code == 422
    assert refused["Content-Type"] == "application/problem+json"
    assert [e["field"] for e in refused.json()["errors"]] == ["service"]
    assert not Response.objects.exists()


def test_scores_and_dates_are_checked(client, org, kiosk):
    """A score of 5 and a date in the future each name their field."""
    score = client.post(
        URL, answer(org.layanan, u4=5), content_type="application/json", headers=kiosk
    )
    assert [e["field"] for e in score.json()["errors"]] == ["u4"]
    future = client.post(
        URL,
        answer(org.layanan, service_date="2999-01-01"),
        content_type="application/json",
        headers=kiosk,
    )
    assert [e["field"] for e in future.json()["errors"]] == ["service_date"]
    assert not Response.objects.exists()


def test_only_a_kiosk_token_may_send(client, org, users, bearer):
    """A staff token or session is not a kiosk: 401."""
    body = answer(org.layanan)
    staff = client.post(
        URL, body, content_type="application/json", headers=bearer(users["admin_pemda"])
    )
    assert staff.status_code == 401
    client.force_login(users["admin_pemda"])
    assert client.post(URL, body, content_type="application/json").status_code == 401
    assert not Response.objects.exists()
