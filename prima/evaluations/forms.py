"""Forms of the PEKPPP cycle pages: they check shape only; the rules (a timeline in
order, units of the Pemda, evaluators without a conflict of interest) are judged by
``services.py``."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from prima.core.forms import DateInput, ModelMultipleChoiceField, SubmissionKeyForm
from prima.evaluations.models import CohortBy, Instrument, ServiceKind

UNIT_FIELDS = {
    ServiceKind.BARANG: ("units_barang", _("Units giving goods")),
    ServiceKind.JASA: ("units_jasa", _("Units giving services")),
    ServiceKind.ADMINISTRATIF: (
        "units_administratif",
        _("Units giving administrative services"),
    ),
}
DATE_FIELDS = (
    "self_assessment_deadline",
    "visits_start",
    "visits_end",
    "verification_start",
    "verification_end",
)
# The service names its unit problems ``units``; the form shows them on the first list.
ERROR_FIELDS = {"units": UNIT_FIELDS[ServiceKind.BARANG][0]}


class UnitsField(ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.opd.name} · {obj.name}"


class CycleForm(forms.Form):
    """A new cycle: Pemda, year, instrument, grouping, units per kind of service and
    the timeline."""

    pemda = forms.ModelChoiceField(label=_("Pemda"), queryset=None, empty_label=None)
    year = forms.IntegerField(label=_("Year"), min_value=2015, max_value=2100)
    instrument = forms.ModelChoiceField(
        label=_("Instrument"), queryset=Instrument.objects.all(), empty_label=None
    )
    cohort_by = forms.ChoiceField(label=_("Ranking groups"), choices=CohortBy.choices)
    self_assessment_deadline = forms.DateField(
        label=_("Self-assessment (F-01) deadline"), widget=DateInput
    )
    visits_start = forms.DateField(label=_("Visits from"), widget=DateInput)
    visits_end = forms.DateField(label=_("Visits until"), widget=DateInput)
    verification_start = forms.DateField(
        label=_("Verification window from"), widget=DateInput
    )
    verification_end = forms.DateField(
        label=_("Verification window until"), widget=DateInput
    )

    def __init__(self, *args, pemdas, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pemda"].queryset = pemdas
        for name, label in UNIT_FIELDS.values():
            self.fields[name] = UnitsField(
                label=label,
                queryset=units,
                required=False,
                widget=forms.CheckboxSelectMultiple,
            )

    def units(self) -> dict[str, list]:
        """Return the chosen units per kind of service."""
        return {
            kind: list(self.cleaned_data[name])
            for kind, (name, _label) in UNIT_FIELDS.items()
        }

    def cycle_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "pemda": data["pemda"],
            "year": data["year"],
            "instrument": data["instrument"],
            "cohort_by": data["cohort_by"],
            "units": self.units(),
            **{name: data[name] for name in DATE_FIELDS},
        }


class AssignForm(forms.Form):
    """Choose an evaluator for one unit in scope among ``users``; the service judges
    whether they may evaluate it."""

    evaluator = forms.ModelChoiceField(label=_("Evaluator"), queryset=None)

    def __init__(self, *args, users, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["evaluator"].queryset = (
            get_user_model()
            .objects.filter(pk__in=[user.pk for user in users])
            .order_by("full_name", "username")
        )


SCORE_CHOICES = [(score, str(score)) for score in range(6)]


class SelfScoreForm(forms.Form):
    """The unit's score and evidence on one indicator of its F-01."""

    indicator = forms.IntegerField(widget=forms.HiddenInput)
    score = forms.TypedChoiceField(
        label=_("Your score"), choices=SCORE_CHOICES, coerce=int
    )
    reason = forms.CharField(
        label=_("Reason (when your score differs from Prima's proposal)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    evidence_link = forms.CharField(
        label=_("Evidence: a Prima page"), required=False, max_length=300
    )
    evidence_file = forms.FileField(label=_("Evidence: a file"), required=False)


class EvaluatorScoreForm(forms.Form):
    """The evaluator's score and note on one indicator of the F-02."""

    indicator = forms.IntegerField(widget=forms.HiddenInput)
    score = forms.TypedChoiceField(
        label=_("Evaluator's score"),
        choices=[("", "–"), *SCORE_CHOICES],
        coerce=int,
        empty_value=None,
        required=False,
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class NoteAnswerForm(forms.Form):
    """The unit's answer to the evaluator's note on one indicator."""

    indicator = forms.IntegerField(widget=forms.HiddenInput)
    answer = forms.CharField(
        label=_("Your answer"), widget=forms.Textarea(attrs={"rows": 2})
    )


class SheetChangeForm(forms.Form):
    """A change of a submitted F-02: the new score of each indicator and why."""

    reason = forms.CharField(
        label=_("Why the scores change"), widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, numbers, initial_scores, **kwargs):
        super().__init__(*args, **kwargs)
        for number in numbers:
            self.fields[f"s{number}"] = forms.TypedChoiceField(
                label=str(number),
                choices=SCORE_CHOICES,
                coerce=int,
                initial=initial_scores.get(str(number)),
            )
        self.numbers = numbers

    def scores(self) -> dict[str, int]:
        return {str(n): self.cleaned_data[f"s{n}"] for n in self.numbers}


USER_FORM_KEY_ERROR = _(
    "This form could not be matched to a session. Nothing was saved; please check "
    "your answers and send the form again."
)


class UserForm(SubmissionKeyForm):
    """The public F-03: a score 0–5 for each statement of the instrument."""

    key_error = USER_FORM_KEY_ERROR

    def __init__(self, *args, statements, **kwargs):
        super().__init__(*args, **kwargs)
        self.statements = statements
        for statement in statements:
            self.fields[statement.code] = forms.TypedChoiceField(
                label=statement.text,
                choices=SCORE_CHOICES,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose a score from 0 to 5.")},
            )

    def statement_fields(self):
        return [(s, self[s.code]) for s in self.statements]

    def scores(self) -> dict[str, int]:
        return {s.code: self.cleaned_data[s.code] for s in self.statements}


class RecommendationForm(forms.Form):
    """The evaluator's recommendation on one indicator."""

    indicator = forms.TypedChoiceField(label=_("Indicator"), coerce=int, choices=())
    text = forms.CharField(
        label=_("Recommendation"), widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, indicators=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].choices = [
            (i.number, f"{i.number}. {i.name}") for i in indicators
        ]


class RecommendationCloseForm(forms.Form):
    """The unit's follow-up closing a recommendation: a note and its evidence."""

    note = forms.CharField(
        label=_("What the unit did"), widget=forms.Textarea(attrs={"rows": 2})
    )
    evidence_link = forms.URLField(
        label=_("Evidence: a link"),
        required=False,
        max_length=300,
        assume_scheme="https",
    )
    evidence_file = forms.FileField(label=_("Evidence: a file"), required=False)
