"""Reads of the organisation tree for staff pages, always starting from the user."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Lower

from prima.core.roles import CHANGE, VIEW, Area
from prima.core.scoping import user_can
from prima.organisations.models import Layanan, Membership, PerangkatDaerah, Unit


def _published_standard_exists() -> Exists:
    # Imported here: the standards app builds on this one, not the other way round.
    from prima.standards.models import StandarPelayanan

    return Exists(StandarPelayanan.objects.published().filter(layanan=OuterRef("pk")))


def layanan_list(
    *,
    user: Any,
    q: str = "",
    opd: PerangkatDaerah | None = None,
    unit: Unit | None = None,
) -> QuerySet[Layanan]:
    """Return the services the user may see, filtered, with their unit and OPD."""
    qs = Layanan.objects.visible_to(user)
    if q:
        qs = qs.search(q)
    if opd is not None:
        qs = qs.filter(unit__opd=opd)
    if unit is not None:
        qs = qs.filter(unit=unit)
    return (
        qs.select_related("pemda", "unit", "unit__opd")
        .annotate(has_published_standard=_published_standard_exists())
        .order_by(Lower("name"), "pk")
    )


def layanan_filter_choices(*, user: Any) -> tuple[QuerySet, QuerySet]:
    """Return the OPDs and units the user sees, for the service list's filters."""
    opds = PerangkatDaerah.objects.visible_to(user).select_related("pemda")
    units = Unit.objects.visible_to(user).select_related("opd")
    return opds, units


def catalog_units_for(*, user: Any) -> QuerySet[Unit]:
    """Return the units in which the user may add or change services."""
    return (
        Unit.objects.scoped(user, CHANGE, area=Area.CATALOG)
        .select_related("opd")
        .order_by(Lower("name"), "pk")
    )


def unit_list(
    *, user: Any, q: str = "", opd: PerangkatDaerah | None = None
) -> QuerySet[Unit]:
    """Return the units the user may see, with their OPD and visible service count."""
    qs = Unit.objects.visible_to(user)
    if q:
        qs = qs.filter(Q(name__icontains=q) | Q(code__icontains=q))
    if opd is not None:
        qs = qs.filter(opd=opd)
    visible_layanan = Layanan.objects.visible_to(user).values("pk")
    return (
        qs.select_related("pemda", "opd")
        .annotate(
            layanan_count=Count("layanan", filter=Q(layanan__pk__in=visible_layanan))
        )
        .order_by(Lower("name"), "pk")
    )


def unit_services(*, user: Any, unit: Unit) -> QuerySet[Layanan]:
    """Return the unit's services the user may see, flagged by published standard."""
    return (
        Layanan.objects.visible_to(user)
        .filter(unit=unit)
        .annotate(has_published_standard=_published_standard_exists())
        .order_by(Lower("name"), "pk")
    )


def unit_maklumat(*, user: Any, unit: Unit):
    """Return the unit's Maklumat Pelayanan if the user may see it, else None."""
    from prima.standards.models import Maklumat

    return Maklumat.objects.visible_to(user).filter(unit=unit).first()


def unit_memberships(*, user: Any, unit: Unit) -> QuerySet[Membership]:
    """Return the staff memberships held on the unit that the user may see."""
    return (
        Membership.objects.visible_to(user)
        .filter(unit=unit)
        .select_related("user")
        .order_by("role", "user__username")
    )


def unit_overview(*, user: Any, unit: Unit) -> dict[str, Any]:
    """Return what the staff unit page shows, each part only if the user may see it.

    Services and the Maklumat need the catalog view grant; memberships need the users
    view grant.
    """
    show_catalog = user_can(user, Area.CATALOG, VIEW)
    show_staff = user_can(user, Area.USERS, VIEW)
    return {
        "show_catalog": show_catalog,
        "services": unit_services(user=user, unit=unit) if show_catalog else [],
        "maklumat": unit_maklumat(user=user, unit=unit) if show_catalog else None,
        "show_staff": show_staff,
        "memberships": unit_memberships(user=user, unit=unit) if show_staff else [],
        "can_edit": Unit.objects.editable_by(user).filter(pk=unit.pk).exists(),
        "can_change_catalog": catalog_units_for(user=user).filter(pk=unit.pk).exists(),
    }


def opd_list(*, user: Any) -> QuerySet[PerangkatDaerah]:
    """Return the OPDs the user may see, each with the number of units the user sees."""
    visible_units = Unit.objects.visible_to(user).values("pk")
    return (
        PerangkatDaerah.objects.visible_to(user)
        .select_related("pemda")
        .annotate(
            unit_count=Count("units", filter=Q(units__pk__in=visible_units)),
        )
        .order_by(Lower("pemda__name"), Lower("name"), "pk")
    )
