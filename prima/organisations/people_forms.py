"""Forms of the staff-management pages: their roles and scopes are the user's reach."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from prima.core.roles import Level, Role
from prima.organisations import reach

LEVEL_GROUPS = {
    Level.PEMDA: _("Pemda"),
    Level.OPD: _("Perangkat Daerah"),
    Level.UNIT: _("Service units"),
}


def _target_label(target: Any, level: str, several_pemda: bool) -> str:
    label = str(target.name)
    if level == Level.UNIT:
        label = f"{label} · {target.opd}"
    if several_pemda and level != Level.PEMDA:
        label = f"{label} ({target.pemda})"
    return label


def target_choices(user: Any) -> list[tuple[str, list[tuple[str, str]]]]:
    """Return the Pemda, OPD and units the user may give roles on, grouped by level,
    as ``"<level>:<pk>"`` values."""
    per_level = {
        Level.PEMDA: reach.targets(user, Level.PEMDA).order_by("name", "pk"),
        Level.OPD: reach.targets(user, Level.OPD)
        .select_related("pemda")
        .order_by("pemda__name", "name", "pk"),
        Level.UNIT: reach.targets(user, Level.UNIT)
        .select_related("pemda", "opd")
        .order_by("pemda__name", "opd__name", "name", "pk"),
    }
    rows = {level: list(qs) for level, qs in per_level.items()}
    pemda_ids = {t.pemda_id for t in rows[Level.OPD] + rows[Level.UNIT]}
    several = len(pemda_ids) > 1
    return [
        (
            str(LEVEL_GROUPS[level]),
            [(f"{level}:{t.pk}", _target_label(t, level, several)) for t in targets],
        )
        for level, targets in rows.items()
        if targets
    ]


class GrantForm(forms.Form):
    """A role and where it is held; only what the user may give is offered."""

    role = forms.ChoiceField(label=_("Role"))
    target = forms.ChoiceField(
        label=_("Held on"),
        help_text=_(
            "Pemda-level roles are held on the Pemda, OPD roles on a Perangkat "
            "Daerah, unit roles on a service unit."
        ),
    )

    def __init__(self, *args, user: Any, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["role"].choices = [
            (role, Role(role).label) for role in reach.grantable_roles(user)
        ]
        self.fields["target"].choices = target_choices(user)

    def clean_target(self) -> Any:
        level, _sep, pk = self.cleaned_data["target"].partition(":")
        if level not in reach.TARGET_MODELS or not pk.isdigit():
            raise forms.ValidationError(_("Choose where the role is held."))
        target = reach.targets(self.user, level).filter(pk=int(pk)).first()
        if target is None:
            raise forms.ValidationError(_("Choose where the role is held."))
        return target


class InvitationForm(GrantForm):
    """Who is invited, and the first role they are given."""

    email = forms.EmailField(label=_("E-mail"), max_length=254)
    full_name = forms.CharField(label=_("Full name"), max_length=150)
    position = forms.CharField(label=_("Position"), max_length=150, required=False)

    field_order = ["email", "full_name", "position", "role", "target"]


class MemberFilterForm(forms.Form):
    """Search of the staff list (GET)."""

    q = forms.CharField(
        label=_("Search"), required=False, max_length=100, widget=forms.SearchInput
    )

    def query(self) -> str:
        """Return the valid search text, or nothing."""
        return (self.cleaned_data.get("q") or "").strip() if self.is_valid() else ""
