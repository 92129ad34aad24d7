"""The public F-03 user form: a light page, no JavaScript, reached from the link or
QR code the evaluator shares; answers are anonymous and stored once per submission
key, like the SKM survey's."""

from __future__ import annotations

from django.shortcuts import redirect
from django.template.response import TemplateResponse

from prima.evaluations import selectors, services
from prima.evaluations.forms import UserForm


def user_form(request, token: str):
    cycle_unit = selectors.user_form_get(token)
    statements = cycle_unit.cycle.instrument.parsed().statements
    form = UserForm(
        request.POST if request.method == "POST" else None,
        statements=statements,
        request=request,
    )
    if request.method == "POST" and form.is_valid():
        services.user_answer_submit(
            cycle_unit, scores=form.scores(), key=form.cleaned_data["key"]
        )
        return redirect("pekppp:user_form_thanks", token=token)
    context = {"form": form, "key": form.display_key(), "unit": cycle_unit.unit}
    return TemplateResponse(request, "evaluations/public/user_form.html", context)


def user_form_thanks(request, token: str):
    cycle_unit = selectors.user_form_get(token)
    context = {"unit": cycle_unit.unit, "token": token}
    return TemplateResponse(
        request, "evaluations/public/user_form_thanks.html", context
    )


def results(request, pemda_slug: str, pk: int):
    """A published cycle's ranking per cohort with each unit's IPP, category and
    predikat, for anyone; 404 before publication."""
    cycle = selectors.published_cycle_get(pemda_slug, pk)
    context = {"cycle": cycle, "cohorts": selectors.cycle_ranking(cycle)}
    return TemplateResponse(request, "evaluations/public/results.html", context)
