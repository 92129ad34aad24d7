"""The leadership dashboard's figures, read from the other apps' selectors and
rollups (never from raw survey answers): the IKM and its trend, the OPD × unsur heat
map, the lowest units with their weakest unsur and what addresses them, sample
adequacy, the RTL, complaint timeliness and One Agency One Innovation coverage.

A dashboard is about a scope, the whole Pemda or one OPD, and one closed period.
Each tile is None when its data does not exist, so the page shows only what is there.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Q
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from prima.complaints.models import Case
from prima.complaints.statistics import Summary
from prima.complaints.stats_selectors import scope_statistics
from prima.core.periods import Period, PeriodKind, period_containing, previous
from prima.core.roles import VIEW, Area, Level
from prima.core.scoping import is_platform_operator, targets_where
from prima.evaluations.models import Cycle
from prima.evaluations.selectors import cycle_ranking, published_cycles
from prima.innovations.coverage import Coverage, coverage_of
from prima.innovations.selectors import innovations_for_unsur
from prima.organisations.models import Pemda, PerangkatDaerah, Unit
from prima.reports import svg
from prima.surveys import ikm, reporting
from prima.surveys.models import FollowUp, Population
from prima.surveys.questions import UNSUR_NAMES
from prima.surveys.sampling import required_sample
from prima.surveys.selectors import Scope, counts_by, trend_results

# How many closed periods of each kind the period menu offers.
CLOSED_PERIODS = {PeriodKind.TRIWULAN: 4, PeriodKind.SEMESTER: 2, PeriodKind.TAHUN: 2}
TREND_PERIODS = 8
LOWEST_UNITS = 5
LISTED = 8


# --- Who sees which dashboard ---------------------------------------------------------


@dataclass(frozen=True)
class DashboardScope:
    """The whole Pemda, or one OPD of it."""

    pemda: Pemda
    opd: PerangkatDaerah | None = None

    @property
    def key(self) -> str:
        return f"opd-{self.opd.pk}" if self.opd else f"pemda-{self.pemda.pk}"

    @property
    def label(self) -> str:
        return f"{self.opd.name} · {self.pemda.name}" if self.opd else self.pemda.name

    @property
    def survey_scope(self) -> Scope:
        return Scope(self.pemda, self.opd)

    @property
    def within(self) -> dict:
        """Filters of rollup rows and units inside the scope."""
        return {"opd": self.opd} if self.opd else {}


def dashboard_scopes(user) -> list[DashboardScope]:
    """Return the dashboards the user may open: their Pemda's (Pemda-level
    administrators and leadership) and their OPD's (OPD-level ones); every Pemda's
    for the platform operator."""
    if is_platform_operator(user):
        pemdas = Pemda.objects.order_by("name")
        return [DashboardScope(pemda) for pemda in pemdas]
    pemda_ids = targets_where(user, Area.DASHBOARD, VIEW, level=Level.PEMDA)
    opd_ids = targets_where(user, Area.DASHBOARD, VIEW, level=Level.OPD)
    scopes = [
        DashboardScope(pemda)
        for pemda in Pemda.objects.filter(pk__in=pemda_ids).order_by("name")
    ]
    opds = PerangkatDaerah.objects.filter(pk__in=opd_ids).select_related("pemda")
    scopes += [DashboardScope(opd.pemda, opd) for opd in opds.order_by("name")]
    return scopes


def closed_periods(pemda: Pemda, today: date) -> list[Period]:
    """Return the closed periods offered, the Pemda's own kind first, newest first
    within each kind; the first is the default."""
    own = reporting.pemda_period_kind(pemda)
    kinds = [own, *(kind for kind in CLOSED_PERIODS if kind != own)]
    periods = []
    for kind in kinds:
        period = previous(period_containing(today, kind))
        for _step in range(CLOSED_PERIODS[kind]):
            periods.append(period)
            period = previous(period)
    return periods


# --- Tiles ------------------------------------------------------------------------------


@dataclass(frozen=True)
class IkmTile:
    result: ikm.IkmResult
    before: ikm.IkmResult | None
    trend_svg: str

    @property
    def change(self):
        if self.before is None:
            return None
        return self.result.ikm_display - self.before.ikm_display


@dataclass(frozen=True)
class WeakUnsur:
    code: str
    name: str
    rtl: bool
    innovations: list


@dataclass(frozen=True)
class LowUnit:
    unit: Unit
    result: ikm.IkmResult
    weakest: list[WeakUnsur]


@dataclass(frozen=True)
class SampleShort:
    unit: Unit
    obtained: int
    required: int
    population: int


@dataclass(frozen=True)
class SampleTile:
    units: int
    declared: int
    short: list[SampleShort]


@dataclass(frozen=True)
class RtlTile:
    total: int
    done: int
    in_progress: int
    overdue: list[FollowUp]
    overdue_count: int

    @property
    def done_percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


@dataclass(frozen=True)
class ComplaintRow:
    subject: PerangkatDaerah | Unit
    summary: Summary


@dataclass(frozen=True)
class ComplaintTile:
    summary: Summary
    rows: list[ComplaintRow]


@dataclass(frozen=True)
class CoverageTile:
    coverage: Coverage
    opd_count: int | None = None  # the OPD's own applied innovations (OPD scope)

    @property
    def uncovered(self):
        return self.coverage.uncovered[:LISTED]


@dataclass(frozen=True)
class PekpppRow:
    unit: Unit
    rank: int
    cohort: str
    ipp: Decimal
    kategori: str
    predikat: str


@dataclass(frozen=True)
class PekpppTile:
    """The newest published PEKPPP cycle: units per category and the lowest."""

    cycle: Cycle
    evaluated: int
    categories: list[tuple[str, int]]
    lowest: list[PekpppRow]


@dataclass(frozen=True)
class Dashboard:
    scope: DashboardScope
    period: Period
    ikm: IkmTile | None = None
    heat_map: str | None = None
    lowest: list[LowUnit] = field(default_factory=list)
    sample: SampleTile | None = None
    rtl: RtlTile | None = None
    complaints: ComplaintTile | None = None
    coverage: CoverageTile | None = None
    pekppp: PekpppTile | None = None


def _ikm_tile(
    scope: DashboardScope, period: Period, result: ikm.IkmResult | None
) -> IkmTile | None:
    """The scope's IKM (``result``, already read with its units) and the trend of
    the periods before it (one more rollup read)."""
    if result is None:
        return None
    earlier = [previous(period)]
    while len(earlier) < TREND_PERIODS - 1:
        earlier.insert(0, previous(earlier[0]))
    points = [*trend_results(scope.survey_scope, earlier), (period, result)]
    return IkmTile(result, points[-2][1], str(reporting.trend_svg(points)))


def _heat_map(
    scope: DashboardScope,
    unit_counts: dict[int, dict],
    by_unit: dict[int, ikm.IkmResult],
    units: dict[int, Unit],
) -> str | None:
    """OPD × unsur for the Pemda (each OPD's counts summed from its units'), unit ×
    unsur for an OPD; weakest first."""
    if scope.opd is None:
        per_opd: dict[int, list] = {}
        for pk, counts in unit_counts.items():
            per_opd.setdefault(units[pk].opd_id, []).append(counts)
        opds = PerangkatDaerah.objects.filter(pk__in=per_opd)
        labelled = [
            (opd.short_name or opd.name, ikm.compute(ikm.add_counts(*per_opd[opd.pk])))
            for opd in opds
        ]
    else:
        labelled = [(units[pk].name, result) for pk, result in by_unit.items()]
    if not labelled:
        return None
    labelled.sort(key=lambda pair: (pair[1].ikm, pair[0]))
    rows = [
        (
            label,
            [
                svg.HeatCell(
                    reporting.shown(result.nrr_converted(unsur)),
                    result.unsur_mutu[unsur].value,
                )
                for unsur in ikm.CODE_ORDER
            ],
        )
        for label, result in labelled
    ]
    columns = [unsur.value for unsur in ikm.CODE_ORDER]
    return svg.heat_map(
        rows,
        columns=columns,
        title=_heat_title(scope),
        fmt=lambda value: number_format(value, 2),
    )


def _heat_title(scope: DashboardScope) -> str:
    if scope.opd is None:
        return _("Converted NRR per OPD and unsur, coloured by mutu")
    return _("Converted NRR per unit and unsur, coloured by mutu")


def _overlapping(period: Period) -> Q:
    return Q(period_start__lte=period.end, period_end__gte=period.start)


def _lowest(
    user, period: Period, by_unit: dict[int, ikm.IkmResult], units: dict[int, Unit]
) -> list[LowUnit]:
    """The units with the lowest IKM, each weakest unsur with whether an RTL item
    of the period or an innovation the user may see addresses it."""
    ranked = sorted(by_unit.items(), key=lambda pair: (pair[1].ikm, pair[0]))
    chosen = [(units[pk], result) for pk, result in ranked[:LOWEST_UNITS]]
    planned = set(
        FollowUp.objects.filter(
            _overlapping(period), unit__in=[unit for unit, _result in chosen]
        )
        .values_list("unit_id", "unsur")
        .distinct()
    )
    lowest = []
    for unit, result in chosen:
        found = innovations_for_unsur(user, unit)
        weakest = [
            WeakUnsur(
                unsur.value,
                UNSUR_NAMES[unsur],
                (unit.pk, unsur.value) in planned,
                found.get(unsur.value, []),
            )
            for unsur in result.weakest
        ]
        lowest.append(LowUnit(unit, result, weakest))
    return lowest


def _sample(
    period: Period, by_unit: dict[int, ikm.IkmResult], units: dict[int, Unit]
) -> SampleTile | None:
    """Units whose respondents fall short of the Krejcie–Morgan size of the
    population they declared for exactly this period."""
    if not units:
        return None
    declared = Population.objects.filter(
        unit__in=list(units), period_start=period.start, period_end=period.end
    ).values_list("unit_id", "population")
    short = []
    count = 0
    for unit_id, population in declared:
        count += 1
        obtained = by_unit[unit_id].respondents if unit_id in by_unit else 0
        required = required_sample(population)
        if obtained < required:
            short.append(SampleShort(units[unit_id], obtained, required, population))
    short.sort(key=lambda row: (row.obtained / row.required, row.unit.name))
    return SampleTile(units=len(units), declared=count, short=short)


def _rtl(period: Period, units: dict[int, Unit], today: date) -> RtlTile | None:
    items = FollowUp.objects.filter(_overlapping(period), unit__in=list(units))
    statuses = list(items.values_list("status", flat=True))
    if not statuses:
        return None
    overdue = items.exclude(status=FollowUp.Status.DONE).filter(due_on__lt=today)
    return RtlTile(
        total=len(statuses),
        done=statuses.count(FollowUp.Status.DONE),
        in_progress=statuses.count(FollowUp.Status.IN_PROGRESS),
        overdue=list(overdue.select_related("unit").order_by("due_on", "pk")[:LISTED]),
        overdue_count=overdue.count(),
    )


def _complaints(scope: DashboardScope, period: Period, today: date):
    cases = Case.objects.filter(pemda=scope.pemda)
    if scope.opd is not None:
        cases = cases.filter(unit__opd=scope.opd)
    figures = scope_statistics(cases, period, today)
    if scope.opd is None:
        totals = figures.pemdas
        parts = figures.opds
    else:
        totals = [(o, s) for o, s in figures.opds if o.pk == scope.opd.pk]
        parts = figures.units
    if not totals:
        return None
    rows = [ComplaintRow(subject, summary) for subject, summary in parts]
    rows.sort(
        key=lambda row: (
            -row.summary.overdue_now,
            row.summary.within_deadline if row.summary.answered else 2,
            str(row.subject),
        )
    )
    return ComplaintTile(totals[0][1], rows[:LISTED])


def _coverage(scope: DashboardScope, period: Period) -> CoverageTile | None:
    coverage = coverage_of(scope.pemda, period.end.year)
    if not coverage.rows:
        return None
    if scope.opd is None:
        return CoverageTile(coverage)
    own = next(row.count for row in coverage.rows if row.opd.pk == scope.opd.pk)
    return CoverageTile(coverage, opd_count=own)


def _pekppp(scope: DashboardScope) -> PekpppTile | None:
    """The Pemda's newest published cycle; for an OPD, its units in it."""
    published = published_cycles(scope.pemda)
    if not published:
        return None
    cycle = published[0]
    rows = [
        PekpppRow(
            ranked.entry.item.unit,
            ranked.rank,
            ranked.entry.item.cohort,
            ranked.entry.item.result.ipp,
            ranked.entry.item.result.kategori,
            ranked.entry.item.result.predikat,
        )
        for ranked_list in cycle_ranking(cycle).values()
        for ranked in ranked_list
        if scope.opd is None or ranked.entry.item.unit.opd_id == scope.opd.pk
    ]
    if not rows:
        return None
    categories = Counter(row.kategori for row in rows)
    lowest = sorted(rows, key=lambda row: (row.ipp, row.unit.name))[:LOWEST_UNITS]
    return PekpppTile(cycle, len(rows), sorted(categories.items()), lowest)


def dashboard(user, scope: DashboardScope, period: Period, today: date) -> Dashboard:
    """Return every tile of ``scope``'s dashboard for ``period``."""
    units = {
        unit.pk: unit
        for unit in Unit.objects.filter(pemda=scope.pemda, **scope.within)
        .select_related("opd")
        .order_by("name")
    }
    # One grouped read of the rollups gives the units, their OPD and the whole.
    unit_counts = counts_by(
        period, pemda=scope.pemda, group="unit", within=scope.within
    )
    by_unit = {pk: ikm.compute(counts) for pk, counts in unit_counts.items()}
    total = ikm.compute(ikm.add_counts(*unit_counts.values())) if unit_counts else None
    return Dashboard(
        scope=scope,
        period=period,
        ikm=_ikm_tile(scope, period, total),
        heat_map=_heat_map(scope, unit_counts, by_unit, units),
        lowest=_lowest(user, period, by_unit, units),
        sample=_sample(period, by_unit, units),
        rtl=_rtl(period, units, today),
        complaints=_complaints(scope, period, today),
        coverage=_coverage(scope, period),
        pekppp=_pekppp(scope),
    )
