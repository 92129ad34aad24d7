"""Forms of closing, certificates and benchmarking visits: shape only; the rules
are in ``certificate_services`` and ``benchmark_services``."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from prima.core.forms import DateInput, ModelMultipleChoiceField
from prima.innovations.models import Sector
from prima.organisations.models import PerangkatDaerah


class CloseForm(forms.Form):
    """The organiser's pass marks: the ticked participants passed (lulus).

    Its fields use ``prima.core.forms.ModelMultipleChoiceField``: a 19-digit id is
    a form error, not an overflow in the database."""

    passed = ModelMultipleChoiceField(label=_("Passed"), queryset=None, required=False)

    def __init__(self, *args, participants, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["passed"].queryset = participants


class PlanScoreForm(forms.Form):
    """The final review of one team's rencana aksi."""

    score = forms.IntegerField(
        label=_("Plan score (0–100)"), min_value=0, max_value=100
    )
    note = forms.CharField(
        label=_("Review note"), required=False, max_length=2000, widget=forms.Textarea
    )


class RevokeForm(forms.Form):
    reason = forms.CharField(label=_("Reason for revoking"), max_length=300)


class VisitForm(forms.Form):
    host_region = forms.CharField(label=_("Host region"), max_length=150)
    visited_on = forms.DateField(label=_("Date of the visit"), widget=DateInput())
    participants = ModelMultipleChoiceField(
        label=_("Who went"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea)

    def __init__(self, *args, participants, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participants"].queryset = participants


class ObservationForm(forms.Form):
    title = forms.CharField(label=_("Innovation observed"), max_length=200)
    origin_agency = forms.CharField(label=_("Agency running it"), max_length=200)
    sector = forms.ChoiceField(label=_("Sector"), choices=Sector.choices)
    observed = forms.CharField(
        label=_("What the participants observed (amati)"), widget=forms.Textarea
    )
    adopting_opd = forms.ModelChoiceField(
        label=_("OPD that will copy it"),
        queryset=PerangkatDaerah.objects.none(),
        required=False,
    )
    copy_what = forms.CharField(
        label=_("What the OPD will copy (tiru)"),
        required=False,
        widget=forms.Textarea,
    )
    adapt_how = forms.CharField(
        label=_("How it will adapt it (modifikasi)"),
        required=False,
        widget=forms.Textarea,
    )

    def __init__(self, *args, pemda, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["adopting_opd"].queryset = PerangkatDaerah.objects.filter(
            pemda=pemda
        ).order_by("name")
