"""Forms of the staff registry. They check shape and the user's choices; the
consistency and publishing rules are judged by ``services``."""

from __future__ import annotations

from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from prima.core.forms import DateInput, ModelMultipleChoiceField
from prima.innovations import selectors
from prima.innovations.models import (
    APPLIED_STAGES,
    SECTIONS,
    Group,
    Innovation,
    Stage,
    Status,
)
from prima.surveys.models import UNSUR_CHOICES
from prima.surveys.questions import UNSUR_NAMES

# Every proposal section of every group, in the order of first appearance.
ALL_SECTIONS: tuple[str, ...] = tuple(
    dict.fromkeys(name for names in SECTIONS.values() for name in names)
)
EXTERNAL_FIELDS = ("origin_region", "origin_agency")


class ListFilterForm(forms.Form):
    q = forms.CharField(label=_("Title"), required=False, max_length=100)
    stage = forms.ChoiceField(
        label=_("Stage"), required=False, choices=[("", _("All"))] + Stage.choices
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All"))] + Status.choices
    )
    opd = forms.ModelChoiceField(
        label=_("Perangkat Daerah"), required=False, queryset=None, empty_label=_("All")
    )

    def __init__(self, *args, opds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opd"].queryset = opds


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.opd} › {obj.name}"


class LayananChoiceField(ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.unit.name} › {obj.name}"


class OwnerFieldsMixin:
    """The OPD and unit fields, limited to what ``owners`` allows."""

    def _setup_owner_fields(self, owners: selectors.Owners) -> None:
        self.owners = owners
        opd = self.fields["opd"]
        opd.queryset = owners.opds
        opd.required = owners.external_pemda is None
        opd.empty_label = (
            _("None: an innovation of another region")
            if owners.external_pemda is not None
            else "---------"
        )
        self.fields["unit"].queryset = owners.units
        if not self.is_bound and not (
            self.initial.get("opd") or self.initial.get("unit")
        ):
            self.initial.update(self._only_owner(owners))

    @staticmethod
    def _only_owner(owners: selectors.Owners) -> dict:
        """Return the OPD (and unit) preselected when the user has only one."""
        if owners.external_pemda is not None:
            return {}
        opds = list(owners.opds[:2])
        if len(opds) != 1:
            return {}
        units = list(owners.units[:2])
        if not owners.whole_opd_ids and len(units) == 1:
            return {"opd": opds[0], "unit": units[0]}
        return {"opd": opds[0]}

    def _clean_owner(self, cleaned: dict) -> None:
        opd, unit = cleaned.get("opd"), cleaned.get("unit")
        if "opd" in self.errors or "unit" in self.errors:
            return
        if unit is not None and opd is None:
            cleaned["opd"] = opd = unit.opd
        if unit is not None and unit.opd_id != opd.pk:
            self.add_error("unit", _("The unit does not belong to this OPD."))
        elif (
            opd is not None and unit is None and opd.pk not in self.owners.whole_opd_ids
        ):
            self.add_error("unit", _("Choose your unit."))


class InnovationForm(OwnerFieldsMixin, forms.ModelForm):
    """Register or edit an innovation: owner, proposal, services and targets."""

    opd = forms.ModelChoiceField(label=_("Perangkat Daerah"), queryset=None)
    unit = UnitChoiceField(label=_("Service unit"), queryset=None, required=False)
    layanan = LayananChoiceField(
        label=_("Services it changes"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Only services of the chosen unit (or OPD)."),
    )
    video_url = forms.URLField(
        label=capfirst(_("video link")), required=False, assume_scheme="https"
    )
    targets = forms.MultipleChoiceField(
        label=_("SKM unsur it targets"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Innovation
        fields = [
            "opd",
            "unit",
            "title",
            "group",
            "stage",
            "sector",
            "started_on",
            "applied_on",
            *ALL_SECTIONS,
            "video_url",
            *EXTERNAL_FIELDS,
        ]
        widgets = {
            "started_on": DateInput(),
            "applied_on": DateInput(),
            **{name: forms.Textarea(attrs={"rows": 4}) for name in ALL_SECTIONS},
        }

    def __init__(self, *args, owners: selectors.Owners, today: date, **kwargs):
        super().__init__(*args, **kwargs)
        self._setup_owner_fields(owners)
        current = self.instance if self.instance.pk else None
        self.fields["layanan"].queryset = selectors.layanan_choices(
            owners, current=current
        )
        if current is not None:
            self.initial.setdefault("layanan", list(self.instance.layanan.all()))
            self.initial.setdefault("targets", self.instance.target_codes())
        self.weak_lines = selectors.weak_unsur(self.subject(), today=today)
        self._setup_targets()

    # --- the unit or OPD the targets are suggested for --------------------------

    def _chosen(self, name: str):
        """Return the chosen OPD or unit: posted, else initial, else the instance's."""
        if self.is_bound:
            value = self.data.get(self.add_prefix(name))
        else:
            value = self.initial.get(name)
        if hasattr(value, "pk"):
            return value
        if value in (None, ""):
            return None
        try:
            return self.fields[name].queryset.filter(pk=int(value)).first()
        except (TypeError, ValueError):
            return None

    def subject(self):
        """Return the unit, else the OPD, whose weak unsur the targets come from."""
        return self._chosen("unit") or self._chosen("opd")

    def _setup_targets(self) -> None:
        field = self.fields["targets"]
        if not self.weak_lines:
            field.choices = [(code, label) for code, label in UNSUR_CHOICES]
            field.help_text = _(
                "No weak unsur in the latest twelve months of SKM: any unsur may be "
                "chosen."
            )
            return
        kept = [c for c in self.initial.get("targets", []) if c]
        weak_codes = [line.unsur.value for line in self.weak_lines]
        field.choices = [
            (line.unsur.value, self._weak_label(line)) for line in self.weak_lines
        ] + [
            (code, f"{code} {UNSUR_NAMES[code]}")
            for code in kept
            if code not in weak_codes
        ]
        field.help_text = _(
            "The weak unsur of the latest twelve months of SKM, weakest first."
        )
        field.error_messages["invalid_choice"] = _(
            "%(value)s is not a weak unsur of this unit or OPD; choose among the "
            "ones listed."
        )
        if not self.is_bound and not kept:
            self.initial["targets"] = [weak_codes[0]]

    @staticmethod
    def _weak_label(line) -> str:
        return gettext("%(code)s %(name)s (NRR %(nrr)s)") % {
            "code": line.unsur.value,
            "name": line.name,
            "nrr": line.nrr_display,
        }

    # --- validation -------------------------------------------------------------

    def clean(self):
        cleaned = super().clean()
        self._clean_owner(cleaned)
        opd, unit = cleaned.get("opd"), cleaned.get("unit")
        if opd is None and "opd" not in self.errors:
            self._clean_external(cleaned)
            self.instance.pemda = self.owners.external_pemda
        elif opd is not None:
            self.instance.pemda = opd.pemda
            self.instance.opd, self.instance.unit = opd, unit
        self._clean_layanan(cleaned, opd, unit)
        if (
            unit is not None
            and cleaned.get("stage") in APPLIED_STAGES
            and not cleaned.get("targets")
            and "targets" not in self.errors
        ):
            self.add_error(
                "targets",
                _("An applied innovation of a unit targets at least one unsur."),
            )
        return cleaned

    def _clean_external(self, cleaned: dict) -> None:
        for name in EXTERNAL_FIELDS:
            if not (cleaned.get(name) or "").strip():
                self.add_error(
                    name,
                    _("Required for an innovation of another region."),
                )

    def _clean_layanan(self, cleaned: dict, opd, unit) -> None:
        foreign = selectors.layanan_of_owner(
            cleaned.get("layanan") or [], opd=opd, unit=unit
        )
        if foreign:
            self.add_error(
                "layanan",
                ValidationError(
                    _("Not a service of the chosen unit or OPD: %(names)s.")
                    % {"names": ", ".join(str(item) for item in foreign)}
                ),
            )

    def sections_of_group(self) -> dict:
        """Return the bound fields of the chosen group's sections, then the others,
        and whether the others are worth showing open (written or in error)."""
        group = (
            self.data.get(self.add_prefix("group"))
            if self.is_bound
            else self.initial.get("group")
        )
        names = SECTIONS.get(group) or SECTIONS[self.instance.group or Group.UMUM]
        others = [self[name] for name in ALL_SECTIONS if name not in names]
        return {
            "mine": [self[name] for name in names],
            "others": others,
            "others_open": any(f.errors or f.value() for f in others),
        }


class OwnerPickForm(OwnerFieldsMixin, forms.Form):
    """The GET form choosing whose weak unsur the registration form offers."""

    opd = forms.ModelChoiceField(label=_("Perangkat Daerah"), queryset=None)
    unit = UnitChoiceField(label=_("Service unit"), queryset=None, required=False)

    def __init__(self, *args, owners: selectors.Owners, **kwargs):
        super().__init__(*args, **kwargs)
        self._setup_owner_fields(owners)
        self.fields["opd"].required = False

    def clean(self):
        cleaned = super().clean()
        self._clean_owner(cleaned)
        return cleaned


class ReplicateForm(OwnerFieldsMixin, forms.Form):
    """Start a replication: its title and the OPD or unit that runs it."""

    title = forms.CharField(label=_("Title"), max_length=200)
    opd = forms.ModelChoiceField(label=_("Perangkat Daerah"), queryset=None)
    unit = UnitChoiceField(label=_("Service unit"), queryset=None, required=False)

    def __init__(self, *args, owners: selectors.Owners, **kwargs):
        super().__init__(*args, **kwargs)
        self._setup_owner_fields(owners)

    def clean(self):
        cleaned = super().clean()
        self._clean_owner(cleaned)
        return cleaned


class EvidenceForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_("A JPEG or PNG photo or a PDF document, at most 5 MB."),
    )
    caption = forms.CharField(label=_("Caption"), max_length=200, required=False)


class CoverageForm(forms.Form):
    tahun = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
