"""The lean check of a fixed-service POST agrees with ``SurveyForm``."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from types import SimpleNamespace

import pytest
from django.utils import translation
from hypothesis import event, given, settings
from hypothesis import strategies as st

from prima.organisations.models import Layanan
from prima.surveys.ikm import QUESTIONNAIRE_ORDER
from prima.surveys.intake import Question
from prima.surveys.intake_forms import SurveyForm, plain_submission

TODAY = date(2026, 5, 12)
QUESTIONS = [
    Question(number, unsur.value, unsur.value, f"Q{number}?", ("a", "b", "c", "d"))
    for number, unsur in enumerate(QUESTIONNAIRE_ORDER, start=1)
]
EXTRAS = [SimpleNamespace(pk=5, text="Antrean tertib?")]
# Unsaved: the fixed service needs no query, so neither check touches the database.
LAYANAN = Layanan(pk=7, name="Penerbitan KTP-el")
MISSING = object()


def valid_data(**overrides) -> dict:
    data = {q.field_name: "3" for q in QUESTIONS}
    data.update(
        key=str(uuid.uuid4()),
        service_date=TODAY.isoformat(),
        gender="P",
        age="34",
        education="sma",
        occupation="swasta",
        suggestion="  Tambah kursi  ",
        extra_5=" Ya ",
    )
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not MISSING}


def both(data: dict):
    """Return the lean result and the bound form of ``data``."""
    lean = plain_submission(
        data, questions=QUESTIONS, extras=EXTRAS, layanan=LAYANAN, today=TODAY
    )
    form = SurveyForm(
        data,
        questions=QUESTIONS,
        extras=EXTRAS,
        services=Layanan.objects.none(),
        fixed_layanan=LAYANAN,
        today=TODAY,
    )
    return lean, form


@pytest.mark.parametrize(
    "overrides",
    [
        {},
        {"gender": "", "age": "", "education": "", "occupation": ""},
        {"gender": MISSING, "age": MISSING, "suggestion": MISSING, "extra_5": MISSING},
        {"age": "10", "suggestion": "x" * 2000, "extra_5": "   "},
        {"age": "120", "service_date": (TODAY - timedelta(days=31)).isoformat()},
        {"layanan": "999"},  # the link fixes the service, as the form does
    ],
)
def test_plainly_valid_post_gives_the_forms_submission(overrides):
    data = valid_data(**overrides)
    lean, form = both(data)
    assert form.is_valid(), form.errors
    assert lean == form.submission()
    assert lean["layanan"] is LAYANAN


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"u9": MISSING}, "u9"),
        ({"u1": "5"}, "u1"),
        ({"key": ""}, "key"),
        ({"key": str(uuid.uuid1())}, "key"),
        ({"service_date": (TODAY + timedelta(days=1)).isoformat()}, "service_date"),
        ({"service_date": (TODAY - timedelta(days=32)).isoformat()}, "service_date"),
        ({"service_date": "2026-02-30"}, "service_date"),
        ({"gender": "X"}, "gender"),
        ({"age": "9"}, "age"),
        ({"age": "abc"}, "age"),
        ({"suggestion": "x" * 2001}, "suggestion"),
        ({"extra_5": "x\x00"}, "extra_5"),
    ],
)
def test_invalid_post_is_left_to_the_form_which_names_the_field(overrides, field):
    lean, form = both(valid_data(**overrides))
    assert lean is None
    assert not form.is_valid()
    assert list(form.errors) == [field]


KEYS = [
    str(uuid.uuid4()).upper(),
    " " + str(uuid.uuid4()),
    uuid.uuid4().hex,
    "{" + str(uuid.uuid4()) + "}",
    str(uuid.uuid1()),
    "not-a-uuid",
    "",
]
DATES = [
    (TODAY - timedelta(days=31)).isoformat(),
    (TODAY - timedelta(days=32)).isoformat(),
    (TODAY + timedelta(days=1)).isoformat(),
    "2026-5-12",
    " 2026-05-12",
    "12/05/2026",
    "12-05-2026",
    "2026-05-12T00:00",
    "20260512",
    "２０２６-０５-１２",
    "",
]
SCORES = ["1", "2", "4", "0", "5", " 1", "1.0", "١", ""]
CHOICES = ["", "L", "sma", "d4_s1", "pns", "lainnya", "X", " P", "p", "SMA"]
AGES = ["", "10", "120", "9", "121", "034", " 34", "34.0", "+34", "3_4", "٣٤", "-0"]
TEXTS = ["", "   ", " ok ", "a\nb", "x" * 1000, "x" * 1001, "x" * 2001, "x\x00y"]
# Each field with values a browser sends and spellings at or past the edge of valid.
EDGES = {
    "key": KEYS,
    "service_date": DATES,
    "gender": CHOICES,
    "education": CHOICES,
    "occupation": CHOICES,
    "age": AGES,
    "suggestion": TEXTS,
    "extra_5": TEXTS,
    **{q.field_name: SCORES for q in QUESTIONS},
}


@st.composite
def posts(draw) -> dict:
    """A valid post with up to three fields changed or left out."""
    data = valid_data()
    for _ in range(draw(st.integers(0, 3))):
        name = draw(st.sampled_from(sorted(EDGES)))
        data[name] = draw(st.sampled_from([*EDGES[name], MISSING]))
    return {k: v for k, v in data.items() if v is not MISSING}


@settings(max_examples=400)
@given(data=posts(), language=st.sampled_from(["id", "en"]))
def test_lean_check_never_accepts_what_the_form_would_not(data, language):
    """Whatever the lean check accepts, the form accepts with the same values; all
    else (errors included) is the form's to answer."""
    with translation.override(language):
        lean, form = both(data)
        event("lean check accepted" if lean is not None else "left to the form")
        if lean is not None:
            assert form.is_valid(), form.errors
            assert lean == form.submission()
