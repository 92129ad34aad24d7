"""Reads of the SKM: every figure is summed from the daily rollups, never from raw
responses, then handed to the pure ``ikm`` module."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db.models import Q, Sum

from prima.core.periods import Period
from prima.organisations.models import Layanan, Pemda, PerangkatDaerah, Unit
from prima.surveys import ikm
from prima.surveys.models import (
    DailyCount,
    DailyProfileCount,
    MonthlyCount,
    count_field_name,
)

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


def _summed(period: Period, group: str | None, filters: dict[str, Any]):
    """Yield rows of summed counts (per ``group`` id when given) over ``period``."""
    months, edges = month_split(period)
    sums = {f: Sum(f) for f in ["respondents", *COUNT_FIELDS]}
    querysets = []
    if months:
        querysets.append(MonthlyCount.objects.filter(**filters).between(*months))
    if edges:
        days = Q()
        for start, end in edges:
            days |= Q(day__gte=start, day__lte=end)
        querysets.append(DailyCount.objects.filter(days, **filters))
    for queryset in querysets:
        if group:
            yield from queryset.values(group).annotate(**sums)
        else:
            yield queryset.aggregate(**sums)


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
    key = f"{group}_id"
    grouped: dict[int, list[dict]] = {}
    for row in _summed(period, key, {"pemda": pemda, **(within or {})}):
        grouped.setdefault(row[key], []).append(row)
    return {pk: ikm.compute(counts_of_rows(rows)) for pk, rows in grouped.items()}


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
