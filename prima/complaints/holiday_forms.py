"""Forms of the holiday calendar page; the Pemda is one the user keeps."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from prima.complaints.holidays import MAX_BYTES
from prima.complaints.models import Holiday
from prima.core.forms import DateInput


class _PemdaForm(forms.Form):
    pemda = forms.ModelChoiceField(queryset=None, widget=forms.HiddenInput)

    def __init__(self, *args, pemdas: QuerySet, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["pemda"].queryset = pemdas


class HolidayForm(_PemdaForm):
    """One non-working day."""

    day = forms.DateField(label=_("Date"), widget=DateInput)
    name = forms.CharField(
        label=_("Name"), max_length=Holiday._meta.get_field("name").max_length
    )


class HolidayImportForm(_PemdaForm):
    """A file of the year's national holidays and cuti bersama."""

    year = forms.IntegerField(widget=forms.HiddenInput, min_value=2000, max_value=2100)
    file = forms.FileField(
        label=_("File (CSV or XLSX)"),
        help_text=_(
            "Columns “date” (YYYY-MM-DD or DD/MM/YYYY) and “name”, header row first. "
            "Days already in the calendar are kept as they are."
        ),
    )

    def clean_file(self):
        # Checked before the view reads the file into memory.
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise ValidationError(
                _("The file is larger than %(mb)d MB; split it into smaller files.")
                % {"mb": MAX_BYTES // (1024 * 1024)}
            )
        return upload
