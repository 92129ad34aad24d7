"""Tests of the daily escalation of overdue cases, with fixed dates."""

import uuid
from datetime import UTC, date, datetime

import pytest
from django.core import mail
from django.core.management import call_command

from prima.complaints.escalation import escalate
from prima.complaints.models import CaseEvent, Status
from prima.complaints.services import case_answer, case_assign, case_submit

pytestmark = pytest.mark.django_db

MONDAY = datetime(2026, 3, 2, 3, 0, tzinfo=UTC)  # verify by Thursday 2026-03-05


def submit(org, unit=True):
    case, _ = case_submit(
        pemda=org.pemda,
        kind="pengaduan",
        subject="Antrean lama",
        description="Menunggu.",
        submission_key=uuid.uuid4(),
        unit=org.unit if unit else None,
        now=MONDAY,
    )
    return case


def test_nothing_happens_on_the_deadline_day(org, users):
    """A case is not overdue on its deadline day."""
    case = submit(org)
    assert escalate(today=date(2026, 3, 5)).to_opd == 0
    case.refresh_from_db()
    assert case.escalation_level == 0


def test_overdue_case_goes_to_the_opd_admin_once(
    org, users, django_capture_on_commit_callbacks
):
    """The day after the deadline the case reaches level 1; a rerun changes nothing."""
    case = submit(org)
    with django_capture_on_commit_callbacks(execute=True):
        result = escalate(today=date(2026, 3, 6))
    assert result.to_opd == 1 and result.to_pemda == 0
    case.refresh_from_db()
    assert case.escalation_level == 1
    event = case.events.last()
    assert not event.public and "OPD" in event.staff_note and not event.note
    # The missed deadline reads as a person writes it, in the active language.
    assert "5 March 2026" in event.staff_note or "5 Maret 2026" in event.staff_note
    assert mail.outbox[0].to == [users["admin_opd"].email]
    with django_capture_on_commit_callbacks(execute=True):
        again = escalate(today=date(2026, 3, 6))
    assert again.to_opd == 0 and len(mail.outbox) == 1
    assert CaseEvent.objects.filter(case=case, public=False).count() == 1


def test_still_overdue_after_five_working_days_goes_to_the_pemda_admin(
    org, users, django_capture_on_commit_callbacks
):
    """Missed 2026-03-05; escalation due 2026-03-12; on 2026-03-13 level 2."""
    case = submit(org)
    escalate(today=date(2026, 3, 6))
    escalate(today=date(2026, 3, 12))
    case.refresh_from_db()
    assert case.escalation_level == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert escalate(today=date(2026, 3, 13)).to_pemda == 1
    case.refresh_from_db()
    assert case.escalation_level == 2
    assert mail.outbox[-1].to == [users["admin_pemda"].email]
    assert escalate(today=date(2026, 3, 20)).to_pemda == 0
    assert case.events.filter(public=False).count() == 2


def test_unassigned_overdue_case_goes_to_the_pemda_admin(
    org, users, django_capture_on_commit_callbacks
):
    """An overdue case without a unit is brought to the Pemda admin at level 1."""
    submit(org, unit=False)
    with django_capture_on_commit_callbacks(execute=True):
        escalate(today=date(2026, 3, 6))
    assert mail.outbox[0].to == [users["admin_pemda"].email]


def test_answered_case_is_not_escalated_and_closes_after_the_window(org, users):
    """An answered case is never overdue and closes after ten working days."""
    case = submit(org)
    case_assign(case=case, actor=None, unit=org.unit, now=MONDAY)
    case_answer(case=case, actor=None, answer="Selesai", now=MONDAY)
    assert escalate(today=date(2026, 3, 16)).closed == 0
    result = escalate(today=date(2026, 3, 17))
    case.refresh_from_db()
    assert result.to_opd == 0 and result.closed == 1
    assert case.status == Status.CLOSED and case.escalation_level == 0


def test_command_accepts_a_fixed_date(org, users, capsys):
    """The command escalates as of --today and reports the counts."""
    case = submit(org)
    call_command("complaints_escalate", "--today", "2026-03-06")
    case.refresh_from_db()
    assert case.escalation_level == 1
    assert "1 to OPD" in capsys.readouterr().out
