"""The Laporan Hasil SKM (PDF), its data exports (XLSX, CSV) and the public results.

Staff exports fetch the unit through the scoped entry point with the survey area's
view grant; public pages need no login and load no JavaScript.
"""

from __future__ import annotations

import csv

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.template.response import TemplateResponse
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext as _

from prima.core.periods import Period, parse_key
from prima.core.roles import Area
from prima.core.scoping import get_for_user
from prima.organisations.models import Pemda, Unit
from prima.reports.pdf import render_pdf
from prima.reports.xlsx import Sheet, safe_text, workbook_bytes
from prima.surveys import publication, reporting

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _period(request, pemda: Pemda) -> Period:
    """Return the period named in ``?periode=``, the latest complete one by default."""
    key = request.GET.get("periode", "").strip()
    if not key:
        return reporting.latest_complete_period(pemda)
    try:
        return parse_key(key[:40])
    except ValueError as exc:
        raise Http404 from exc


def _staff_unit(request, unit_pk: int) -> tuple[Unit, Period]:
    unit = get_for_user(Unit.objects, request.user, area=Area.SURVEY, pk=unit_pk)
    return unit, _period(request, unit.pemda)


def _filename(unit: Unit, period: Period, stem: str, ext: str) -> str:
    return f"{stem}-{slugify(unit.name)[:60]}-{period.key}.{ext}"


def _attach(response: HttpResponse, filename: str) -> HttpResponse:
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


@login_required
def report_pdf(request, unit_pk: int):
    """Return the unit's Laporan Hasil SKM for the period as a PDF."""
    unit, period = _staff_unit(request, unit_pk)
    report = reporting.unit_report(unit, period)
    pdf = render_pdf("surveys/reports/laporan.html", {"report": report}, request)
    response = HttpResponse(pdf, content_type="application/pdf")
    return _attach(response, _filename(unit, period, "laporan-skm", "pdf"))


@login_required
def report_xlsx(request, unit_pk: int):
    """Return the unit's answers, tabulation and summary for the period as .xlsx."""
    unit, period = _staff_unit(request, unit_pk)
    report = reporting.unit_report(unit, period)
    responses = reporting.unit_responses(request.user, unit, period)
    content = workbook_bytes(
        [
            Sheet(
                "Data",
                reporting.data_sheet_header(),
                reporting.data_sheet_rows(responses),
            ),
            Sheet(
                "Tabulasi",
                reporting.tabulation_header(),
                reporting.tabulation_sheet_rows(report),
            ),
            Sheet("Ringkasan", [_("Item"), _("Value")], reporting.summary_rows(report)),
        ]
    )
    response = HttpResponse(content, content_type=XLSX)
    return _attach(response, _filename(unit, period, "skm", "xlsx"))


class _Echo:
    """A file-like object whose write returns the text, for streaming csv rows."""

    def write(self, value: str) -> str:
        return value


def _csv_lines(rows):
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(reporting.CSV_HEADER)
    for row in rows:
        yield writer.writerow([safe_text(v) for v in row])


@login_required
def report_csv(request, unit_pk: int):
    """Stream the unit's raw answers in the period as CSV (UTF-8 with BOM), in the
    columns of the paper-form import."""
    unit, period = _staff_unit(request, unit_pk)
    rows = reporting.csv_rows(reporting.unit_responses(request.user, unit, period))
    response = StreamingHttpResponse(
        _csv_lines(rows), content_type="text/csv; charset=utf-8"
    )
    return _attach(response, _filename(unit, period, "jawaban-skm", "csv"))


def _public(request, subject, pemda: Pemda, template: str):
    period = _period(request, pemda)
    if publication.withheld(pemda, period):
        # Not a secret, only not yet published: say when it will be.
        context = {"pemda": pemda, "subject": subject, "period": period}
        return TemplateResponse(request, "surveys/reports/withheld.html", context)
    results = reporting.public_results(subject, period)
    context = {"pemda": pemda, "results": results}
    return TemplateResponse(request, template, context)


def public_unit(request, pemda_slug: str, unit_pk: int):
    """Publish a unit's SKM results and its follow-up actions for a period."""
    unit = reporting.public_unit_get(pemda_slug=pemda_slug, pk=unit_pk)
    return _public(request, unit, unit.pemda, "surveys/reports/public_unit.html")


def public_opd(request, pemda_slug: str, opd_pk: int):
    """Publish an OPD's SKM results with a row per unit."""
    opd = reporting.public_opd_get(pemda_slug=pemda_slug, pk=opd_pk)
    return _public(request, opd, opd.pemda, "surveys/reports/public_area.html")


def public_pemda(request, pemda_slug: str):
    """Publish a Pemda's SKM results with a row per unit."""
    pemda = reporting.public_pemda_get(pemda_slug=pemda_slug)
    return _public(request, pemda, pemda, "surveys/reports/public_area.html")
