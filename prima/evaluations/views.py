"""The PEKPPP cycle pages: the Pemda admin opens a cycle and assigns evaluators to
its units; OPD and unit staff and assigned evaluators read the cycles that concern
them. Every cycle is fetched through ``selectors``; every change goes through
``services.py``."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from prima.core.forms import add_service_errors
from prima.core.roles import CHANGE, Area
from prima.core.scoping import pemdas_where, user_can
from prima.evaluations import selectors, services
from prima.evaluations.forms import ERROR_FIELDS, AssignForm, CycleForm
from prima.organisations.models import Pemda, Unit


def _administered_pemdas(user):
    """Return the Pemda whose evaluation cycles the user may open."""
    reach = pemdas_where(user, Area.ORGANISATION, CHANGE)
    return Pemda.objects.filter(reach.q("pk")) if reach else Pemda.objects.none()


@login_required
def cycle_list(request):
    if not user_can(request.user, Area.ORGANISATION):
        raise PermissionDenied
    context = {
        "cycles": selectors.cycles_for(request.user),
        "can_create": _administered_pemdas(request.user).exists(),
    }
    return TemplateResponse(request, "evaluations/cycle_list.html", context)


@login_required
def cycle_create(request):
    pemdas = _administered_pemdas(request.user).order_by("name")
    if not pemdas.exists():
        raise PermissionDenied
    units = (
        Unit.objects.filter(pemda__in=pemdas, active=True)
        .select_related("opd")
        .order_by("opd__name", "name")
    )
    form = CycleForm(request.POST or None, pemdas=pemdas, units=units)
    if request.method == "POST" and form.is_valid():
        try:
            cycle = services.cycle_open(by=request.user, **form.cycle_kwargs())
        except ValidationError as error:
            add_service_errors(form, error, ERROR_FIELDS)
        else:
            messages.success(request, _("Evaluation cycle opened."))
            return redirect(cycle)
    return TemplateResponse(request, "evaluations/cycle_form.html", {"form": form})


@login_required
def cycle_detail(request, pk: int):
    cycle = selectors.cycle_get(request.user, pk)
    can_run = selectors.can_run(request.user, cycle)
    rows = selectors.units_for(request.user, cycle)
    if can_run:
        evaluators = selectors.pemda_evaluators(cycle.pemda_id)
        for row in rows:
            candidates = selectors.evaluator_candidates(row, evaluators)
            row.assign_form = (
                AssignForm(prefix=f"assign-{row.pk}", users=candidates)
                if candidates
                else None
            )
    context = {
        "cycle": cycle,
        "rows": rows,
        "can_run": can_run,
        "results_visible": selectors.results_visible(request.user, cycle),
        "recommendations": selectors.recommendation_counts(
            cycle, None if can_run else [row.pk for row in rows]
        ),
        "missing": selectors.sheets_missing(cycle) if can_run else [],
    }
    return TemplateResponse(request, "evaluations/cycle_detail.html", context)


@login_required
@require_POST
def evaluator_assign(request, pk: int):
    cycle_unit = selectors.cycle_unit_get(request.user, pk)
    evaluators = selectors.pemda_evaluators(cycle_unit.cycle.pemda_id)
    form = AssignForm(request.POST, prefix=f"assign-{pk}", users=evaluators)
    if not form.is_valid():
        messages.error(request, _("Choose an evaluator of this Pemda."))
    else:
        try:
            services.evaluator_assign(
                cycle_unit, evaluator=form.cleaned_data["evaluator"], by=request.user
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("%(evaluator)s will evaluate %(unit)s.")
                % {
                    "evaluator": form.cleaned_data["evaluator"],
                    "unit": cycle_unit.unit,
                },
            )
    return redirect(cycle_unit.cycle)
