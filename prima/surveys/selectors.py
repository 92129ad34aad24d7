"""Reads of the SKM: every figure is summed from the daily rollups, never from raw
responses, then handed to the pure ``ikm`` module. The staff pages' other reads (the
units a user sees, the periods offered, the Pemda whose settings are shown) are here
too, so the views only fetch, bind and render."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db.models import Q, QuerySet, Sum
from django.http import Http404

from prima.core.periods import Period, PeriodKind, period_containing, previous
from prima.core.roles import CHANGE, VIEW, Area
from prima.core.scoping import is_platform_operator, pemdas_where
from prima.organisations.models import Layanan, Pemda, PerangkatDaerah, Unit
from prima.surveys import ikm
from prima.surveys.models import (
    DailyCount,
    DailyProfileCount,
    MonthlyCount,
    Population,
    SurveySettings,
    count_field_name,
)
from prima.surveys.questions import UNSUR_NAMES

COUNT_FIELDS = [
    count_field_name(u.value, s) for u in ikm.CODE_ORDER for s in (1, 2, 3, 4)
]


@dataclass(frozen=True)
class Scope:
    """What a figure is about: a service, a unit, an OPD or a whole Pemda."""

    pemda: Pemda
    opd: PerangkatDaerah | None = None
    unit: Unit | None = None
    layanan: Layanan | None = None

    @classmethod
    def of(cls, obj: Any) -> Scope:
        """Return the scope of a Pemda, OPD, unit or service."""
        if isinstance(obj, Layanan):
            return cls(obj.pemda, obj.unit.opd, obj.unit, obj)
        if isinstance(obj, Unit):
            return cls(obj.pemda, obj.opd, obj)
        if isinstance(obj, PerangkatDaerah):
            return cls(obj.pemda, obj)
        return cls(obj)

    @property
    def subject(self) -> Any:
        return self.layanan or self.unit or self.opd or self.pemda

    def filter_kwargs(self) -> dict[str, Any]:
        if self.layanan is not None:
            return {"layanan": self.layanan}
        if self.unit is not None:
            return {"unit": self.unit}
        if self.opd is not None:
            return {"opd": self.opd}
        return {"pemda": self.pemda}


def month_split(
    period: Period,
) -> tuple[tuple[date, date] | None, list[tuple[date, date]]]:
    """Split ``period`` into its whole calendar months and the days around them.

    Return ((first month, last month) or None, [(start, end) of leftover days]).
    Triwulan, semester and year are whole months, so they need no daily rows.
    """
    first = period.start if period.start.day == 1 else _next_month(period.start)
    after = period.end + timedelta(days=1)
    last_exclusive = after if after.day == 1 else after.replace(day=1)
    if first >= last_exclusive:
        return None, [(period.start, period.end)]
    edges = []
    if period.start < first:
        edges.append((period.start, first - timedelta(days=1)))
    if last_exclusive <= period.end:
        edges.append((last_exclusive, period.end))
    last_month = (last_exclusive - timedelta(days=1)).replace(day=1)
    return (first, last_month), edges


def _next_month(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1)


def _month_end(day: date) -> date:
    return _next_month(day) - timedelta(days=1)


def rollup_plan(
    period: Period,
) -> tuple[tuple[date, date] | None, list[tuple[date, date]], list[tuple[date, date]]]:
    """Return how to sum ``period`` from the rollups with the fewest daily rows:
    (first month, last month) of monthly rows to add, and the days to add and to
    subtract. A partial month at either end is its days, or, when those are most of
    the month, the whole month less the other days (a month's row is the sum of its
    days' rows, so the difference is exact)."""
    months, edges = month_split(period)
    first, last = months if months else (None, None)
    add: list[tuple[date, date]] = []
    subtract: list[tuple[date, date]] = []
    for start, end in edges:
        month, month_end = start.replace(day=1), _month_end(start)
        inside = (end - start).days + 1
        if inside * 2 <= (month_end - month).days + 1:
            add.append((start, end))
            continue
        first = month if first is None or month < first else first
        last = month if last is None or month > last else last
        if month < start:
            subtract.append((month, start - timedelta(days=1)))
        if end < month_end:
            subtract.append((end + timedelta(days=1), month_end))
    return (first, last) if first else None, add, subtract


def _summed(period: Period, group: str | None, filters: dict[str, Any]):
    """Yield rows of summed counts (per ``group`` id when given) over ``period``;
    rows of days subtracted from a whole month come negated."""
    months, add, subtract = rollup_plan(period)
    sums = {f: Sum(f) for f in ["respondents", *COUNT_FIELDS]}
    querysets = []
    if months:
        querysets.append((MonthlyCount.objects.filter(**filters).between(*months), 1))
    for ranges, sign in ((add, 1), (subtract, -1)):
        if ranges:
            days = Q()
            for start, end in ranges:
                days |= Q(day__gte=start, day__lte=end)
            querysets.append((DailyCount.objects.filter(days, **filters), sign))
    for queryset, sign in querysets:
        rows = (
            queryset.values(group).annotate(**sums)
            if group
            else [queryset.aggregate(**sums)]
        )
        for row in rows:
            yield row if sign == 1 else _negated(row, group)


def _negated(row: dict, group: str | None) -> dict:
    return {
        key: value if key == group or value is None else -value
        for key, value in row.items()
    }


def counts_of_rows(rows) -> dict[ikm.Unsur, ikm.ScoreCounts]:
    """Return per-unsur score counts summed from rollup rows (dicts of the count columns)."""
    totals = dict.fromkeys(COUNT_FIELDS, 0)
    for row in rows:
        for name in COUNT_FIELDS:
            totals[name] += row[name] or 0
    return {
        u: ikm.ScoreCounts(
            *(totals[count_field_name(u.value, s)] for s in (1, 2, 3, 4))
        )
        for u in ikm.CODE_ORDER
    }


def scope_counts(scope: Scope, period: Period) -> dict[ikm.Unsur, ikm.ScoreCounts]:
    """Return the summed score counts per unsur of ``scope`` in ``period``."""
    return counts_of_rows(_summed(period, None, scope.filter_kwargs()))


def scope_result(scope: Scope, period: Period) -> ikm.IkmResult | None:
    """Return the IKM of ``scope`` in ``period``, or None when nobody answered."""
    try:
        return ikm.compute(scope_counts(scope, period))
    except ikm.EmptySurveyError:
        return None


def results_by(
    period: Period, *, pemda: Pemda, group: str, within: dict[str, Any] | None = None
) -> dict[int, ikm.IkmResult]:
    """Return the IKM per unit, OPD or service (``group`` = "unit", "opd", "layanan").

    One grouped query over the monthly rollups (plus one over the days of a period
    that does not start or end on a month boundary); groups without responses are
    absent.
    """
    return results_with_total(period, pemda=pemda, group=group, within=within)[1]


def counts_by(
    period: Period, *, pemda: Pemda, group: str, within: dict[str, Any] | None = None
) -> dict[int, dict[ikm.Unsur, ikm.ScoreCounts]]:
    """Return the summed score counts per unit, OPD or service in ``period``, from
    one grouped read of the rollups; groups without responses are absent."""
    key = f"{group}_id"
    grouped: dict[int, list[dict]] = {}
    for row in _summed(period, key, {"pemda": pemda, **(within or {})}):
        grouped.setdefault(row[key], []).append(row)
    counts = {pk: counts_of_rows(rows) for pk, rows in grouped.items()}
    # A group answered only on the days subtracted from a whole month sums to zero.
    return {pk: c for pk, c in counts.items() if any(x.total for x in c.values())}


def results_with_total(
    period: Period, *, pemda: Pemda, group: str, within: dict[str, Any] | None = None
) -> tuple[ikm.IkmResult | None, dict[int, ikm.IkmResult]]:
    """Return the IKM of the whole (the Pemda, or ``within``) and per group, from the
    same grouped read: every rollup row belongs to one group, so the whole's counts
    are the sum of its groups' and need no second query. None: nobody answered."""
    counts = counts_by(period, pemda=pemda, group=group, within=within)
    per_group = {pk: ikm.compute(c) for pk, c in counts.items()}
    total = ikm.compute(ikm.add_counts(*counts.values())) if counts else None
    return total, per_group


def trend_results(
    scope: Scope, periods: list[Period]
) -> list[tuple[Period, ikm.IkmResult | None]]:
    """Return the scope's IKM in each of ``periods`` (consecutive triwulan, semesters
    or years: whole months), from one read of the monthly rollups grouped by month."""
    if not periods:
        return []
    if any(month_split(period)[1] for period in periods):
        return [(period, scope_result(scope, period)) for period in periods]
    sums = {f: Sum(f) for f in ["respondents", *COUNT_FIELDS]}
    rows = (
        MonthlyCount.objects.filter(**scope.filter_kwargs())
        .between(periods[0].start, periods[-1].end)
        .values("month")
        .annotate(**sums)
    )
    by_period: dict[Period, list[dict]] = {period: [] for period in periods}
    for row in rows:
        for period in periods:
            if period.start <= row["month"] <= period.end:
                by_period[period].append(row)
                break
    trend = []
    for period in periods:
        counts = counts_of_rows(by_period[period])
        try:
            trend.append((period, ikm.compute(counts)))
        except ikm.EmptySurveyError:
            trend.append((period, None))
    return trend


def scope_profile(scope: Scope, period: Period) -> dict[str, dict[str, int]]:
    """Return respondents per profile dimension and category in ``period``."""
    rows = (
        DailyProfileCount.objects.filter(**scope.filter_kwargs())
        .between(period.start, period.end)
        .values("dimension", "category")
        .annotate(total=Sum("count"))
    )
    profile: dict[str, dict[str, int]] = {}
    for row in rows:
        profile.setdefault(row["dimension"], {})[row["category"]] = row["total"]
    return profile


def survey_periods(pemda: Pemda | None, *, today: date, count: int) -> list[Period]:
    """Return the Pemda's current survey period and the ``count - 1`` before it, in
    the period kind of its settings (triwulan when it has none)."""
    setting = SurveySettings.objects.filter(pemda=pemda).first() if pemda else None
    kind = PeriodKind(setting.period_kind) if setting else PeriodKind.TRIWULAN
    periods = [period_containing(today, kind)]
    while len(periods) < count:
        periods.append(previous(periods[-1]))
    return periods


def survey_units(user) -> list[Unit]:
    """Return the units whose SKM the user may see, by Pemda, OPD and name."""
    return list(
        Unit.objects.scoped(user, VIEW, area=Area.SURVEY)
        .select_related("pemda", "opd")
        .order_by("pemda__name", "opd__name", "name")
    )


def unit_changeable(user, unit: Unit) -> bool:
    """Return whether the user may change the unit's survey (RTL, population, ...)."""
    return (
        Unit.objects.scoped(user, CHANGE, area=Area.SURVEY).filter(pk=unit.pk).exists()
    )


def unit_result_rows(units: list[Unit], period: Period) -> list[dict]:
    """Return one row per unit with its IKM, weakest first; silent units last."""
    results: dict[int, ikm.IkmResult] = {}
    pemdas = {unit.pemda_id: unit.pemda for unit in units}
    for pemda in pemdas.values():
        # One grouped rollup query per Pemda (a single one for every Pemda role).
        results |= results_by(period, pemda=pemda, group="unit")
    rows = [{"unit": unit, "result": results.get(unit.pk)} for unit in units]
    for row in rows:
        result = row["result"]
        row["weakest"] = (
            [f"{u.value} {UNSUR_NAMES[u]}" for u in result.weakest] if result else []
        )
    return sorted(
        rows, key=lambda r: (r["result"] is None, r["result"] and r["result"].ikm)
    )


def service_result_rows(unit: Unit, period: Period) -> list[dict]:
    """Return one row per service of the unit with its IKM (None when silent)."""
    results = results_by(
        period, pemda=unit.pemda, group="layanan", within={"unit": unit}
    )
    return [
        {"layanan": layanan, "result": results.get(layanan.pk)}
        for layanan in Layanan.objects.filter(unit=unit).order_by("name")
    ]


def declared_population(unit: Unit, period: Period) -> Population | None:
    """Return the population the unit declared for exactly ``period``, if any."""
    return Population.objects.filter(
        unit=unit, period_start=period.start, period_end=period.end
    ).first()


def settings_pemdas(user) -> QuerySet[Pemda]:
    """Return the Pemda whose survey settings the user may look at: those the user
    is staff of, every one for a platform operator."""
    reach = pemdas_where(user, None, levels=None)
    return Pemda.objects.filter(reach.q("pk")).order_by("name")


def settings_pemda(user, slug: str = "") -> Pemda | None:
    """Return the Pemda whose survey settings to show, None if one must be chosen.

    A staff user belongs to one Pemda in practice; ``slug`` picks among several
    (404 when it names none of them), and lets a platform operator pick any.
    """
    pemdas = settings_pemdas(user)
    if slug:
        pemda = pemdas.filter(slug=slug).first()
        if pemda is None:
            raise Http404
        return pemda
    if is_platform_operator(user):
        return None
    return pemdas.first()


def settings_changeable(user, pemda: Pemda) -> bool:
    """Return whether the user may change the Pemda's survey period: the period
    belongs to the whole Pemda, so only a Pemda-level survey grant changes it."""
    return pemda.pk in pemdas_where(user, Area.SURVEY, CHANGE)
