"""Tests of the e-mails sent at each approval step of a Standar Pelayanan."""

from __future__ import annotations

from datetime import date

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from prima.core.roles import Role
from prima.organisations.models import Membership
from prima.standards import services
from prima.standards.testing import COMPLETE_VALUES, make_standard

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(org, users):
    make_standard(
        layanan=org.layanan,
        decree_number="188.45/12/SK-DKC/2024",
        decree_date=date(2024, 3, 1),
        decree_signatory="Kepala Dinas Lama",
    )
    return services.standard_save_draft(
        layanan=org.layanan,
        user=users["operator_unit"],
        **{**COMPLETE_VALUES, "produk": "KTP-el dan IKD"},
    )


def submit(draft, users, capture):
    with capture(execute=True):
        return services.standard_submit(standard=draft, user=users["operator_unit"])


def test_submission_mails_the_opd_admins_with_an_absolute_link(
    draft, users, django_capture_on_commit_callbacks
):
    """The OPD's administrators are asked to approve, through a full address."""
    submit(draft, users, django_capture_on_commit_callbacks)
    [message] = mail.outbox
    assert message.to == [users["admin_opd"].email]
    assert f"http://testserver/staf/standar/versi/{draft.pk}/" in message.body
    assert str(draft.layanan) in message.body


def test_without_opd_admin_the_pemda_admins_are_asked(
    draft, users, django_capture_on_commit_callbacks
):
    """An OPD without an administrator leaves the approval to the Pemda's."""
    Membership.objects.filter(role=Role.ADMIN_OPD).update(active=False)
    submit(draft, users, django_capture_on_commit_callbacks)
    [message] = mail.outbox
    assert message.to == [users["admin_pemda"].email]


def test_approval_and_return_mail_the_unit_editors(
    draft, users, django_capture_on_commit_callbacks
):
    """A return carries its comment to the submitter; so does the approval its
    decree, even after a return cleared the submitter from the draft."""
    submitted = submit(draft, users, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.standard_return(
            standard=submitted,
            user=users["admin_opd"],
            comment="Lengkapi jangka waktu untuk IKD.",
        )
    [returned] = mail.outbox
    assert returned.to == [users["operator_unit"].email]
    assert "Lengkapi jangka waktu untuk IKD." in returned.body

    again = submit(submitted, users, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.standard_approve(
            standard=again,
            user=users["admin_opd"],
            decree_number="188.45/3/2026",
            decree_date=timezone.localdate(),
            decree_signatory="Kepala Dinas",
        )
    [approved] = mail.outbox
    assert approved.to == [users["operator_unit"].email]
    assert "188.45/3/2026" in approved.body


def test_no_mail_when_the_step_rolls_back(
    draft, users, django_capture_on_commit_callbacks
):
    """A refused approval sends nothing."""
    submitted = submit(draft, users, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(ValidationError),
    ):
        services.standard_approve(
            standard=submitted,
            user=users["admin_opd"],
            decree_number="",
            decree_date=None,
            decree_signatory="",
        )
    assert mail.outbox == []
