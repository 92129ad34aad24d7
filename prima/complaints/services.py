"""Writes of the complaint workflow: each step locks the case, checks its state,
records an event and recomputes the working-day deadlines (``sla``), in one
transaction, and e-mails the people concerned (``notifications``) once it commits.

The e-mails belong here, not to the views, so a step taken from a script, a task or
the API notifies exactly as one taken on a page, and a rolled-back step notifies
nobody.
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Callable, Sequence
from datetime import datetime
from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from prima.complaints import notifications, sla
from prima.complaints.models import (
    Attachment,
    Case,
    CaseEvent,
    Holiday,
    Privacy,
    RejectReason,
    Status,
)
from prima.core.idempotency import store_once
from prima.core.uploads import CleanFile, save_clean_file
from prima.organisations.models import Layanan, Pemda, Unit

# No vowels or look-alike characters: codes cannot spell words or be misread.
CODE_ALPHABET = "BCDFGHJKLMNPQRSTVWXZ23456789"
CODE_LENGTH = 12

# Which states each step may start from.
ALLOWED = {
    "verify": {Status.RECEIVED},
    "reject": {Status.RECEIVED, Status.VERIFIED},
    "assign": {Status.RECEIVED, Status.VERIFIED, Status.ASSIGNED, Status.IN_PROGRESS},
    "start": {Status.ASSIGNED},
    "answer": {Status.ASSIGNED, Status.IN_PROGRESS},
    "close": {Status.ANSWERED},
    "reopen": {Status.ANSWERED},
}


def new_tracking_code() -> str:
    """Return a random, unguessable tracking code such as "PRM-7KQ2-XW9D-3TBH"."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(["PRM", raw[:4], raw[4:8], raw[8:]])


def holidays_of(pemda: Pemda) -> frozenset:
    return Holiday.objects.dates(pemda)


def _local(moment: datetime):
    return timezone.localtime(moment).date()


def _record(
    case, *, to_status, actor=None, note="", staff_note="", by_citizen=False, now
):
    """Record a step: ``note`` is written to the citizen, ``staff_note`` to staff."""
    CaseEvent.objects.create(
        case=case,
        at=now,
        actor=actor,
        by_citizen=by_citizen,
        from_status=case.status,
        to_status=to_status,
        note=note,
        staff_note=staff_note.strip(),
    )
    case.status = to_status


def _lock(case: Case) -> None:
    """Lock the case's row and reload it, so two officers acting at once cannot
    both pass the state check on the same stale copy."""
    # ``of`` keeps the lock off the joined rows (and PostgreSQL refuses FOR UPDATE
    # on the nullable side of the outer join to the unit).
    case.refresh_from_db(
        from_queryset=Case.objects.select_for_update(of=("self",)).select_related(
            "pemda", "unit"
        )
    )


def _after_commit(send: Callable[[Case], object], case: Case) -> None:
    """Send ``send(case)`` once the transaction commits, never if it rolls back.

    ``robust``: a mail server that is down is logged by Django and must not turn a
    step already committed into an error page.
    """
    transaction.on_commit(partial(send, case), robust=True)


def _check(case: Case, step: str) -> None:
    if case.status not in ALLOWED[step]:
        raise ValidationError(
            _("This case is %(status)s; that step is not possible now.")
            % {"status": case.get_status_display()}
        )


def case_submit(
    *,
    pemda: Pemda,
    kind: str,
    subject: str,
    description: str,
    submission_key: uuid.UUID,
    unit: Unit | None = None,
    layanan: Layanan | None = None,
    privacy: str = Privacy.OPEN,
    contact_name: str = "",
    contact_email: str = "",
    contact_phone: str = "",
    files: Sequence[CleanFile] = (),
    now: datetime | None = None,
) -> tuple[Case, bool]:
    """Store a citizen's case with its attached files; return (case, created).

    A key already used returns the stored case, so a retried submission is stored
    once, files included. An anonymous case keeps no contact details at all.
    """
    now = now or timezone.now()
    if layanan is not None:
        unit = layanan.unit
    if privacy == Privacy.ANONYMOUS:
        contact_name = contact_email = contact_phone = ""

    def store() -> Case:
        case = Case(
            pemda=pemda,
            kind=kind,
            unit=unit,
            layanan=layanan,
            subject=subject.strip(),
            description=description.strip(),
            privacy=privacy,
            contact_name=contact_name.strip(),
            contact_email=contact_email.strip(),
            contact_phone=contact_phone.strip(),
            submission_key=submission_key,
            received_at=now,
            verify_due=sla.verify_due(_local(now), holidays_of(pemda)),
            tracking_code=new_tracking_code(),
        )
        case.full_clean(exclude=["tracking_code", "submission_key"])
        case.save()
        CaseEvent.objects.create(
            case=case, at=now, by_citizen=True, to_status=Status.RECEIVED
        )
        attachments_store(case=case, files=files)
        return case

    return store_once(Case, key={"submission_key": submission_key}, store=store)


def attachments_store(*, case: Case, files: Sequence[CleanFile]) -> list[Attachment]:
    """Store cleaned files of ``case`` under random names and record them."""
    stored = []
    for clean in files:
        attachment = Attachment(
            case=case,
            original_name=clean.original_name,
            content_type=clean.content_type,
            size=clean.size,
        )
        save_clean_file(attachment.file, clean)
        stored.append(attachment)
    return stored


@transaction.atomic
def case_verify(*, case: Case, actor, staff_note: str = "", now=None) -> Case:
    """Mark a case as clear and within the Pemda's authority.

    The citizen sees the new state; ``staff_note`` stays among staff.
    """
    now = now or timezone.now()
    _lock(case)
    _check(case, "verify")
    _record(
        case, to_status=Status.VERIFIED, actor=actor, staff_note=staff_note, now=now
    )
    case.verified_at = now
    case.save()
    _after_commit(notifications.case_changed, case)
    return case


@transaction.atomic
def case_reject(
    *, case: Case, actor, reason: str, note: str, forwarded_to: str = "", now=None
) -> Case:
    """Reject a case, always with a reason; "not our authority" names where it went."""
    now = now or timezone.now()
    _lock(case)
    _check(case, "reject")
    if reason not in RejectReason.values:
        raise ValidationError({"reason": _("Choose a reason.")})
    if not note.strip():
        raise ValidationError({"note": _("Explain the rejection to the citizen.")})
    if reason == RejectReason.NOT_OUR_AUTHORITY and not forwarded_to.strip():
        raise ValidationError(
            {"forwarded_to": _("Name the agency the case was forwarded to.")}
        )
    _record(case, to_status=Status.REJECTED, actor=actor, note=note.strip(), now=now)
    case.reject_reason = reason
    case.forwarded_to = forwarded_to.strip()
    case.closed_at = now
    case.save()
    _after_commit(notifications.case_changed, case)
    return case


@transaction.atomic
def case_assign(
    *, case: Case, actor, unit: Unit, staff_note: str = "", now=None
) -> Case:
    """Hand a case to a unit (disposisi) and start its response and answer clocks.

    The citizen sees which unit handles the case; ``staff_note``, the disposisi's
    instruction to that unit, stays among staff.
    """
    now = now or timezone.now()
    _lock(case)
    _check(case, "assign")
    if unit.pemda_id != case.pemda_id:
        raise ValidationError({"unit": _("The unit belongs to another Pemda.")})
    if case.status == Status.RECEIVED:
        case.verified_at = now
    _record(
        case, to_status=Status.ASSIGNED, actor=actor, staff_note=staff_note, now=now
    )
    holidays = holidays_of(case.pemda)
    today = _local(now)
    case.unit = unit
    case.assigned_at = now
    case.first_response_at = None
    case.first_response_due = sla.first_response_due(today, holidays)
    case.answer_due = sla.answer_due(today, holidays, _standard_days(case))
    case.save()
    _after_commit(notifications.case_changed, case)
    return case


def _standard_days(case: Case) -> int | None:
    """Return the complaint answer time the service's published standard promises.

    It belongs to component 6 (penanganan pengaduan), not to the service's own time.
    """
    if case.layanan_id is None:
        return None
    from prima.standards.models import StandarPelayanan

    return (
        StandarPelayanan.objects.published()
        .filter(layanan=case.layanan)
        .values_list("pengaduan_answer_days", flat=True)
        .first()
    )


@transaction.atomic
def case_start(*, case: Case, actor, note: str, now=None) -> Case:
    """Acknowledge the case publicly: the unit's first response."""
    now = now or timezone.now()
    _lock(case)
    _check(case, "start")
    if not note.strip():
        raise ValidationError({"note": _("Write the first response to the citizen.")})
    _record(case, to_status=Status.IN_PROGRESS, actor=actor, note=note.strip(), now=now)
    case.first_response_at = now
    case.save()
    _after_commit(notifications.case_changed, case)
    return case


@transaction.atomic
def case_answer(*, case: Case, actor, answer: str, now=None) -> Case:
    """Give the final answer; the citizen may reply within 10 working days."""
    now = now or timezone.now()
    _lock(case)
    _check(case, "answer")
    if not answer.strip():
        raise ValidationError({"answer": _("The answer cannot be empty.")})
    _record(case, to_status=Status.ANSWERED, actor=actor, note=answer.strip(), now=now)
    case.answer = answer.strip()
    case.answered_at = now
    case.first_response_at = case.first_response_at or now
    case.save()
    _after_commit(notifications.case_changed, case)
    return case


def reopen_until(case: Case):
    """Return the last day the citizen may re-open an answered case, or None."""
    if case.answered_at is None:
        return None
    return sla.reopen_until(_local(case.answered_at), holidays_of(case.pemda))


@transaction.atomic
def case_reopen(*, case: Case, reply: str, now=None) -> Case:
    """Re-open an answered case on the citizen's reply, within 10 working days."""
    now = now or timezone.now()
    _lock(case)
    _check(case, "reopen")
    if not reply.strip():
        raise ValidationError({"reply": _("Tell us what is still wrong.")})
    if _local(now) > reopen_until(case):
        raise ValidationError(
            _("The time to re-open this case has passed; please submit a new one.")
        )
    _record(
        case, to_status=Status.IN_PROGRESS, note=reply.strip(), by_citizen=True, now=now
    )
    case.reopen_count += 1
    case.answered_at = None
    case.save()
    _after_commit(notifications.case_reopened, case)
    return case


@transaction.atomic
def case_rate(*, case: Case, rating: int, now=None) -> Case:
    """Record the citizen's rating (1–4) of the answer and close the case."""
    now = now or timezone.now()
    _lock(case)
    if case.status not in {Status.ANSWERED, Status.CLOSED} or case.answered_at is None:
        raise ValidationError(_("Only an answered case can be rated."))
    case.rating = rating
    case.full_clean(exclude=["tracking_code", "submission_key"])
    if case.status == Status.ANSWERED:
        _record(case, to_status=Status.CLOSED, by_citizen=True, now=now)
        case.closed_at = now
    case.save()
    return case


@transaction.atomic
def case_close_expired(*, now=None) -> int:
    """Close answered cases whose re-opening window has passed; return how many."""
    now = now or timezone.now()
    closed = 0
    answered = Case.objects.filter(status=Status.ANSWERED)
    # Locked, so a citizen re-opening a case right now is not closed over.
    for case in answered.select_for_update(of=("self",)).select_related("pemda"):
        if _local(now) > reopen_until(case):
            _record(
                case, to_status=Status.CLOSED, note=_("Closed automatically."), now=now
            )
            case.closed_at = now
            case.save()
            closed += 1
    return closed


def cases_bulk_assign(*, user, case_ids: list[int], unit: Unit) -> list[Case]:
    """Assign every listed case to ``unit`` in one transaction, or none at all.

    Raise ValidationError if a case is missing or outside the user's change scope.
    Each case's e-mails go out once the whole batch has committed.
    """
    editable = Case.objects.editable_by(user).filter(pk__in=case_ids)
    if editable.count() != len(set(case_ids)):
        raise ValidationError(
            _("Some selected cases are not yours to change; nothing was reassigned.")
        )
    with transaction.atomic():
        cases = list(
            editable.select_for_update(of=("self",)).select_related("pemda", "unit")
        )
        for case in cases:
            case_assign(case=case, actor=user, unit=unit)
    return cases
