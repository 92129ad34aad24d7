"""A unit's questionnaire as staff maintain it: wordings, extra questions, and the
Pemda's survey period.

PermenPANRB 14/2017 fixes the nine unsur and the order in which they are asked; a
unit may only reword a question and its four answer labels, and add optional
questions of its own. Those are text answers that never enter the IKM, so nothing
here touches a response, a rollup or the index.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from prima.organisations.models import Pemda, Unit
from prima.surveys.ikm import Unsur
from prima.surveys.intake import (
    Question,
    build_questionnaire,
    questionnaire_changed,
)
from prima.surveys.models import ExtraQuestion, QuestionWording, SurveySettings

# More optional questions make the form long enough that citizens abandon it.
MAX_ACTIVE_EXTRA_QUESTIONS = 5
LABEL_FIELDS = ("label_1", "label_2", "label_3", "label_4")
UNSUR_CODES = frozenset(u.value for u in Unsur)


def questionnaire_rows(unit: Unit) -> list[Question]:
    """Return the unit's nine questions in questionnaire order, marking rewordings."""
    return build_questionnaire(unit)


def question_of(unit: Unit, unsur: str) -> Question:
    """Return the current wording of one unsur of ``unit`` (default if none)."""
    return next(q for q in build_questionnaire(unit) if q.unsur == unsur)


def is_reworded(unit: Unit, unsur: str) -> bool:
    """Return whether ``unit`` has its own wording of ``unsur``."""
    return QuestionWording.objects.filter(unit=unit, unsur=unsur).exists()


def _check_unsur(unsur: str) -> None:
    if unsur not in UNSUR_CODES:
        raise ValidationError(
            {"unsur": _("“%(unsur)s” is not an unsur code.") % {"unsur": unsur}}
        )


def _check_distinct(labels: dict[str, str], verbose: dict[str, str]) -> None:
    """Raise on the first label that repeats an earlier one (case-insensitive)."""
    seen: dict[str, str] = {}
    errors: dict[str, str] = {}
    for name in LABEL_FIELDS:
        key = labels[name].casefold()
        if key and key in seen:
            errors[name] = _(
                "%(field)s repeats %(other)s: the four answers must differ."
            ) % {"field": verbose[name].capitalize(), "other": verbose[seen[key]]}
        else:
            seen.setdefault(key, name)
    if errors:
        raise ValidationError(errors)


def wording_save(
    *, unit: Unit, unsur: str, text: str, labels: Sequence[str]
) -> QuestionWording:
    """Create or update the unit's wording of ``unsur``; return it."""
    _check_unsur(unsur)
    if len(labels) != len(LABEL_FIELDS):
        raise ValidationError(_("A question has exactly four answers."))
    values = dict(zip(LABEL_FIELDS, (label.strip() for label in labels), strict=True))
    verbose = {
        name: str(QuestionWording._meta.get_field(name).verbose_name)
        for name in LABEL_FIELDS
    }
    _check_distinct(values, verbose)
    with transaction.atomic():
        wording = (
            QuestionWording.objects.select_for_update()
            .filter(unit=unit, unsur=unsur)
            .first()
        ) or QuestionWording(pemda_id=unit.pemda_id, unit=unit, unsur=unsur)
        wording.text = text.strip()
        for name, value in values.items():
            setattr(wording, name, value)
        wording.full_clean()
        wording.save()
    questionnaire_changed(unit)
    return wording


def wording_reset(*, unit: Unit, unsur: str) -> bool:
    """Restore the regulation's wording of ``unsur``; return whether one was removed."""
    _check_unsur(unsur)
    with transaction.atomic():
        deleted, _rows = QuestionWording.objects.filter(unit=unit, unsur=unsur).delete()
    questionnaire_changed(unit)
    return bool(deleted)


def _check_active_limit(unit: Unit, *, exclude_pk: int | None = None) -> None:
    # Lock the unit row so two concurrent saves cannot both pass the count.
    Unit.objects.select_for_update().filter(pk=unit.pk).first()
    others = ExtraQuestion.objects.active().filter(unit=unit)
    if exclude_pk is not None:
        others = others.exclude(pk=exclude_pk)
    if others.count() >= MAX_ACTIVE_EXTRA_QUESTIONS:
        raise ValidationError(
            {
                "active": _(
                    "A unit may ask at most %(max)d active extra questions. "
                    "Deactivate another one first, or save this one as inactive."
                )
                % {"max": MAX_ACTIVE_EXTRA_QUESTIONS}
            }
        )


def extra_question_add(
    *, unit: Unit, text: str, position: int, active: bool = True
) -> ExtraQuestion:
    """Add an optional question to the unit's questionnaire; return it."""
    question = ExtraQuestion(
        pemda_id=unit.pemda_id,
        unit=unit,
        text=text.strip(),
        position=position,
        active=active,
    )
    with transaction.atomic():
        if active:
            _check_active_limit(unit)
        question.full_clean()
        question.save()
    questionnaire_changed(unit)
    return question


def extra_question_update(
    *, question: ExtraQuestion, text: str, position: int, active: bool
) -> ExtraQuestion:
    """Change an optional question's text, position or whether it is asked."""
    with transaction.atomic():
        if active and not question.active:
            _check_active_limit(question.unit, exclude_pk=question.pk)
        question.text = text.strip()
        question.position = position
        question.active = active
        question.full_clean()
        question.save()
    questionnaire_changed(question.unit)
    return question


def settings_for(pemda: Pemda) -> SurveySettings:
    """Return the Pemda's survey settings, unsaved defaults when it has none."""
    return SurveySettings.objects.filter(pemda=pemda).first() or SurveySettings(
        pemda=pemda
    )


def settings_update(
    *, pemda: Pemda, period_kind: str, hide_running_period: bool | None = None
) -> SurveySettings:
    """Set the Pemda's survey period (quarter, semester or year) and, when given,
    whether a running period's results stay unpublished; return the settings."""
    with transaction.atomic():
        setting = SurveySettings.objects.select_for_update().filter(
            pemda=pemda
        ).first() or SurveySettings(pemda=pemda)
        setting.period_kind = period_kind
        if hide_running_period is not None:
            setting.hide_running_period = hide_running_period
        setting.full_clean()
        setting.save()
    return setting
