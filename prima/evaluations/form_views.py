"""The pages of one unit in a cycle: its self-assessment (F-01), the evaluator's
sheet (F-02) with the unit's answers to the notes, and the F-03 link the evaluator
issues. Only the unit's staff, its assigned evaluator and the cycle's administrator
reach them (``selectors.unit_forms_get``); every change goes through ``services``."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from prima.core.http import stored_file_response
from prima.core.uploads import clean_upload
from prima.evaluations import selectors, services
from prima.evaluations.forms import (
    EvaluatorScoreForm,
    NoteAnswerForm,
    SelfScoreForm,
    SheetChangeForm,
)
from prima.evaluations.models import EvaluationSheet, SelfAssessment, UserFormLink


def _problems(error: ValidationError) -> str:
    return " ".join(error.messages)


def _form_problems(form) -> str:
    return " ".join(e for errors in form.errors.values() for e in errors)


def _f01_url(cycle_unit) -> str:
    return reverse("evaluations:self_assessment", args=[cycle_unit.pk])


def _f02_url(cycle_unit) -> str:
    return reverse("evaluations:evaluation", args=[cycle_unit.pk])


@login_required
def self_assessment(request, pk: int):
    """The unit's F-01: Prima's proposal and the rule it applied beside the unit's
    own score and evidence per indicator."""
    cycle_unit, roles = selectors.unit_forms_get(request.user, pk)
    today = timezone.localdate()
    assessment = SelfAssessment.objects.filter(cycle_unit=cycle_unit).first()
    submitted = assessment is not None and assessment.submitted_at is not None
    editable = (
        roles.unit_editor
        and not submitted
        and today <= cycle_unit.cycle.self_assessment_deadline
    )
    if request.method == "POST":
        if not editable:
            raise PermissionDenied
        form = SelfScoreForm(request.POST, request.FILES)
        if not form.is_valid():
            messages.error(request, _form_problems(form))
            return redirect(_f01_url(cycle_unit))
        data = form.cleaned_data
        try:
            clean = (
                clean_upload(data["evidence_file"]) if data["evidence_file"] else None
            )
            services.self_score_save(
                cycle_unit,
                by=request.user,
                indicator=data["indicator"],
                score=data["score"],
                reason=data["reason"],
                evidence_link=data["evidence_link"],
                evidence_file=clean,
                today=today,
            )
        except ValidationError as error:
            messages.error(request, _problems(error))
        else:
            messages.success(
                request,
                _("Indicator %(number)s saved.") % {"number": data["indicator"]},
            )
        return redirect(f"{_f01_url(cycle_unit)}#i{data['indicator']}")
    rows = selectors.indicator_rows(cycle_unit, today=today)
    if editable:
        for row in rows:
            own = row.own
            row.form = SelfScoreForm(
                prefix=f"i{row.indicator.number}",
                initial={
                    "indicator": row.indicator.number,
                    "score": own.score
                    if own and own.score is not None
                    else (row.proposal.score if row.proposal else None),
                    "reason": own.reason if own else "",
                    "evidence_link": own.evidence_link if own else row.evidence_page,
                },
            )
    context = {
        "cycle_unit": cycle_unit,
        "cycle": cycle_unit.cycle,
        "rows": rows,
        "assessment": assessment,
        "editable": editable,
    }
    return TemplateResponse(request, "evaluations/self_assessment.html", context)


@login_required
@require_POST
def self_assessment_submit(request, pk: int):
    cycle_unit, _roles = selectors.unit_forms_get(request.user, pk)
    try:
        services.self_assessment_submit(cycle_unit, by=request.user, now=timezone.now())
    except ValidationError as error:
        messages.error(request, _problems(error))
    else:
        messages.success(request, _("Self-assessment submitted; it is now locked."))
    return redirect(_f01_url(cycle_unit))


@login_required
def self_assessment_file(request, pk: int, number: int):
    cycle_unit, _roles = selectors.unit_forms_get(request.user, pk)
    row = (
        cycle_unit.self_assessment.scores.filter(indicator=number)
        .exclude(evidence_file="")
        .first()
        if SelfAssessment.objects.filter(cycle_unit=cycle_unit).exists()
        else None
    )
    if row is None:
        raise Http404
    return stored_file_response(
        row.evidence_file,
        filename=row.evidence_name or "bukti",
        content_type="application/octet-stream",
        inline=False,
    )


def _qr_svg(url: str) -> str:
    import segno  # QR codes; pure Python, no system dependency.

    return segno.make(url, error="m").svg_inline(scale=6, border=2)


@login_required
def evaluation(request, pk: int):
    """The evaluator's F-02 beside the unit's F-01 and Prima's proposal; the unit
    answers the notes here during the verification window."""
    cycle_unit, roles = selectors.unit_forms_get(request.user, pk)
    now = timezone.now()
    today = timezone.localdate(now)
    sheet = EvaluationSheet.objects.filter(cycle_unit=cycle_unit).first()
    cycle = cycle_unit.cycle
    answering = (
        roles.unit_editor
        and cycle.verification_start <= today <= cycle.verification_end
    )
    if request.method == "POST":
        try:
            if roles.evaluator and sheet is None and "note" in request.POST:
                form = EvaluatorScoreForm(request.POST)
                if not form.is_valid():
                    raise ValidationError(_form_problems(form))
                services.evaluator_score_save(
                    cycle_unit, by=request.user, **form.cleaned_data
                )
            elif answering and "answer" in request.POST:
                form = NoteAnswerForm(request.POST)
                if not form.is_valid():
                    raise ValidationError(_form_problems(form))
                services.note_answer(
                    cycle_unit, by=request.user, now=now, **form.cleaned_data
                )
            else:
                raise PermissionDenied
        except ValidationError as error:
            messages.error(request, _problems(error))
        else:
            messages.success(request, _("Saved."))
        return redirect(_f02_url(cycle_unit))
    rows = selectors.indicator_rows(cycle_unit, today=today)
    for row in rows:
        number = row.indicator.number
        if roles.evaluator and sheet is None:
            row.form = EvaluatorScoreForm(
                prefix=f"e{number}",
                initial={
                    "indicator": number,
                    "score": row.evaluator.score if row.evaluator else None,
                    "note": row.evaluator.note if row.evaluator else "",
                },
            )
        elif answering and row.evaluator and row.evaluator.note:
            row.form = NoteAnswerForm(
                prefix=f"a{number}",
                initial={"indicator": number, "answer": row.evaluator.answer},
            )
    respondents, per_statement = selectors.user_form_counts(cycle_unit)
    link = UserFormLink.objects.filter(cycle_unit=cycle_unit).first()
    url = (
        request.build_absolute_uri(reverse("pekppp:user_form", args=[link.token]))
        if link
        else ""
    )
    statements = [
        (statement, per_statement.get(statement.code, 0))
        for statement in cycle.instrument.parsed().statements
    ]
    context = {
        "cycle_unit": cycle_unit,
        "cycle": cycle,
        "rows": rows,
        "roles": roles,
        "sheet": sheet,
        "changes": sheet.changes.select_related("changed_by") if sheet else [],
        "respondents": respondents,
        "statements": statements,
        "link_url": url,
        "qr": mark_safe(_qr_svg(url)) if url else "",  # noqa: S308 - segno's SVG
        "can_issue": roles.evaluator and link is None,
        "editing": roles.evaluator and sheet is None,
        "can_change": sheet is not None and (roles.evaluator or roles.admin),
        "result": selectors.unit_ipp(cycle_unit),
    }
    return TemplateResponse(request, "evaluations/evaluation.html", context)


@login_required
@require_POST
def evaluation_submit(request, pk: int):
    cycle_unit, _roles = selectors.unit_forms_get(request.user, pk)
    try:
        services.evaluation_submit(cycle_unit, by=request.user, now=timezone.now())
    except ValidationError as error:
        messages.error(request, _problems(error))
    else:
        messages.success(request, _("Evaluation submitted; the sheet is now locked."))
    return redirect(_f02_url(cycle_unit))


@login_required
def evaluation_change(request, pk: int):
    """Change a submitted F-02 sheet with a reason; every change is audited."""
    cycle_unit, roles = selectors.unit_forms_get(request.user, pk)
    sheet = EvaluationSheet.objects.filter(cycle_unit=cycle_unit).first()
    if sheet is None:
        raise Http404
    if not (roles.evaluator or roles.admin):
        raise PermissionDenied
    numbers = [i.number for i in cycle_unit.cycle.instrument.parsed().indicators]
    form = SheetChangeForm(
        request.POST or None, numbers=numbers, initial_scores=sheet.scores
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.evaluation_change(
                sheet,
                scores=form.scores(),
                by=request.user,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            messages.error(request, _problems(error))
        else:
            messages.success(request, _("The change is saved and audited."))
            return redirect(_f02_url(cycle_unit))
    context = {"cycle_unit": cycle_unit, "cycle": cycle_unit.cycle, "form": form}
    return TemplateResponse(request, "evaluations/evaluation_change.html", context)


@login_required
@require_POST
def user_form_issue(request, pk: int):
    cycle_unit, _roles = selectors.unit_forms_get(request.user, pk)
    services.user_form_issue(cycle_unit, by=request.user)
    messages.success(request, _("The user form link is ready to share."))
    return redirect(_f02_url(cycle_unit))
