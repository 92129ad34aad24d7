"""Outcomes: the Pemda's programmes by year and what they produced, and one
programme's report as PDF, for the programmes' overseers and leadership."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.http import content_disposition_header

from prima.core.roles import VIEW, Area
from prima.core.scoping import user_can
from prima.programmes import outcome_selectors
from prima.programmes.models import Programme
from prima.reports.pdf import render_pdf


@login_required
def outcomes(request):
    if not user_can(request.user, Area.PROGRAMMES, VIEW):
        raise PermissionDenied
    years = outcome_selectors.outcomes_by_year(request.user)
    return TemplateResponse(request, "programmes/outcomes.html", {"years": years})


@login_required
def report_pdf(request, pk: int):
    programme = (
        Programme.objects.reported_to(request.user)
        .select_related("pemda", "organiser_opd")
        .filter(pk=pk)
        .first()
    )
    if programme is None:
        raise Http404
    outcome = outcome_selectors.programme_outcome(programme)
    pdf = render_pdf(
        "programmes/report_pdf.html",
        {"programme": programme, "outcome": outcome, "generated_at": timezone.now()},
        request=request,
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(
        False, f"laporan-program-{programme.pk}.pdf"
    )
    return response
