"""Renderings of a cycle's results shared by the pages, the PDFs and the XLSX: a
unit's aspect chart (``charts.py``) and the ranking workbook (``reports.xlsx``)."""

from __future__ import annotations

from decimal import Decimal

from django.utils.formats import number_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from prima.evaluations import charts, selectors
from prima.reports.xlsx import Sheet, workbook_bytes


def _localised(value: Decimal) -> str:
    return number_format(value, 2)


def result_context(cycle_unit) -> dict:
    """Return what a unit's result page and PDF show: the index, the aspect rows and
    chart, the recommendations with their counts."""
    result = selectors.unit_ipp(cycle_unit)
    recommendations = selectors.recommendations_for(cycle_unit)
    context = {
        "cycle_unit": cycle_unit,
        "cycle": cycle_unit.cycle,
        "result": result,
        "aspects": [],
        "chart": "",
        "recommendations": recommendations,
        "closed": sum(1 for r in recommendations if r.status == "closed"),
    }
    if result is not None:
        rows = selectors.aspect_rows(cycle_unit, result)
        svg = charts.aspect_chart(
            [charts.AspectBar(f"{r.code} {r.name}", r.value, r.users) for r in rows],
            title=_("Value per aspect (0–5)"),
            evaluator_label=_("Evaluator"),
            users_label=_("Users (F-03)"),
            fmt=_localised,
        )
        context["aspects"] = rows
        context["chart"] = mark_safe(svg)  # noqa: S308 - every text is escaped
    return context


def ranking_xlsx(cycle, cohorts) -> bytes:
    """Return the cycle's ranking per cohort as a workbook, one row per unit."""
    aspects = cycle.instrument.parsed().aspects
    header = [
        _("Ranking group"),
        _("Rank"),
        _("Unit"),
        _("Perangkat Daerah"),
        _("IPP"),
        _("Category"),
        _("Predicate"),
        _("IPP from the evaluator's scores"),
        _("IPP from the users' form (F-03)"),
        *[f"{a.code} {a.name}" for a in aspects],
    ]
    rows = []
    for cohort, ranked in cohorts.items():
        for row in ranked:
            unit, result = row.entry.item, row.entry.item.result
            rows.append(
                [
                    cohort,
                    row.rank,
                    unit.unit.name,
                    unit.unit.opd.name,
                    result.ipp,
                    result.kategori,
                    result.predikat,
                    round(result.ipp_evaluator, 4),
                    round(result.ipp_users, 4) if result.ipp_users is not None else "",
                    *[round(result.aspects[a.code], 4) for a in aspects],
                ]
            )
    return workbook_bytes([Sheet(_("Ranking"), header, rows)])
