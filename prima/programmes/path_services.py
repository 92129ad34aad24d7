"""Every change on the participant's path: a team's diagnosis, its innovation draft
(made through the innovation registry's services), its rencana aksi, the reports of
each milestone and the mentor's review of each round, and the coaching clinic's
proposal versions with a coach's advice per criterion.

Views check who acts (``path_selectors.path_access``); the rules of the path (only
the weak unsur as targets, one open report round at a time, advice on the newest
version only) are enforced here.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from prima.competitions.scoring import CRITERIA
from prima.core.uploads import CleanFile, save_clean_file
from prima.innovations import services as innovations
from prima.innovations.models import SECTIONS, Group, Innovation, Stage, Status
from prima.programmes import path_selectors
from prima.programmes.models import (
    ClinicReview,
    Milestone,
    MilestoneReport,
    ProposalVersion,
    ReportOutcome,
    Team,
    TeamDesign,
    TeamDiagnosis,
)
from prima.surveys.ikm import CODE_ORDER, Unsur


def _ordered(codes: Iterable[str]) -> list[str]:
    wanted = {Unsur(code) for code in codes}
    return [u.value for u in CODE_ORDER if u in wanted]


@transaction.atomic
def diagnosis_save(
    team: Team,
    *,
    by,
    problem_statement: str,
    root_causes: str,
    unsur: Iterable[str],
    today: date,
) -> TeamDiagnosis:
    """Write the team's diagnosis. When its unit has weak unsur in the last twelve
    months of SKM, the unsur it addresses must be among them (as for the registry)."""
    try:
        codes = _ordered(unsur)
    except ValueError as error:
        raise ValidationError({"unsur": _("Choose unsur of the SKM.")}) from error
    weak = path_selectors.diagnosis_facts(team, today=today).weak_codes
    outside = [code for code in codes if weak and code not in weak]
    if outside:
        raise ValidationError(
            {
                "unsur": _(
                    "%(value)s is not a weak unsur of this unit; choose among the "
                    "weak unsur."
                )
                % {"value": ", ".join(outside)}
            }
        )
    item = TeamDiagnosis.objects.filter(team=team).first() or TeamDiagnosis(team=team)
    item.unsur = codes
    item.problem_statement = problem_statement
    item.root_causes = root_causes
    item.updated_by = by
    item.full_clean()
    item.save()
    # The draft's targets follow the diagnosis they were taken from.
    innovation = path_selectors.innovation_of(team)
    if innovation is not None and innovation.target_codes() != codes:
        innovations.innovation_save(
            innovation,
            by=by,
            targets=codes,
            layanan=list(innovation.layanan.all()),
        )
    return item


@transaction.atomic
def design_start(team: Team, *, by, title: str, sector: str) -> Innovation:
    """Create the team's innovation draft in the registry: of its unit, targeting the
    unsur of its diagnosis, its background prefilled from the problem and causes."""
    diagnosis = path_selectors.diagnosis_of(team)
    if diagnosis is None:
        raise ValidationError(_("Write the team's diagnosis first."))
    if TeamDesign.objects.filter(team=team).exists():
        raise ValidationError(_("The team already has an innovation draft."))
    innovation = Innovation(
        pemda_id=team.programme.pemda_id,
        opd_id=team.unit.opd_id,
        unit=team.unit,
        title=title,
        group=Group.UMUM,
        stage=Stage.IDE,
        sector=sector,
        status=Status.DRAFT,
        latar_belakang=f"{diagnosis.problem_statement}\n\n{diagnosis.root_causes}",
    )
    innovation.full_clean(exclude=["layanan"])
    innovations.innovation_save(innovation, by=by, targets=diagnosis.unsur)
    TeamDesign.objects.create(team=team, innovation=innovation, created_by=by)
    return innovation


@transaction.atomic
def proposal_save(
    innovation: Innovation, *, by, title: str, sections: dict[str, str]
) -> Innovation:
    """Change the draft's title and the sections of its proposal group."""
    innovation.title = title
    for name in SECTIONS[innovation.group]:
        if name in sections:
            setattr(innovation, name, sections[name])
    innovation.full_clean(exclude=["layanan"])
    return innovations.innovation_save(
        innovation,
        by=by,
        targets=innovation.target_codes(),
        layanan=list(innovation.layanan.all()),
    )


# Rencana aksi -------------------------------------------------------------------------


def milestone_add(
    team: Team, *, title: str, due_on: date, evidence_expected: str, responsible: str
) -> Milestone:
    """Add a milestone to the team's rencana aksi."""
    item = Milestone(
        team=team,
        title=title,
        due_on=due_on,
        evidence_expected=evidence_expected,
        responsible=responsible,
    )
    item.full_clean()
    item.save()
    return item


def _unreported(milestone: Milestone) -> None:
    if milestone.reports.exists():
        raise ValidationError(
            _("A reported milestone stays as it was reported and reviewed.")
        )


def milestone_update(
    milestone: Milestone,
    *,
    title: str,
    due_on: date,
    evidence_expected: str,
    responsible: str,
) -> Milestone:
    """Change a milestone not yet reported."""
    _unreported(milestone)
    milestone.title, milestone.due_on = title, due_on
    milestone.evidence_expected, milestone.responsible = evidence_expected, responsible
    milestone.full_clean()
    milestone.save()
    return milestone


def milestone_remove(milestone: Milestone) -> None:
    """Remove a milestone not yet reported."""
    _unreported(milestone)
    milestone.delete()


@transaction.atomic
def report_submit(
    milestone: Milestone, *, by, text: str, clean: CleanFile | None = None, link=""
) -> MilestoneReport:
    """Report a milestone with its evidence (a cleaned file or a link): the first
    round, or a revision after the mentor asked for one."""
    if (clean is None) == (not link):
        raise ValidationError(_("Give the evidence as either a file or a link."))
    Milestone.objects.select_for_update().filter(pk=milestone.pk).first()
    latest = milestone.reports.order_by("-round").first()
    if latest is not None and latest.outcome == ReportOutcome.PENDING:
        raise ValidationError(_("The last report awaits the mentor's review."))
    if latest is not None and latest.outcome == ReportOutcome.DITERIMA:
        raise ValidationError(_("This milestone has been accepted."))
    item = MilestoneReport(
        milestone=milestone,
        round=(latest.round + 1) if latest else 1,
        text=text,
        link=link,
        reported_by=by,
    )
    item.full_clean(exclude=["file", "reported_by"])
    if clean is None:
        item.save()
        return item
    item.original_name = clean.original_name
    item.content_type = clean.content_type
    item.size = clean.size
    save_clean_file(item.file, clean)
    return item


@transaction.atomic
def report_review(
    report: MilestoneReport, *, by, accept: bool, comment: str = ""
) -> MilestoneReport:
    """The team's mentor accepts a report (diterima) or asks for a revision
    (perlu perbaikan), which needs a comment. A round is reviewed once."""
    report = MilestoneReport.objects.select_for_update().get(pk=report.pk)
    team = report.milestone.team
    if team.mentor_id is None or team.mentor_id != by.pk:
        raise ValidationError(_("Only the team's mentor reviews its reports."))
    if report.outcome != ReportOutcome.PENDING:
        raise ValidationError(_("This report has already been reviewed."))
    if not accept and not comment.strip():
        raise ValidationError(
            {"comment": _("Say what needs to be revised in a comment.")}
        )
    report.outcome = ReportOutcome.DITERIMA if accept else ReportOutcome.PERBAIKAN
    report.comment = comment
    report.reviewed_by = by
    report.reviewed_at = timezone.now()
    report.save(update_fields=["outcome", "comment", "reviewed_by", "reviewed_at"])
    return report


# Coaching clinic ----------------------------------------------------------------------


@transaction.atomic
def version_submit(team: Team, *, by) -> ProposalVersion:
    """Put the draft's current proposal to the clinic as its next version, once the
    previous version has had advice: one proposal at a time."""
    innovation = path_selectors.innovation_of(team)
    if innovation is None:
        raise ValidationError(_("Create the team's innovation draft first."))
    Team.objects.select_for_update().filter(pk=team.pk).first()
    latest = path_selectors.latest_version(team)
    if latest is not None and not latest.reviews.exists():
        raise ValidationError(_("The last version awaits a coach's advice."))
    sections = {name: getattr(innovation, name) for name in SECTIONS[innovation.group]}
    if not any(text.strip() for text in sections.values()):
        raise ValidationError(_("Write the proposal's sections first."))
    return ProposalVersion.objects.create(
        team=team,
        innovation=innovation,
        number=(latest.number + 1) if latest else 1,
        title=innovation.title,
        sections=sections,
        submitted_by=by,
    )


@transaction.atomic
def clinic_review(version: ProposalVersion, *, by, advice: dict[str, str]):
    """A coach (the team's mentor) or a juri of the Pemda advises on the newest
    version, in writing on each of the five criteria; the advice stays with it."""
    access = path_selectors.path_access(by, version.team)
    if not access.coach:
        raise ValidationError(_("Only the team's mentor or a juri gives advice."))
    latest = path_selectors.latest_version(version.team)
    if latest is None or latest.pk != version.pk:
        raise ValidationError(_("Only the newest version of a proposal is reviewed."))
    if version.reviews.filter(reviewer=by).exists():
        raise ValidationError(_("You have already advised on this version."))
    missing = {
        name: _("Write advice on this criterion.")
        for name in CRITERIA
        if not advice.get(name, "").strip()
    }
    if missing:
        raise ValidationError(missing)
    review = ClinicReview(version=version, reviewer=by)
    for name in CRITERIA:
        setattr(review, name, advice[name])
    review.save()
    return review
