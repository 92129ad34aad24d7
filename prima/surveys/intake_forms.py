"""The citizen's questionnaire form: nine required unsur, the rest optional."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

from django import forms
from django.core import validators
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from prima.core.forms import DateInput, SubmissionKeyForm
from prima.organisations.models import Layanan
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
        return _submission(self.cleaned_data, self.questions, self.extras)


def _submission(cleaned: Mapping, questions, extras) -> dict:
    return {
        "layanan": cleaned["layanan"],
        "scores": {q.unsur: cleaned[q.field_name] for q in questions},
        "idempotency_key": cleaned["key"],
        "service_date": cleaned["service_date"],
        "profile": {
            "gender": cleaned["gender"],
            "age": cleaned["age"],
            "education": cleaned["education"],
            "occupation": cleaned["occupation"],
        },
        "suggestion": cleaned["suggestion"],
        "extra_answers": {
            extra.pk: cleaned[f"extra_{extra.pk}"]
            for extra in extras
            if cleaned[f"extra_{extra.pk}"].strip()
        },
    }


# The plain path: ``SurveyForm``'s own fields and ``clean_<field>`` methods, applied
# without building the form. Building and validating the form (its fields with their
# choices, deep-copied per request) costs about 0.7 ms, more than storing the
# response; the checks below are compiled once per questionnaire from the form's
# fields, for the spellings a browser sends. Whatever they are unsure of goes to the
# bound form, which then gives the page and its error messages.


class _Unsure(Exception):
    """The data is not plainly valid: let the Django form decide."""


_DIGITS = re.compile(r"[0-9]{1,9}\Z")
_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})\Z")
_BROWSER_WIDGETS = (
    forms.Widget.value_from_datadict,
    forms.widgets.ChoiceWidget.value_from_datadict,
)
_LIMITS = {
    validators.MinValueValidator: "min",
    validators.MaxValueValidator: "max",
    validators.MinLengthValidator: "min_length",
    validators.MaxLengthValidator: "max_length",
    validators.ProhibitNullCharactersValidator: "no_nul",
}


def _limits(field: forms.Field) -> dict | None:
    """Return the field's validators as plain limits, or None for any other kind."""
    limits: dict = {}
    for validator in field.validators:
        kind = _LIMITS.get(type(validator))
        if kind is None or callable(getattr(validator, "limit_value", None)):
            return None
        limits[kind] = getattr(validator, "limit_value", True)
    return limits


def _empty(field: forms.Field, value):
    if field.required:
        raise _Unsure
    return value


def _choice_check(field: forms.ChoiceField):
    if any(isinstance(label, (list, tuple)) for _k, label in field.choices):
        return None  # option groups
    typed = isinstance(field, forms.TypedChoiceField)
    coerce = field.coerce if typed else str
    values = {
        str(k): coerce(str(k))
        for k, _label in field.choices
        if str(k) not in field.empty_values
    }
    empty = field.empty_value if typed else ""

    def choice(value):
        if not value:
            return _empty(field, empty)
        try:
            return values[value]
        except KeyError:
            raise _Unsure from None

    return choice


def _integer_check(field: forms.IntegerField, low, high):
    def integer(value):
        if not value:
            return _empty(field, None)
        if not _DIGITS.match(value):
            raise _Unsure  # signs, spaces, other digits: the form's to decide
        number = int(value)
        if (low is not None and number < low) or (high is not None and number > high):
            raise _Unsure
        return number

    return integer


def _text_check(field: forms.CharField, low, high, no_nul: bool):
    def text(value):
        value = "" if value is None else value.strip() if field.strip else value
        if not value:
            return _empty(field, field.empty_value)
        if (
            (low is not None and len(value) < low)
            or (high is not None and len(value) > high)
            or (no_nul and "\x00" in value)
        ):
            raise _Unsure
        return value

    return text


def _iso_date(value):
    found = _ISO_DATE.match(value or "")
    if found is None:
        raise _Unsure  # empty, or a spelling left to the form's input formats
    try:
        return date(*(int(part) for part in found.groups()))
    except ValueError:
        raise _Unsure from None


def _plain_check(field: forms.Field):
    """Return a function giving ``field.clean(value)`` for a value as a browser sends
    it and raising ``_Unsure`` for any other; None for a field it does not know."""
    limits = _limits(field)
    widget = field.widget
    if (
        limits is None
        or field.disabled
        or getattr(widget, "allow_multiple_selected", False)
        or type(widget).value_from_datadict not in _BROWSER_WIDGETS
    ):
        return None
    kind = type(field)
    if kind in (forms.ChoiceField, forms.TypedChoiceField) and not limits:
        return _choice_check(field)
    if kind is forms.IntegerField and not field.localize:
        return _integer_check(field, limits.get("min"), limits.get("max"))
    if kind is forms.CharField:
        return _text_check(
            field,
            limits.get("min_length"),
            limits.get("max_length"),
            limits.get("no_nul", False),
        )
    if kind is forms.DateField and not limits:
        return _iso_date
    return None


class _CleanHooks:
    """Stands in for a bound form while its ``clean_<field>`` methods run.

    They read ``cleaned_data``, ``today`` and class attributes (``key_error``);
    anything else raises AttributeError, which sends the POST to the form.
    """

    def __init__(self, cleaned: dict, today: date):
        self.cleaned_data = cleaned
        self.today = today

    def __getattr__(self, name):
        return getattr(SurveyForm, name)


_PLAIN_CHECKS: dict[tuple, tuple | None] = {}


def _plain_checks(questions, extras, today: date) -> tuple | None:
    """Return (name, check, hook) of each field of the questionnaire's form but the
    service, in the form's order; None if some field has no plain check."""
    key = (tuple(questions), tuple(extra.pk for extra in extras))
    if key in _PLAIN_CHECKS:
        return _PLAIN_CHECKS[key]
    form = SurveyForm(
        questions=list(questions),
        extras=extras,
        services=Layanan.objects.none(),
        today=today,
    )
    checks: list | None = []
    if type(form).clean is not forms.Form.clean:
        checks = None  # a form-wide rule the plain path would not apply
    else:
        for name, field in form.fields.items():
            if name == "layanan":
                continue  # fixed by the link
            check = _plain_check(field)
            if check is None:
                checks = None
                break
            checks.append((name, check, getattr(SurveyForm, f"clean_{name}", None)))
    if len(_PLAIN_CHECKS) > 1000:  # questionnaires change rarely; bound it anyway
        _PLAIN_CHECKS.clear()
    found = _PLAIN_CHECKS[key] = None if checks is None else tuple(checks)
    return found


def plain_submission(
    data: Mapping[str, str],
    *,
    questions,
    extras,
    layanan,
    today: date,
) -> dict | None:
    """Return ``SurveyForm(data, …).submission()`` for a plainly valid POST, else None.

    The citizen form of a fixed service (``layanan``), checked by the form's own
    fields and ``clean_<field>`` methods without building the form. Whenever the data
    is anything but plainly valid this returns None and the view binds
    ``SurveyForm``, which gives the error messages and renders the page; so errors
    and accepted values stay exactly the form's (``test_intake_forms`` checks both
    agree).
    """
    checks = _plain_checks(questions, extras, today)
    if checks is None:
        return None
    cleaned: dict = {"layanan": layanan}
    hooks = _CleanHooks(cleaned, today)
    try:
        for name, check, hook in checks:
            cleaned[name] = check(data.get(name))
            if hook is not None:
                cleaned[name] = hook(hooks)
    except (_Unsure, forms.ValidationError, AttributeError):
        return None
    return _submission(cleaned, questions, extras)


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
