"""E-mails of the approval of a Standar Pelayanan version.

A submitted draft is announced to those who approve it: the OPD's administrators, or
the Pemda's when the OPD has none. Approval and return are announced to the unit's
operators and to whoever submitted the draft. The services call these once their
transaction commits; views never do.
"""

from __future__ import annotations

from typing import Any

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from prima.core.links import absolute_url
from prima.core.roles import Role
from prima.organisations.selectors import role_emails
from prima.standards.models import ApprovalEvent, StandarPelayanan


def approver_emails(standard: StandarPelayanan) -> list[str]:
    """Return the addresses of the OPD's administrators, else the Pemda's."""
    unit = standard.layanan.unit
    return role_emails(Role.ADMIN_OPD, opd_id=unit.opd_id) or role_emails(
        Role.ADMIN_PEMDA, pemda_id=unit.pemda_id
    )


def editor_emails(standard: StandarPelayanan) -> list[str]:
    """Return the addresses of the unit's operators and of the draft's submitter."""
    emails = set(role_emails(Role.OPERATOR_UNIT, unit_id=standard.layanan.unit_id))
    submitter = standard.submitted_by or _last_submitter(standard)
    if submitter is not None and submitter.is_active and submitter.email:
        emails.add(submitter.email)
    return sorted(emails)


def _last_submitter(standard: StandarPelayanan) -> Any:
    event = (
        ApprovalEvent.objects.filter(
            standard=standard, action=ApprovalEvent.Action.SUBMITTED
        )
        .select_related("by")
        .order_by("-at", "-pk")
        .first()
    )
    return event.by if event else None


def _send(subject: str, template: str, recipients: list[str], **context: Any) -> None:
    if not recipients:
        return
    send_mail(
        subject,
        render_to_string(f"standards/email/{template}", context),
        None,
        recipients,
    )


def _fresh(standard_pk: int) -> StandarPelayanan:
    return StandarPelayanan.objects.select_related(
        "layanan__unit__opd", "submitted_by"
    ).get(pk=standard_pk)


def notify_submitted(standard_pk: int) -> None:
    """Ask the approvers to approve or return the submitted draft."""
    standard = _fresh(standard_pk)
    _send(
        _("A Standar Pelayanan awaits your approval"),
        "submitted.txt",
        approver_emails(standard),
        standard=standard,
        link=absolute_url(standard.get_absolute_url()),
    )


def notify_decided(event_pk: int) -> None:
    """Tell the unit's editors that their draft was approved or returned."""
    event = ApprovalEvent.objects.select_related("by").get(pk=event_pk)
    standard = _fresh(event.standard_id)
    approved = event.action == ApprovalEvent.Action.APPROVED
    _send(
        _("Your Standar Pelayanan is approved and published")
        if approved
        else _("Your Standar Pelayanan is returned for changes"),
        "approved.txt" if approved else "returned.txt",
        editor_emails(standard),
        standard=standard,
        event=event,
        link=absolute_url(standard.get_absolute_url()),
    )
