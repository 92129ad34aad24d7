"""Reads that feed the pure complaint statistics (``prima.complaints.statistics``).

A case belongs to a period by the local date it was received. Durations are working
days (``sla.working_days_between``) with the case's Pemda holidays: received →
verified, and assigned → answered. Overdue cases are counted now, whatever their
period.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet
from django.utils import timezone

from prima.complaints import sla, statistics
from prima.complaints.models import Case, Holiday, Kind, Status
from prima.core.periods import Period
from prima.organisations.models import Pemda, PerangkatDaerah, Unit

_FIELDS = (
    "pk",
    "pemda_id",
    "unit_id",
    "unit__opd_id",
    "kind",
    "status",
    "received_at",
    "verified_at",
    "assigned_at",
    "answered_at",
    "answer_due",
    "reopen_count",
    "rating",
)


def _day(moment) -> date | None:
    return timezone.localtime(moment).date() if moment else None


def case_facts(row: dict, holidays: frozenset) -> statistics.CaseFacts:
    """Return the statistics' view of one case given as a ``values()`` row."""
    received, verified = _day(row["received_at"]), _day(row["verified_at"])
    assigned, answered = _day(row["assigned_at"]), _day(row["answered_at"])
    to_verify = to_answer = within = None
    if verified:
        to_verify = sla.working_days_between(received, verified, holidays)
    if assigned and answered:
        to_answer = sla.working_days_between(assigned, answered, holidays)
    if answered and row["answer_due"]:
        within = answered <= row["answer_due"]
    return statistics.CaseFacts(
        kind=row["kind"],
        status=row["status"],
        days_to_verify=to_verify,
        days_to_answer=to_answer,
        within_deadline=within,
        answered_once=answered is not None or row["reopen_count"] > 0,
        reopened=row["reopen_count"] > 0,
        rating=row["rating"],
    )


def _in_period(cases: QuerySet, period: Period) -> QuerySet:
    return cases.filter(received_at__date__range=(period.start, period.end))


def _facts(cases: QuerySet) -> list[tuple[dict, statistics.CaseFacts]]:
    rows = list(cases.order_by().values(*_FIELDS))
    holidays = {
        pemda_id: Holiday.objects.dates(pemda_id)
        for pemda_id in {row["pemda_id"] for row in rows}
    }
    return [(row, case_facts(row, holidays[row["pemda_id"]])) for row in rows]


@dataclass(frozen=True)
class ScopeStatistics:
    """The figures per unit, per OPD and per Pemda of the cases a user sees."""

    units: list[tuple[Unit, statistics.Summary]]
    opds: list[tuple[PerangkatDaerah, statistics.Summary]]
    pemdas: list[tuple[Pemda, statistics.Summary]]


def _grouped(facts, overdue, key: str) -> dict[int, statistics.Summary]:
    groups: dict[int, list[statistics.CaseFacts]] = defaultdict(list)
    for row, fact in facts:
        if row[key] is not None:
            groups[row[key]].append(fact)
    ids = set(groups) | {k for k in overdue if k is not None}
    return {i: statistics.summarise(groups[i], overdue.get(i, 0)) for i in ids}


def scope_statistics(cases: QuerySet, period: Period, today: date) -> ScopeStatistics:
    """Return the figures of ``cases`` (already scoped) received within ``period``."""
    facts = _facts(_in_period(cases, period))
    overdue_rows = list(
        cases.overdue(today=today).values_list("unit_id", "unit__opd_id", "pemda_id")
    )
    by_unit = _grouped(facts, Counter(row[0] for row in overdue_rows), "unit_id")
    by_opd = _grouped(facts, Counter(row[1] for row in overdue_rows), "unit__opd_id")
    by_pemda = _grouped(facts, Counter(row[2] for row in overdue_rows), "pemda_id")
    units = Unit.objects.filter(pk__in=by_unit).select_related("opd")
    opds = PerangkatDaerah.objects.filter(pk__in=by_opd)
    pemdas = Pemda.objects.filter(pk__in=by_pemda)
    return ScopeStatistics(
        units=[(u, by_unit[u.pk]) for u in units.order_by("opd__name", "name")],
        opds=[(o, by_opd[o.pk]) for o in opds.order_by("name")],
        pemdas=[(p, by_pemda[p.pk]) for p in pemdas.order_by("name")],
    )


@dataclass(frozen=True)
class StatsRow:
    """A table row: the subject, its summary and its counts in column order."""

    subject: Pemda | PerangkatDaerah | Unit
    summary: statistics.Summary
    statuses: list[int]
    kinds: list[int]

    @classmethod
    def of(cls, subject, summary: statistics.Summary) -> StatsRow:
        return cls(
            subject=subject,
            summary=summary,
            statuses=[summary.by_status.get(value, 0) for value in Status.values],
            kinds=[summary.by_kind.get(value, 0) for value in Kind.values],
        )


@dataclass(frozen=True)
class StatsTables:
    """The rows per Pemda, per OPD and per unit of the staff statistics page."""

    pemdas: list[StatsRow]
    opds: list[StatsRow]
    units: list[StatsRow]


def user_statistics(user, period: Period, today: date) -> StatsTables:
    """Return the table rows of the cases the user sees, received within ``period``."""
    figures = scope_statistics(Case.objects.visible_to(user), period, today)
    return StatsTables(
        pemdas=[StatsRow.of(*pair) for pair in figures.pemdas],
        opds=[StatsRow.of(*pair) for pair in figures.opds],
        units=[StatsRow.of(*pair) for pair in figures.units],
    )


def pemda_statistics(pemda: Pemda, period: Period) -> StatsRow:
    """Return the row of the Pemda's public figures for ``period``."""
    return StatsRow.of(pemda, pemda_summary(pemda, period))


def pemda_summary(pemda: Pemda, period: Period) -> statistics.Summary:
    """Return the Pemda's figures for ``period`` (the public page shows a part)."""
    cases = Case.objects.filter(pemda=pemda)
    facts = [fact for _, fact in _facts(_in_period(cases, period))]
    return statistics.summarise(facts)


def unit_complaint_summary(unit: Unit, period: Period) -> statistics.ComplaintFeed:
    """Return the unit's complaint figures for the SKM report (unsur U8).

    Mean rating and how many rated, median working days to answer, and the share
    answered within the deadline, of the unit's cases received within ``period``.
    """
    cases = Case.objects.filter(unit=unit)
    facts = [fact for _, fact in _facts(_in_period(cases, period))]
    return statistics.ComplaintFeed.of(statistics.summarise(facts))
