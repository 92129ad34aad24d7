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
    previous,
)
from prima.core.roles import CHANGE, VIEW, Area
from prima.core.scoping import get_for_user, user_can
from prima.innovations.selectors import innovations_for_unsur
from prima.organisations.models import Layanan, Pemda, Unit
from prima.surveys import ikm
from prima.surveys.diagnosis import diagnose
from prima.surveys.followups import (
    followup_create,
    followup_unsur_choices,
    followup_update,
    population_declare,
)
from prima.surveys.imports import ImportRefused, responses_import
from prima.surveys.models import FollowUp, Population, SurveySettings
from prima.surveys.questions import UNSUR_NAMES
from prima.surveys.sampling import required_sample
from prima.surveys.selectors import Scope, results_by, scope_result
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
    setting = SurveySettings.objects.filter(pemda=pemda).first() if pemda else None
    kind = PeriodKind(setting.period_kind) if setting else PeriodKind.TRIWULAN
    current = period_containing(_today(), kind)
    choices = [current]
    while len(choices) < PERIOD_CHOICES:
        choices.append(previous(choices[-1]))
    return period_from_request(
        request,
        default=current,
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


def _unit_rows(units: list[Unit], period: Period) -> list[dict]:
    """Return one row per unit with its IKM, weakest first; silent units last."""
    results: dict[int, ikm.IkmResult] = {}
    for pemda_id in {unit.pemda_id for unit in units}:
        # One grouped rollup query per Pemda (a single one for every Pemda role).
        results |= results_by(period, pemda=_pemda_of(units, pemda_id), group="unit")
    rows = [{"unit": unit, "result": results.get(unit.pk)} for unit in units]
    for row in rows:
        result = row["result"]
        row["weakest"] = (
            [f"{u.value} {UNSUR_NAMES[u]}" for u in result.weakest] if result else []
        )
    return sorted(
        rows, key=lambda r: (r["result"] is None, r["result"] and r["result"].ikm)
    )


def _pemda_of(units: list[Unit], pemda_id: int) -> Pemda:
    return next(unit.pemda for unit in units if unit.pemda_id == pemda_id)


def _can_change(user, unit: Unit) -> bool:
    return (
        Unit.objects.scoped(user, CHANGE, area=Area.SURVEY).filter(pk=unit.pk).exists()
    )


@login_required
def results(request):
    """List the IKM of every unit in the user's survey scope for one period."""
    if not user_can(request.user, Area.SURVEY, VIEW):
        raise PermissionDenied
    units = list(
        Unit.objects.scoped(request.user, VIEW, area=Area.SURVEY)
        .select_related("pemda", "opd")
        .order_by("pemda__name", "opd__name", "name")
    )
    selection = select_period(request, units[0].pemda if units else None)
    context = {
        "selection": selection,
        "period": selection.period,
        "rows": _unit_rows(units, selection.period),
    }
    return TemplateResponse(request, "surveys/staff/results.html", context)


def _service_rows(unit: Unit, period: Period) -> list[dict]:
    results = results_by(
        period, pemda=unit.pemda, group="layanan", within={"unit": unit}
    )
    return [
        {"layanan": layanan, "result": results.get(layanan.pk)}
        for layanan in Layanan.objects.filter(unit=unit).order_by("name")
    ]


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
        "weak_innovations": _weak_unsur_innovations(request.user, unit, diagnosis),
        "can_register_innovation": user_can(request.user, Area.INNOVATION, CHANGE),
        "services": _service_rows(unit, period),
        "running": period.contains(today),
        "elapsed_days": (today - period.start).days + 1,
        "can_change": _can_change(request.user, unit),
    }
    return TemplateResponse(request, "surveys/staff/unit_results.html", context)


def _weak_unsur_innovations(user, unit, diagnosis) -> list[tuple[object, list]]:
    """Pair each weak unsur with the innovations aimed at it (step 4 of the cycle)."""
    if not user_can(user, Area.INNOVATION, VIEW):
        return []
    found = innovations_for_unsur(user, unit)
    return [(line, found.get(line.unsur.value, [])) for line in diagnosis.weak_lines]


@login_required
def population_edit(request, unit_pk: int):
    """Declare how many people a unit served in a period; show the sample needed."""
    unit = get_for_user(
        Unit.objects, request.user, CHANGE, area=Area.SURVEY, pk=unit_pk
    )
    selection = select_period(request, unit.pemda)
    period = selection.period
    declared = Population.objects.filter(
        unit=unit, period_start=period.start, period_end=period.end
    ).first()
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
