"""Forms of the Pemda admin's competition pages: they check shape only; the rules of a
call (weights summing to 1, stages narrowing the field, conflicts of interest) are
judged by ``services.py``."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.forms.models import fields_for_model, model_to_dict
from django.utils.translation import gettext_lazy as _

from prima.competitions import scoring
from prima.competitions.judging import CRITERION_LABELS
from prima.competitions.models import Call, RejectReason
from prima.competitions.services import (
    ELIGIBILITY_FIELDS,
    WEIGHT_FIELDS,
    weight_field,
)
from prima.innovations.models import Group

TIE_FIELDS = tuple(f"tie_{position}" for position in range(1, 6))
CALL_FIELDS = (
    "title",
    "year",
    "deadline",
    "description",
    *WEIGHT_FIELDS,
    "scale_min",
    "scale_max",
    *ELIGIBILITY_FIELDS,
)
# Service errors about rules the form spreads over several inputs.
ERROR_FIELDS = {"tie_order": TIE_FIELDS[0]}
CATEGORY_ROWS = 4
STAGE_ROWS = 5
SPARE_ROWS = 2
MAX_OBJECTION_DAYS = 60
# How many proposals a stage lets through: no call has more, and the bound keeps the
# number inside every database's integer column.
MAX_ADVANCE = 9999


class CallForm(forms.Form):
    """The rules of a call; the Pemda is chosen only when creating one."""

    def __init__(self, *args, pemdas=None, call: Call | None = None, **kwargs):
        if call is not None:
            initial = model_to_dict(call, fields=CALL_FIELDS)
            tie_order = call.tie_order.split(",")
            initial |= dict(zip(TIE_FIELDS, tie_order, strict=False))
            kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)
        if pemdas is not None:
            self.fields["pemda"] = forms.ModelChoiceField(
                label=_("Pemda"), queryset=pemdas, empty_label=None
            )
        self.fields.update(fields_for_model(Call, fields=CALL_FIELDS))
        self.fields["deadline"].widget = forms.DateTimeInput(
            attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
        )
        choices = [(c, CRITERION_LABELS[c]) for c in scoring.CRITERIA]
        for position, name in enumerate(TIE_FIELDS, start=1):
            self.fields[name] = forms.ChoiceField(
                label=_("Tie-break %(position)d") % {"position": position},
                choices=choices,
                initial=scoring.DEFAULT_TIE_ORDER[position - 1],
            )

    def rules(self) -> dict:
        """Return the cleaned rules as keyword arguments of ``call_create``."""
        data = self.cleaned_data
        return {
            "title": data["title"],
            "year": data["year"],
            "deadline": data["deadline"],
            "description": data["description"],
            "weights": {c: data[weight_field(c)] for c in scoring.CRITERIA},
            "scale": (data["scale_min"], data["scale_max"]),
            "tie_order": tuple(data[name] for name in TIE_FIELDS),
            **{name: data[name] for name in ELIGIBILITY_FIELDS},
        }


class CategoryForm(forms.Form):
    name = forms.CharField(label=_("Category"), max_length=120, required=False)
    group = forms.ChoiceField(
        label=_("Proposal group"), choices=Group.choices, initial=Group.UMUM
    )


class StageForm(forms.Form):
    name = forms.CharField(label=_("Stage"), max_length=80, required=False)
    advance = forms.IntegerField(
        label=_("How many advance"),
        min_value=1,
        max_value=MAX_ADVANCE,
        required=False,
    )
    objection_days = forms.IntegerField(
        label=_("Public objection days"),
        min_value=0,
        max_value=MAX_OBJECTION_DAYS,
        required=False,
        help_text=_("Public objection window after this stage, in calendar days."),
    )

    def clean(self):
        data = super().clean()
        if data.get("name") and not data.get("advance"):
            self.add_error("advance", _("Say how many advance from this stage."))
        if data.get("advance") and not data.get("name"):
            self.add_error("name", _("Name the stage."))
        return data


def _formset(form_class, prefix: str, rows: int, data=None, initial=None):
    initial = initial or []
    extra = max(rows - len(initial), SPARE_ROWS)
    factory = forms.formset_factory(form_class, extra=extra)
    # Every row is validated, even one left as it was: blank rows are simply
    # dropped by ``filled_rows``, and an unchanged existing row must be kept.
    return factory(
        data, initial=initial, prefix=prefix, form_kwargs={"empty_permitted": False}
    )


def category_formset(data=None, call: Call | None = None):
    initial = (
        [{"name": c.name, "group": c.group} for c in call.categories.all()]
        if call
        else []
    )
    return _formset(CategoryForm, "categories", CATEGORY_ROWS, data, initial)


def stage_formset(data=None, call: Call | None = None):
    initial = (
        [
            {"name": s.name, "advance": s.advance, "objection_days": s.objection_days}
            for s in call.stages_in_order()
        ]
        if call
        else []
    )
    return _formset(StageForm, "stages", STAGE_ROWS, data, initial)


def filled_rows(formset, *fields: str) -> list[tuple]:
    """Return the named values of each row with a name, in order; blank rows drop out."""
    return [
        tuple(form.cleaned_data[name] for name in fields)
        for form in formset
        if form.cleaned_data.get("name")
    ]


class ScreenForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("accept", _("Accept")), ("reject", _("Reject"))],
        widget=forms.HiddenInput,
    )
    reason = forms.ChoiceField(
        label=_("Reason"),
        required=False,
        choices=[("", "—"), *RejectReason.choices],
    )
    note = forms.CharField(
        label=_("Note to the OPD"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def decision_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "accept": data["decision"] == "accept",
            "reason": data["reason"],
            "note": data["note"],
        }


class PanelAddForm(forms.Form):
    juri = forms.ModelChoiceField(label=_("Juri"), queryset=None)
    affiliation_opd = forms.ModelChoiceField(
        label=_("Own OPD"),
        queryset=None,
        required=False,
        empty_label=_("None (from outside the Pemda)"),
        help_text=_("The juri will never be assigned this OPD's proposals."),
    )
    affiliation = forms.CharField(
        label=_("Affiliation"),
        max_length=200,
        required=False,
        help_text=_("E.g. a university or professional body."),
    )

    def __init__(self, *args, juri, opds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["juri"].queryset = juri
        self.fields["affiliation_opd"].queryset = opds


class AssignForm(forms.Form):
    """Choose a juri for an entry; conflicted juri are not offered at all."""

    juri = forms.ModelChoiceField(label=_("Juri"), queryset=None)

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["juri"].queryset = (
            get_user_model()
            .objects.filter(pk__in=[m.juri_id for m in members])
            .order_by("full_name", "username")
        )


class ObjectionDecideForm(forms.Form):
    """The committee's decision on one public objection, with its answer."""

    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            ("dismiss", _("Dismiss the objection")),
            ("uphold", _("Uphold it: eliminate the proposal")),
        ],
        widget=forms.RadioSelect,
    )
    answer = forms.CharField(
        label=_("Answer"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown publicly with the objection, without the objector's name."),
    )

    def decision_kwargs(self) -> dict:
        data = self.cleaned_data
        return {"uphold": data["decision"] == "uphold", "answer": data["answer"]}
