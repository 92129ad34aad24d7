"""Reads of the participant's path: a team's diagnosis facts, its plan with every
report round, and its coaching-clinic versions, each starting from the user.

Who sees what of a team:
- its members (accepted participants in it) write its diagnosis, design, plan and
  reports, and put its proposal to the clinic;
- its mentor reviews its reports and advises on its proposal; a mentor sees only the
  teams assigned to them;
- the programme's overseers see every team, read-only;
- the Pemda's juri see a team's clinic (its proposal versions and advice) and advise,
  but not its plan nor its reviews.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.http import Http404

from prima.complaints.models import Case, Kind
from prima.complaints.statistics import Summary
from prima.complaints.stats_selectors import scope_statistics
from prima.core.roles import Role
from prima.core.scoping import is_platform_operator
from prima.innovations.models import SECTIONS, Innovation
from prima.innovations.selectors import last_twelve_months, weak_unsur
from prima.organisations.models import Membership
from prima.programmes.models import (
    ClinicReview,
    Milestone,
    MilestoneReport,
    Programme,
    ProposalVersion,
    Team,
    TeamDesign,
    TeamDiagnosis,
)
from prima.programmes.selectors import team_get
from prima.surveys.diagnosis import UnsurLine


@dataclass(frozen=True)
class PathAccess:
    """What one user may do on one team's path."""

    member: bool
    mentor: bool
    oversee: bool
    juri: bool

    @property
    def coach(self) -> bool:
        """Advise in the coaching clinic: the team's mentor or a juri of the Pemda."""
        return self.mentor or self.juri

    @property
    def path(self) -> bool:
        """See the diagnosis, the plan and its review rounds."""
        return self.member or self.mentor or self.oversee


def is_juri_of(user, programme: Programme) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return Membership.objects.filter(
        user=user,
        active=True,
        role=Role.JURI,
        pemda_id=programme.pemda_id,
    ).exists()


def path_access(user, team: Team) -> PathAccess:
    pk = getattr(user, "pk", None)
    oversee = is_platform_operator(user) or (
        Programme.objects.overseen_by(user).filter(pk=team.programme_id).exists()
    )
    return PathAccess(
        member=team.members.filter(user_id=pk).exists() if pk else False,
        mentor=pk is not None and team.mentor_id == pk,
        oversee=oversee,
        juri=is_juri_of(user, team.programme),
    )


def path_team_get(user, pk: int) -> Team:
    """Return a team whose path the user sees (members, mentor, overseers); 404."""
    return team_get(user, pk)


def clinic_team_get(user, pk: int) -> Team:
    """Return a team whose clinic the user sees: path viewers and the Pemda's juri."""
    try:
        return team_get(user, pk)
    except Http404:
        team = Team.objects.select_related("programme", "unit", "mentor").filter(pk=pk)
        team = team.first()
        if team is None or not is_juri_of(user, team.programme):
            raise
        return team


def milestone_get(user, pk: int) -> Milestone:
    milestone = Milestone.objects.filter(pk=pk).select_related("team").first()
    if milestone is None:
        raise Http404
    path_team_get(user, milestone.team_id)
    return milestone


def report_get(user, pk: int) -> MilestoneReport:
    report = (
        MilestoneReport.objects.filter(pk=pk).select_related("milestone__team").first()
    )
    if report is None:
        raise Http404
    path_team_get(user, report.milestone.team_id)
    return report


def version_get(user, pk: int) -> ProposalVersion:
    version = ProposalVersion.objects.filter(pk=pk).select_related("team").first()
    if version is None:
        raise Http404
    clinic_team_get(user, version.team_id)
    return version


# Diagnosis ----------------------------------------------------------------------------


@dataclass(frozen=True)
class DiagnosisFacts:
    """What the SKM and the complaints say about a team's unit in the last twelve
    months: its weak unsur, weakest first, and its complaint figures."""

    weak_lines: list[UnsurLine]
    complaints: Summary | None
    kinds: list[tuple[str, int]]

    @property
    def weak_codes(self) -> list[str]:
        return [line.unsur.value for line in self.weak_lines]


def diagnosis_facts(team: Team, *, today: date) -> DiagnosisFacts:
    """Return the unit's weak unsur (as the innovation registry finds them) and the
    complaint statistics of its cases received in the same twelve months."""
    period = last_twelve_months(today)
    stats = scope_statistics(Case.objects.filter(unit=team.unit_id), period, today)
    summary = next((s for unit, s in stats.units if unit.pk == team.unit_id), None)
    kinds = []
    if summary is not None:
        kinds = [(label, summary.by_kind.get(code, 0)) for code, label in Kind.choices]
    return DiagnosisFacts(
        weak_lines=weak_unsur(team.unit, today=today),
        complaints=summary,
        kinds=kinds,
    )


def diagnosis_of(team: Team) -> TeamDiagnosis | None:
    return TeamDiagnosis.objects.filter(team=team).first()


def innovation_of(team: Team) -> Innovation | None:
    design = TeamDesign.objects.filter(team=team).select_related("innovation").first()
    return design.innovation if design else None


def section_rows(innovation: Innovation, texts: dict[str, str]) -> list[tuple]:
    """Return (label, text) of the sections of the innovation's proposal group."""
    return [
        (Innovation._meta.get_field(name).verbose_name, texts.get(name, ""))
        for name in SECTIONS[innovation.group]
    ]


# Plan and reports ---------------------------------------------------------------------


@dataclass(frozen=True)
class MilestoneThread:
    milestone: Milestone
    reports: list[MilestoneReport]

    @property
    def latest(self) -> MilestoneReport | None:
        return self.reports[-1] if self.reports else None

    @property
    def may_report(self) -> bool:
        """A first report, or a revision after a review asking for one."""
        return self.latest is None or self.latest.outcome == "perlu_perbaikan"


def plan_threads(team: Team) -> list[MilestoneThread]:
    """Return each milestone of the team with every report round, oldest first."""
    reports: dict[int, list[MilestoneReport]] = {}
    rows = MilestoneReport.objects.filter(milestone__team=team).select_related(
        "reported_by", "reviewed_by"
    )
    for report in rows.order_by("round"):
        reports.setdefault(report.milestone_id, []).append(report)
    return [
        MilestoneThread(milestone, reports.get(milestone.pk, []))
        for milestone in team.milestones.all()
    ]


# Coaching clinic ----------------------------------------------------------------------


@dataclass(frozen=True)
class VersionView:
    version: ProposalVersion
    sections: list[tuple]
    reviews: list[ClinicReview]


def clinic_versions(team: Team) -> list[VersionView]:
    """Return the team's proposal versions, newest first, each with its advice."""
    innovation = innovation_of(team)
    views = []
    versions = team.proposal_versions.prefetch_related("reviews__reviewer")
    for version in versions.order_by("-number"):
        rows = section_rows(innovation or version.innovation, version.sections)
        views.append(VersionView(version, rows, list(version.reviews.all())))
    return views


def latest_version(team: Team) -> ProposalVersion | None:
    return team.proposal_versions.order_by("-number").first()
