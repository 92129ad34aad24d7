"""Daily escalation of overdue cases (to be run by cron through
``manage.py complaints_escalate``).

An open case past the deadline of its state goes to the OPD administrator (level 1);
still overdue five working days after the missed deadline (``sla.escalation_due``),
to the Pemda administrator (level 2). Each step records an internal event and
e-mails the administrators. Levels only rise, so a second run the same day changes
nothing more. Answered cases whose re-opening window has passed are closed too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from prima.complaints import notifications, sla
from prima.complaints.models import Case, CaseEvent
from prima.complaints.selectors import missed_deadline
from prima.complaints.services import case_close_expired, holidays_of


@dataclass(frozen=True)
class EscalationResult:
    to_opd: int
    to_pemda: int
    closed: int


def _raise(case: Case, *, level: int, missed: date, now: datetime) -> None:
    if level == 1:
        note = _("Overdue since %(day)s: escalated to the OPD administrator.")
    else:
        note = _("Still overdue since %(day)s: escalated to the Pemda administrator.")
    note %= {"day": date_format(missed, "DATE_FORMAT")}
    case.escalation_level = level
    case.save(update_fields=["escalation_level"])
    CaseEvent.objects.create(
        case=case,
        at=now,
        from_status=case.status,
        to_status=case.status,
        staff_note=note,
        public=False,
    )
    if level == 1 and case.unit_id is not None:
        recipients = notifications.opd_admin_emails(case)
    else:
        recipients = notifications.pemda_admin_emails(case)
    transaction.on_commit(
        lambda: notifications.notify_staff(case, recipients, reason=note)
    )


def escalate(*, today: date, now: datetime | None = None) -> EscalationResult:
    """Escalate every overdue open case one or two levels as due on ``today``."""
    now = now or timezone.make_aware(datetime.combine(today, time(12)))
    to_opd = to_pemda = 0
    overdue = (
        Case.objects.open()
        .overdue(today=today)
        .filter(escalation_level__lt=2)
        .select_related("pemda", "unit")
    )
    for case in overdue:
        missed = missed_deadline(case, today=today)
        if missed is None:
            continue
        with transaction.atomic():
            if case.escalation_level == 0:
                _raise(case, level=1, missed=missed, now=now)
                to_opd += 1
            if today > sla.escalation_due(missed, holidays_of(case.pemda)):
                _raise(case, level=2, missed=missed, now=now)
                to_pemda += 1
    closed = case_close_expired(now=now)
    return EscalationResult(to_opd=to_opd, to_pemda=to_pemda, closed=closed)
