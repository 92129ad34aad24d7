"""Tests of the questionnaire services: wordings, extra questions, survey period."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from prima.surveys.intake import questionnaire
from prima.surveys.models import ExtraQuestion, QuestionWording, SurveySettings
from prima.surveys.questionnaire import (
    MAX_ACTIVE_EXTRA_QUESTIONS,
    extra_question_add,
    extra_question_update,
    question_of,
    questionnaire_rows,
    settings_update,
    wording_reset,
    wording_save,
)

pytestmark = pytest.mark.django_db

LABELS = ["Lambat sekali", "Lambat", "Cepat", "Kilat"]


def test_wording_save_creates_then_updates_one_row(org):
    """Saving twice keeps one wording per unit and unsur, stripped, with new text."""
    wording_save(unit=org.unit, unsur="U3", text="  Cepatkah?  ", labels=LABELS)
    wording_save(unit=org.unit, unsur="U3", text="Secepat apa?", labels=LABELS)
    wording = QuestionWording.objects.get()
    assert wording.text == "Secepat apa?"
    assert wording.pemda == org.pemda
    assert [q.text for q in questionnaire(org.unit) if q.unsur == "U3"] == [
        "Secepat apa?"
    ]


def test_wording_save_refuses_repeated_labels_naming_the_field(org):
    """A label equal to an earlier one (ignoring case) is refused on its own field."""
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        wording_save(unit=org.unit, unsur="U3", text="Q?", labels=["A", "B", "a ", "D"])
    assert list(exc.value.error_dict) == ["label_3"]
    assert "Answer c (score 3) repeats answer a (score 1)" in str(exc.value)
    assert not QuestionWording.objects.exists()


def test_wording_save_refuses_blank_text_and_unknown_unsur(org):
    """Whitespace-only text and a code outside U1..U9 are refused."""
    with pytest.raises(ValidationError) as blank:
        wording_save(unit=org.unit, unsur="U3", text="   ", labels=LABELS)
    assert "text" in blank.value.error_dict
    with pytest.raises(ValidationError):
        wording_save(unit=org.unit, unsur="U10", text="Q?", labels=LABELS)
    assert not QuestionWording.objects.exists()


def test_wording_reset_restores_the_default(org):
    """Reset deletes the wording; the default question is asked again."""
    wording_save(unit=org.unit, unsur="U3", text="Secepat apa?", labels=LABELS)
    assert wording_reset(unit=org.unit, unsur="U3") is True
    assert wording_reset(unit=org.unit, unsur="U3") is False
    with translation.override("en"):
        assert question_of(org.unit, "U3").text == (
            "How fast is the time to deliver the service?"
        )


def test_questionnaire_rows_keep_order_and_mark_rewordings(org):
    """Rows come in questionnaire order (U9 before U8) and flag reworded unsur only."""
    wording_save(unit=org.unit, unsur="U8", text="Pengaduan?", labels=LABELS)
    rows = questionnaire_rows(org.unit)
    assert [r.unsur for r in rows] == [
        "U1", "U2", "U3", "U4", "U5", "U6", "U7", "U9", "U8"
    ]  # fmt: skip
    assert [r.unsur for r in rows if r.reworded] == ["U8"]


def test_at_most_five_active_extra_questions(org):
    """A sixth active question is refused; an inactive one is kept."""
    for n in range(MAX_ACTIVE_EXTRA_QUESTIONS):
        extra_question_add(unit=org.unit, text=f"Q{n}?", position=n + 1)
    with pytest.raises(ValidationError) as exc:
        extra_question_add(unit=org.unit, text="Q6?", position=6)
    assert "active" in exc.value.error_dict
    parked = extra_question_add(unit=org.unit, text="Q6?", position=6, active=False)
    with pytest.raises(ValidationError):
        extra_question_update(question=parked, text="Q6?", position=6, active=True)
    assert ExtraQuestion.objects.active().filter(unit=org.unit).count() == 5
    # Another unit's limit is its own.
    extra_question_add(unit=org.sibling_unit, text="Q?", position=1)


def test_extra_question_update_of_an_active_one_under_the_limit(org):
    """Editing an already active question at the limit is allowed."""
    questions = [
        extra_question_add(unit=org.unit, text=f"Q{n}?", position=n + 1)
        for n in range(MAX_ACTIVE_EXTRA_QUESTIONS)
    ]
    extra_question_update(
        question=questions[0], text=" Antrean? ", position=9, active=True
    )
    questions[0].refresh_from_db()
    assert (questions[0].text, questions[0].position) == ("Antrean?", 9)


def test_settings_update_creates_then_changes_the_period(org):
    """The Pemda's survey period is stored once and changed in place."""
    settings_update(pemda=org.pemda, period_kind="semester")
    settings_update(pemda=org.pemda, period_kind="tahun")
    assert SurveySettings.objects.get().period_kind == "tahun"
    with pytest.raises(ValidationError):
        settings_update(pemda=org.pemda, period_kind="bulan")
