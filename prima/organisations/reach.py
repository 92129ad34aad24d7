"""Which roles a staff member may give, and where: the one rule of staff management.

A role is given on a target (the Pemda, one of its OPD, or a unit) at a level the
role allows (``roles.ROLE_LEVELS``). A user may give it when a grant of theirs with
the "change" action on the users area (``roles.GRANTS``) covers the target:

- a Pemda-level grant (the Pemda administrator) covers the Pemda, its OPD and units;
- an OPD-level grant (an OPD administrator) covers that OPD and its units, never the
  Pemda, so never a Pemda-level role;
- an active superuser covers everything; every other role covers nothing.

Nobody can therefore give a role above their own reach. Ending a role follows the
same rule, and so does the account itself: deactivating someone needs every active
role of theirs to be within reach.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Model, QuerySet

from prima.core.roles import CHANGE, ROLE_LEVELS, Area, Level, Role
from prima.core.scoping import is_platform_operator, reach_q
from prima.organisations.models import Membership, Pemda, PerangkatDaerah, Unit

TARGET_MODELS: dict[str, type[Model]] = {
    Level.PEMDA: Pemda,
    Level.OPD: PerangkatDaerah,
    Level.UNIT: Unit,
}
# How a grant held at each level reaches the targets of each level.
TARGET_LOOKUPS: dict[str, dict[str, str]] = {
    Level.PEMDA: {Level.PEMDA: "pk"},
    Level.OPD: {Level.PEMDA: "pemda", Level.OPD: "pk"},
    Level.UNIT: {Level.PEMDA: "pemda", Level.OPD: "opd", Level.UNIT: "pk"},
}


def level_of(target: Model) -> str:
    """Return the level of a Pemda, OPD or unit."""
    for level, model in TARGET_MODELS.items():
        if isinstance(target, model):
            return level
    raise TypeError(f"not a Pemda, OPD or unit: {target!r}")


def targets(user: Any, level: str) -> QuerySet:
    """Return the Pemda, OPD or units (``level``) on which the user may give roles."""
    model = TARGET_MODELS[level]
    if is_platform_operator(user):
        return model._default_manager.all()
    return model._default_manager.filter(
        reach_q(user, TARGET_LOOKUPS[level], area=Area.USERS, action=CHANGE)
    )


def may_grant(user: Any, *, role: str, target: Model) -> bool:
    """Return whether the user may give (or end) ``role`` on ``target``."""
    level = level_of(target)
    if level not in ROLE_LEVELS.get(role, frozenset()):
        return False
    return targets(user, level).filter(pk=target.pk).exists()


def may_change_membership(user: Any, membership: Membership) -> bool:
    """Return whether the user may end ``membership``: the rule of giving it."""
    return may_grant(user, role=membership.role, target=membership.scope_object)


def grantable_roles(user: Any) -> list[str]:
    """Return the roles the user may give somewhere, in the table's order."""
    reached = {level for level in TARGET_MODELS if targets(user, level).exists()}
    return [role for role in Role.values if ROLE_LEVELS[role] & reached]


def may_manage(user: Any) -> bool:
    """Return whether the user may give any role at all."""
    return bool(grantable_roles(user))


def managed_memberships(user: Any) -> QuerySet[Membership]:
    """Return the memberships (active or ended) the user may change."""
    return Membership.objects.editable_by(user)


def may_manage_account(user: Any, member: Any) -> bool:
    """Return whether the user may deactivate or reactivate ``member``'s account.

    Never their own account nor a superuser's; and only when ``member`` holds (or
    held) some role within the user's reach and no active role beyond it, since a
    deactivated account can sign in nowhere.
    """
    if member.pk == getattr(user, "pk", None) or member.is_superuser:
        return False
    held = list(
        Membership.objects.filter(user=member).select_related("pemda", "opd", "unit")
    )
    if not any(may_change_membership(user, m) for m in held):
        return False
    return all(may_change_membership(user, m) for m in held if m.active)
