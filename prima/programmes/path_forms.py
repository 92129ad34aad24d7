"""Forms of the participant's path: shape only; the rules are in ``path_services``."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from prima.competitions.judging import criterion_label
from prima.competitions.scoring import CRITERIA
from prima.core.forms import DateInput
from prima.innovations.models import SECTIONS, Innovation, Sector
from prima.programmes.models import Milestone
from prima.surveys.models import UNSUR_CHOICES

TEXT_MAX = 5000
SECTION_MAX = 10000


def _text(label, *, rows: int = 4, required: bool = True, max_length=TEXT_MAX):
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class DiagnosisForm(forms.Form):
    unsur = forms.MultipleChoiceField(
        label=_("Unsur the team addresses"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    problem_statement = _text(_("Problem statement"))
    root_causes = _text(_("Root causes"))

    def __init__(self, *args, facts, **kwargs):
        """``facts``: the unit's ``DiagnosisFacts``; its weak unsur are the choices."""
        super().__init__(*args, **kwargs)
        field = self.fields["unsur"]
        if facts.weak_lines:
            field.choices = [
                (line.unsur.value, self._weak_label(line)) for line in facts.weak_lines
            ]
            field.help_text = _(
                "The weak unsur of the latest twelve months of SKM, weakest first."
            )
        else:
            field.choices = list(UNSUR_CHOICES)
            field.help_text = _(
                "No weak unsur in the latest twelve months of SKM: any unsur may be "
                "chosen."
            )
        if not self.is_bound and "unsur" not in self.initial:
            self.initial["unsur"] = facts.weak_codes

    @staticmethod
    def _weak_label(line) -> str:
        return gettext("%(code)s %(name)s (NRR %(nrr)s)") % {
            "code": line.unsur.value,
            "name": line.name,
            "nrr": line.nrr_display,
        }


class DesignStartForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    sector = forms.ChoiceField(label=_("Sector"), choices=Sector.choices)


class ProposalForm(forms.Form):
    """The draft's title and the sections of its proposal group."""

    title = forms.CharField(label=_("Title"), max_length=200)

    def __init__(self, *args, innovation: Innovation, **kwargs):
        super().__init__(*args, **kwargs)
        self.section_names = SECTIONS[innovation.group]
        if not self.is_bound:
            self.initial["title"] = innovation.title
        for name in self.section_names:
            label = Innovation._meta.get_field(name).verbose_name
            self.fields[name] = _text(
                label.capitalize(), rows=5, required=False, max_length=SECTION_MAX
            )
            if not self.is_bound:
                self.initial[name] = getattr(innovation, name)

    def sections(self) -> dict[str, str]:
        return {name: self.cleaned_data[name] for name in self.section_names}


class MilestoneForm(forms.ModelForm):
    class Meta:
        model = Milestone
        fields = ["title", "due_on", "evidence_expected", "responsible"]
        widgets = {"due_on": DateInput()}


class ReportForm(forms.Form):
    text = _text(_("What was done"))
    file = forms.FileField(
        label=_("Evidence file"),
        required=False,
        help_text=_("A PDF, JPEG or PNG file, at most 5 MB."),
    )
    link = forms.URLField(
        label=_("Or a link to the evidence"), required=False, assume_scheme="https"
    )


class ReviewForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Review"),
        choices=[
            ("diterima", _("Accepted")),
            ("perlu_perbaikan", _("Needs revision")),
        ],
        widget=forms.RadioSelect,
    )
    comment = _text(_("Comment"), rows=3, required=False)


class ClinicReviewForm(forms.Form):
    """Written advice on each of the five competition criteria."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in CRITERIA:
            self.fields[name] = _text(criterion_label(name), rows=3)

    def advice(self) -> dict[str, str]:
        return {name: self.cleaned_data[name] for name in CRITERIA}
