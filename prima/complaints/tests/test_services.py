"""Tests of the complaint workflow services."""

import uuid
from datetime import UTC, date, datetime

import pytest
from django.core.exceptions import ValidationError

from prima.complaints.models import Case, Holiday, Privacy, Status
from prima.complaints.services import (
    attachments_store,
    case_answer,
    case_assign,
    case_rate,
    case_reject,
    case_reopen,
    case_start,
    case_submit,
    case_verify,
)
from prima.complaints.testing import make_case
from prima.core.testing import jpeg_bytes, upload
from prima.core.uploads import clean_upload

pytestmark = pytest.mark.django_db

MONDAY = datetime(2026, 3, 2, 3, 0, tzinfo=UTC)  # 10:00 in Jakarta
THURSDAY = datetime(2026, 3, 5, 3, 0, tzinfo=UTC)


def submit(org, **kwargs):
    kwargs.setdefault("submission_key", uuid.uuid4())
    kwargs.setdefault("now", MONDAY)
    return case_submit(
        pemda=org.pemda,
        kind="pengaduan",
        subject="Antrean lama",
        description="Menunggu tiga jam di loket.",
        layanan=org.layanan,
        contact_name="Siti",
        contact_email="siti@example.test",
        **kwargs,
    )


def test_submission_sets_verify_deadline_and_is_idempotent(org):
    """A Monday case must be verified by Thursday; a retry stores it once."""
    key = uuid.uuid4()
    case, created = submit(org, submission_key=key)
    again, created_again = submit(org, submission_key=key)
    assert created and not created_again and case.pk == again.pk
    assert case.verify_due == date(2026, 3, 5)
    assert case.unit == org.unit and case.status == Status.RECEIVED
    assert len(case.tracking_code) == 18 and Case.objects.count() == 1


def test_anonymous_case_keeps_no_contact(org):
    """An anonymous case stores no name, e-mail or phone."""
    case, _ = submit(org, privacy=Privacy.ANONYMOUS)
    assert (case.contact_name, case.contact_email) == ("", "")


def test_full_workflow_with_holidays(org, users):
    """Assignment on Thursday sets the worked example's deadlines, holidays included."""
    Holiday.objects.create(pemda=org.pemda, day=date(2026, 3, 19), name="Nyepi")
    Holiday.objects.create(pemda=org.pemda, day=date(2026, 3, 20), name="Cuti bersama")
    case, _ = submit(org)
    staff = users["admin_pemda"]
    case_verify(case=case, actor=staff, now=THURSDAY)
    case_assign(case=case, actor=staff, unit=org.unit, now=THURSDAY)
    assert case.first_response_due == date(2026, 3, 12)
    assert case.answer_due == date(2026, 3, 27)
    case_start(case=case, actor=users["operator_unit"], note="Sedang kami periksa.")
    case_answer(case=case, actor=users["operator_unit"], answer="Loket ditambah.")
    case_rate(case=case, rating=4)
    assert case.status == Status.CLOSED and case.rating == 4
    steps = list(case.events.values_list("to_status", flat=True))
    assert steps == [
        "received",
        "verified",
        "assigned",
        "in_progress",
        "answered",
        "closed",
    ]


def test_reject_needs_reason_and_forwarding(org, users):
    """A rejection always has a reason; "not our authority" names the agency."""
    case, _ = submit(org)
    with pytest.raises(ValidationError) as error:
        case_reject(
            case=case,
            actor=users["admin_pemda"],
            reason="not_our_authority",
            note="Bukan kewenangan",
        )
    assert "forwarded_to" in error.value.message_dict
    case_reject(
        case=case,
        actor=users["admin_pemda"],
        reason="not_our_authority",
        note="Bukan kewenangan",
        forwarded_to="BPN Kota",
    )
    assert case.status == Status.REJECTED


def test_reopen_only_within_ten_working_days(org, users):
    """The citizen may re-open within 10 working days of the answer, not after."""
    case, _ = submit(org)
    case_assign(case=case, actor=users["admin_pemda"], unit=org.unit, now=MONDAY)
    case_answer(case=case, actor=users["operator_unit"], answer="Sudah.", now=MONDAY)
    with pytest.raises(ValidationError):
        case_reopen(case=case, reply="Belum", now=datetime(2026, 3, 17, 3, tzinfo=UTC))
    case_reopen(
        case=case, reply="Belum beres", now=datetime(2026, 3, 16, 3, tzinfo=UTC)
    )
    assert case.status == Status.IN_PROGRESS and case.reopen_count == 1


def test_steps_out_of_order_are_refused(org, users):
    """An answer cannot be given to a case nobody assigned."""
    case, _ = submit(org)
    with pytest.raises(ValidationError):
        case_answer(case=case, actor=users["admin_pemda"], answer="?")


def test_answer_deadline_follows_the_complaint_handling_component(org, users):
    """A standard promising answers in 5 working days shortens the answer deadline."""
    from prima.standards.testing import make_standard

    make_standard(layanan=org.layanan, pengaduan_answer_days=5)
    case, _ = submit(org)
    case_assign(case=case, actor=users["admin_pemda"], unit=org.unit, now=THURSDAY)
    assert case.answer_due == date(2026, 3, 12)


def test_store_uses_random_name_and_records_metadata(org):
    """Stored files get a random name; the row keeps original name, type and size."""
    case = make_case(org)
    clean = clean_upload(upload("rumah saya.jpg", jpeg_bytes(exif=True)))
    (attachment,) = attachments_store(case=case, files=[clean])
    assert attachment.original_name == "rumah saya.jpg"
    assert attachment.content_type == "image/jpeg"
    assert attachment.size == len(clean.data)
    assert "rumah" not in attachment.file.name
    assert attachment.file.name.startswith("complaints/")
    assert attachment.file.read() == clean.data
