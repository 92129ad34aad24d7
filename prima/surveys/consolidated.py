"""The consolidated Laporan Hasil SKM of an OPD or of the whole Pemda, and what every
official report carries: the letterhead, the implementing team and schedule, and the
signing official.

Figures come from the rollups (``selectors``) and the RTL records, in the report
structure of skm.md: data collection, results per unsur, per unit and per service,
the weak unsur across units, the trend, and the RTL with its status.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Q
from django.utils import timezone
from django.utils.safestring import SafeString

from prima.core.periods import Period
from prima.organisations.models import Layanan, Pemda, PerangkatDaerah, Unit
from prima.surveys import ikm
from prima.surveys.diagnosis import diagnose
from prima.surveys.models import FollowUp
from prima.surveys.officials import Official, official_of
from prima.surveys.questions import UNSUR_NAMES
from prima.surveys.reporting import (
    NamedResult,
    TabulationRow,
    bar_svg,
    channel_counts,
    shown,
    tabulation,
    trend_periods,
    trend_svg,
    unit_results,
)
from prima.surveys.selectors import Scope, results_by, scope_result

# --- The consolidated report ------------------------------------------------------------


@dataclass(frozen=True)
class WeakAcross:
    """An unsur and the units where it is weak (graded C or D) in the period."""

    unsur: ikm.Unsur
    name: str
    units: list[Unit]


@dataclass(frozen=True)
class RtlStatus:
    items: list[FollowUp]
    today: date

    @property
    def total(self) -> int:
        return len(self.items)

    def _count(self, status: str) -> int:
        return sum(1 for item in self.items if item.status == status)

    @property
    def done(self) -> int:
        return self._count(FollowUp.Status.DONE)

    @property
    def in_progress(self) -> int:
        return self._count(FollowUp.Status.IN_PROGRESS)

    @property
    def planned(self) -> int:
        return self._count(FollowUp.Status.PLANNED)

    @property
    def overdue(self) -> int:
        return sum(
            1
            for item in self.items
            if item.status != FollowUp.Status.DONE and item.due_on < self.today
        )


@dataclass(frozen=True)
class ConsolidatedReport:
    subject: Pemda | PerangkatDaerah
    period: Period
    result: ikm.IkmResult | None
    tabulation: list[TabulationRow]
    units: list[NamedResult]
    services: list[NamedResult]
    weak_across: list[WeakAcross]
    rtl: RtlStatus
    trend: list[tuple[Period, ikm.IkmResult | None]]
    channels: list[tuple[str, int]]
    bar_svg: SafeString | None
    trend_svg: SafeString
    official: Official
    generated_on: date = field(default_factory=timezone.localdate)

    @property
    def pemda(self) -> Pemda:
        return self.subject if isinstance(self.subject, Pemda) else self.subject.pemda

    @property
    def is_pemda(self) -> bool:
        return isinstance(self.subject, Pemda)

    @property
    def respondents(self) -> int:
        return self.result.respondents if self.result else 0

    @property
    def ikm_display(self) -> Decimal | None:
        return shown(self.result.ikm) if self.result else None

    @property
    def skm_display(self) -> Decimal | None:
        return ikm.display_round(self.result.skm, 4) if self.result else None

    @property
    def units_answered(self) -> int:
        return sum(1 for row in self.units if row.result is not None)

    @property
    def trend_rows(self) -> list[tuple[Period, Decimal | None, ikm.Mutu | None]]:
        return [
            (p, shown(r.ikm) if r else None, r.mutu if r else None)
            for p, r in self.trend
        ]


def _services(subject, period: Period) -> list[NamedResult]:
    pemda = subject if isinstance(subject, Pemda) else subject.pemda
    within = {} if isinstance(subject, Pemda) else {"opd": subject}
    results = results_by(period, pemda=pemda, group="layanan", within=within)
    services = Layanan.objects.filter(pemda=pemda).select_related("unit")
    if not isinstance(subject, Pemda):
        services = services.filter(unit__opd=subject)
    return [
        NamedResult(s, results.get(s.pk), group=s.unit.name)
        for s in services.order_by("unit__name", "name")
        if s.pk in results
    ]


def _weak_across(units: list[NamedResult]) -> list[WeakAcross]:
    """Each unsur with the units where it is weak, the most widespread first."""
    weak: dict[ikm.Unsur, list[Unit]] = {unsur: [] for unsur in ikm.CODE_ORDER}
    for row in units:
        if row.result is not None:
            for unsur in row.result.weak:
                weak[unsur].append(row.subject)
    found = [
        WeakAcross(unsur, str(UNSUR_NAMES[unsur]), listed)
        for unsur, listed in weak.items()
        if listed
    ]
    return sorted(found, key=lambda w: (-len(w.units), ikm.CODE_ORDER.index(w.unsur)))


def _rtl(subject, period: Period, today: date) -> RtlStatus:
    """The RTL items of the subject's units made for a period within this one."""
    items = FollowUp.objects.filter(
        Q(period_start__gte=period.start, period_end__lte=period.end)
    ).select_related("unit")
    if isinstance(subject, Pemda):
        items = items.filter(pemda=subject)
    else:
        items = items.filter(unit__opd=subject)
    return RtlStatus(list(items.order_by("unit__name", "unsur", "due_on", "pk")), today)


def consolidated_report(
    subject: Pemda | PerangkatDaerah, period: Period, today: date | None = None
) -> ConsolidatedReport:
    """Return the consolidated report of an OPD or a Pemda for ``period``."""
    today = today or timezone.localdate()
    if isinstance(subject, Pemda):
        scope, units = Scope(subject), unit_results(period, pemda=subject)
    else:
        scope = Scope(subject.pemda, subject)
        units = unit_results(period, pemda=subject.pemda, opd=subject)
    diagnosis = diagnose(scope, period)
    earlier = trend_periods(period)[:-1]
    trend = [(p, scope_result(scope, p)) for p in earlier]
    trend.append((period, diagnosis.result))
    return ConsolidatedReport(
        subject=subject,
        period=period,
        result=diagnosis.result,
        tabulation=tabulation(scope, period, diagnosis.result),
        units=units,
        services=_services(subject, period),
        weak_across=_weak_across(units),
        rtl=_rtl(subject, period, today),
        trend=trend,
        channels=channel_counts(scope, period),
        bar_svg=bar_svg(diagnosis),
        trend_svg=trend_svg(trend),
        official=official_of(subject),
        generated_on=today,
    )


def unit_rows(report: ConsolidatedReport) -> list[list]:
    """The XLSX sheet of units: OPD, unit, respondents, IKM, mutu, weak unsur."""
    rows = []
    for row in report.units:
        result = row.result
        rows.append(
            [
                row.group,
                row.subject.name,
                result.respondents if result else 0,
                row.ikm_display,
                result.mutu.value if result else "",
                ", ".join(u.value for u in result.weak) if result else "",
            ]
        )
    return rows


def unsur_rows(report: ConsolidatedReport) -> list[list]:
    """The XLSX sheet of unsur: counts per score, NRR, weighted NRR, ×25, mutu."""
    return [
        [
            f"{row.unsur.value} {row.name}",
            *row.counts,
            row.nrr_display,
            row.weighted_display,
            row.converted_display,
            row.mutu.value if row.mutu else "",
        ]
        for row in report.tabulation
    ]
