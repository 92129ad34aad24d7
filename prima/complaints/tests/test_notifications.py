"""Tests of the e-mails sent when a case changes."""

import uuid

import pytest
from django.core import mail

from prima.complaints.models import Privacy
from prima.complaints.notifications import (
    case_changed,
    handler_emails,
    notify_citizen,
    opd_admin_emails,
    pemda_admin_emails,
    unit_staff_emails,
)
from prima.complaints.services import case_submit

pytestmark = pytest.mark.django_db


def submit(org, unit="unit", **kwargs):
    case, _ = case_submit(
        pemda=org.pemda,
        kind="pengaduan",
        subject="Antrean lama",
        description="Menunggu.",
        submission_key=uuid.uuid4(),
        unit=getattr(org, unit) if unit else None,
        contact_email="siti@example.test",
        **kwargs,
    )
    return case


def test_citizen_gets_status_and_tracking_code(org, users):
    """The citizen's mail names the tracking code and the new status."""
    case = submit(org)
    assert notify_citizen(case)
    message = mail.outbox[0]
    assert message.to == ["siti@example.test"]
    assert case.tracking_code in message.subject
    assert case.tracking_code in message.body


def test_anonymous_citizen_gets_no_mail(org, users):
    """An anonymous case stores no address, so no mail goes out."""
    case = submit(org, privacy=Privacy.ANONYMOUS)
    assert not notify_citizen(case)
    assert not mail.outbox


def test_staff_recipients_follow_the_organisation(org, users):
    """Unit mails go to the unit operator and OPD admin; escalations to admins."""
    case = submit(org)
    assert unit_staff_emails(case) == [
        users["admin_opd"].email,
        users["operator_unit"].email,
    ]
    assert opd_admin_emails(case) == [users["admin_opd"].email]
    assert pemda_admin_emails(case) == [users["admin_pemda"].email]


def test_case_changed_mails_citizen_and_unit_staff(org, users):
    """A change sends one mail to the citizen and one to the unit's staff."""
    case_changed(submit(org))
    recipients = [m.to for m in mail.outbox]
    assert ["siti@example.test"] in recipients
    assert [users["admin_opd"].email, users["operator_unit"].email] in recipients


def test_handlers_are_the_unit_staff_or_else_the_pemda_administrators(org, users):
    """An assigned case is handled by its unit's staff, a case without a unit by
    the Pemda administrators, who also follow one escalated to them."""
    case = submit(org)
    assert handler_emails(case) == unit_staff_emails(case)
    assert handler_emails(submit(org, unit=None)) == [users["admin_pemda"].email]
    case.escalation_level = 2
    assert handler_emails(case) == sorted(
        [*unit_staff_emails(case), users["admin_pemda"].email]
    )
