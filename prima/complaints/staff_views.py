"""Staff pages of the complaint workflow: the work list, a case with its timeline and
action forms, attachment downloads and bulk re-assignment.

Every case is fetched through ``selectors.case_get`` (scoped); every change goes
through a service of ``services.py``, which also sends its e-mails.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from prima.complaints import selectors, services
from prima.complaints.staff_forms import (
    AnswerForm,
    AssignForm,
    BulkAssignForm,
    NoteForm,
    RejectForm,
    StartForm,
    WorklistFilterForm,
)
from prima.core.http import stored_file_response
from prima.core.roles import CHANGE, Area
from prima.core.scoping import user_can

PAGE_SIZE = 50


@login_required
def worklist(request):
    if not user_can(request.user, Area.COMPLAINTS):
        raise PermissionDenied
    units = selectors.visible_units(request.user)
    form = WorklistFilterForm(request.GET or None, units=units)
    filters = form.cleaned_data if form.is_valid() else {}
    cases = selectors.worklist(
        request.user, today=timezone.localdate(), filters=filters
    )
    page = Paginator(cases, PAGE_SIZE).get_page(request.GET.get("page"))
    can_bulk = selectors.can_bulk_assign(request.user)
    context = {
        "form": form,
        "page": page,
        "can_bulk": can_bulk,
        "bulk_units": selectors.bulk_assign_units(request.user) if can_bulk else [],
    }
    return TemplateResponse(request, "complaints/staff/case_list.html", context)


@login_required
def case_detail(request, pk: int):
    case = selectors.case_get(request.user, pk)
    can_change = selectors.case_changeable(request.user, case)
    context = {
        "case": case,
        "identity_visible": selectors.case_identity_visible(request.user, case),
        "events": case.events.select_related("actor"),
        "attachments": case.attachments.all(),
        "deadlines": selectors.case_deadlines(case, today=timezone.localdate()),
        "can_change": can_change,
        "reopen_until": services.reopen_until(case),
    }
    if can_change:
        units = selectors.assignable_units(request.user, case)
        context |= {
            "verify_form": NoteForm(prefix="verify"),
            "reject_form": RejectForm(prefix="reject"),
            "assign_form": AssignForm(prefix="assign", units=units),
            "start_form": StartForm(prefix="start"),
            "answer_form": AnswerForm(prefix="answer"),
        }
    return TemplateResponse(request, "complaints/staff/case_detail.html", context)


@login_required
def attachment(request, pk: int):
    item = selectors.attachment_get(request.user, pk)
    return stored_file_response(
        item.file,
        filename=item.original_name,
        content_type="application/octet-stream",
        inline=False,
    )


def _errors(error: ValidationError) -> str:
    return " ".join(error.messages)


def _act(request, pk: int, form_class, step, done: str, form_kwargs):
    """Bind the step's form, run the service, then redirect back."""
    case = selectors.case_get(request.user, pk, CHANGE)
    prefix = step.__name__.removeprefix("case_")
    form = form_class(request.POST, prefix=prefix, **form_kwargs(case))
    if not form.is_valid():
        problems = [e for errors in form.errors.values() for e in errors]
        messages.error(request, " ".join(problems))
        return redirect("complaints:case-detail", pk=case.pk)
    try:
        step(case=case, actor=request.user, **form.cleaned_data)
    except ValidationError as error:
        messages.error(request, _errors(error))
    else:
        messages.success(request, done)
    return redirect("complaints:case-detail", pk=case.pk)


def _no_kwargs(case):
    return {}


@login_required
@require_POST
def case_verify(request, pk: int):
    return _act(
        request, pk, NoteForm, services.case_verify, _("Case verified."), _no_kwargs
    )


@login_required
@require_POST
def case_reject(request, pk: int):
    return _act(
        request, pk, RejectForm, services.case_reject, _("Case rejected."), _no_kwargs
    )


@login_required
@require_POST
def case_assign(request, pk: int):
    def units(case):
        return {"units": selectors.assignable_units(request.user, case)}

    return _act(
        request, pk, AssignForm, services.case_assign, _("Case assigned."), units
    )


@login_required
@require_POST
def case_start(request, pk: int):
    return _act(
        request,
        pk,
        StartForm,
        services.case_start,
        _("First response recorded."),
        _no_kwargs,
    )


@login_required
@require_POST
def case_answer(request, pk: int):
    return _act(
        request, pk, AnswerForm, services.case_answer, _("Answer sent."), _no_kwargs
    )


@login_required
@require_POST
def bulk_assign(request):
    if not selectors.can_bulk_assign(request.user):
        raise PermissionDenied
    form = BulkAssignForm(request.POST, units=selectors.bulk_assign_units(request.user))
    if not form.is_valid():
        messages.error(request, _("Select at least one case and a unit."))
        return redirect("complaints:worklist")
    try:
        cases = services.cases_bulk_assign(
            user=request.user,
            case_ids=form.cleaned_data["cases"],
            unit=form.cleaned_data["unit"],
        )
    except ValidationError as error:
        messages.error(request, _errors(error))
        return redirect("complaints:worklist")
    messages.success(
        request,
        ngettext(
            "%(count)d case reassigned.", "%(count)d cases reassigned.", len(cases)
        )
        % {"count": len(cases)},
    )
    return redirect("complaints:worklist")
