"""Forms of the staff pages: their choices come from the user's scope."""

from __future__ import annotations

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from prima.core.uploads import PDF, clean_upload
from prima.organisations.models import Layanan, Letterhead, PerangkatDaerah, Unit


class LayananForm(forms.ModelForm):
    """A service's shape; the Pemda follows from the chosen unit."""

    class Meta:
        model = Layanan
        fields = ["unit", "code", "name", "description", "active"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, units: QuerySet[Unit], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["code"].help_text = _(
            "Unique within the Pemda, e.g. DKP-01. Letters, digits, dots, dashes or "
            "underscores."
        )


class UnitForm(forms.ModelForm):
    """A service unit's shape; the Pemda follows from the chosen OPD."""

    class Meta:
        model = Unit
        fields = [
            "opd",
            "code",
            "name",
            "kind",
            "address",
            "phone",
            "email",
            "opening_hours",
            "head_name",
            "head_title",
            "head_nip",
            "active",
        ]
        widgets = {"address": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, opds: QuerySet[PerangkatDaerah], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["opd"].queryset = opds
        self.fields["code"].help_text = _("Unique within the Pemda.")
        self.fields["opening_hours"].help_text = _(
            "For example: Monday–Friday 08.00–15.00."
        )


class LayananFilterForm(forms.Form):
    """Search and filters of the staff service list (GET)."""

    q = forms.CharField(
        label=_("Search"), required=False, max_length=100, widget=forms.SearchInput
    )
    opd = forms.ModelChoiceField(
        label=_("Perangkat Daerah"),
        queryset=PerangkatDaerah.objects.none(),
        required=False,
        empty_label=_("All"),
    )
    unit = forms.ModelChoiceField(
        label=_("Service unit"),
        queryset=Unit.objects.none(),
        required=False,
        empty_label=_("All"),
    )

    def __init__(
        self,
        *args,
        opds: QuerySet[PerangkatDaerah],
        units: QuerySet[Unit],
        **kwargs,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["opd"].queryset = opds
        self.fields["unit"].queryset = units

    def filters(self) -> dict[str, object]:
        """Return the valid filters only; an invalid one is ignored, not fatal."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {
            "q": (data.get("q") or "").strip(),
            "opd": data.get("opd"),
            "unit": data.get("unit"),
        }


class UnitFilterForm(forms.Form):
    """Search and OPD filter of the staff unit list (GET)."""

    q = forms.CharField(
        label=_("Search"), required=False, max_length=100, widget=forms.SearchInput
    )
    opd = forms.ModelChoiceField(
        label=_("Perangkat Daerah"),
        queryset=PerangkatDaerah.objects.none(),
        required=False,
        empty_label=_("All"),
    )

    def __init__(self, *args, opds: QuerySet[PerangkatDaerah], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["opd"].queryset = opds

    def filters(self) -> dict[str, object]:
        """Return the valid filters only; an invalid one is ignored, not fatal."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {"q": (data.get("q") or "").strip(), "opd": data.get("opd")}


class OpdHeadForm(forms.ModelForm):
    class Meta:
        model = PerangkatDaerah
        fields = ["head_name", "head_nip"]


class LetterheadForm(forms.ModelForm):
    """The letterhead's text; the logo comes as a separate, cleaned upload."""

    logo_upload = forms.FileField(
        label=_("Logo (PNG or JPEG)"),
        required=False,
        help_text=_("Replaces the current logo. At most 5 MB."),
    )
    remove_logo = forms.BooleanField(label=_("Remove the logo"), required=False)

    class Meta:
        model = Letterhead
        fields = [
            "lines",
            "signatory_name",
            "signatory_title",
            "signatory_nip",
            "team",
            "schedule",
        ]
        widgets = {
            "lines": forms.Textarea(attrs={"rows": 4}),
            "team": forms.Textarea(attrs={"rows": 4}),
            "schedule": forms.Textarea(attrs={"rows": 4}),
        }

    def clean_logo_upload(self):
        upload = self.cleaned_data.get("logo_upload")
        if not upload:
            return None
        clean = clean_upload(upload)
        if clean.content_type == PDF:
            raise forms.ValidationError(_("The logo must be a PNG or JPEG image."))
        return clean
