"""One scoping mechanism for every queryset, view, export and API endpoint.

A model opts in by using ``ScopedQuerySet`` and declaring ``scope_area`` (the area of
``prima.core.roles.GRANTS`` its rows belong to) and ``scope_lookups`` (how to reach
its Pemda, OPD and unit from the row). ``Model.objects.visible_to(user)`` then returns
exactly the rows the user's memberships reach with the "view" grant, and
``editable_by(user)`` those reachable with the "change" grant.

Every question about a user's memberships is answered here, by one rule: a grant
counts when its membership is active, its role holds the action on the area
(``roles.can``), and, where a level is asked for, it is held at that level; an
active superuser reaches everything. Nothing outside this module loops over grants.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q
from django.http import Http404

from prima.core.roles import CHANGE, VIEW, Level, can


@dataclass(frozen=True)
class Grant:
    """One membership reduced to what scoping needs."""

    role: str
    level: str
    target_id: int
    pemda_id: int


def user_grants(user: Any) -> tuple[Grant, ...]:
    """Return the user's active grants, cached on the user object for the request."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return ()
    cached = getattr(user, "_prima_grants", None)
    if cached is None:
        cached = tuple(
            Grant(m.role, m.level, m.target_id, m.pemda_id)
            for m in user.memberships.filter(active=True)
        )
        user._prima_grants = cached
    return cached


def user_can(user: Any, area: str, action: str = VIEW) -> bool:
    """Return whether the user holds ``action`` on ``area`` anywhere."""
    return is_platform_operator(user) or bool(_granting(user, area, action, None))


def user_has_any_role(user: Any) -> bool:
    """Return whether the user is staff of some Pemda (or a platform superuser)."""
    return bool(user_grants(user)) or is_platform_operator(user)


def is_platform_operator(user: Any) -> bool:
    """Return whether ``user`` is an active superuser, who reaches every Pemda."""
    return bool(
        getattr(user, "is_authenticated", False)
        and user.is_active
        and getattr(user, "is_superuser", False)
    )


def _granting(
    user: Any, area: str | None, action: str, levels: Collection[str] | None
) -> list[Grant]:
    """Return the grants giving ``action`` on ``area`` (any area when None) that are
    held at one of ``levels`` (any level when None)."""
    return [
        grant
        for grant in user_grants(user)
        if (area is None or can(grant.role, area, action))
        and (levels is None or grant.level in levels)
    ]


@dataclass(frozen=True)
class PemdaReach:
    """The Pemda a user reaches with some grant: a set of ids, or every Pemda."""

    ids: frozenset[int]
    everywhere: bool = False

    def __contains__(self, pemda_id: object) -> bool:
        return self.everywhere or pemda_id in self.ids

    def __bool__(self) -> bool:
        return self.everywhere or bool(self.ids)

    def q(self, field: str = "pemda_id") -> Q:
        """Return a filter on ``field`` (a Pemda key) selecting the reached Pemda."""
        if self.everywhere:
            return Q()
        return Q(**{f"{field}__in": sorted(self.ids)})


PEMDA_LEVEL = (Level.PEMDA,)


def pemdas_where(
    user: Any,
    area: str | None,
    action: str = VIEW,
    *,
    levels: Collection[str] | None = PEMDA_LEVEL,
) -> PemdaReach:
    """Return the Pemda in which the user holds ``action`` on ``area``.

    By default only grants held at Pemda level count (running a competition, the
    coverage of a Pemda, its survey settings); ``levels=None`` counts a grant at any
    level inside the Pemda, and ``area=None`` any area (the Pemda a user is staff of).
    """
    if is_platform_operator(user):
        return PemdaReach(frozenset(), everywhere=True)
    return PemdaReach(
        frozenset(g.pemda_id for g in _granting(user, area, action, levels))
    )


def targets_where(
    user: Any, area: str | None, action: str = VIEW, *, level: str
) -> frozenset[int]:
    """Return the ids of the Pemda, OPD or units (``level``) whose memberships give
    the user ``action`` on ``area``; a superuser's reach is not a list, so callers
    ask ``is_platform_operator`` first."""
    return frozenset(g.target_id for g in _granting(user, area, action, (level,)))


Lookup = str | Callable[[int], Q]


def reach_q(
    user: Any,
    lookups: Mapping[str, Lookup],
    *,
    area: str | None,
    action: str = VIEW,
) -> Q:
    """Return the filter selecting rows reached through the user's grants.

    ``lookups`` maps a grant level to the lookup reaching that level's row from the
    filtered model (``{Level.OPD: "unit__opd"}``), or to a function building the
    filter from the grant's target id when a level sees only part of its rows.
    Levels absent from ``lookups`` reach nothing; ``area=None`` counts every grant.
    """
    q = Q(pk__in=[])
    for grant in _granting(user, area, action, lookups.keys()):
        lookup = lookups[grant.level]
        if callable(lookup):
            q |= lookup(grant.target_id)
        else:
            q |= Q(**{lookup: grant.target_id})
    return q


def scope_q(
    user: Any, model: type[models.Model], action: str, area: str | None = None
) -> Q:
    """Return the filter selecting ``model`` rows the user may ``action``."""
    return reach_q(
        user,
        model.scope_lookups,  # type: ignore[attr-defined]
        area=area or model.scope_area,  # type: ignore[attr-defined]
        action=action,
    )


class ScopedQuerySet(models.QuerySet):
    """QuerySet whose entry points start from the user, so scope cannot be forgotten."""

    def scoped(self, user: Any, action: str = VIEW, area: str | None = None):
        """Return the rows on which the user may perform ``action`` in ``area``."""
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return self.none()
        if user.is_superuser:
            return self.all()
        q = scope_q(user, self.model, action, area)
        if any(
            callable(lookup) or "__" in lookup
            for lookup in self.model.scope_lookups.values()
        ):
            # Lookups across reverse relations repeat rows (a function's filter may
            # cross one too); a subquery keeps them unique.
            return self.filter(pk__in=self.model._base_manager.filter(q).values("pk"))
        return self.filter(q)

    def visible_to(self, user: Any):
        """Return the rows the user may see."""
        return self.scoped(user, VIEW)

    def editable_by(self, user: Any):
        """Return the rows the user may change."""
        return self.scoped(user, CHANGE)


def get_for_user(
    queryset: ScopedQuerySet,
    user: Any,
    action: str = VIEW,
    area: str | None = None,
    **lookup: Any,
):
    """Return one row the user may see, raising 404 if not visible, 403 if read-only.

    ``area`` judges the row by another area's grants (a unit's Maklumat belongs to
    the catalog although units are organisation rows). A row outside the user's
    scope answers 404 so its existence is not revealed.
    """
    try:
        obj = queryset.scoped(user, VIEW, area).get(**lookup)
    except queryset.model.DoesNotExist as exc:
        raise Http404 from exc
    if (
        action != VIEW
        and not queryset.model._default_manager.scoped(user, action, area)
        .filter(pk=obj.pk)
        .exists()
    ):
        raise PermissionDenied
    return obj


__all__ = [
    "PEMDA_LEVEL",
    "Grant",
    "Level",
    "PemdaReach",
    "ScopedQuerySet",
    "get_for_user",
    "is_platform_operator",
    "pemdas_where",
    "reach_q",
    "scope_q",
    "targets_where",
    "user_can",
    "user_grants",
    "user_has_any_role",
]
