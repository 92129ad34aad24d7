"""Nothing written for staff reaches a citizen: every staff-only field of the
complaints models is filled with a marker, then every public page (the citizen's
tracking page first) and every e-mail to the citizen is searched for it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.apps import apps
from django.core import mail
from django.db import models
from django.urls import reverse

from prima.complaints import escalation
from prima.complaints.models import CaseEvent
from prima.complaints.services import (
    case_answer,
    case_assign,
    case_start,
    case_verify,
)
from prima.complaints.testing import make_case
from tests.matrix import all_cases

# Rendered text and links do not depend on the database.
pytestmark = pytest.mark.sqlite_part_only

MARKER = "STAFF-ONLY-7Q4Z"
CITIZEN_NOTE = "Kami sudah menerima laporan Anda."
CITIZEN_ANSWER = "Loket tambahan dibuka Senin."

# Every text field of the complaints models that is the citizen's own or written to
# the citizen. A new text field must be put here or in its model's
# ``staff_only_fields``; ``test_every_text_field_is_classified`` insists.
CITIZEN_VISIBLE = {
    "Holiday": {"name"},
    "Case": {
        "tracking_code",
        "kind",
        "subject",
        "description",
        "privacy",
        "contact_name",
        "contact_email",
        "contact_phone",
        "status",
        "reject_reason",
        "forwarded_to",
        "answer",
    },
    "CaseEvent": {"from_status", "to_status", "note"},
    "Attachment": {"original_name", "content_type"},
}


def staff_only_fields() -> list[tuple[type[models.Model], str]]:
    """Return (model, field name) for every declared staff-only field."""
    return [
        (model, name)
        for model in apps.get_app_config("complaints").get_models()
        for name in getattr(model, "staff_only_fields", ())
    ]


def test_every_text_field_is_classified():
    """Each text field of a complaints model is either citizen-visible or staff-only."""
    for model in apps.get_app_config("complaints").get_models():
        text = {
            f.name
            for f in model._meta.get_fields()
            if isinstance(f, models.CharField | models.TextField)
        }
        staff = set(getattr(model, "staff_only_fields", ()))
        citizen = CITIZEN_VISIBLE.get(model.__name__, set())
        assert not staff & citizen, model
        assert text == staff | citizen, (
            f"{model.__name__}: classify {text ^ (staff | citizen)}"
        )
    assert "CaseEvent" in {m.__name__ for m, _ in staff_only_fields()}


@pytest.fixture
def case_with_markers(org, users, django_capture_on_commit_callbacks):
    """A case taken through every staff step, every staff-only field set to MARKER."""
    staff = users["admin_pemda"]
    with django_capture_on_commit_callbacks(execute=True):
        case = make_case(org, contact_email="warga@example.test")
        case_verify(case=case, actor=staff, staff_note=MARKER)
        case_assign(case=case, actor=staff, unit=org.unit, staff_note=MARKER)
        case_start(case=case, actor=staff, note=CITIZEN_NOTE)
        # Long past every deadline: escalated to the OPD, then to the Pemda.
        escalation.escalate(today=case.received_at.date() + timedelta(days=90))
        case_answer(case=case, actor=staff, answer=CITIZEN_ANSWER)
    # Whatever a step left empty, every row now carries the marker in every
    # staff-only field.
    for model, name in staff_only_fields():
        model._default_manager.update(**{name: MARKER})
    assert CaseEvent.objects.filter(staff_note=MARKER).count() >= 5
    case.refresh_from_db()
    return case


def unlock(client, case) -> None:
    url = reverse("complaints:track", kwargs={"pemda_slug": case.pemda.slug})
    response = client.post(url, {"code": case.tracking_code})
    assert response.status_code == 302


def test_staff_notes_reach_staff(client, case_with_markers, users):
    """Positive control: the marker is rendered on the staff case page."""
    client.force_login(users["admin_opd"])
    url = reverse("complaints:case-detail", args=[case_with_markers.pk])
    assert MARKER in client.get(url).content.decode()


def test_tracking_page_shows_no_staff_text(client, case_with_markers):
    """The citizen's tracking page shows the public steps and none of staff's text."""
    unlock(client, case_with_markers)
    url = reverse(
        "complaints:track-case", kwargs={"pemda_slug": case_with_markers.pemda.slug}
    )
    text = client.get(url).content.decode()
    assert CITIZEN_NOTE in text and CITIZEN_ANSWER in text
    assert MARKER not in text


def test_citizen_mails_carry_no_staff_text(case_with_markers):
    """The e-mails to the citizen, sent at every step, carry no staff text."""
    to_citizen = [m for m in mail.outbox if "warga@example.test" in m.to]
    assert len(to_citizen) >= 3
    for message in to_citizen:
        assert MARKER not in message.subject + message.body


def public_urls(org) -> list[str]:
    """Return every page of the access matrix an anonymous visitor may GET."""
    urls = []
    for case in all_cases():
        if case.method == "get" and case.expected["anonymous"] == 200:
            urls.append(reverse(case.name, kwargs=case.kwargs(org)))
    return urls


def test_no_public_page_shows_staff_text(client, org, case_with_markers):
    """Every public page, seen by a citizen whose case is unlocked, lacks the marker."""
    unlock(client, case_with_markers)
    urls = public_urls(org)
    track_case = reverse("complaints:track-case", kwargs={"pemda_slug": org.pemda.slug})
    assert reverse("complaints:submit", kwargs={"pemda_slug": org.pemda.slug}) in urls
    for url in [*urls, track_case]:
        response = client.get(url)
        assert response.status_code == 200, url
        body = b"".join(response) if response.streaming else response.content
        assert MARKER.encode() not in body, url
