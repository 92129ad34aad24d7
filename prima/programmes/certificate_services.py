"""Closing a programme and its certificates: pass marks, bulk issue with numbers
unique per Pemda and year, revoking, the PDF, and the programme's outcomes.

The rule of who earns a certificate and the number format are the pure module
``certificates``. A certificate needs the attendance threshold and the
organiser's pass mark (lulus) recorded at closing. The plan review of the action
plans (kapasitas.md) is not modelled on this branch; when it is, it joins
``eligibility_rows`` as one more condition.
"""

from __future__ import annotations

import secrets
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from prima.programmes import certificates, selectors
from prima.programmes.models import (
    Attendance,
    Certificate,
    CertificateCounter,
    Closure,
    Milestone,
    MilestoneReport,
    Participant,
    PassMark,
    PlanScore,
    Programme,
    ReportOutcome,
    Team,
)
from prima.reports.pdf import render_pdf


@dataclass(frozen=True)
class EligibilityRow:
    """One accepted participant at closing."""

    participant: Participant
    attendance: certificates.Attendance
    meets_threshold: bool
    plan_accepted: bool
    passed: bool
    eligible: bool
    certificate: Certificate | None


def is_closed(programme: Programme) -> bool:
    return Closure.objects.filter(programme=programme).exists()


def eligibility_rows(programme: Programme) -> list[EligibilityRow]:
    """Return every accepted participant with attendance, pass mark, eligibility
    and certificate."""
    sessions = programme.sessions.count()
    marks: dict[int, list[str]] = defaultdict(list)
    for participant_id, status in Attendance.objects.filter(
        session__programme=programme
    ).values_list("participant_id", "status"):
        marks[participant_id].append(status)
    passed = set(
        PassMark.objects.filter(
            participant__programme=programme, passed=True
        ).values_list("participant_id", flat=True)
    )
    issued = {c.participant_id: c for c in programme.certificates.all()}
    plans = team_plans_accepted(programme)
    rows = []
    for participant in selectors.accepted(programme):
        record = certificates.attendance(marks[participant.pk], sessions)
        is_passed = participant.pk in passed
        plan_ok = plans.get(participant.team_id, True)
        rows.append(
            EligibilityRow(
                participant=participant,
                attendance=record,
                meets_threshold=record.meets(programme.attendance_threshold),
                plan_accepted=plan_ok,
                passed=is_passed,
                eligible=certificates.eligible(
                    record,
                    threshold=programme.attendance_threshold,
                    passed=is_passed,
                    plan_accepted=plan_ok,
                ),
                certificate=issued.get(participant.pk),
            )
        )
    return rows


def team_plans_accepted(programme: Programme) -> dict[int, bool]:
    """Return, per team of the programme, whether its rencana aksi is accepted."""
    latest: dict[int, dict[int, str | None]] = defaultdict(dict)
    for team_id, milestone_id in Milestone.objects.filter(
        team__programme=programme
    ).values_list("team_id", "pk"):
        latest[team_id][milestone_id] = None
    reports = MilestoneReport.objects.filter(
        milestone__team__programme=programme
    ).order_by("milestone_id", "round")
    for team_id, milestone_id, outcome in reports.values_list(
        "milestone__team_id", "milestone_id", "outcome"
    ):
        latest[team_id][milestone_id] = outcome
    return {
        team_id: certificates.plan_accepted(
            list(outcomes.values()), accepted=ReportOutcome.DITERIMA
        )
        for team_id, outcomes in latest.items()
    }


@transaction.atomic
def programme_close(
    programme: Programme, *, by, passed: Iterable[Participant]
) -> Closure:
    """Close the programme (once) and record the pass mark of every accepted
    participant: those in ``passed`` passed, the others did not. Marks may be
    recorded again after closing; issued certificates stay as they are."""
    closure, _created = Closure.objects.get_or_create(
        programme=programme, defaults={"closed_by": by}
    )
    passed_ids = {p.pk for p in passed}
    for participant in selectors.accepted(programme):
        if participant.programme_id != programme.pk:
            continue
        mark = PassMark.objects.filter(participant=participant).first()
        verdict = participant.pk in passed_ids
        if mark is None:
            PassMark.objects.create(
                participant=participant, passed=verdict, marked_by=by
            )
        elif mark.passed != verdict:
            mark.passed, mark.marked_by = verdict, by
            mark.save(update_fields=["passed", "marked_by", "marked_at"])
    return closure


@transaction.atomic
def plan_score_save(team: Team, *, by, score: int, note: str = "") -> PlanScore:
    """Record (or change) the final review's score of the team's rencana aksi."""
    if not 0 <= score <= 100:
        raise ValidationError({"score": _("Give a score from 0 to 100.")})
    item, _created = PlanScore.objects.select_for_update().get_or_create(
        team=team, defaults={"score": score, "note": note, "scored_by": by}
    )
    if not _created:
        item.score, item.note, item.scored_by = score, note, by
        item.save(update_fields=["score", "note", "scored_by", "scored_at"])
    return item


def plan_rows(programme: Programme) -> list[tuple[Team, bool, PlanScore | None]]:
    """Return each team of the programme with whether its plan is accepted and
    its final score, if any."""
    accepted = team_plans_accepted(programme)
    teams = programme.teams.select_related("unit", "mentor", "plan_score").order_by(
        "name", "pk"
    )
    return [
        (team, accepted.get(team.pk, True), getattr(team, "plan_score", None))
        for team in teams
    ]


def _next_sequence(pemda_id: int, year: int) -> int:
    """Return the next sequence of the Pemda's year, holding the counter row's lock
    until the transaction ends (two organisers issuing at once wait in turn)."""
    CertificateCounter.objects.get_or_create(pemda_id=pemda_id, year=year)
    counter = CertificateCounter.objects.select_for_update().get(
        pemda_id=pemda_id, year=year
    )
    counter.last += 1
    counter.save(update_fields=["last"])
    return counter.last


@transaction.atomic
def certificates_issue(
    programme: Programme, *, by, today: date | None = None
) -> list[Certificate]:
    """Issue a numbered certificate to every eligible participant who has none yet;
    return the new certificates, numbered in the year of ``today`` (the day of
    issue). The programme must be closed."""
    if not is_closed(programme):
        raise ValidationError(_("Close the programme before issuing certificates."))
    year = (today or timezone.localdate()).year
    slug = programme.pemda.slug
    issued = []
    for row in eligibility_rows(programme):
        if not row.eligible or row.certificate is not None:
            continue
        sequence = _next_sequence(programme.pemda_id, year)
        issued.append(
            Certificate.objects.create(
                participant=row.participant,
                programme=programme,
                pemda_id=programme.pemda_id,
                year=year,
                sequence=sequence,
                number=certificates.number(sequence, slug, year),
                code=secrets.token_urlsafe(18),
                holder_name=row.participant.display_name,
                issued_by=by,
            )
        )
    return issued


@transaction.atomic
def certificate_revoke(certificate: Certificate, *, by, reason: str) -> Certificate:
    """Revoke a certificate with a reason; the public page says so from now on."""
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason for revoking.")})
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.revoked_at is not None:
        raise ValidationError(_("This certificate is already revoked."))
    certificate.revoked_at = timezone.now()
    certificate.revoked_by = by
    certificate.revoke_reason = reason
    certificate.save(update_fields=["revoked_at", "revoked_by", "revoke_reason"])
    return certificate


def qr_svg(url: str) -> str:
    """Return an inline SVG QR code of ``url``."""
    import segno  # QR codes; pure Python, no system dependency.

    return segno.make(url, error="m").svg_inline(scale=4, border=2)


def certificate_pdf(certificate: Certificate, *, verify_url: str) -> bytes:
    """Return the certificate as PDF, with the QR code of its public page."""
    from django.utils.html import mark_safe

    context = {
        "certificate": certificate,
        "programme": certificate.programme,
        "verify_url": verify_url,
        "qr": mark_safe(qr_svg(verify_url)),  # noqa: S308 - segno's own SVG output
    }
    return render_pdf("programmes/certificates/pdf.html", context)
