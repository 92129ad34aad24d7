"""Forms of the staff workflow: they check shape only; the services judge the step."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from prima.complaints.models import Kind, RejectReason, Status
from prima.core.forms import DateInput
from prima.core.query import parse_id


class WorklistFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All"))] + Status.choices
    )
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All"))] + Kind.choices
    )
    unit = forms.ModelChoiceField(
        label=_("Unit"), required=False, queryset=None, empty_label=_("All")
    )
    received_from = forms.DateField(
        label=_("Received from"),
        required=False,
        widget=DateInput(),
    )
    received_to = forms.DateField(
        label=_("Received until"),
        required=False,
        widget=DateInput(),
    )
    mine = forms.BooleanField(label=_("Only my units"), required=False)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


INTERNAL_NOTE_HELP = _("Seen by staff only; the citizen never sees it.")


class NoteForm(forms.Form):
    staff_note = forms.CharField(
        label=_("Internal note"),
        required=False,
        help_text=INTERNAL_NOTE_HELP,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class StartForm(forms.Form):
    note = forms.CharField(
        label=_("First response to the citizen"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class RejectForm(forms.Form):
    reason = forms.ChoiceField(label=_("Reason"), choices=RejectReason.choices)
    note = forms.CharField(
        label=_("Explanation to the citizen"), widget=forms.Textarea(attrs={"rows": 3})
    )
    forwarded_to = forms.CharField(
        label=_("Forwarded to"),
        required=False,
        max_length=200,
        help_text=_("Required when the case is not our authority."),
    )


class AssignForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=None)
    staff_note = forms.CharField(
        label=_("Internal note"),
        required=False,
        help_text=INTERNAL_NOTE_HELP,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Final answer"), widget=forms.Textarea(attrs={"rows": 5})
    )


class BulkAssignForm(forms.Form):
    cases = forms.TypedMultipleChoiceField(
        label=_("Cases"), coerce=int, choices=(), error_messages={}
    )
    unit = forms.ModelChoiceField(
        label=_("Assign the selected cases to"), queryset=None
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units

    def clean_cases(self):
        return self.cleaned_data["cases"]

    def full_clean(self):
        # Any posted id is accepted as shape; the view checks each against the scope.
        values = self.data.getlist("cases") if self.is_bound else []
        self.fields["cases"].choices = [(v, v) for v in values if parse_id(v)]
        super().full_clean()
