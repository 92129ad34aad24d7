"""Tests of the e-mails sent when a case changes."""

import uuid

import pytest
from django.core import mail

from prima.complaints.models import Privacy
from prima.complaints.notifications import (
    case_changed,
    handler_emails,
    notify_citizen,
    notify_staff,
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


def test_citizen_gets_status_and_a_link_but_never_the_code(org, users, settings):
    """The citizen's mail names the case and its status and links to the tracking
    form on the site's address; the tracking code is not repeated."""
    settings.PRIMA_BASE_URL = "https://prima.kota-alpha.go.id"
    case = submit(org)
    assert notify_citizen(case)
    message = mail.outbox[0]
    assert message.to == ["siti@example.test"]
    assert "Antrean lama" in message.subject and "Received" in message.subject
    assert "https://prima.kota-alpha.go.id/kota-alpha/pengaduan/lacak/" in message.body
    assert case.tracking_code not in message.subject + message.body


def test_staff_mail_names_the_number_and_links_absolutely(org, users, settings):
    """Staff read "Case #n" and an absolute link to the case; never the code."""
    settings.PRIMA_BASE_URL = "https://prima.kota-alpha.go.id/"
    case = submit(org)
    assert notify_staff(case, ["staf@example.test"])
    (message,) = mail.outbox
    assert message.subject.startswith(f"Case #{case.number}:")
    url = f"https://prima.kota-alpha.go.id/staf/pengaduan/{case.pk}/"
    assert f"Open it at {url}" in message.body
    assert case.tracking_code not in message.subject + message.body


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
