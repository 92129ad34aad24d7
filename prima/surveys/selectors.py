"""Reads of the SKM: every figure is summed from the daily rollups, never from raw
responses, then handed to the pure ``ikm`` module."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Sum

from prima.organisations.models import Layanan, Pemda, PerangkatDaerah, Unit
from prima.surveys import ikm
from prima.surveys.models import DailyCount, DailyProfileCount, count_field_name
from prima.surveys.periods import Period

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


def scope_counts(scope: Scope, period: Period) -> dict[ikm.Unsur, ikm.ScoreCounts]:
    """Return the summed score counts per unsur of ``scope`` in ``period``."""
    totals = (
        DailyCount.objects.filter(**scope.filter_kwargs())
        .between(period.start, period.end)
        .aggregate(**{f: Sum(f) for f in COUNT_FIELDS})
    )
    return {
        u: ikm.ScoreCounts(
            *(totals[count_field_name(u.value, s)] or 0 for s in (1, 2, 3, 4))
        )
        for u in ikm.CODE_ORDER
    }


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

    One grouped query over the rollups; groups without responses are absent.
    """
    rows = (
        DailyCount.objects.filter(pemda=pemda, **(within or {}))
        .between(period.start, period.end)
        .values(f"{group}_id")
        .annotate(**{f: Sum(f) for f in COUNT_FIELDS})
    )
    results = {}
    for row in rows:
        counts = {
            u: ikm.ScoreCounts(
                *(row[count_field_name(u.value, s)] for s in (1, 2, 3, 4))
            )
            for u in ikm.CODE_ORDER
        }
        results[row[f"{group}_id"]] = ikm.compute(counts)
    return results


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


def daily_respondents(scope: Scope, start: date, end: date) -> dict[date, int]:
    """Return respondents per day in [start, end]."""
    rows = (
        DailyCount.objects.filter(**scope.filter_kwargs())
        .between(start, end)
        .values("day")
        .annotate(total=Sum("respondents"))
    )
    return {row["day"]: row["total"] for row in rows}
