"""The transparency portal of a Pemda: its published figures in one place, each
leading to the public page behind it. SKM figures come from the rollups, for the last
closed period and those before it (published whatever the Pemda's setting); complaint figures from
the complaint statistics; innovations from the library and the impact selector;
PEKPPP results once a cycle is published."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from prima.complaints.statistics import Summary
from prima.complaints.stats_selectors import pemda_summary
from prima.core.periods import Period, PeriodKind, period_containing, previous
from prima.evaluations.models import Cycle
from prima.evaluations.selectors import published_cycles
from prima.innovations.impact import Verdict
from prima.innovations.impact_selectors import measured_impact
from prima.innovations.models import APPLIED_STAGES, Innovation, Status
from prima.organisations.models import Layanan, Pemda, PerangkatDaerah
from prima.standards.models import StandarPelayanan
from prima.surveys import ikm, reporting
from prima.surveys.selectors import Scope, results_by, scope_result

TREND = 8
SHOWN_INNOVATIONS = 5


@dataclass(frozen=True)
class OpdIkm:
    opd: PerangkatDaerah
    result: ikm.IkmResult

    @property
    def ikm_display(self):
        return reporting.shown(self.result.ikm)


@dataclass(frozen=True)
class InnovationImpact:
    innovation: Innovation
    improved: bool


@dataclass(frozen=True)
class Transparency:
    pemda: Pemda
    period: Period
    result: ikm.IkmResult | None
    trend_svg: str
    opds: list[OpdIkm]
    services: int
    standards: int
    complaints_year: Period
    complaints: Summary
    innovations: int
    applied: int
    impacts: list[InnovationImpact]
    cycles: list[Cycle]

    @property
    def ikm_display(self):
        return reporting.shown(self.result.ikm) if self.result else None


def _skm(pemda: Pemda, period: Period):
    scope = Scope(pemda)
    periods = [period]
    while len(periods) < TREND:
        periods.insert(0, previous(periods[0]))
    points = [(p, scope_result(scope, p)) for p in periods]
    results = results_by(period, pemda=pemda, group="opd")
    opds = PerangkatDaerah.objects.filter(pk__in=results).order_by("name")
    rows = [OpdIkm(opd, results[opd.pk]) for opd in opds]
    return points[-1][1], str(reporting.trend_svg(points)), rows


def _impacts(pemda: Pemda) -> tuple[int, int, list[InnovationImpact]]:
    published = Innovation.objects.filter(pemda=pemda, status=Status.PUBLISHED)
    applied = published.filter(stage__in=APPLIED_STAGES)
    newest = applied.exclude(applied_on=None).order_by("-applied_on", "pk")
    shown = []
    for innovation in newest[:SHOWN_INNOVATIONS]:
        impact = measured_impact(innovation)
        improved = any(row.verdict == Verdict.IMPROVED for row in impact.rows)
        shown.append(InnovationImpact(innovation, improved))
    return published.count(), applied.count(), shown


def transparency(pemda: Pemda, today: date) -> Transparency:
    """Return the Pemda's published figures as of ``today``."""
    period = reporting.latest_complete_period(pemda, today)
    result, trend, opds = _skm(pemda, period)
    services = Layanan.objects.filter(pemda=pemda).active()
    with_standard = services.filter(
        pk__in=StandarPelayanan.objects.filter(pemda=pemda)
        .published()
        .values("layanan")
    )
    year = period_containing(today, PeriodKind.TAHUN)
    innovations, applied, impacts = _impacts(pemda)
    return Transparency(
        pemda=pemda,
        period=period,
        result=result,
        trend_svg=trend,
        opds=opds,
        services=services.count(),
        standards=with_standard.count(),
        complaints_year=year,
        complaints=pemda_summary(pemda, year),
        innovations=innovations,
        applied=applied,
        impacts=impacts,
        cycles=published_cycles(pemda),
    )
