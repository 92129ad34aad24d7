"""Staff pages of the SKM: results, the diagnosis of a unit, the declared
population, the follow-up plan (RTL) and the import of paper forms.

Every object is fetched through the scoped entry points with the survey area's
grants: a unit outside the user's scope answers 404, a read-only one 403 on change.
"""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from prima.core.forms import add_service_errors
from prima.core.period_choice import PeriodSelection, period_from_request
from prima.core.periods import (
    Period,
    PeriodKind,
    period_containing,
    with_wider_periods,
)
from prima.core.roles import CHANGE, VIEW, Area
from prima.core.scoping import get_for_user, user_can
from prima.organisations.models import Pemda, Unit
from prima.surveys import encounters, panels, selectors
from prima.surveys.diagnosis import diagnose
from prima.surveys.followups import (
    followup_create,
    followup_unsur_choices,
    followup_update,
    population_declare,
)
from prima.surveys.imports import ImportRefused, responses_import
from prima.surveys.models import FollowUp
from prima.surveys.sampling import required_sample
from prima.surveys.selectors import Scope, scope_result
from prima.surveys.staff_forms import (
    FollowUpCreateForm,
    FollowUpUpdateForm,
    ImportForm,
    PopulationForm,
)

PERIOD_CHOICES = 8


def _today() -> date:
    return timezone.localdate()


def select_period(request, pemda: Pemda | None) -> PeriodSelection:
    """Return the period named by GET ``periode``, else the Pemda's current one."""
    today = _today()
    choices = with_wider_periods(
        selectors.survey_periods(pemda, today=today, count=PERIOD_CHOICES), today
    )
    return period_from_request(
        request,
        default=choices[0],
        choices=choices,
        invalid_message=_(
            "“%(key)s” is not a survey period; showing %(period)s. Use a key like "
            "2026-T2 (quarter), 2026-S1 (semester) or 2026 (year)."
        ),
    )


def _with_period(name: str, period: Period, **kwargs) -> str:
    return f"{reverse(name, kwargs=kwargs)}?periode={period.key}"


def _period_of(start: date, end: date) -> Period:
    for kind in (PeriodKind.TRIWULAN, PeriodKind.SEMESTER, PeriodKind.TAHUN):
        period = period_containing(start, kind)
        if (period.start, period.end) == (start, end):
            return period
    return Period(start, end)


@login_required
def results(request):
    """List the IKM of every unit in the user's survey scope for one period."""
    if not user_can(request.user, Area.SURVEY, VIEW):
        raise PermissionDenied
    units = selectors.survey_units(request.user)
    selection = select_period(request, units[0].pemda if units else None)
    context = {
        "selection": selection,
        "period": selection.period,
        "rows": selectors.unit_result_rows(units, selection.period),
    }
    return TemplateResponse(request, "surveys/staff/results.html", context)


@login_required
def unit_results(request, unit_pk: int):
    """Show a unit's diagnosis: unsur, change, sample, services and the RTL."""
    unit = get_for_user(Unit.objects, request.user, VIEW, area=Area.SURVEY, pk=unit_pk)
    selection = select_period(request, unit.pemda)
    period = selection.period
    today = _today()
    diagnosis = diagnose(Scope.of(unit), period)
    context = {
        "unit": unit,
        "selection": selection,
        "period": period,
        "diagnosis": diagnosis,
        "panels": panels.unit_results.panels(
            user=request.user, unit=unit, diagnosis=diagnosis
        ),
        "services": selectors.service_result_rows(unit, period),
        "running": period.contains(today),
        "elapsed_days": (today - period.start).days + 1,
        "can_change": selectors.unit_changeable(request.user, unit),
        "officers": _officer_ikm(request.user, unit, period),
    }
    return TemplateResponse(request, "surveys/staff/unit_results.html", context)


def _officer_ikm(user, unit: Unit, period: Period):
    """Per-officer IKM of the unit's served visits: every officer's for those who
    change the unit's survey (its administrators), only their own for the others."""
    if selectors.unit_changeable(user, unit):
        return encounters.officer_ikm(unit, period)
    return encounters.officer_ikm(unit, period, officer=user)


@login_required
def population_edit(request, unit_pk: int):
    """Declare how many people a unit served in a period; show the sample needed."""
    unit = get_for_user(
        Unit.objects, request.user, CHANGE, area=Area.SURVEY, pk=unit_pk
    )
    selection = select_period(request, unit.pemda)
    period = selection.period
    declared = selectors.declared_population(unit, period)
    initial = {"population": declared.population} if declared else {}
    form = PopulationForm(request.POST or None, initial=initial)
    if form.is_valid():
        population_declare(
            unit=unit,
            period=period,
            population=form.cleaned_data["population"],
            declared_by=request.user,
        )
        messages.success(request, _("The population was saved."))
        return redirect(
            _with_period("surveys:population-edit", period, unit_pk=unit.pk)
        )
    result = scope_result(Scope.of(unit), period)
    context = {
        "unit": unit,
        "selection": selection,
        "period": period,
        "form": form,
        "declared": declared,
        "required": required_sample(declared.population) if declared else None,
        "obtained": result.respondents if result else 0,
    }
    return TemplateResponse(request, "surveys/staff/population_form.html", context)


@login_required
def followup_create_view(request, unit_pk: int):
    """Add an RTL item for a weak unsur of a unit in a period."""
    unit = get_for_user(
        Unit.objects, request.user, CHANGE, area=Area.SURVEY, pk=unit_pk
    )
    selection = select_period(request, unit.pemda)
    period = selection.period
    result = scope_result(Scope.of(unit), period)
    choices = followup_unsur_choices(result.weak_by_nrr if result else ())
    form = FollowUpCreateForm(request.POST or None, unsur_choices=choices)
    if form.is_valid():
        try:
            followup_create(
                unit=unit, period=period, created_by=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The follow-up action was added."))
            return redirect(
                _with_period("surveys:unit-results", period, unit_pk=unit.pk)
            )
    context = {"unit": unit, "period": period, "form": form, "selection": selection}
    return TemplateResponse(request, "surveys/staff/followup_form.html", context)


@login_required
def followup_update_view(request, pk: int):
    """Record the progress of an RTL item."""
    followup = get_for_user(FollowUp.objects, request.user, CHANGE, pk=pk)
    period = _period_of(followup.period_start, followup.period_end)
    initial = {
        "status": followup.status,
        "completed_on": followup.completed_on,
        "note": followup.note,
    }
    form = FollowUpUpdateForm(request.POST or None, initial=initial)
    if form.is_valid():
        try:
            followup_update(followup=followup, **form.cleaned_data, today=_today())
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The follow-up action was updated."))
            return redirect(
                _with_period("surveys:unit-results", period, unit_pk=followup.unit_id)
            )
    context = {"followup": followup, "unit": followup.unit, "period": period}
    context["form"] = form
    return TemplateResponse(request, "surveys/staff/followup_update.html", context)


@login_required
def import_responses(request, unit_pk: int):
    """Import paper forms from a CSV or XLSX file: every row or none."""
    unit = get_for_user(
        Unit.objects, request.user, CHANGE, area=Area.SURVEY, pk=unit_pk
    )
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = responses_import(unit=unit, name=upload.name, data=upload.read())
        except ImportRefused as exc:
            form.add_error("file", str(exc))
        else:
            if result.ok:
                messages.success(
                    request,
                    _("%(imported)d forms imported; %(already)d were imported before.")
                    % {"imported": result.imported, "already": result.already},
                )
                return redirect("surveys:import", unit_pk=unit.pk)
    context = {"unit": unit, "form": form, "result": result}
    return TemplateResponse(request, "surveys/staff/import_form.html", context)
