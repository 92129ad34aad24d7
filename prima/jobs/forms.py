from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class ExportForm(forms.Form):
    """What to export, of which Pemda and year; a kind of file needs its own grant
    in the chosen Pemda (``services.export_pemdas``)."""

    kind = forms.ChoiceField(label=_("What"), choices=())
    pemda = forms.ModelChoiceField(
        label=_("Pemda"), queryset=None, to_field_name="slug"
    )
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)

    def __init__(self, *args, pemdas, kinds, pemdas_for_kind, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pemda"].queryset = pemdas
        self.fields["kind"].choices = kinds
        self._pemdas_for_kind = pemdas_for_kind

    def clean(self):
        data = super().clean()
        kind, pemda = data.get("kind"), data.get("pemda")
        if kind and pemda and not self._pemdas_for_kind(kind).filter(pk=pemda.pk):
            self.add_error("pemda", _("You may not export this of that Pemda."))
        return data


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Paper-form file (CSV or XLSX)"),
        help_text=_("Up to 200 000 forms in the import's columns; at most 40 MB."),
    )

    def clean_file(self):
        from prima.surveys.imports import LARGE_MAX_BYTES

        upload = self.cleaned_data["file"]
        if upload.size > LARGE_MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 40 MB."))
        return upload
