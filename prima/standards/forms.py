"""Staff forms for Standar Pelayanan versions, their review and the unit's Maklumat.

The forms validate shape; the rules about jangka waktu and biaya live in the pure
``components`` module and reach the form through the model's ``clean()``, so the
same checks guard the services and the admin.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from prima.core.forms import DateInput
from prima.standards import components as sp
from prima.standards.models import (
    COMPONENT_LABELS,
    Maklumat,
    Participant,
    PublicationMedium,
    StandarPelayanan,
)
from prima.standards.selectors import StandardState
from prima.standards.services import DECREE_FIELDS, EDITABLE_FIELDS, MAKLUMAT_FIELDS

# The form fields holding each component, in regulation order.
COMPONENT_FIELDS: dict[str, tuple[str, ...]] = {
    "jangka_waktu": ("jangka_waktu_value", "jangka_waktu_unit"),
    "biaya": ("biaya_tarif", "biaya_dasar_hukum"),
    "penanganan_pengaduan": ("penanganan_pengaduan", "pengaduan_answer_days"),
}
LIFECYCLE_GROUPS = (
    (
        _("Drafting with citizens (penyusunan)"),
        ("drafted_on", "drafting_participants", "drafting_minutes"),
    ),
    (_("Publication (publikasi)"), ("publication_media",)),
)
TEXTAREA_ROWS = 4


class StandardForm(forms.ModelForm):
    """All fourteen components plus the drafting, setting and publication facts."""

    drafting_participants = forms.MultipleChoiceField(
        label=_("Drafting participants"),
        choices=Participant.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Groups that took part, e.g. in a Forum Konsultasi Publik."),
    )
    publication_media = forms.MultipleChoiceField(
        label=_("Publication media"),
        choices=PublicationMedium.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Where the six service-delivery components are published."),
    )

    class Meta:
        model = StandarPelayanan
        fields = EDITABLE_FIELDS
        widgets = {"drafted_on": DateInput}
        help_texts = {
            "persyaratan": _("One requirement per line; shown as a list."),
            "jangka_waktu_value": _("A whole number, with its unit below."),
        }

    def __init__(
        self,
        *args: Any,
        layanan: Any,
        source: StandarPelayanan | None = None,
        **kwargs: Any,
    ) -> None:
        # The form never writes a row itself: standard_save_draft() decides whether
        # the values update the draft or open a new version.
        kwargs["instance"] = StandarPelayanan(
            layanan=layanan, pemda_id=layanan.pemda_id
        )
        if source is not None:
            kwargs.setdefault(
                "initial", {name: getattr(source, name) for name in EDITABLE_FIELDS}
            )
        super().__init__(*args, **kwargs)
        numbers = {c.key: c.number for c in sp.COMPONENTS}
        for name, field in self.fields.items():
            if isinstance(field.widget, forms.Textarea):
                field.widget.attrs["rows"] = TEXTAREA_ROWS
            if isinstance(field, forms.IntegerField | forms.DecimalField):
                field.widget.attrs["min"] = 0
            if name in numbers:  # a component held in one field carries its number
                field.label = f"{numbers[name]}. {field.label}"

    def component_groups(self) -> list[tuple[str, list[dict[str, Any]]]]:
        """Return the components as (group title, [{number, label, fields}])."""
        groups = []
        for title, group in (
            (_("Service delivery (published to citizens)"), sp.Group.SERVICE_DELIVERY),
            (_("Manufacturing (internal to the unit)"), sp.Group.MANUFACTURING),
        ):
            items = [
                {
                    "number": c.number,
                    "label": COMPONENT_LABELS[c.key],
                    "fields": [self[n] for n in COMPONENT_FIELDS.get(c.key, (c.key,))],
                }
                for c in sp.COMPONENTS
                if c.group is group
            ]
            groups.append((title, items))
        return groups

    def lifecycle_groups(self) -> list[tuple[str, list[forms.BoundField]]]:
        return [(title, [self[n] for n in names]) for title, names in LIFECYCLE_GROUPS]


class ApproveForm(forms.Form):
    """The decree that sets a submitted version (penetapan), entered by its approver."""

    decree_number = forms.CharField(label=_("Decree number"), max_length=120)
    decree_date = forms.DateField(label=_("Decree date"), widget=DateInput)
    decree_signatory = forms.CharField(
        label=_("Signed by"),
        max_length=150,
        help_text=_("Name and position of the official who signed the decree."),
    )
    comment = forms.CharField(
        label=_("Comment (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    @classmethod
    def for_version(
        cls,
        data: Any,
        *,
        standard: StandarPelayanan,
        published: StandarPelayanan | None,
    ) -> ApproveForm:
        """Bind ``data``, starting from a decree the draft already names as its own;
        the signatory is usually the one who signed the version before."""
        initial = {name: getattr(standard, name) for name in DECREE_FIELDS}
        if not initial["decree_signatory"] and published is not None:
            initial["decree_signatory"] = published.decree_signatory
        return cls(data, initial=initial)


class ReturnForm(forms.Form):
    """Send a submitted version back to its editors, saying what should change."""

    # Shares the approval page with ApproveForm, whose comment field has the same name.
    prefix = "return"

    comment = forms.CharField(
        label=_("What should change"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The unit's staff read this on the standard's page."),
    )


class ReviewForm(forms.Form):
    """A peninjauan ulang of the published version: its date and outcome."""

    reviewed_on = forms.DateField(
        label=_("Review date"),
        required=False,
        widget=DateInput,
        help_text=_("Leave empty for today."),
    )
    note = forms.CharField(
        label=_("Outcome of the review"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean_reviewed_on(self):
        return self.cleaned_data["reviewed_on"] or timezone.localdate()


class MaklumatForm(forms.ModelForm):
    """The unit's Maklumat Pelayanan: its text, signature and publication."""

    class Meta:
        model = Maklumat
        fields = MAKLUMAT_FIELDS
        widgets = {"signed_on": DateInput}
        help_texts = {
            "text": _(
                "The unit promises to serve according to its standards, to keep "
                "improving, and to accept sanctions or give compensation when service "
                "falls short."
            ),
        }

    def __init__(
        self, *args: Any, unit: Any, current: Maklumat | None = None, **kwargs: Any
    ) -> None:
        # The form never writes a row itself: maklumat_save() does. It validates a
        # fresh instance so the page still shows the stored Maklumat on errors.
        kwargs["instance"] = Maklumat(unit=unit, pemda_id=unit.pemda_id)
        if current is not None:
            kwargs.setdefault(
                "initial", {name: getattr(current, name) for name in MAKLUMAT_FIELDS}
            )
        super().__init__(*args, **kwargs)
        self.fields["text"].widget.attrs["rows"] = 6


class StandardFilterForm(forms.Form):
    state = forms.ChoiceField(
        label=_("State"),
        choices=[("", _("All"))] + StandardState.choices,
        required=False,
    )
    q = forms.CharField(label=_("Search"), required=False, max_length=100)

    def filters(self) -> dict[str, str]:
        """Return the valid filters; an invalid one is ignored rather than refused."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {k: v for k, v in self.cleaned_data.items() if v}
