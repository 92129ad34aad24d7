"""Tests of the complaint workflow services."""

import uuid
from datetime import UTC, date, datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import transaction

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
    cases_bulk_assign,
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


def test_submitted_files_are_stored_with_the_case_once(org):
    """The files travel with the case: a retried submission adds no second copy."""
    key = uuid.uuid4()
    files = [clean_upload(upload("loket.jpg", jpeg_bytes()))]
    case, _ = submit(org, submission_key=key, files=files)
    submit(org, submission_key=key, files=files)
    assert [a.original_name for a in case.attachments.all()] == ["loket.jpg"]


def test_a_file_that_cannot_be_stored_stores_no_case(org, monkeypatch):
    """Case and files are one transaction: a failed file save leaves nothing."""
    from prima.complaints import services

    def broken_save(field, clean):
        raise OSError("disk full")

    monkeypatch.setattr(services, "save_clean_file", broken_save)
    files = [clean_upload(upload("loket.jpg", jpeg_bytes()))]
    with pytest.raises(OSError):
        submit(org, files=files)
    assert not Case.objects.exists()


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


def _received(org, users):
    return submit(org)[0]


def _assigned(org, users):
    case = _received(org, users)
    case_assign(case=case, actor=users["admin_pemda"], unit=org.unit, now=MONDAY)
    return case


def _answered(org, users):
    case = _assigned(org, users)
    case_answer(case=case, actor=users["operator_unit"], answer="Sudah.", now=MONDAY)
    return case


STEPS = {
    "verify": (_received, lambda case, u, org: case_verify(case=case, actor=u)),
    "reject": (
        _received,
        lambda case, u, org: case_reject(
            case=case, actor=u, reason="unclear", note="Kurang jelas."
        ),
    ),
    "assign": (
        _received,
        lambda case, u, org: case_assign(case=case, actor=u, unit=org.unit),
    ),
    "start": (
        _assigned,
        lambda case, u, org: case_start(case=case, actor=u, note="Ok"),
    ),
    "answer": (
        _assigned,
        lambda case, u, org: case_answer(case=case, actor=u, answer="Beres."),
    ),
}


@pytest.mark.parametrize("step", STEPS)
def test_each_staff_step_mails_citizen_and_unit_staff_after_commit(
    org, users, step, django_capture_on_commit_callbacks
):
    """A step called without any view mails the citizen and the unit's staff, and
    only once its transaction has committed."""
    prepare, act = STEPS[step]
    case = prepare(org, users)
    with django_capture_on_commit_callbacks() as callbacks:
        act(case, users["admin_pemda"], org)
    assert not mail.outbox  # nothing leaves before the commit
    for callback in callbacks:
        callback()
    recipients = [m.to for m in mail.outbox]
    assert recipients == [
        ["siti@example.test"],
        [users["admin_opd"].email, users["operator_unit"].email],
    ]
    assert all(case.subject in m.subject for m in mail.outbox[:1])
    assert f"#{case.number}" in mail.outbox[1].subject


def test_rolled_back_step_mails_nobody(org, users, django_capture_on_commit_callbacks):
    """A step undone by its caller's rollback sends no mail."""
    case = _received(org, users)
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        case_verify(case=case, actor=users["admin_pemda"])
        raise RuntimeError("the caller fails after the step")
    assert not callbacks and not mail.outbox
    case.refresh_from_db()
    assert case.status == Status.RECEIVED


def test_refused_step_mails_nobody(org, users, django_capture_on_commit_callbacks):
    """A step the service refuses sends no mail."""
    case = _received(org, users)
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(ValidationError),
    ):
        case_start(case=case, actor=users["operator_unit"], note="Ok")
    assert not callbacks and not mail.outbox


def test_step_on_a_stale_copy_sees_the_stored_state(org, users):
    """A step reads the case's locked row, not the caller's outdated copy: a case
    verified meanwhile by someone else cannot be verified again."""
    case = _received(org, users)
    stale = Case.objects.get(pk=case.pk)
    case_verify(case=case, actor=users["admin_pemda"])
    with pytest.raises(ValidationError):
        case_verify(case=stale, actor=users["operator_unit"])
    assert stale.status == Status.VERIFIED
    assert case.events.filter(to_status=Status.VERIFIED).count() == 1


def test_citizen_reopening_mails_the_staff_handling_the_case(
    org, users, django_capture_on_commit_callbacks
):
    """The unit's operators and OPD administrators learn of the re-opening; the
    citizen, who did it, gets no mail."""
    case = _answered(org, users)
    with django_capture_on_commit_callbacks(execute=True):
        case_reopen(case=case, reply="Belum beres", now=THURSDAY)
    (message,) = mail.outbox
    assert message.to == [users["admin_opd"].email, users["operator_unit"].email]
    assert f"#{case.number}" in message.subject
    assert "re-opened" in message.body


def test_reopening_an_escalated_case_mails_the_pemda_administrators_too(
    org, users, django_capture_on_commit_callbacks
):
    """A case escalated to the Pemda is followed by its administrators as well."""
    case = _answered(org, users)
    Case.objects.filter(pk=case.pk).update(escalation_level=2)
    with django_capture_on_commit_callbacks(execute=True):
        case_reopen(case=case, reply="Belum beres", now=THURSDAY)
    (message,) = mail.outbox
    assert message.to == [
        users["admin_opd"].email,
        users["admin_pemda"].email,
        users["operator_unit"].email,
    ]


def test_bulk_assign_mails_each_case_after_the_batch_commits(
    org, users, django_capture_on_commit_callbacks
):
    """Every reassigned case mails its citizen, once the whole batch is stored."""
    cases = [_received(org, users), _received(org, users)]
    with django_capture_on_commit_callbacks() as callbacks:
        done = cases_bulk_assign(
            user=users["admin_opd"],
            case_ids=[c.pk for c in cases],
            unit=org.sibling_unit,
        )
    assert {c.pk for c in done} == {c.pk for c in cases} and not mail.outbox
    for callback in callbacks:
        callback()
    citizen_mails = [m.subject for m in mail.outbox if m.to == ["siti@example.test"]]
    assert len(citizen_mails) == 2


def test_bulk_assign_outside_scope_changes_and_mails_nothing(
    org, users, django_capture_on_commit_callbacks
):
    """One case the user may not change refuses the batch: no case moves, no mail."""
    own = _received(org, users)
    foreign, _ = case_submit(
        pemda=org.pemda,
        kind="pengaduan",
        subject="Lain",
        description="Di OPD lain.",
        unit=org.other_opd_unit,
        submission_key=uuid.uuid4(),
    )
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(ValidationError),
    ):
        cases_bulk_assign(
            user=users["admin_opd"],
            case_ids=[own.pk, foreign.pk],
            unit=org.sibling_unit,
        )
    assert not callbacks and not mail.outbox
    own.refresh_from_db()
    assert own.status == Status.RECEIVED
