"""The citizen's questionnaire form: nine required unsur, the rest optional."""

from __future__ import annotations

from datetime import date

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from prima.core.forms import SubmissionKeyForm
from prima.surveys.intake import Question, service_date_range
from prima.surveys.models import Education, Gender, Occupation

LETTERS = "abcd"
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
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
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
                max_length=1000,
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
