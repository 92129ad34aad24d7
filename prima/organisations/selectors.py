"""Reads of the organisation tree for staff pages, always starting from the user."""

from __future__ import annotations

import base64
from collections.abc import Callable, Iterable
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Lower

from prima.core.roles import CHANGE, VIEW, Area
from prima.core.scoping import pemdas_where, user_can
from prima.organisations.models import (
    Layanan,
    Letterhead,
    Membership,
    Pemda,
    PerangkatDaerah,
    Unit,
)

# The service list and the unit page also show facts the standards app owns: whether a
# service has a published standard (``has_published_standard``) and the unit's Maklumat
# (``maklumat``). That app builds on this one, which may not import it
# (tests/test_layering.py), so it supplies both pieces from its AppConfig.ready().
LayananAnnotation = Callable[[QuerySet[Layanan]], QuerySet[Layanan]]
UnitCatalogPart = Callable[..., dict[str, Any]]
_layanan_annotations: list[LayananAnnotation] = []
_unit_catalog_parts: list[UnitCatalogPart] = []


def add_layanan_annotation(annotate: LayananAnnotation) -> None:
    """Have every service list of these pages pass through ``annotate(queryset)``."""
    if annotate not in _layanan_annotations:
        _layanan_annotations.append(annotate)


def add_unit_catalog_part(part: UnitCatalogPart) -> None:
    """Add ``part(user=, unit=)``'s keys to the unit page when its catalog is shown."""
    if part not in _unit_catalog_parts:
        _unit_catalog_parts.append(part)


def _annotated(qs: QuerySet[Layanan]) -> QuerySet[Layanan]:
    for annotate in _layanan_annotations:
        qs = annotate(qs)
    return qs


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
    return _annotated(qs.select_related("pemda", "unit", "unit__opd")).order_by(
        Lower("name"), "pk"
    )


def layanan_filter_choices(*, user: Any) -> tuple[QuerySet, QuerySet]:
    """Return the OPDs and units the user sees, for the service list's filters."""
    opds = PerangkatDaerah.objects.visible_to(user).select_related("pemda")
    units = Unit.objects.visible_to(user).select_related("opd")
    return opds, units


def layanan_editable_ids(*, user: Any, layanan: Iterable[Layanan]) -> set[int]:
    """Return which of ``layanan`` the user may change: the edit view's own test, so
    a read-only role is not shown an edit link that answers 403."""
    pks = [row.pk for row in layanan]
    return set(
        Layanan.objects.scoped(user, CHANGE)
        .filter(pk__in=pks)
        .values_list("pk", flat=True)
    )


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
    """Return the unit's services the user may see, with the added annotations."""
    return _annotated(Layanan.objects.visible_to(user).filter(unit=unit)).order_by(
        Lower("name"), "pk"
    )


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

    Services and the parts higher apps add (the Maklumat) need the catalog view grant;
    memberships need the users view grant.
    """
    show_catalog = user_can(user, Area.CATALOG, VIEW)
    show_staff = user_can(user, Area.USERS, VIEW)
    catalog_parts: dict[str, Any] = {}
    if show_catalog:
        for part in _unit_catalog_parts:
            catalog_parts.update(part(user=user, unit=unit))
    return {
        "show_catalog": show_catalog,
        "services": unit_services(user=user, unit=unit) if show_catalog else [],
        **catalog_parts,
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


def role_emails(
    role: str,
    *,
    pemda_id: int | None = None,
    opd_id: int | None = None,
    unit_id: int | None = None,
) -> list[str]:
    """Return the addresses of active accounts holding ``role`` exactly on one scope.

    Give the Pemda alone for a Pemda-level role, the OPD alone for an OPD-level one,
    the unit alone for a unit-level one; the other levels must be empty so that an
    OPD administrator is not mistaken for an administrator of one of its units.
    """
    holders = Membership.objects.filter(
        role=role, active=True, user__is_active=True, opd_id=opd_id, unit_id=unit_id
    )
    if pemda_id is not None:
        holders = holders.filter(pemda_id=pemda_id)
    emails = holders.exclude(user__email="").values_list("user__email", flat=True)
    return sorted(set(emails))


def letterhead_of(pemda: Pemda) -> Letterhead:
    """Return the Pemda's letterhead, or an unsaved one whose single line is the
    Pemda's name in capitals (what a kop surat starts with)."""
    found = Letterhead.objects.filter(pemda=pemda).first()
    if found is not None:
        return found
    return Letterhead(pemda=pemda, lines=f"PEMERINTAH {pemda.name.upper()}")


def logo_data_uri(letterhead: Letterhead) -> str:
    """Return the logo as a data: URI for a PDF (whose renderer fetches nothing)."""
    if not letterhead.logo:
        return ""
    with letterhead.logo.open("rb") as handle:
        data = handle.read()
    kind = "png" if data.startswith(b"\x89PNG") else "jpeg"
    return f"data:image/{kind};base64,{base64.b64encode(data).decode()}"


def letterhead_editable_pemdas(user):
    """Return the Pemda whose letterhead the user may change (Pemda-level
    organisation grant; every Pemda for the platform operator)."""
    return Pemda.objects.filter(
        pemdas_where(user, Area.ORGANISATION, CHANGE).q("pk")
    ).order_by("name")
