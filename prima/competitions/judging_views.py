"""Staff pages of competition entries and juri scoring.

An OPD submits its innovations to an open call; a juri sees only their own
assignments, scores each once (the sheet then locks) and changes it only with a
reason the audit keeps. The rules live in ``judging.py``; these views fetch, bind a
form, call one service and redirect.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from prima.competitions import judging, selectors
from prima.competitions.judging_forms import EntryForm, ScoreChangeForm, ScoreForm
from prima.competitions.models import Assignment, Call, CallStatus
from prima.core.forms import add_service_errors
from prima.core.roles import VIEW
from prima.core.scoping import get_for_user


def _call_for_submission(user, pk: int) -> Call:
    calls = Call.objects.exclude(status=CallStatus.DRAFT).select_related("pemda")
    call = get_for_user(calls, user, VIEW, pk=pk)
    if not judging.can_submit_to(user, call):
        raise PermissionDenied
    return call


@login_required
def call_submit(request, pk: int):
    call = _call_for_submission(request.user, pk)
    if request.method == "POST":
        return _submit_entry(request, call)
    context = {
        "call": call,
        "accepts": judging.call_accepts(call),
        "candidates": judging.submission_candidates(request.user, call),
        "entries": judging.entries_of(request.user, call),
    }
    return TemplateResponse(request, "competitions/judging/call_submit.html", context)


def _submit_entry(request, call: Call):
    form = EntryForm(
        request.POST,
        call=call,
        innovations=judging.submittable_innovations(request.user, call),
    )
    if not form.is_valid():
        messages.error(request, " ".join(_form_messages(form)))
        return redirect("competitions:call_submit", pk=call.pk)
    try:
        entry = judging.entry_submit(call=call, by=request.user, **form.cleaned_data)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("“%(title)s” is submitted; it now awaits screening.")
            % {"title": entry.innovation.title},
        )
    return redirect("competitions:call_submit", pk=call.pk)


def _form_messages(form) -> list[str]:
    return [
        f"{form.fields[name].label}: {message}" if name in form.fields else message
        for name, errors in form.errors.items()
        for message in errors
    ]


@login_required
def juri_list(request):
    context = {"groups": selectors.juri_worklist(request.user)}
    return TemplateResponse(request, "competitions/judging/juri_list.html", context)


def _assignments():
    return Assignment.objects.select_related(
        "juri",
        "stage",
        "entry__call__pemda",
        "entry__category",
        "entry__innovation__opd",
        "entry__innovation__unit",
    )


@login_required
def juri_sheet(request, pk: int):
    assignment = get_object_or_404(_assignments(), pk=pk, juri=request.user)
    call = assignment.entry.call
    form = ScoreForm(request.POST or None, call=call)
    if request.method == "POST" and form.is_valid():
        try:
            judging.sheet_submit(
                assignment,
                scores=form.scores(),
                comment=form.cleaned_data["comment"],
                by=request.user,
            )
        except ValidationError as error:
            if not hasattr(error, "error_dict"):
                # A locked sheet or a closed stage: the page shows no form to fix.
                messages.error(request, " ".join(error.messages))
                return redirect("competitions:juri_sheet", pk=assignment.pk)
            add_service_errors(form, error)
        else:
            messages.success(request, _("Scores submitted; the sheet is now locked."))
            return redirect("competitions:juri_sheet", pk=assignment.pk)
    context = _sheet_context(request.user, assignment) | {"form": form}
    return TemplateResponse(request, "competitions/judging/juri_sheet.html", context)


def _sheet_context(user, assignment: Assignment) -> dict:
    entry, stage = assignment.entry, assignment.stage
    innovation = entry.innovation
    sheet = judging.sheet_of(assignment)
    # The call's admin may change a sheet before the stage closes, but reads none
    # of its scores, not even in the change history, until then.
    readable = sheet is not None and judging.may_read(user, sheet)
    return {
        "assignment": assignment,
        "entry": entry,
        "stage": stage,
        "call": entry.call,
        "innovation": innovation,
        "targets": innovation.targets.all(),
        "evidence": innovation.evidence.all(),
        "criteria": _criteria(entry.call),
        "sheet": sheet,
        "sheet_scores": _labelled(sheet.scores) if readable else [],
        "scores_hidden": sheet is not None and not readable,
        "changes": _history(sheet, readable=readable) if sheet else [],
        "visible": [
            (s, _labelled(s.scores))
            for s in judging.sheets_visible_to(user, entry, stage)
            if s.assignment.juri_id != user.pk
        ],
        "submitted_juri": judging.submitted_juri(entry, stage),
        "juri_count": entry.assignments.filter(stage=stage).count(),
    }


def _history(sheet, *, readable: bool) -> list[tuple[object, list, list]]:
    return [
        (
            change,
            _labelled(change.before) if readable else [],
            _labelled(change.after) if readable else [],
        )
        for change in sheet.changes.select_related("changed_by")
    ]


def _criteria(call: Call) -> list[tuple[str, str]]:
    return [
        (judging.criterion_label(c), f"{float(w) * 100:g}")
        for c, w in call.rules().weights.items()
    ]


def _labelled(scores: dict) -> list[tuple[str, int]]:
    return [(judging.criterion_label(c), value) for c, value in scores.items()]


@login_required
def juri_sheet_change(request, pk: int):
    assignment = get_object_or_404(_assignments(), pk=pk)
    if not judging.may_change(request.user, assignment):
        raise Http404
    sheet = judging.sheet_of(assignment)
    if sheet is None:
        if assignment.juri_id != request.user.pk:
            raise Http404
        messages.info(request, _("Submit the scores first; changes come after."))
        return redirect("competitions:juri_sheet", pk=assignment.pk)
    form = ScoreChangeForm(request.POST or None, call=assignment.entry.call)
    if request.method == "GET" and judging.may_read(request.user, sheet):
        form.initial = dict(sheet.scores)
    elif form.is_valid():
        try:
            judging.sheet_change(
                sheet,
                scores=form.scores(),
                reason=form.cleaned_data["reason"],
                by=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Scores changed; the change is recorded."))
            return redirect("competitions:juri_sheet_change", pk=assignment.pk)
    context = _sheet_context(request.user, assignment) | {
        "form": form,
        "is_juri": assignment.juri_id == request.user.pk,
    }
    return TemplateResponse(
        request, "competitions/judging/juri_sheet_change.html", context
    )
