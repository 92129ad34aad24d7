"""Staff pages of a unit's questionnaire (wordings, extra questions) and of the
Pemda's survey period.

Units and extra questions are fetched through the scoped entry points with the
survey area's grants: out of scope answers 404, read-only 403 on change. The survey
period belongs to the whole Pemda, so only a Pemda-level survey grant changes it.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from prima.core.forms import add_service_errors
from prima.core.query import SLUG_MAX, text_param
from prima.core.roles import CHANGE, VIEW, Area
from prima.core.scoping import get_for_user, user_can
from prima.organisations.models import Unit
from prima.surveys import questionnaire as services
from prima.surveys import selectors
from prima.surveys.models import ExtraQuestion
from prima.surveys.questionnaire_forms import (
    ExtraQuestionForm,
    SettingsForm,
    WordingForm,
)
from prima.surveys.questions import UNSUR_NAMES


def _unit_for_change(request, unit_pk: int) -> Unit:
    return get_for_user(
        Unit.objects, request.user, CHANGE, area=Area.SURVEY, pk=unit_pk
    )


def _check_unsur(unsur: str) -> str:
    if unsur not in services.UNSUR_CODES:
        raise Http404
    return unsur


@login_required
def questionnaire(request, unit_pk: int):
    """Show the unit's questionnaire as citizens see it, then its extra questions."""
    unit = get_for_user(Unit.objects, request.user, VIEW, area=Area.SURVEY, pk=unit_pk)
    extras = list(ExtraQuestion.objects.filter(unit=unit))
    context = {
        "unit": unit,
        "rows": services.questionnaire_rows(unit),
        "extras": extras,
        "active_extras": sum(1 for q in extras if q.active),
        "max_extras": services.MAX_ACTIVE_EXTRA_QUESTIONS,
        "can_change": selectors.unit_changeable(request.user, unit),
    }
    return TemplateResponse(request, "surveys/questionnaire/detail.html", context)


@login_required
def wording_edit(request, unit_pk: int, unsur: str):
    """Reword one unsur's question and answers for the unit."""
    unsur = _check_unsur(unsur)
    unit = _unit_for_change(request, unit_pk)
    current = services.question_of(unit, unsur)
    initial = {"text": current.text}
    initial |= {f"label_{i}": label for i, label in enumerate(current.labels, 1)}
    form = WordingForm(request.POST or None, initial=initial)
    if form.is_valid():
        try:
            services.wording_save(
                unit=unit,
                unsur=unsur,
                text=form.cleaned_data["text"],
                labels=form.labels(),
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request, _("The wording of %(unsur)s was saved.") % {"unsur": unsur}
            )
            return redirect("surveys:questionnaire", unit_pk=unit.pk)
    context = {
        "unit": unit,
        "unsur": unsur,
        "name": UNSUR_NAMES[unsur],
        "question": current,
        "reworded": services.is_reworded(unit, unsur),
        "form": form,
    }
    return TemplateResponse(request, "surveys/questionnaire/wording_form.html", context)


@login_required
@require_POST
def wording_reset(request, unit_pk: int, unsur: str):
    """Restore the regulation's wording of one unsur for the unit."""
    unsur = _check_unsur(unsur)
    unit = _unit_for_change(request, unit_pk)
    if services.wording_reset(unit=unit, unsur=unsur):
        messages.success(
            request,
            _("%(unsur)s is asked in the regulation's wording again.")
            % {"unsur": unsur},
        )
    else:
        messages.info(
            request,
            _("%(unsur)s already uses the regulation's wording.") % {"unsur": unsur},
        )
    return redirect("surveys:questionnaire", unit_pk=unit.pk)


def _extra_form_page(request, *, unit: Unit, form, question=None):
    context = {
        "unit": unit,
        "form": form,
        "question": question,
        "max_extras": services.MAX_ACTIVE_EXTRA_QUESTIONS,
    }
    return TemplateResponse(request, "surveys/questionnaire/extra_form.html", context)


@login_required
def extra_question_add(request, unit_pk: int):
    """Add an optional question, asked after the nine unsur."""
    unit = _unit_for_change(request, unit_pk)
    form = ExtraQuestionForm(request.POST or None)
    if form.is_valid():
        try:
            services.extra_question_add(unit=unit, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The extra question was added."))
            return redirect("surveys:questionnaire", unit_pk=unit.pk)
    return _extra_form_page(request, unit=unit, form=form)


@login_required
def extra_question_edit(request, pk: int):
    """Change an optional question's text, position or whether it is asked."""
    question = get_for_user(ExtraQuestion.objects, request.user, CHANGE, pk=pk)
    initial = {
        "text": question.text,
        "position": question.position,
        "active": question.active,
    }
    form = ExtraQuestionForm(request.POST or None, initial=initial)
    if form.is_valid():
        try:
            services.extra_question_update(question=question, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The extra question was saved."))
            return redirect("surveys:questionnaire", unit_pk=question.unit_id)
    return _extra_form_page(request, unit=question.unit, form=form, question=question)


@login_required
def settings_edit(request):
    """Show the Pemda's survey period; let its administrator change it."""
    if not user_can(request.user, Area.SURVEY, VIEW):
        raise PermissionDenied
    slug = text_param(request.GET, "pemda", max_length=SLUG_MAX)
    pemda = selectors.settings_pemda(request.user, slug)
    can_change = pemda is not None and selectors.settings_changeable(
        request.user, pemda
    )
    if request.method == "POST" and pemda is not None and not can_change:
        raise PermissionDenied
    setting = services.settings_for(pemda) if pemda else None
    form = None
    if can_change:
        initial = {
            "period_kind": setting.period_kind,
            "hide_running_period": setting.hide_running_period,
        }
        form = SettingsForm(request.POST or None, initial=initial)
        if form.is_valid():
            services.settings_update(pemda=pemda, **form.cleaned_data)
            messages.success(request, _("The survey period was saved."))
            return redirect(request.get_full_path())
    context = {
        "pemda": pemda,
        "setting": setting,
        "form": form,
        # Only a platform operator belongs to no Pemda and must choose one.
        "pemdas": selectors.settings_pemdas(request.user) if pemda is None else (),
    }
    return TemplateResponse(request, "surveys/questionnaire/settings.html", context)
