"""One Agency One Innovation: which OPD of a Pemda applied an innovation in a year,
and the reminder e-mailed to the administrators of the OPDs that did not.

Counted (inovasi.md, "Coverage"): per OPD, its published innovations in an applied
stage (diterapkan or direplikasi) whose applied date falls in the year.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction

from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.core.mail import send_mail
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from prima.core.roles import CHANGE, VIEW, Area, Role
from prima.core.scoping import pemdas_where
from prima.innovations.models import APPLIED_STAGES, Status
from prima.organisations.models import Pemda, PerangkatDaerah

# A reminder is sent at most once a day per Pemda and year; the key outlives the day.
REMINDER_KEY_SECONDS = 2 * 24 * 60 * 60


@dataclass(frozen=True)
class Contact:
    name: str
    email: str


@dataclass(frozen=True)
class OpdCoverage:
    opd: PerangkatDaerah
    count: int
    admins: tuple[Contact, ...] = ()

    @property
    def covered(self) -> bool:
        return self.count > 0


@dataclass(frozen=True)
class Coverage:
    """The coverage of a Pemda in a year, OPDs without an innovation first."""

    pemda: Pemda
    year: int
    rows: list[OpdCoverage] = field(default_factory=list)

    @property
    def uncovered(self) -> list[OpdCoverage]:
        return [row for row in self.rows if not row.covered]

    @property
    def covered_count(self) -> int:
        return sum(1 for row in self.rows if row.covered)

    @property
    def share(self) -> Fraction | None:
        """Return the covered OPDs' share of all OPDs, or None without OPDs."""
        return Fraction(self.covered_count, len(self.rows)) if self.rows else None

    @property
    def percent(self) -> int | None:
        share = self.share
        return None if share is None else round(share * 100)


def coverage_pemdas(user, action: str = VIEW):
    """Return the Pemda whose coverage the user may ``action`` (a Pemda-level
    innovation grant; every Pemda for a platform superuser)."""
    return Pemda.objects.filter(pemdas_where(user, Area.INNOVATION, action).q("pk"))


def can_remind(user) -> bool:
    return coverage_pemdas(user, CHANGE).exists()


def opd_admins(opd_ids) -> dict[int, tuple[Contact, ...]]:
    """Return the active administrators of each OPD, by OPD id."""
    users = (
        get_user_model()
        .objects.filter(
            is_active=True,
            memberships__active=True,
            memberships__role=Role.ADMIN_OPD,
            memberships__opd__in=opd_ids,
            memberships__unit=None,
        )
        .values_list("memberships__opd", "full_name", "username", "email")
        .order_by("username")
        .distinct()
    )
    result: dict[int, list[Contact]] = {}
    for opd_id, full_name, username, email in users:
        name = full_name or username
        result.setdefault(opd_id, []).append(Contact(name=name, email=email))
    return {k: tuple(v) for k, v in result.items()}


def coverage_of(pemda: Pemda, year: int) -> Coverage:
    """Return each OPD of ``pemda`` with its innovations applied in ``year``."""
    counted = Q(
        innovations__status=Status.PUBLISHED,
        innovations__stage__in=APPLIED_STAGES,
        innovations__applied_on__year=year,
    )
    opds = list(
        PerangkatDaerah.objects.filter(pemda=pemda).annotate(
            applied=Count("innovations", filter=counted)
        )
    )
    admins = opd_admins([opd.pk for opd in opds])
    rows = [
        OpdCoverage(opd=opd, count=opd.applied, admins=admins.get(opd.pk, ()))
        for opd in opds
    ]
    rows.sort(key=lambda row: (row.covered, row.opd.name))
    return Coverage(pemda=pemda, year=year, rows=rows)


@dataclass(frozen=True)
class Reminder:
    already_sent: bool
    opds: int = 0
    recipients: int = 0


def _reminder_key(pemda: Pemda, year: int, today: date) -> str:
    return f"innovations:coverage-reminder:{pemda.pk}:{year}:{today.isoformat()}"


def _remind_opd(row: OpdCoverage, year: int) -> int:
    recipients = sorted({c.email for c in row.admins if c.email})
    if not recipients:
        return 0
    subject = _("One Agency One Innovation %(year)s: %(opd)s") % {
        "year": year,
        "opd": row.opd,
    }
    body = _(
        "%(opd)s has no innovation applied in %(year)s recorded in Prima yet.\n\n"
        "Each agency creates at least one innovation a year (One Agency One "
        "Innovation). Register your applied innovation, with the SKM unsur it "
        "improves, at %(path)s"
    ) % {
        "opd": row.opd,
        "year": year,
        "path": reverse("innovations:staff_create"),
    }
    send_mail(subject, body, None, recipients)
    return len(recipients)


def coverage_remind(pemda: Pemda, year: int, *, today: date) -> Reminder:
    """E-mail the administrators of every OPD without an innovation in ``year``.

    Sent once a day per Pemda and year: a retried or repeated request the same day
    sends nothing and reports it (the "shared" cache holds across workers).
    """
    cache = caches["shared"]
    key = _reminder_key(pemda, year, today)
    if not cache.add(key, True, REMINDER_KEY_SECONDS):
        return Reminder(already_sent=True)
    try:
        uncovered = coverage_of(pemda, year).uncovered
        sent = [_remind_opd(row, year) for row in uncovered]
    except Exception:
        cache.delete(key)
        raise
    if not any(sent):
        # Nothing went out, so a later attempt (after adding an admin) may send.
        cache.delete(key)
    return Reminder(
        already_sent=False,
        opds=sum(1 for n in sent if n),
        recipients=sum(sent),
    )
