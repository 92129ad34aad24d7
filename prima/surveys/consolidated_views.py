"""The consolidated Laporan Hasil SKM of an OPD or a Pemda, as PDF and XLSX.

A Pemda's report is for holders of a Pemda-level survey grant in it; an OPD's also
for those holding the grant on that OPD (its administrator and leadership)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.utils.text import slugify
from django.utils.translation import gettext as _

from prima.core.roles import VIEW, Area, Level
from prima.core.scoping import is_platform_operator, pemdas_where, targets_where
from prima.organisations.models import Pemda, PerangkatDaerah
from prima.reports.pdf import render_pdf
from prima.reports.xlsx import Sheet, workbook_bytes
from prima.surveys import consolidated
from prima.surveys.report_views import XLSX, _attach, _period

UNIT_HEADER = ["OPD", "Unit", "Responden", "IKM", "Mutu", "Unsur lemah"]
UNSUR_HEADER = [
    "Unsur",
    "1",
    "2",
    "3",
    "4",
    "NRR",
    "NRR tertimbang",
    "NRR × 25",
    "Mutu",
]


def _pemda_get(user, pk: int) -> Pemda:
    pemda = Pemda.objects.filter(pk=pk).first()
    if pemda is None or pemda.pk not in pemdas_where(user, Area.SURVEY, VIEW):
        raise Http404
    return pemda


def _opd_get(user, pk: int) -> PerangkatDaerah:
    opd = PerangkatDaerah.objects.select_related("pemda").filter(pk=pk).first()
    if opd is None:
        raise Http404
    own = opd.pk in targets_where(user, Area.SURVEY, VIEW, level=Level.OPD)
    if not (
        own
        or is_platform_operator(user)
        or opd.pemda_id in pemdas_where(user, Area.SURVEY, VIEW)
    ):
        raise Http404
    return opd


def _pdf(request, subject, stem: str) -> HttpResponse:
    period = _period(request, subject if isinstance(subject, Pemda) else subject.pemda)
    report = consolidated.consolidated_report(subject, period)
    pdf = render_pdf("surveys/reports/consolidated.html", {"report": report}, request)
    name = f"{stem}-{slugify(str(subject))[:60]}-{period.key}.pdf"
    return _attach(HttpResponse(pdf, content_type="application/pdf"), name)


def _xlsx(request, subject, stem: str) -> HttpResponse:
    period = _period(request, subject if isinstance(subject, Pemda) else subject.pemda)
    report = consolidated.consolidated_report(subject, period)
    content = workbook_bytes(
        [
            Sheet("Unit", UNIT_HEADER, consolidated.unit_rows(report)),
            Sheet("Unsur", UNSUR_HEADER, consolidated.unsur_rows(report)),
            Sheet(
                "Ringkasan",
                [_("Item"), _("Value")],
                [
                    [_("Period"), period.label],
                    [_("Respondents"), report.respondents],
                    [_("IKM"), report.ikm_display],
                    [_("Mutu"), report.result.mutu.value if report.result else ""],
                    [_("Units with answers"), report.units_answered],
                    [_("RTL items"), report.rtl.total],
                    [_("RTL done"), report.rtl.done],
                ],
            ),
        ]
    )
    name = f"{stem}-{slugify(str(subject))[:60]}-{period.key}.xlsx"
    return _attach(HttpResponse(content, content_type=XLSX), name)


@login_required
def pemda_pdf(request, pk: int):
    return _pdf(request, _pemda_get(request.user, pk), "laporan-skm-pemda")


@login_required
def pemda_xlsx(request, pk: int):
    return _xlsx(request, _pemda_get(request.user, pk), "skm-pemda")


@login_required
def opd_pdf(request, pk: int):
    return _pdf(request, _opd_get(request.user, pk), "laporan-skm-opd")


@login_required
def opd_xlsx(request, pk: int):
    return _xlsx(request, _opd_get(request.user, pk), "skm-opd")
