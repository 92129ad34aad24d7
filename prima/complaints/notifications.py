"""E-mails sent when a case changes: to the citizen (unless anonymous or without an
address) and to the staff concerned. Plain ``send_mail``; the backend is a setting.

The workflow services call these once their transaction commits; views never do.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.urls import reverse
from django.utils.translation import gettext as _

from prima.complaints.models import Case, Privacy
from prima.core.links import absolute_url
from prima.core.roles import Role


def _emails(memberships_filter) -> list[str]:
    users = get_user_model().objects.filter(
        is_active=True, memberships__active=True, **memberships_filter
    )
    return sorted({u.email for u in users.exclude(email="")})


def unit_staff_emails(case: Case) -> list[str]:
    """Return the addresses of the unit's operators and its OPD's administrators."""
    if case.unit_id is None:
        return []
    operators = _emails(
        {"memberships__role": Role.OPERATOR_UNIT, "memberships__unit": case.unit_id}
    )
    return sorted(set(operators) | set(opd_admin_emails(case)))


def opd_admin_emails(case: Case) -> list[str]:
    """Return the addresses of the administrators of the OPD the case's unit is in."""
    if case.unit_id is None:
        return []
    return _emails(
        {
            "memberships__role": Role.ADMIN_OPD,
            "memberships__opd": case.unit.opd_id,
            "memberships__unit": None,
        }
    )


def pemda_admin_emails(case: Case) -> list[str]:
    """Return the addresses of the case's Pemda administrators."""
    return _emails(
        {
            "memberships__role": Role.ADMIN_PEMDA,
            "memberships__pemda": case.pemda_id,
            "memberships__opd": None,
            "memberships__unit": None,
        }
    )


def handler_emails(case: Case) -> list[str]:
    """Return the addresses of the staff handling the case now.

    The unit's operators and its OPD's administrators work on an assigned case; the
    Pemda administrators hold a case that has no unit yet or that was escalated to
    them (level 2), so they follow it as well.
    """
    handlers = set(unit_staff_emails(case))
    if case.unit_id is None or case.escalation_level >= 2:
        handlers |= set(pemda_admin_emails(case))
    return sorted(handlers)


def notify_citizen(case: Case) -> bool:
    """E-mail the citizen the case's new status; return whether a mail was sent.

    The mail names the case by its subject, never by its tracking code: the code
    is shown to the citizen once, on the page after sending, and a mailbox may be
    read by others.
    """
    if case.privacy == Privacy.ANONYMOUS or not case.contact_email:
        return False
    subject = _("Your case “%(subject)s”: %(status)s") % {
        "subject": case.subject,
        "status": case.get_status_display(),
    }
    body = _(
        "The status of your case “%(subject)s” is now: %(status)s.\n\n"
        "Follow it at %(url)s with the tracking code you were given when you "
        "sent it."
    ) % {
        "subject": case.subject,
        "status": case.get_status_display(),
        "url": absolute_url(
            reverse("complaints:track", kwargs={"pemda_slug": case.pemda.slug})
        ),
    }
    send_mail(subject, body, None, [case.contact_email])
    return True


def notify_staff(case: Case, recipients: list[str], *, reason: str = "") -> bool:
    """E-mail staff members about the case; return whether a mail was sent.

    Staff name a case by its number; the tracking code is the citizen's alone.
    """
    if not recipients:
        return False
    subject = _("Case #%(number)s: %(status)s") % {
        "number": case.number,
        "status": case.get_status_display(),
    }
    body = "\n\n".join(
        part
        for part in [
            reason,
            _("Subject: %(subject)s") % {"subject": case.subject},
            _("Status: %(status)s") % {"status": case.get_status_display()},
            _("Open it at %(url)s")
            % {"url": absolute_url(reverse("complaints:case-detail", args=[case.pk]))},
        ]
        if part
    )
    send_mail(subject, body, None, recipients)
    return True


def case_changed(case: Case) -> None:
    """Tell the citizen and the unit's staff that the case moved."""
    notify_citizen(case)
    notify_staff(case, unit_staff_emails(case))


def case_reopened(case: Case) -> None:
    """Tell the staff handling the case that the citizen replied and re-opened it.

    The citizen, who just did it, sees the new state on the tracking page.
    """
    notify_staff(
        case,
        handler_emails(case),
        reason=_(
            "The citizen replied that the answer did not settle the case and "
            "re-opened it. Read the reply in the case's timeline."
        ),
    )
