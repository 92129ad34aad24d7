"""The results of a cycle: publication by the Pemda admin, the ranking per cohort
(page, PDF, XLSX), each unit's result with its chart (page, PDF) and the
recommendations the unit follows up to closure. Who sees what is decided in
``selectors`` (``ranking_get``, ``result_get``): before publication only the cycle's
administrator sees the ranking, and a unit's result only its own staff, its
evaluator and the administrator."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from prima.core.http import stored_file_response
from prima.core.uploads import clean_upload
from prima.evaluations import exports, selectors, services
from prima.evaluations.forms import RecommendationCloseForm, RecommendationForm
from prima.reports.pdf import render_pdf


def _problems(error: ValidationError) -> str:
    return " ".join(error.messages)


def _result_url(cycle_unit) -> str:
    return reverse("evaluations:result", args=[cycle_unit.pk])


@login_required
@require_POST
def cycle_publish(request, pk: int):
    cycle = selectors.cycle_get(request.user, pk, change=True)
    try:
        services.cycle_publish(cycle, by=request.user, now=timezone.now())
    except ValidationError as error:
        messages.error(request, _problems(error))
    else:
        messages.success(request, _("The results are published."))
    return redirect(cycle)


def _ranking_context(cycle) -> dict:
    return {
        "cycle": cycle,
        "cohorts": selectors.cycle_ranking(cycle),
        "aspects": cycle.instrument.parsed().aspects,
        "generated_on": timezone.localdate(),
    }


@login_required
def ranking(request, pk: int):
    cycle = selectors.ranking_get(request.user, pk)
    context = _ranking_context(cycle) | {
        "can_run": selectors.can_run(request.user, cycle),
        "missing": selectors.sheets_missing(cycle),
    }
    return TemplateResponse(request, "evaluations/ranking.html", context)


def _attachment(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def ranking_pdf(request, pk: int):
    cycle = selectors.ranking_get(request.user, pk)
    pdf = render_pdf("evaluations/pdf/ranking.html", _ranking_context(cycle), request)
    return _attachment(pdf, "application/pdf", f"peringkat-pekppp-{cycle.year}.pdf")


@login_required
def ranking_xlsx(request, pk: int):
    cycle = selectors.ranking_get(request.user, pk)
    return _attachment(
        exports.ranking_xlsx(cycle, selectors.cycle_ranking(cycle)),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        f"peringkat-pekppp-{cycle.year}.xlsx",
    )


@login_required
def result(request, pk: int):
    """A unit's result: IPP, category, the per-aspect chart and the
    recommendations with their follow-up."""
    cycle_unit, roles = selectors.result_get(request.user, pk)
    context = exports.result_context(cycle_unit) | {"roles": roles}
    indicators = cycle_unit.cycle.instrument.parsed().indicators
    if roles.evaluator:
        context["add_form"] = RecommendationForm(indicators=indicators)
    if roles.unit_editor:
        context["close_form"] = RecommendationCloseForm()
    return TemplateResponse(request, "evaluations/result.html", context)


@login_required
def result_pdf(request, pk: int):
    cycle_unit, _roles = selectors.result_get(request.user, pk)
    context = exports.result_context(cycle_unit) | {
        "generated_on": timezone.localdate()
    }
    if context["result"] is None:
        raise Http404
    pdf = render_pdf("evaluations/pdf/result.html", context, request)
    return _attachment(pdf, "application/pdf", f"hasil-pekppp-{cycle_unit.pk}.pdf")


@login_required
@require_POST
def recommendation_add(request, pk: int):
    cycle_unit, roles = selectors.result_get(request.user, pk)
    if not roles.evaluator:
        raise PermissionDenied
    indicators = cycle_unit.cycle.instrument.parsed().indicators
    form = RecommendationForm(request.POST, indicators=indicators)
    if not form.is_valid():
        messages.error(request, _("Choose an indicator and write the recommendation."))
        return redirect(_result_url(cycle_unit))
    try:
        services.recommendation_add(
            cycle_unit, by=request.user, now=timezone.now(), **form.cleaned_data
        )
    except ValidationError as error:
        messages.error(request, _problems(error))
    else:
        messages.success(request, _("Recommendation recorded."))
    return redirect(_result_url(cycle_unit))


@login_required
@require_POST
def recommendation_close(request, pk: int):
    recommendation, roles = selectors.recommendation_get(request.user, pk)
    if not roles.unit_editor:
        raise PermissionDenied
    form = RecommendationCloseForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Say what the unit did and give the evidence."))
        return redirect(_result_url(recommendation.cycle_unit))
    data = form.cleaned_data
    try:
        upload = data["evidence_file"]
        services.recommendation_close(
            recommendation,
            by=request.user,
            note=data["note"],
            evidence_link=data["evidence_link"],
            evidence_file=clean_upload(upload) if upload else None,
            now=timezone.now(),
        )
    except ValidationError as error:
        messages.error(request, _problems(error))
    else:
        messages.success(request, _("Recommendation closed."))
    return redirect(_result_url(recommendation.cycle_unit))


@login_required
def recommendation_file(request, pk: int):
    recommendation, _roles = selectors.recommendation_get(request.user, pk)
    if not recommendation.evidence_file:
        raise Http404
    return stored_file_response(
        recommendation.evidence_file,
        filename=recommendation.evidence_name or "bukti",
        content_type="application/octet-stream",
        inline=False,
    )
