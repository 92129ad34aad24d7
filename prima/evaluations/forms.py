"""Forms of the PEKPPP cycle pages: they check shape only; the rules (a timeline in
order, units of the Pemda, evaluators without a conflict of interest) are judged by
``services.py``."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from prima.core.forms import DateInput, ModelMultipleChoiceField
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
