"""Tests of the staff complaint pages: work list, case page, actions, bulk assign."""

import uuid

import pytest
from django.conf import settings
from django.core import mail
from django.core.files.base import ContentFile
from django.urls import reverse

from prima.complaints.models import Attachment, Case, CaseEvent, Privacy, Status
from prima.complaints.services import case_assign, case_submit, case_verify

pytestmark = pytest.mark.django_db


def submit(org, *, unit="unit", **kwargs):
    case, _ = case_submit(
        pemda=org.pemda,
        kind="pengaduan",
        subject=kwargs.pop("subject", "Antrean lama"),
        description="Menunggu tiga jam.",
        submission_key=uuid.uuid4(),
        unit=getattr(org, unit) if unit else None,
        contact_name="Siti Aminah",
        contact_email="siti@example.test",
        **kwargs,
    )
    return case


def login(client, user):
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def test_worklist_shows_rows_and_overdue_badge(client, org, users):
    """The work list shows the case number, unit and the overdue badge."""
    case = submit(org)
    Case.objects.filter(pk=case.pk).update(verify_due="2020-01-01")
    response = login(client, users["admin_pemda"]).get(reverse("complaints:worklist"))
    text = response.content.decode()
    assert f"#{case.number}" in text and case.tracking_code not in text
    assert org.unit.name in text
    assert "Overdue" in text


def test_worklist_refuses_users_without_complaints(client, org, users):
    """A jury member gets 403 on the work list."""
    response = login(client, users["juri"]).get(reverse("complaints:worklist"))
    assert response.status_code == 403


def test_case_detail_hides_confidential_identity_from_the_unit(client, org, users):
    """The unit operator sees "Confidential"; the Pemda admin sees the name."""
    case = submit(org, privacy=Privacy.CONFIDENTIAL)
    url = reverse("complaints:case-detail", args=[case.pk])
    text = login(client, users["operator_unit"]).get(url).content.decode()
    assert "Confidential" in text and "Siti Aminah" not in text
    text = login(client, users["admin_pemda"]).get(url).content.decode()
    assert "Siti Aminah" in text


def test_case_detail_shows_timeline_with_internal_notes(client, org, users):
    """Internal notes appear on the staff timeline, marked internal."""
    case = submit(org)
    case_assign(
        case=case, actor=users["admin_pemda"], unit=org.unit, staff_note="Cek CCTV"
    )
    url = reverse("complaints:case-detail", args=[case.pk])
    text = login(client, users["admin_opd"]).get(url).content.decode()
    assert "Cek CCTV" in text and 'class="badge">Internal<' not in text
    CaseEvent.objects.create(
        case=case,
        at=case.received_at,
        from_status=case.status,
        to_status=case.status,
        staff_note="Eskalasi",
        public=False,
    )
    text = client.get(url).content.decode()
    assert "Eskalasi" in text and 'class="badge">Internal<' in text


def test_verify_moves_the_case_and_mails_the_citizen(
    client, org, users, django_capture_on_commit_callbacks
):
    """Verifying records an event, redirects back and e-mails the citizen."""
    case = submit(org)
    url = reverse("complaints:case-verify", args=[case.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = login(client, users["operator_unit"]).post(
            url, {"verify-staff_note": "ok"}
        )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == Status.VERIFIED
    assert case.events.last().actor == users["operator_unit"]
    assert any(case.subject in m.subject for m in mail.outbox)
    assert "siti@example.test" in [r for m in mail.outbox for r in m.to]


def test_verify_in_the_wrong_state_becomes_a_message(
    client, org, users, django_capture_on_commit_callbacks
):
    """Verifying a verified case shows the service's error, not a 500, nor a mail."""
    case = submit(org)
    case_verify(case=case, actor=None)
    url = reverse("complaints:case-verify", args=[case.pk])
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = login(client, users["admin_pemda"]).post(url, follow=True)
    assert response.status_code == 200
    assert "that step is not possible now" in response.content.decode()
    assert not callbacks and not mail.outbox


def test_reject_requires_a_reason_and_forwarded_to(client, org, users):
    """A rejection without a destination for "not our authority" is refused."""
    case = submit(org)
    url = reverse("complaints:case-reject", args=[case.pk])
    client = login(client, users["admin_pemda"])
    client.post(url, {"reject-reason": "not_our_authority", "reject-note": "Bukan"})
    case.refresh_from_db()
    assert case.status == Status.RECEIVED
    client.post(url, {"reject-note": "Bukan"})
    case.refresh_from_db()
    assert case.status == Status.RECEIVED
    client.post(
        url,
        {
            "reject-reason": "not_our_authority",
            "reject-note": "Bukan wewenang kami",
            "reject-forwarded_to": "Kementerian ATR/BPN",
        },
    )
    case.refresh_from_db()
    assert case.status == Status.REJECTED
    assert case.forwarded_to == "Kementerian ATR/BPN"


def test_assign_limits_units_to_the_opd_of_an_opd_admin(client, org, users):
    """An OPD admin cannot hand a case to another OPD's unit."""
    case = submit(org)
    url = reverse("complaints:case-assign", args=[case.pk])
    client = login(client, users["admin_opd"])
    client.post(url, {"assign-unit": org.other_opd_unit.pk})
    case.refresh_from_db()
    assert case.status == Status.RECEIVED
    client.post(
        url, {"assign-unit": org.sibling_unit.pk, "assign-staff_note": "disposisi"}
    )
    case.refresh_from_db()
    assert case.status == Status.ASSIGNED and case.unit == org.sibling_unit


def test_start_and_answer(client, org, users):
    """The unit records its first response, then answers; the answer is stored."""
    case = submit(org)
    case_assign(case=case, actor=None, unit=org.unit)
    client = login(client, users["operator_unit"])
    client.post(reverse("complaints:case-start", args=[case.pk]), {"start-note": ""})
    case.refresh_from_db()
    assert case.status == Status.ASSIGNED
    client.post(
        reverse("complaints:case-start", args=[case.pk]),
        {"start-note": "Sedang kami cek"},
    )
    client.post(
        reverse("complaints:case-answer", args=[case.pk]),
        {"answer-answer": "Loket ditambah"},
    )
    case.refresh_from_db()
    assert case.status == Status.ANSWERED and case.answer == "Loket ditambah"


def test_read_only_user_cannot_act(client, org, users):
    """A counter officer gets 403 on an action and the case does not move."""
    case = submit(org)
    url = reverse("complaints:case-verify", args=[case.pk])
    assert login(client, users["petugas_loket"]).post(url).status_code == 403
    case.refresh_from_db()
    assert case.status == Status.RECEIVED


def test_bulk_assign_moves_all_cases_with_one_event_each(
    client, org, users, django_capture_on_commit_callbacks
):
    """Bulk assignment assigns every selected case, records an event for each and
    mails each case's citizen."""
    cases = [submit(org), submit(org, unit="sibling_unit")]
    with django_capture_on_commit_callbacks(execute=True):
        response = login(client, users["admin_opd"]).post(
            reverse("complaints:bulk-assign"),
            {"cases": [c.pk for c in cases], "unit": org.sibling_unit.pk},
        )
    assert response.status_code == 302
    citizen_mails = [m for m in mail.outbox if m.to == ["siti@example.test"]]
    assert len(citizen_mails) == 2
    for case in cases:
        case.refresh_from_db()
        assert case.status == Status.ASSIGNED and case.unit == org.sibling_unit
        assert case.events.filter(to_status=Status.ASSIGNED).count() == 1


def test_bulk_assign_refuses_all_if_one_case_is_out_of_scope(client, org, users):
    """One case outside the OPD admin's scope refuses the whole request."""
    own = submit(org)
    foreign = submit(org, unit="other_opd_unit")
    response = login(client, users["admin_opd"]).post(
        reverse("complaints:bulk-assign"),
        {"cases": [own.pk, foreign.pk], "unit": org.sibling_unit.pk},
        follow=True,
    )
    assert "nothing was reassigned" in response.content.decode()
    own.refresh_from_db()
    assert own.status == Status.RECEIVED
    assert not CaseEvent.objects.filter(to_status=Status.ASSIGNED).exists()


def test_bulk_assign_refuses_an_id_no_case_can_have(client, org, users):
    """A 19-digit case id is refused like any unknown case, not an overflow."""
    own = submit(org)
    response = login(client, users["admin_opd"]).post(
        reverse("complaints:bulk-assign"),
        {"cases": [own.pk, "9" * 19], "unit": org.sibling_unit.pk},
    )
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.status == Status.RECEIVED


def test_bulk_assign_refused_for_unit_operators(client, org, users):
    """A unit operator may not bulk-assign."""
    case = submit(org)
    response = login(client, users["operator_unit"]).post(
        reverse("complaints:bulk-assign"), {"cases": [case.pk], "unit": org.unit.pk}
    )
    assert response.status_code == 403


def test_attachment_download_headers(client, org, users):
    """An attachment is served as a download with nosniff."""
    case = submit(org)
    item = Attachment(
        case=case, original_name="foto.png", content_type="image/png", size=3
    )
    item.file.save("foto.png", ContentFile(b"PNG"), save=True)
    response = login(client, users["operator_unit"]).get(
        reverse("complaints:attachment", args=[item.pk])
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content) == b"PNG"
    other = login(client, users["other_pemda_admin"]).get(
        reverse("complaints:attachment", args=[item.pk])
    )
    assert other.status_code == 404


# Every role of Kota Alpha whose grants reach a case of ``org.unit``.
SEE_THE_CASE = [
    "admin_pemda",
    "admin_opd",
    "operator_unit",
    "petugas_loket",
    "evaluator",
    "pimpinan",
    "superuser",
]
# Who may change complaints of the case's unit or of its OPD (and the platform).
HANDLERS = {"admin_opd", "operator_unit", "superuser"}


@pytest.mark.parametrize("role", SEE_THE_CASE)
def test_staff_name_a_case_by_number_never_by_tracking_code(client, org, users, role):
    """Work list and case page show "#n"; the citizen's tracking code nowhere."""
    case = submit(org)
    login(client, users[role])
    for url in [
        reverse("complaints:worklist"),
        reverse("complaints:case-detail", args=[case.pk]),
    ]:
        text = client.get(url).content.decode()
        assert f"#{case.number}" in text, url
        assert case.tracking_code not in text, url


def test_django_admin_does_not_show_the_tracking_code(client, org, users):
    """The platform operator's admin lists and opens cases without the code."""
    case = submit(org)
    client.force_login(users["superuser"])
    for url in [
        reverse("admin:complaints_case_changelist"),
        reverse("admin:complaints_case_change", args=[case.pk]),
    ]:
        response = client.get(url)
        assert response.status_code == 200
        text = response.content.decode()
        assert case.subject in text and case.tracking_code not in text


@pytest.mark.parametrize("role", SEE_THE_CASE)
def test_open_identity_is_shown_to_the_handling_unit_and_its_opd_only(
    client, org, users, role
):
    """An open case's name and contact show to the unit's operators and the OPD's
    administrators; every other role sees the case with the identity masked."""
    case = submit(org)
    url = reverse("complaints:case-detail", args=[case.pk])
    text = login(client, users[role]).get(url).content.decode()
    assert case.subject in text
    shown = role in HANDLERS
    assert ("Siti Aminah" in text) is shown
    assert ("siti@example.test" in text) is shown
    assert ("Hidden: shown to the handling unit only" in text) is not shown


def test_open_identity_follows_the_unit_the_case_is_assigned_to(client, org, users):
    """Unassigned, nobody but the platform sees the name; in a sibling unit of the
    same OPD the OPD administrator does; a re-assignment moves it along."""
    case = submit(org, unit=None)
    url = reverse("complaints:case-detail", args=[case.pk])
    text = login(client, users["admin_pemda"]).get(url).content.decode()
    assert "Siti Aminah" not in text
    case_assign(case=case, actor=None, unit=org.sibling_unit)
    assert "Siti Aminah" in login(client, users["admin_opd"]).get(url).content.decode()
    assert login(client, users["operator_unit"]).get(url).status_code == 404
    case_assign(case=case, actor=None, unit=org.other_opd_unit)
    assert login(client, users["admin_opd"]).get(url).status_code == 404
    text = login(client, users["pimpinan"]).get(url).content.decode()
    assert case.subject in text and "Siti Aminah" not in text
