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
from prima.core.roles import CHANGE, VIEW, Area, Level, can
from prima.core.scoping import get_for_user, user_can, user_grants
from prima.organisations.models import Pemda, Unit
from prima.surveys import questionnaire as services
from prima.surveys.models import ExtraQuestion
from prima.surveys.questionnaire_forms import (
    ExtraQuestionForm,
    SettingsForm,
    WordingForm,
)
from prima.surveys.questions import UNSUR_NAMES


def _can_change(user, unit: Unit) -> bool:
    return (
        Unit.objects.scoped(user, CHANGE, area=Area.SURVEY).filter(pk=unit.pk).exists()
    )


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
        "can_change": _can_change(request.user, unit),
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


def _settings_pemda(request) -> Pemda | None:
    """Return the Pemda whose settings the page shows, None if none can be chosen.

    A staff user belongs to one Pemda in practice; ``?pemda=<slug>`` picks among
    several, and lets a platform superuser pick any.
    """
    pemdas = Pemda.objects.order_by("name")
    if not request.user.is_superuser:
        pemdas = pemdas.filter(pk__in={g.pemda_id for g in user_grants(request.user)})
    slug = request.GET.get("pemda", "").strip()
    if slug:
        pemda = pemdas.filter(slug=slug).first()
        if pemda is None:
            raise Http404
        return pemda
    if request.user.is_superuser:
        return None
    return pemdas.first()


def _can_change_settings(user, pemda: Pemda) -> bool:
    if user.is_superuser:
        return True
    return any(
        grant.level == Level.PEMDA
        and grant.pemda_id == pemda.pk
        and can(grant.role, Area.SURVEY, CHANGE)
        for grant in user_grants(user)
    )


@login_required
def settings_edit(request):
    """Show the Pemda's survey period; let its administrator change it."""
    if not user_can(request.user, Area.SURVEY, VIEW):
        raise PermissionDenied
    pemda = _settings_pemda(request)
    can_change = pemda is not None and _can_change_settings(request.user, pemda)
    if request.method == "POST" and pemda is not None and not can_change:
        raise PermissionDenied
    setting = services.settings_for(pemda) if pemda else None
    form = None
    if can_change:
        initial = {"period_kind": setting.period_kind}
        form = SettingsForm(request.POST or None, initial=initial)
        if form.is_valid():
            services.settings_update(pemda=pemda, **form.cleaned_data)
            messages.success(request, _("The survey period was saved."))
            return redirect(request.get_full_path())
    context = {
        "pemda": pemda,
        "setting": setting,
        "form": form,
        "pemdas": Pemda.objects.order_by("name") if request.user.is_superuser else (),
    }
    return TemplateResponse(request, "surveys/questionnaire/settings.html", context)
