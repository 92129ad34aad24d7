"""Forms of competition entries and juri score sheets: shape only; ``judging.py``
judges eligibility, locks and changes."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from prima.competitions.judging import criterion_label


class EntryForm(forms.Form):
    innovation = forms.ModelChoiceField(label=_("Innovation"), queryset=None)
    category = forms.ModelChoiceField(label=_("Category"), queryset=None)

    def __init__(self, *args, call, innovations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["innovation"].queryset = innovations
        self.fields["category"].queryset = call.categories.all()


def _score_messages(criterion: str, low: int, high: int) -> dict[str, str]:
    message = _("%(criterion)s: give a whole number from %(low)d to %(high)d.") % {
        "criterion": criterion_label(criterion),
        "low": low,
        "high": high,
    }
    return dict.fromkeys(("required", "invalid", "min_value", "max_value"), message)


class ScoreForm(forms.Form):
    """One whole number per criterion of the call, on the call's scale."""

    def __init__(self, *args, call, **kwargs):
        super().__init__(*args, **kwargs)
        rules = call.rules()
        low, high = rules.scale
        for criterion, weight in rules.weights.items():
            self.fields[criterion] = forms.IntegerField(
                label=criterion_label(criterion),
                min_value=low,
                max_value=high,
                help_text=_("weight %(percent)s%%")
                % {"percent": f"{float(weight) * 100:g}"},
                error_messages=_score_messages(criterion, low, high),
            )
        self.criteria = list(rules.weights)
        self.fields["comment"] = forms.CharField(
            label=_("Comment"),
            required=False,
            widget=forms.Textarea(attrs={"rows": 3}),
        )

    def scores(self) -> dict[str, int]:
        return {c: self.cleaned_data[c] for c in self.criteria}


class ScoreChangeForm(ScoreForm):
    """New scores for a locked sheet, with the reason the audit records."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["comment"]
        self.fields["reason"] = forms.CharField(
            label=_("Reason for the change"),
            widget=forms.Textarea(attrs={"rows": 3}),
            error_messages={"required": _("Reason: say why the scores change.")},
        )
