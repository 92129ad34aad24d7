"""The Pemda admin's competition pages: calls, their rules, screening, the juri panel,
assignments, closing stages and publishing; read-only for the other competition
roles (OPD staff see only their own OPD's entries).

Every call, entry, stage and panel seat is fetched through a scoped accessor of
``selectors``; every change goes through ``services.py``.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from prima.competitions import selectors, services
from prima.competitions.forms import (
    ERROR_FIELDS,
    AssignForm,
    CallForm,
    ObjectionDecideForm,
    PanelAddForm,
    ScreenForm,
    category_formset,
    filled_rows,
    stage_formset,
)
from prima.competitions.models import Call, CallStatus, Entry
from prima.core.forms import add_service_errors
from prima.core.roles import CHANGE, Area, Level
from prima.core.scoping import is_platform_operator, targets_where, user_can
from prima.organisations.models import Pemda


def _administered_pemdas(user):
    """Return the Pemda whose competitions the user may run."""
    if is_platform_operator(user):
        return Pemda.objects.order_by("name")
    ids = targets_where(user, Area.COMPETITION, CHANGE, level=Level.PEMDA)
    return Pemda.objects.filter(pk__in=sorted(ids)).order_by("name")


def _can_change(user, call: Call) -> bool:
    return Call.objects.editable_by(user).filter(pk=call.pk).exists()


def _problem(request, error: ValidationError) -> None:
    messages.error(request, " ".join(error.messages))


@login_required
def call_list(request):
    if not user_can(request.user, Area.COMPETITION):
        raise PermissionDenied
    context = {
        "calls": selectors.calls_for(request.user),
        "can_create": user_can(request.user, Area.COMPETITION, CHANGE),
    }
    return TemplateResponse(request, "competitions/calls/call_list.html", context)


def _call_form_page(request, *, call: Call | None):
    """Show and handle the call form with its category and stage rows."""
    data = request.POST if request.method == "POST" else None
    pemdas = _administered_pemdas(request.user) if call is None else None
    form = CallForm(data, pemdas=pemdas, call=call)
    categories = category_formset(data, call)
    stages = stage_formset(data, call)
    if data is not None and all(x.is_valid() for x in (form, categories, stages)):
        rules = form.rules() | {
            "categories": filled_rows(categories, "name", "group"),
            "stages": filled_rows(stages, "name", "advance", "objection_days"),
        }
        try:
            call = _save_call(request.user, form, call, rules)
        except ValidationError as error:
            add_service_errors(form, error, ERROR_FIELDS)
        else:
            messages.success(request, _("Competition saved."))
            return redirect("competitions:call_detail", pk=call.pk)
    context = {"form": form, "categories": categories, "stages": stages, "call": call}
    return TemplateResponse(request, "competitions/calls/call_form.html", context)


def _save_call(user, form: CallForm, call: Call | None, rules: dict) -> Call:
    if call is None:
        return services.call_create(pemda=form.cleaned_data["pemda"], by=user, **rules)
    return services.call_update(call, by=user, **rules)


@login_required
def call_create(request):
    if not _administered_pemdas(request.user).exists():
        raise PermissionDenied
    return _call_form_page(request, call=None)


@login_required
def call_edit(request, pk: int):
    call = selectors.call_get(request.user, pk, CHANGE)
    if call.status != CallStatus.DRAFT:
        messages.error(request, _("A competition can be changed only while prepared."))
        return redirect("competitions:call_detail", pk=call.pk)
    return _call_form_page(request, call=call)


def _admin_forms(call: Call, dashboard) -> dict:
    """Bind the per-row action forms of the admin's call page."""
    for _value, _label, entries in dashboard.screening:
        for entry in entries:
            entry.screen_form = ScreenForm(prefix=f"screen-{entry.pk}")
    for view in dashboard.stages:
        for row in view.progress:
            row.form = AssignForm(
                prefix=f"assign-{row.entry.pk}", members=row.assignable
            )
    return {
        "panel_form": PanelAddForm(
            prefix="panel",
            juri=selectors.juri_candidates(call),
            opds=call.pemda.opds.order_by("name"),
        )
    }


@login_required
def call_detail(request, pk: int):
    call = selectors.call_get(request.user, pk)
    can_change = _can_change(request.user, call)
    dashboard = selectors.call_dashboard(request.user, call, for_admin=can_change)
    context = {
        "call": call,
        "dashboard": dashboard,
        "can_change": can_change,
        "objections": _with_decide_forms(
            selectors.objections_for(request.user, call), can_change
        ),
    }
    if can_change:
        context |= _admin_forms(call, dashboard)
    return TemplateResponse(request, "competitions/calls/call_detail.html", context)


def _with_decide_forms(objections: list, can_change: bool) -> list:
    """Give each pending objection its decide form, for the admin only."""
    for objection in objections:
        objection.decide_form = (
            ObjectionDecideForm(prefix=f"objection-{objection.pk}")
            if can_change and objection.is_pending
            else None
        )
    return objections


@login_required
def entry_detail(request, pk: int):
    # judging.py belongs to the judging pages; imported here to keep the two apart.
    from prima.competitions import judging

    entry = selectors.entry_get(request.user, pk)
    can_change = _can_change(request.user, entry.call)
    seats = selectors.entry_assignments(entry)
    stages = [
        {
            "stage": stage,
            "seats": seats.get(stage.pk, []),
            "sheets": selectors.sheet_rows(
                judging.sheets_visible_to(request.user, entry, stage), entry.call
            ),
            "result": entry.results.filter(stage=stage).first(),
        }
        for stage in selectors.entry_stages(entry)
    ]
    context = {
        "entry": entry,
        "call": entry.call,
        "innovation": entry.innovation,
        "stages": stages,
        "can_change": can_change,
        "screening_open": selectors.screening_open(entry.call),
        "changes": selectors.score_changes(entry) if can_change else [],
        "objections": _with_decide_forms(
            selectors.objections_for(request.user, entry.call, entry), can_change
        ),
    }
    if can_change:
        context["screen_form"] = ScreenForm(prefix=f"screen-{entry.pk}")
        context["assign_form"] = AssignForm(
            prefix=f"assign-{entry.pk}", members=selectors.assignable_panel(entry)
        )
    return TemplateResponse(request, "competitions/calls/entry_detail.html", context)


# --- POST actions ---------------------------------------------------------------------


def _run(request, step, done: str, back: str, pk: int):
    """Run one service step; a refused step comes back as a message naming why."""
    try:
        step()
    except ValidationError as error:
        _problem(request, error)
    else:
        messages.success(request, done)
    return redirect(back, pk=pk)


def _call_step(request, pk: int, service, done: str):
    call = selectors.call_get(request.user, pk, CHANGE)
    return _run(
        request,
        lambda: service(call, by=request.user),
        done,
        "competitions:call_detail",
        call.pk,
    )


@login_required
@require_POST
def call_open(request, pk: int):
    return _call_step(request, pk, services.call_open, _("Competition opened."))


@login_required
@require_POST
def call_start_judging(request, pk: int):
    return _call_step(
        request,
        pk,
        services.call_start_judging,
        _("Registration closed; screening and judging started."),
    )


@login_required
@require_POST
def call_publish(request, pk: int):
    return _call_step(request, pk, services.results_publish, _("Results published."))


def _back_to(request, entry: Entry) -> tuple[str, int]:
    """Return to the entry page when the form was posted from there."""
    if request.POST.get("back") == "entry":
        return "competitions:entry_detail", entry.pk
    return "competitions:call_detail", entry.call_id


@login_required
@require_POST
def entry_screen(request, pk: int):
    entry = selectors.entry_get(request.user, pk, CHANGE)
    form = ScreenForm(request.POST, prefix=f"screen-{entry.pk}")
    back, back_pk = _back_to(request, entry)
    if not form.is_valid():
        messages.error(request, _("Choose to accept or reject the proposal."))
        return redirect(back, pk=back_pk)
    return _run(
        request,
        lambda: services.entry_screen(entry, by=request.user, **form.decision_kwargs()),
        _("Screening recorded."),
        back,
        back_pk,
    )


@login_required
@require_POST
def assign_juri(request, pk: int):
    entry = selectors.entry_get(request.user, pk, CHANGE)
    form = AssignForm(
        request.POST,
        prefix=f"assign-{entry.pk}",
        members=selectors.assignable_panel(entry),
    )
    back, back_pk = _back_to(request, entry)
    if not form.is_valid():
        messages.error(
            request, _("Choose a juri of the panel without a conflict of interest.")
        )
        return redirect(back, pk=back_pk)
    return _run(
        request,
        lambda: services.assign_juri(
            entry, juri=form.cleaned_data["juri"], by=request.user
        ),
        _("Juri assigned."),
        back,
        back_pk,
    )


@login_required
@require_POST
def panel_add(request, pk: int):
    call = selectors.call_get(request.user, pk, CHANGE)
    form = PanelAddForm(
        request.POST,
        prefix="panel",
        juri=selectors.juri_candidates(call),
        opds=call.pemda.opds.all(),
    )
    if not form.is_valid():
        messages.error(request, _("Choose a juri of this Pemda for the panel."))
        return redirect("competitions:call_detail", pk=call.pk)
    return _run(
        request,
        lambda: services.panel_add(call, by=request.user, **form.cleaned_data),
        _("Juri added to the panel."),
        "competitions:call_detail",
        call.pk,
    )


@login_required
@require_POST
def panel_remove(request, pk: int):
    member = selectors.panel_member_get(request.user, pk, CHANGE)
    return _run(
        request,
        lambda: services.panel_remove(member, by=request.user),
        _("Juri removed from the panel."),
        "competitions:call_detail",
        member.call_id,
    )


@login_required
@require_POST
def stage_close(request, pk: int):
    stage = selectors.stage_get(request.user, pk, CHANGE)
    return _run(
        request,
        lambda: services.stage_close(stage, by=request.user),
        _("Stage closed and ranked."),
        "competitions:call_detail",
        stage.call_id,
    )


@login_required
@require_POST
def objection_decide(request, pk: int):
    objection = selectors.objection_get(request.user, pk, CHANGE)
    form = ObjectionDecideForm(request.POST, prefix=f"objection-{objection.pk}")
    back, back_pk = _back_to(request, objection.entry)
    if not form.is_valid():
        messages.error(
            request,
            _("Choose to uphold or dismiss the objection, and write the answer."),
        )
        return redirect(back, pk=back_pk)
    return _run(
        request,
        lambda: services.objection_decide(
            objection, by=request.user, **form.decision_kwargs()
        ),
        _("Decision on the objection recorded."),
        back,
        back_pk,
    )
