"""Reads assembling the Laporan Hasil SKM, its exports and the public results pages.

Every figure comes from the rollups through ``selectors`` and ``diagnosis``; only the
data exports (XLSX "Data" sheet, CSV), which are the answers themselves, read
``Response`` rows.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from prima.complaints.statistics import ComplaintFeed
from prima.complaints.stats_selectors import unit_complaint_summary
from prima.core.periods import Period, PeriodKind, period_containing, previous
from prima.organisations.models import Layanan, Pemda, PerangkatDaerah, Unit
from prima.reports import svg
from prima.surveys import ikm, publication
from prima.surveys.diagnosis import Diagnosis, diagnose
from prima.surveys.intake import Question, build_questionnaire
from prima.surveys.models import (
    AgeGroup,
    Channel,
    Education,
    FollowUp,
    Gender,
    Occupation,
    ProfileDimension,
    Response,
    SurveySettings,
)
from prima.surveys.officials import Official, official_of
from prima.surveys.questions import UNSUR_NAMES
from prima.surveys.selectors import (
    Scope,
    results_by,
    scope_counts,
    scope_profile,
    scope_result,
)

TREND_PERIODS = 4
PERIOD_CHOICES = 8
PROFILE_CHOICES = {
    ProfileDimension.GENDER: Gender,
    ProfileDimension.AGE: AgeGroup,
    ProfileDimension.EDUCATION: Education,
    ProfileDimension.OCCUPATION: Occupation,
}
SCORE_COLUMNS = [f"u{n}" for n in range(1, 10)]
DATA_HEADER = [
    "date",
    "service",
    "channel",
    "gender",
    "age",
    "education",
    "occupation",
    *SCORE_COLUMNS,
    "suggestion",
]


def shown(value: Fraction | Decimal | int | None) -> Decimal | None:
    """Return a figure rounded for display (two decimals), None staying None."""
    return None if value is None else ikm.display_round(value)


def _localised(value: Decimal | float | int) -> str:
    return number_format(Decimal(str(value)), 2)


# --- Periods -------------------------------------------------------------------------


def pemda_period_kind(pemda: Pemda) -> PeriodKind:
    """Return the period kind the Pemda chose, a quarter when it chose none."""
    kind = (
        SurveySettings.objects.filter(pemda=pemda)
        .values_list("period_kind", flat=True)
        .first()
    )
    return PeriodKind(kind or PeriodKind.TRIWULAN)


def latest_complete_period(pemda: Pemda, today: date | None = None) -> Period:
    """Return the last period of the Pemda's kind that has fully ended."""
    today = today or timezone.localdate()
    return previous(period_containing(today, pemda_period_kind(pemda)))


def recent_periods(pemda: Pemda, today: date | None = None) -> list[Period]:
    """Return the running period and the complete ones before it, newest first."""
    today = today or timezone.localdate()
    periods = [period_containing(today, pemda_period_kind(pemda))]
    while len(periods) < PERIOD_CHOICES:
        periods.append(previous(periods[-1]))
    return periods


def trend_periods(period: Period) -> list[Period]:
    """Return ``period`` and the ones before it, oldest first."""
    periods = [period]
    while len(periods) < TREND_PERIODS:
        periods.insert(0, previous(periods[0]))
    return periods


# --- Figures -------------------------------------------------------------------------


@dataclass(frozen=True)
class TabulationRow:
    """One unsur: how many answered each score, and the figures derived from them."""

    unsur: ikm.Unsur
    name: str
    counts: tuple[int, int, int, int]
    nrr: Fraction | None
    weighted: Fraction | None
    converted: Fraction | None
    mutu: ikm.Mutu | None

    @property
    def total(self) -> int:
        return sum(self.counts)

    @property
    def nrr_display(self) -> Decimal | None:
        return shown(self.nrr)

    @property
    def weighted_display(self) -> Decimal | None:
        return ikm.display_round(self.weighted, 4) if self.weighted else None

    @property
    def converted_display(self) -> Decimal | None:
        return shown(self.converted)


def tabulation(scope: Scope, period: Period, result: ikm.IkmResult | None):
    """Return one TabulationRow per unsur in code order."""
    counts = scope_counts(scope, period)
    rows = []
    for unsur in ikm.CODE_ORDER:
        c = counts[unsur]
        rows.append(
            TabulationRow(
                unsur=unsur,
                name=str(UNSUR_NAMES[unsur]),
                counts=(c.ones, c.twos, c.threes, c.fours),
                nrr=result.nrr[unsur] if result else None,
                weighted=result.weighted_nrr[unsur] if result else None,
                converted=result.nrr_converted(unsur) if result else None,
                mutu=result.unsur_mutu[unsur] if result else None,
            )
        )
    return rows


@dataclass(frozen=True)
class NamedResult:
    """A service, unit or OPD with its IKM in the period (None: no responses)."""

    subject: Any
    result: ikm.IkmResult | None
    group: str = ""

    @property
    def ikm_display(self) -> Decimal | None:
        return shown(self.result.ikm) if self.result else None


def service_results(unit: Unit, period: Period) -> list[NamedResult]:
    """Return every service of the unit with its IKM, from one grouped query."""
    results = results_by(
        period, pemda=unit.pemda, group="layanan", within={"unit": unit}
    )
    services = Layanan.objects.filter(unit=unit).order_by("name")
    return [
        NamedResult(s, results.get(s.pk))
        for s in services
        if s.active or s.pk in results
    ]


def unit_results(
    period: Period, *, pemda: Pemda, opd: PerangkatDaerah | None = None
) -> list[NamedResult]:
    """Return every active unit of the Pemda (or OPD) with its IKM, OPD by OPD."""
    within = {"opd": opd} if opd else None
    results = results_by(period, pemda=pemda, group="unit", within=within)
    units = Unit.objects.filter(pemda=pemda).select_related("opd")
    if opd is not None:
        units = units.filter(opd=opd)
    units = units.order_by("opd__name", "name")
    return [
        NamedResult(u, results.get(u.pk), group=str(u.opd))
        for u in units
        if u.active or u.pk in results
    ]


@dataclass(frozen=True)
class ProfileTable:
    """Respondents per category of one profile dimension."""

    label: str
    rows: list[tuple[str, int]]
    total: int
    not_stated: int


def profile_tables(
    scope: Scope, period: Period, respondents: int
) -> list[ProfileTable]:
    """Return respondents by gender, age, education and occupation, with labels.

    Profile answers are optional, so each table also counts those who left it out.
    """
    profile = scope_profile(scope, period)
    tables = []
    for dimension, choices in PROFILE_CHOICES.items():
        counts = profile.get(dimension, {})
        rows = [(str(label), counts.get(value, 0)) for value, label in choices.choices]
        total = sum(n for _, n in rows)
        tables.append(
            ProfileTable(str(dimension.label), rows, total, max(respondents - total, 0))
        )
    return tables


def channel_counts(scope: Scope, period: Period) -> list[tuple[str, int]]:
    """Return how many responses came in through each channel, in channel order."""
    rows = scope_profile(scope, period).get(ProfileDimension.CHANNEL, {})
    return [
        (str(label), rows[value]) for value, label in Channel.choices if value in rows
    ]


def questionnaire(unit: Unit) -> list[Question]:
    """Return the unit's questionnaire in the order citizens see it, as stored now."""
    return build_questionnaire(unit)


def rtl_in_nrr_order(diagnosis: Diagnosis) -> list[FollowUp]:
    """Return the period's RTL items, the lowest-scoring unsur first."""
    nrr = {line.unsur.value: line.nrr for line in diagnosis.lines}
    return sorted(
        diagnosis.follow_ups,
        key=lambda f: (nrr.get(f.unsur, Fraction(5)), f.unsur, f.due_on, f.pk),
    )


def bar_svg(diagnosis: Diagnosis) -> SafeString | None:
    """Return the chart of NRR × 25 per unsur, weak unsur in the alert colour."""
    if diagnosis.result is None:
        return None
    bars = [
        svg.Bar(f"{line.unsur.value} {line.name}", line.converted_display, line.weak)
        for line in diagnosis.lines
    ]
    # The markup is built by svg.py, which escapes every caller-supplied text.
    return mark_safe(  # noqa: S308
        svg.bar_chart(bars, title=_("NRR × 25 per unsur"), fmt=_localised)
    )


def trend_svg(points: list[tuple[Period, ikm.IkmResult | None]]) -> SafeString:
    """Return the line chart of the IKM over the trend periods."""
    values = [(p.label, shown(r.ikm) if r else None) for p, r in points]
    return mark_safe(  # noqa: S308 - svg.py escapes every text it receives
        svg.line_chart(values, title=_("IKM per period"), fmt=_localised)
    )


# --- The report ------------------------------------------------------------------------


@dataclass(frozen=True)
class UnitReport:
    """Everything the Laporan Hasil SKM of one unit in one period shows."""

    unit: Unit
    period: Period
    diagnosis: Diagnosis
    tabulation: list[TabulationRow]
    services: list[NamedResult]
    profile: list[ProfileTable]
    channels: list[tuple[str, int]]
    trend: list[tuple[Period, ikm.IkmResult | None]]
    rtl: list[FollowUp]
    questionnaire: list[Question]
    complaints: ComplaintFeed
    bar_svg: SafeString | None
    trend_svg: SafeString
    official: Official | None = None
    generated_on: date = field(default_factory=timezone.localdate)

    @property
    def result(self) -> ikm.IkmResult | None:
        return self.diagnosis.result

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
    def strong_lines(self) -> list[Any]:
        """Return the unsur graded A or B, the highest NRR first."""
        return sorted(
            (line for line in self.diagnosis.lines if not line.weak),
            key=lambda line: (-line.nrr, ikm.CODE_ORDER.index(line.unsur)),
        )

    @property
    def ikm_change_display(self) -> Decimal | None:
        """Return the IKM change since the previous period, rounded for display."""
        change = self.diagnosis.ikm_change
        return None if change is None else ikm.display_round(change)

    @property
    def weakest_names(self) -> list[str]:
        return [
            f"{line.unsur.value} {line.name}"
            for line in self.diagnosis.lines
            if line.weakest
        ]

    @property
    def trend_rows(self) -> list[tuple[Period, Decimal | None, ikm.Mutu | None]]:
        return [
            (p, shown(r.ikm) if r else None, r.mutu if r else None)
            for p, r in self.trend
        ]


def unit_report(unit: Unit, period: Period) -> UnitReport:
    """Return the report of ``unit`` in ``period`` (figures from the rollups)."""
    scope = Scope.of(unit)
    diagnosis = diagnose(scope, period)
    earlier = trend_periods(period)[:-1]
    trend_results = [scope_result(scope, p) for p in earlier]
    trend = [*zip(earlier, trend_results, strict=True), (period, diagnosis.result)]
    return UnitReport(
        unit=unit,
        period=period,
        diagnosis=diagnosis,
        tabulation=tabulation(scope, period, diagnosis.result),
        services=service_results(unit, period),
        profile=profile_tables(
            scope, period, diagnosis.result.respondents if diagnosis.result else 0
        ),
        channels=channel_counts(scope, period),
        trend=trend,
        rtl=rtl_in_nrr_order(diagnosis),
        questionnaire=questionnaire(unit),
        complaints=unit_complaint_summary(unit, period),
        bar_svg=bar_svg(diagnosis),
        trend_svg=trend_svg(trend),
        official=official_of(unit),
    )


# --- Exports ---------------------------------------------------------------------------


def _answer_rows(responses, *service_fields: str) -> Iterator[tuple]:
    """Yield each response's date, ``service_fields``, channel, profile, scores and
    suggestion, oldest first."""
    return (
        responses.order_by("service_date", "pk")
        .values_list(
            "service_date",
            *service_fields,
            "channel",
            "gender",
            "age",
            "education",
            "occupation",
            *SCORE_COLUMNS,
            "suggestion",
        )
        .iterator(chunk_size=2000)
    )


def response_rows(responses) -> Iterator[tuple]:
    """Yield the raw answers of ``responses`` as DATA_HEADER rows, oldest first."""
    return _answer_rows(responses, "layanan__name")


#: Columns of DATA_HEADER whose stored codes a person reads as their choice label.
_CODED = {
    index: Response._meta.get_field(name).flatchoices
    for index, name in enumerate(DATA_HEADER)
    if name in ("channel", "gender", "education", "occupation")
}


def data_sheet_header() -> list[str]:
    """Return DATA_HEADER as a person reads it: "Tanggal pelayanan", "Saluran", ..."""
    names = {"date": "service_date", "service": "layanan"}
    header = []
    for column in DATA_HEADER:
        if column in SCORE_COLUMNS:
            header.append(column.upper())
        else:
            field = Response._meta.get_field(names.get(column, column))
            header.append(capfirst(field.verbose_name))
    return header


def data_sheet_rows(responses) -> Iterator[list]:
    """Yield ``response_rows`` with coded answers as their labels ("Kertas", "D1–D3").

    The CSV keeps the profile codes instead: it is the import's format (``csv_rows``).
    """
    labels = {index: dict(choices) for index, choices in _CODED.items()}
    for row in response_rows(responses):
        yield [
            str(labels[i].get(v, v)) if i in labels and v else v
            for i, v in enumerate(row)
        ]


#: The CSV export's columns: the paper-form import's own (``prima.surveys.imports``),
#: so an exported file is also a filled-in template of the import, plus the service's
#: name and the channel, which the import ignores.
CSV_HEADER = [
    "tanggal",
    "kode_layanan",
    "layanan",
    "saluran",
    "jenis_kelamin",
    "usia",
    "pendidikan",
    "pekerjaan",
    *SCORE_COLUMNS,
    "saran",
]


def csv_rows(responses) -> Iterator[list]:
    """Yield the answers of ``responses`` as CSV_HEADER rows, oldest first.

    Profile answers keep the codes the import reads back ("p", "d1_d3"); the channel,
    which the import does not read, is written as a person reads it ("Kertas").
    """
    channels = dict(Response._meta.get_field("channel").flatchoices)
    rows = _answer_rows(responses, "layanan__code", "layanan__name")
    for row in rows:
        yield [
            row[0].isoformat(),
            *row[1:3],
            str(channels.get(row[3], row[3])),
            *row[4:],
        ]


def unit_responses(user, unit: Unit, period: Period):
    """Return the unit's responses in ``period`` that the user may see."""
    return (
        Response.objects.visible_to(user)
        .filter(unit=unit)
        .between(period.start, period.end)
    )


def summary_rows(report: UnitReport) -> list[tuple[str, Any]]:
    """Return the label/value pairs of the workbook's "Ringkasan" sheet."""
    result = report.result
    return [
        (_("Service unit"), report.unit.name),
        (_("Period"), report.period.label),
        (_("Respondents (n)"), report.respondents),
        (_("IKM"), shown(result.ikm) if result else None),
        (_("Mutu"), result.mutu.value if result else ""),
        (_("Kinerja"), result.mutu.kinerja if result else ""),
        (_("Weakest unsur"), ", ".join(report.weakest_names)),
    ]


def tabulation_header() -> list[str]:
    """Return the header of the "Tabulasi" sheet."""
    return [
        _("Code"),
        _("Unsur"),
        *(_("Score %(score)s") % {"score": score} for score in ikm.SCORES),
        _("Total"),
        _("NRR"),
        _("Weighted NRR"),
        _("NRR × 25"),
        _("Mutu"),
    ]


def tabulation_sheet_rows(report: UnitReport) -> list[list[Any]]:
    """Return the "Tabulasi" rows: counts of scores 1–4, total and the figures."""
    return [
        [
            row.unsur.value,
            row.name,
            *row.counts,
            row.total,
            row.nrr_display,
            row.weighted_display,
            row.converted_display,
            row.mutu.value if row.mutu else "",
        ]
        for row in report.tabulation
    ]


# --- Public pages ----------------------------------------------------------------------


def public_unit_get(*, pemda_slug: str, pk: int) -> Unit:
    """Return the active unit ``pk`` of the Pemda at ``pemda_slug`` or raise 404."""
    return get_object_or_404(
        Unit.objects.select_related("pemda", "opd"),
        pk=pk,
        pemda__slug=pemda_slug,
        active=True,
    )


def public_pemda_get(*, pemda_slug: str) -> Pemda:
    """Return the Pemda at ``pemda_slug`` or raise 404."""
    return get_object_or_404(Pemda, slug=pemda_slug)


def public_opd_get(*, pemda_slug: str, pk: int) -> PerangkatDaerah:
    """Return the OPD ``pk`` of the Pemda at ``pemda_slug`` or raise 404."""
    return get_object_or_404(
        PerangkatDaerah.objects.select_related("pemda"), pk=pk, pemda__slug=pemda_slug
    )


@dataclass(frozen=True)
class PublicResults:
    """The published SKM results of a unit, an OPD or a Pemda in one period."""

    subject: Any
    pemda: Pemda
    period: Period
    periods: list[Period]
    diagnosis: Diagnosis
    bar_svg: SafeString | None
    units: list[NamedResult]
    rtl: list[FollowUp]

    @property
    def result(self) -> ikm.IkmResult | None:
        return self.diagnosis.result

    @property
    def ikm_display(self) -> Decimal | None:
        return shown(self.result.ikm) if self.result else None


def public_results(subject: Any, period: Period) -> PublicResults:
    """Return the public figures of a unit, OPD or Pemda in ``period``."""
    scope = Scope.of(subject)
    diagnosis = diagnose(scope, period)
    periods = publication.published(scope.pemda, recent_periods(scope.pemda))
    if period not in periods:
        # An older or custom period asked for by address stays selectable.
        periods.append(period)
    units: list[NamedResult] = []
    if scope.unit is None:
        units = unit_results(period, pemda=scope.pemda, opd=scope.opd)
    return PublicResults(
        subject=subject,
        pemda=scope.pemda,
        period=period,
        periods=periods,
        diagnosis=diagnosis,
        bar_svg=bar_svg(diagnosis),
        units=units,
        rtl=rtl_in_nrr_order(diagnosis) if scope.unit is not None else [],
    )
