"""Forms of the staff SKM pages: they validate shape; rules live in the services."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from prima.core.forms import DateInput
from prima.surveys.imports import MAX_BYTES, MAX_ROWS
from prima.surveys.models import FollowUp
from prima.surveys.questions import UNSUR_NAMES


class PopulationForm(forms.Form):
    population = forms.IntegerField(
        label=_("Service users in the period (N)"),
        min_value=1,
        max_value=100_000_000,
        help_text=_(
            "How many people used the unit's services in the period, "
            "from the queue or the service register."
        ),
    )


class FollowUpCreateForm(forms.Form):
    unsur = forms.ChoiceField(label=_("Unsur"))
    action = forms.CharField(
        label=_("Action"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )
    due_on = forms.DateField(label=_("To be done by"), widget=DateInput())
    responsible = forms.CharField(label=_("Responsible official"), max_length=150)

    def __init__(self, *args, unsur_choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unsur"].choices = [
            (u.value, f"{u.value} {UNSUR_NAMES[u]}") for u in unsur_choices
        ]


class FollowUpUpdateForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=FollowUp.Status.choices)
    completed_on = forms.DateField(
        label=_("Completed on"),
        required=False,
        widget=DateInput(),
        help_text=_("Required when the status is “done”."),
    )
    note = forms.CharField(
        label=_("Progress note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
    )


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV or Excel file"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _(
            "At most %(mb)d MB and %(rows)d rows of forms."
        ) % {"mb": MAX_BYTES // (1024 * 1024), "rows": MAX_ROWS}

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise ValidationError(
                _("The file is larger than %(mb)d MB; split it into smaller files.")
                % {"mb": MAX_BYTES // (1024 * 1024)}
            )
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise ValidationError(_("Upload a CSV (.csv) or Excel (.xlsx) file."))
        return upload
