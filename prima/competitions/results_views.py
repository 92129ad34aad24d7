"""Public pages of finished innovation competitions: each stage's ranking with the
score and every criterion's mean, as the call published them (the list also links
the shortlists open to public objection). No JavaScript."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone

from prima.competitions import judging, selectors
from prima.competitions.models import Call

PAGE_SIZE = 20


def results_list(request):
    calls = (
        Call.objects.published()
        .select_related("pemda")
        .order_by("-published_at", "-year", "-pk")
    )
    page = Paginator(calls, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page_obj": page,
        "calls": page.object_list,
        "objection_calls": selectors.calls_in_objection(timezone.localdate()),
    }
    return TemplateResponse(request, "competitions/results/call_list.html", context)


def results(request, pk: int):
    call = get_object_or_404(Call.objects.published().select_related("pemda"), pk=pk)
    rules = call.rules()
    context = {
        "call": call,
        "rankings": selectors.published_results(call),
        "weights": [
            (judging.criterion_label(c), f"{float(w) * 100:g}")
            for c, w in rules.weights.items()
        ],
        "tie_order": [judging.criterion_label(c) for c in rules.tie_order],
        "scale": rules.scale,
        "criteria": [judging.criterion_label(c) for c in rules.weights],
    }
    return TemplateResponse(request, "competitions/results/call_detail.html", context)
