"""One scoping mechanism for every queryset, view, export and API endpoint.

A model opts in by using ``ScopedQuerySet`` and declaring ``scope_area`` (the area of
``prima.core.roles.GRANTS`` its rows belong to) and ``scope_lookups`` (how to reach
its Pemda, OPD and unit from the row). ``Model.objects.visible_to(user)`` then returns
exactly the rows the user's memberships reach with the "view" grant, and
``editable_by(user)`` those reachable with the "change" grant.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q
from django.http import Http404

from prima.core.roles import CHANGE, VIEW, Level, can

if TYPE_CHECKING:
    from prima.accounts.models import User


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
    if getattr(user, "is_superuser", False) and user.is_active:
        return True
    return any(can(g.role, area, action) for g in user_grants(user))


def user_has_any_role(user: Any) -> bool:
    """Return whether the user is staff of some Pemda (or a platform superuser)."""
    return bool(user_grants(user)) or bool(getattr(user, "is_superuser", False))


def scope_q(
    user: Any, model: type[models.Model], action: str, area: str | None = None
) -> Q:
    """Return the filter selecting ``model`` rows the user may ``action``."""
    area = area or model.scope_area  # type: ignore[attr-defined]
    lookups: dict[str, str] = model.scope_lookups  # type: ignore[attr-defined]
    q = Q(pk__in=[])
    for grant in user_grants(user):
        if can(grant.role, area, action) and grant.level in lookups:
            q |= Q(**{lookups[grant.level]: grant.target_id})
    return q


class ScopedQuerySet(models.QuerySet):
    """QuerySet whose entry points start from the user, so scope cannot be forgotten."""

    def scoped(self, user: User | Any, action: str = VIEW, area: str | None = None):
        """Return the rows on which the user may perform ``action`` in ``area``."""
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return self.none()
        if user.is_superuser:
            return self.all()
        q = scope_q(user, self.model, action, area)
        if any("__" in lookup for lookup in self.model.scope_lookups.values()):
            # Lookups across reverse relations repeat rows; a subquery keeps them unique.
            return self.filter(pk__in=self.model._base_manager.filter(q).values("pk"))
        return self.filter(q)

    def visible_to(self, user: User | Any):
        """Return the rows the user may see."""
        return self.scoped(user, VIEW)

    def editable_by(self, user: User | Any):
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
    "Grant",
    "Level",
    "ScopedQuerySet",
    "get_for_user",
    "scope_q",
    "user_can",
    "user_grants",
    "user_has_any_role",
]
