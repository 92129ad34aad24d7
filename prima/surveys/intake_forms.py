"""The citizen's questionnaire form: nine required unsur, the rest optional."""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from datetime import date

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from prima.core.forms import DateInput, SubmissionKeyForm
from prima.surveys.intake import Question, service_date_range
from prima.surveys.models import Education, Gender, Occupation

LETTERS = "abcd"
EXTRA_MAX_LENGTH = 1000
KEY_ERROR = _(
    "This form could not be matched to a survey session. Nothing was saved; "
    "please check your answers and send the form again."
)


class ServiceChoiceField(forms.ModelChoiceField):
    """A service choice that needs no query for a service the view already holds."""

    known: dict[str, object] = {}

    def to_python(self, value):
        found = self.known.get(str(value)) if value not in self.empty_values else None
        return found if found is not None else super().to_python(value)


class SurveyForm(SubmissionKeyForm):
    """The questionnaire of one unit (optionally fixed to one of its services)."""

    key_error = KEY_ERROR
    layanan = ServiceChoiceField(
        label=_("Service you received"), queryset=None, empty_label=_("Choose…")
    )
    service_date = forms.DateField(
        label=_("Date of service"),
        widget=DateInput(),
    )
    gender = forms.ChoiceField(
        label=_("Gender"),
        required=False,
        choices=[("", _("Prefer not to say")), *Gender.choices],
    )
    age = forms.IntegerField(
        label=_("Age (years)"), required=False, min_value=10, max_value=120
    )
    education = forms.ChoiceField(
        label=_("Education"),
        required=False,
        choices=[("", _("Prefer not to say")), *Education.choices],
    )
    occupation = forms.ChoiceField(
        label=_("Occupation"),
        required=False,
        choices=[("", _("Prefer not to say")), *Occupation.choices],
    )
    suggestion = forms.CharField(
        label=_("Your suggestion for this unit (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(
        self,
        *args,
        questions: list[Question],
        extras,
        services,
        fixed_layanan=None,
        today: date,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.questions = questions
        self.extras = list(extras)
        self.today = today
        for q in questions:
            self.fields[q.field_name] = forms.TypedChoiceField(
                label=f"{q.number}. {q.text}",
                choices=[
                    (str(s), f"{LETTERS[s - 1]}. {label}")
                    for s, label in enumerate(q.labels, start=1)
                ],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Please answer question %(number)s (%(name)s).")
                    % {"number": q.number, "name": q.name}
                },
            )
        for extra in self.extras:
            self.fields[f"extra_{extra.pk}"] = forms.CharField(
                label=extra.text,
                required=False,
                max_length=EXTRA_MAX_LENGTH,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        field = self.fields["layanan"]
        field.queryset = services
        if fixed_layanan is not None:
            field.initial = fixed_layanan.pk
            field.disabled = True
            field.known = {str(fixed_layanan.pk): fixed_layanan}
        self.fields["service_date"].initial = today
        earliest, latest = service_date_range(today)
        self.fields["service_date"].widget.attrs.update(
            min=earliest.isoformat(), max=latest.isoformat()
        )

    def question_fields(self):
        """Return (question, bound field) pairs in questionnaire order."""
        return [(q, self[q.field_name]) for q in self.questions]

    def extra_fields(self):
        return [self[f"extra_{extra.pk}"] for extra in self.extras]

    def clean_service_date(self) -> date:
        day = self.cleaned_data["service_date"]
        earliest, latest = service_date_range(self.today)
        if day > latest:
            raise forms.ValidationError(
                _("The date of service cannot be in the future."), code="future"
            )
        if day < earliest:
            raise forms.ValidationError(
                _("Only services received since %(date)s can be rated.")
                % {"date": date_format(earliest)},
                code="too_old",
            )
        return day

    def submission(self) -> dict:
        """Return the keyword arguments of ``response_submit`` for valid data."""
        data = self.cleaned_data
        return {
            "layanan": data["layanan"],
            "scores": {q.unsur: data[q.field_name] for q in self.questions},
            "idempotency_key": data["key"],
            "service_date": data["service_date"],
            "profile": {
                "gender": data["gender"],
                "age": data["age"],
                "education": data["education"],
                "occupation": data["occupation"],
            },
            "suggestion": data["suggestion"],
            "extra_answers": {
                extra.pk: data[f"extra_{extra.pk}"]
                for extra in self.extras
                if data[f"extra_{extra.pk}"].strip()
            },
        }


# What a browser sends for a plainly valid form. Anything else (a missing answer, an
# unusual spelling Django would still accept, a bad value) goes to ``SurveyForm``.
_SCORES = {str(score): score for score in (1, 2, 3, 4)}
_KEY = re.compile(
    r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\Z"
)
_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})\Z")
_AGE = re.compile(r"[0-9]{1,3}\Z")
_CHOICES = {
    name: frozenset(["", *(str(value) for value, _label in field.choices)])
    for name, field in SurveyForm.base_fields.items()
    if name in ("gender", "education", "occupation")
}
_AGE_FIELD = SurveyForm.base_fields["age"]
_SUGGESTION_MAX = SurveyForm.base_fields["suggestion"].max_length


class _Unsure(Exception):
    """The data is not plainly valid: let the Django form decide."""


def _text(data: Mapping[str, str], name: str, max_length: int) -> str:
    value = data.get(name)
    if value is None:
        return ""
    value = value.strip()
    if len(value) > max_length or "\x00" in value:
        raise _Unsure
    return value


def plain_submission(
    data: Mapping[str, str],
    *,
    questions: list[Question],
    extras,
    layanan,
    today: date,
) -> dict | None:
    """Return ``SurveyForm(data, …).submission()`` for a plainly valid POST, else None.

    The citizen form of a fixed service, as a browser sends it, without building the
    form's 36 fields per request (its construction and validation cost more than
    storing the response). Whenever the data is anything but plainly valid this
    returns None and the view binds ``SurveyForm``, which gives the error messages
    and renders the page; so errors and accepted values stay exactly the form's
    (``test_intake_forms`` checks both agree).
    """
    try:
        key = data.get("key") or ""
        if not _KEY.match(key):
            raise _Unsure
        found = _ISO_DATE.match(data.get("service_date") or "")
        if found is None:
            raise _Unsure
        try:
            service_date = date(*(int(part) for part in found.groups()))
        except ValueError:
            raise _Unsure from None
        earliest, latest = service_date_range(today)
        if not earliest <= service_date <= latest:
            raise _Unsure
        scores = {}
        for q in questions:
            score = _SCORES.get(data.get(q.field_name))
            if score is None:
                raise _Unsure
            scores[q.unsur] = score
        profile: dict = {}
        for name, allowed in _CHOICES.items():
            profile[name] = data.get(name) or ""
            if profile[name] not in allowed:
                raise _Unsure
        age = data.get("age")
        if age:
            if not _AGE.match(age):
                raise _Unsure
            age = int(age)
            if not _AGE_FIELD.min_value <= age <= _AGE_FIELD.max_value:
                raise _Unsure
        profile["age"] = age or None
        suggestion = _text(data, "suggestion", _SUGGESTION_MAX)
        answers = {}
        for extra in extras:
            answer = _text(data, f"extra_{extra.pk}", EXTRA_MAX_LENGTH)
            if answer:
                answers[extra.pk] = answer
    except _Unsure:
        return None
    return {
        "layanan": layanan,
        "scores": scores,
        "idempotency_key": uuid.UUID(key),
        "service_date": service_date,
        "profile": {
            k: profile[k] for k in ("gender", "age", "education", "occupation")
        },
        "suggestion": suggestion,
        "extra_answers": answers,
    }


class KioskIssueForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Service unit"), queryset=None)
    name = forms.CharField(
        label=_("Device name"),
        max_length=100,
        help_text=_("For example: Tablet at counter 2."),
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
