"""Forms of the questionnaire pages: they validate shape; rules live in
``prima.surveys.questionnaire``."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from prima.surveys.models import SurveySettings


class WordingForm(forms.Form):
    """One unsur's question and its four answers; every field required."""

    text = forms.CharField(
        label=_("Question"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    label_1 = forms.CharField(label=_("Answer a (score 1)"), max_length=80)
    label_2 = forms.CharField(label=_("Answer b (score 2)"), max_length=80)
    label_3 = forms.CharField(label=_("Answer c (score 3)"), max_length=80)
    label_4 = forms.CharField(label=_("Answer d (score 4)"), max_length=80)

    def labels(self) -> list[str]:
        return [self.cleaned_data[f"label_{i}"] for i in range(1, 5)]


class ExtraQuestionForm(forms.Form):
    text = forms.CharField(
        label=_("Question"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Citizens answer in their own words; the answer is optional."),
    )
    position = forms.IntegerField(
        label=_("Position"),
        min_value=1,
        max_value=99,
        initial=1,
        help_text=_("Extra questions are asked after the nine unsur, in this order."),
    )
    active = forms.BooleanField(
        label=_("Asked on the form"), required=False, initial=True
    )


class SettingsForm(forms.Form):
    period_kind = forms.ChoiceField(
        label=_("Survey period"),
        choices=SurveySettings._meta.get_field("period_kind").choices,
        widget=forms.RadioSelect,
        help_text=_(
            "The period over which the IKM is computed and reported for every unit "
            "of the Pemda."
        ),
    )
    hide_running_period = forms.BooleanField(
        label=SurveySettings._meta.get_field("hide_running_period").verbose_name,
        help_text=SurveySettings._meta.get_field("hide_running_period").help_text,
        required=False,
    )
