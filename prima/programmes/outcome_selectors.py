"""What programmes produced: per programme, who finished, the innovations born in it
(designed by its teams or replicated from its benchmarking visits) with their stage
and, once applied, their measured impact on the targeted unsur; per Pemda and year,
the programmes and what they produced together.

Impact comes from the innovation impact selector, which reads the daily rollups.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from prima.innovations.impact import Verdict
from prima.innovations.impact_selectors import MeasuredImpact, measured_impact
from prima.innovations.models import APPLIED_STAGES, Innovation
from prima.programmes import (
    benchmark_services,
    certificate_services,
    certificates,
    selectors,
)
from prima.programmes.models import Certificate, PlanScore, Programme, TeamDesign
from prima.reports import svg


@dataclass(frozen=True)
class InnovationOutcome:
    """An innovation born in a programme and, when applied, its measured impact."""

    innovation: Innovation
    impact: MeasuredImpact | None

    @property
    def applied(self) -> bool:
        return self.innovation.stage in APPLIED_STAGES

    @property
    def improved(self) -> bool:
        """Whether a targeted unsur improved significantly after it was applied."""
        return self.impact is not None and any(
            row.verdict == Verdict.IMPROVED for row in self.impact.rows
        )


@dataclass(frozen=True)
class SessionAttendance:
    title: str
    starts_at: datetime
    attended: int
    accepted: int

    @property
    def percent(self) -> Decimal:
        if not self.accepted:
            return Decimal(0)
        return (Decimal(100) * self.attended / self.accepted).quantize(Decimal("0.1"))


@dataclass(frozen=True)
class ProgrammeOutcome:
    programme: Programme
    participants: int
    finished: int
    teams: int
    teams_finished: int
    designed: list[InnovationOutcome]
    replications: list[InnovationOutcome]
    sessions: list[SessionAttendance] = field(default_factory=list)
    plan_scores: list[int] = field(default_factory=list)

    @property
    def mean_plan_score(self) -> Decimal | None:
        """The mean of the final review's plan scores, to one decimal."""
        if not self.plan_scores:
            return None
        mean = Decimal(sum(self.plan_scores)) / len(self.plan_scores)
        return mean.quantize(Decimal("0.1"))

    @property
    def innovations(self) -> list[InnovationOutcome]:
        return self.designed + self.replications

    @property
    def applied(self) -> int:
        return sum(1 for item in self.innovations if item.applied)

    @property
    def improved(self) -> int:
        return sum(1 for item in self.innovations if item.improved)

    @property
    def stages(self) -> list[tuple[str, int]]:
        """The innovations per stage, in the registry's stage order."""
        counts = Counter(item.innovation.stage for item in self.innovations)
        return [
            (label, counts[value])
            for value, label in Innovation._meta.get_field("stage").choices
            if counts[value]
        ]

    def attendance_chart(self) -> str:
        """The share of accepted participants attending each session, as SVG, with
        the programme's attendance threshold marked."""
        threshold = self.programme.attendance_threshold
        bars = [
            svg.Bar(
                f"{session.starts_at:%d/%m} {session.title}",
                session.percent,
                weak=session.percent < threshold,
            )
            for session in self.sessions
        ]
        return svg.share_chart(
            bars,
            title=_("Attendance per session (percent of accepted participants)"),
            threshold=threshold,
            fmt=lambda value: number_format(value, 1),
        )


def _with_impact(innovations) -> list[InnovationOutcome]:
    return [
        InnovationOutcome(
            item, measured_impact(item) if item.stage in APPLIED_STAGES else None
        )
        for item in innovations
    ]


def _sessions(programme: Programme, accepted: int) -> list[SessionAttendance]:
    """The sessions begun so far, each with how many accepted participants
    attended it (hadir or terlambat)."""
    counted = programme.sessions.annotate(
        attended=Count(
            "attendance",
            filter=Q(attendance__status__in=certificates.ATTENDED),
        )
    ).order_by("starts_at", "pk")
    return [
        SessionAttendance(session.title, session.starts_at, session.attended, accepted)
        for session in counted.filter(starts_at__lte=timezone.now())
    ]


def programme_outcome(programme: Programme) -> ProgrammeOutcome:
    """Return what ``programme`` produced."""
    accepted = selectors.accepted(programme).count()
    designed = Innovation.objects.filter(
        pk__in=TeamDesign.objects.filter(team__programme=programme).values("innovation")
    ).select_related("opd", "unit")
    plans = certificate_services.team_plans_accepted(programme)
    return ProgrammeOutcome(
        programme=programme,
        participants=accepted,
        finished=Certificate.objects.filter(
            programme=programme, revoked_at__isnull=True
        ).count(),
        teams=programme.teams.count(),
        teams_finished=sum(1 for accepted_plan in plans.values() if accepted_plan),
        designed=_with_impact(designed.order_by("title")),
        replications=_with_impact(benchmark_services.replications_of(programme)),
        sessions=_sessions(programme, accepted),
        plan_scores=list(
            PlanScore.objects.filter(team__programme=programme).values_list(
                "score", flat=True
            )
        ),
    )


@dataclass(frozen=True)
class YearOutcome:
    """What a Pemda's programmes of one year produced together."""

    year: int
    programmes: list[ProgrammeOutcome]

    @property
    def kinds(self) -> list[tuple[str, int]]:
        counts = Counter(p.programme.get_kind_display() for p in self.programmes)
        return sorted(counts.items())

    def total(self, name: str) -> int:
        return sum(getattr(p, name) for p in self.programmes)

    @property
    def participants(self) -> int:
        return self.total("participants")

    @property
    def finished(self) -> int:
        return self.total("finished")

    @property
    def innovations(self) -> int:
        return sum(len(p.innovations) for p in self.programmes)

    @property
    def applied(self) -> int:
        return self.total("applied")

    @property
    def improved(self) -> int:
        return self.total("improved")


def outcomes_by_year(user) -> list[YearOutcome]:
    """Return, newest year first, the outcomes of the programmes the user follows
    (``Programme.objects.reported_to``), by the year each programme started."""
    by_year: dict[int, list[ProgrammeOutcome]] = defaultdict(list)
    programmes = (
        Programme.objects.reported_to(user)
        .select_related("pemda", "organiser_opd")
        .order_by("starts_on", "pk")
    )
    for programme in programmes:
        by_year[programme.starts_on.year].append(programme_outcome(programme))
    return [YearOutcome(year, by_year[year]) for year in sorted(by_year, reverse=True)]
