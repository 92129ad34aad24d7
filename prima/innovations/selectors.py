"""Reads of the staff registry: the filtered list, who may own an innovation the
user records, the services it may change and the weak unsur it should target."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Q, QuerySet

from prima.core.periods import Period
from prima.core.roles import CHANGE, VIEW, Area, Level
from prima.core.scoping import get_for_user, is_platform_operator, targets_where
from prima.innovations.models import Evidence, Innovation
from prima.organisations.models import Layanan, Pemda, PerangkatDaerah, Unit
from prima.surveys.diagnosis import UnsurLine, diagnose
from prima.surveys.selectors import Scope

# The SKM window the targeted unsur are suggested from: the latest twelve months.
WEAK_UNSUR_WINDOW_DAYS = 365


def innovation_get(user, pk: int, action: str = VIEW) -> Innovation:
    """Return the innovation the user may ``action``: 404 out of scope, 403 read-only."""
    queryset = Innovation.objects.select_related("pemda", "opd", "unit", "origin")
    return get_for_user(queryset, user, action, pk=pk)


def evidence_get(user, pk: int) -> Evidence:
    """Return an evidence file of an innovation the user may see, else raise 404."""
    return get_for_user(Evidence.objects.select_related("innovation"), user, pk=pk)


def staff_innovations(user, filters: dict | None = None) -> QuerySet[Innovation]:
    """Return the innovations the user may see, filtered, newest first."""
    filters = filters or {}
    qs = Innovation.objects.visible_to(user).select_related("pemda", "opd", "unit")
    if filters.get("stage"):
        qs = qs.filter(stage=filters["stage"])
    if filters.get("status"):
        qs = qs.filter(status=filters["status"])
    if filters.get("opd"):
        qs = qs.filter(opd=filters["opd"])
    for word in (filters.get("q") or "").split()[:8]:
        qs = qs.filter(title__icontains=word)
    return qs.order_by("-updated_at", "-pk")


def filter_opds(user) -> QuerySet[PerangkatDaerah]:
    """Return the OPDs owning an innovation the user may see, for the list filter."""
    visible = Innovation.objects.visible_to(user).filter(opd__isnull=False)
    return PerangkatDaerah.objects.filter(pk__in=visible.values("opd"))


@dataclass(frozen=True)
class Owners:
    """Where the user may record an innovation.

    ``opds`` and ``units`` are the choices; ``whole_opd_ids`` the OPDs an
    innovation may belong to without a unit (an OPD administrator's); and
    ``external_pemda`` the Pemda under which an innovation of another region is
    recorded (a Pemda administrator's), or None when the user may not.
    """

    opds: QuerySet[PerangkatDaerah]
    units: QuerySet[Unit]
    whole_opd_ids: frozenset[int] = field(default_factory=frozenset)
    external_pemda: Pemda | None = None

    @property
    def is_empty(self) -> bool:
        return self.external_pemda is None and not self.opds.exists()


def _reached(user, level: str) -> frozenset[int]:
    return targets_where(user, Area.INNOVATION, CHANGE, level=level)


def owners_for(
    user, *, current: Innovation | None = None, replication: bool = False
) -> Owners:
    """Return where ``user`` may record an innovation (or start a replication).

    An OPD administrator records for the OPD or one of its units; a unit operator
    for the unit. A Pemda administrator records innovations of other regions (a
    draft of an OPD is private to it, so it would vanish from the Pemda's view);
    starting a replication, which copies a finished text, the Pemda administrator
    may hand it to any OPD or unit of the Pemda. ``current`` keeps an edited
    innovation's own OPD and unit selectable.
    """
    if is_platform_operator(user):
        opd_q, unit_q, whole = Q(), Q(), None
    else:
        opd_ids = sorted(_reached(user, Level.OPD))
        unit_ids = sorted(_reached(user, Level.UNIT))
        opd_q = Q(pk__in=opd_ids) | Q(units__id__in=unit_ids)
        unit_q = Q(opd_id__in=opd_ids) | Q(pk__in=unit_ids)
        whole: set[int] | None = set(opd_ids)
        if replication:
            pemda_ids = sorted(_reached(user, Level.PEMDA))
            opd_q |= Q(pemda_id__in=pemda_ids)
            unit_q |= Q(pemda_id__in=pemda_ids)
            whole.update(
                PerangkatDaerah.objects.filter(pemda_id__in=pemda_ids).values_list(
                    "pk", flat=True
                )
            )
        if current is not None and current.opd_id:
            opd_q |= Q(pk=current.opd_id)
            if current.unit_id:
                unit_q |= Q(pk=current.unit_id)
            else:
                whole.add(current.opd_id)
    opds = PerangkatDaerah.objects.filter(
        pk__in=PerangkatDaerah.objects.filter(opd_q).values("pk")
    ).select_related("pemda")
    units = Unit.objects.filter(unit_q, active=True).select_related("opd")
    if whole is None:
        whole = set(opds.values_list("pk", flat=True))
    external = None
    if not replication:
        pemda_ids = sorted(_reached(user, Level.PEMDA))
        if current is not None and current.is_external:
            pemda_ids.insert(0, current.pemda_id)
        if pemda_ids:
            external = Pemda.objects.get(pk=pemda_ids[0])
    return Owners(
        opds=opds, units=units, whole_opd_ids=frozenset(whole), external_pemda=external
    )


def layanan_choices(
    owners: Owners, *, current: Innovation | None = None
) -> QuerySet[Layanan]:
    """Return the active services of the units the user may record for, plus the
    ones an edited innovation already changes."""
    q = Q(pk__in=Layanan.objects.active().filter(unit__in=owners.units.values("pk")))
    if current is not None:
        q |= Q(pk__in=current.layanan.values("pk"))
    return (
        Layanan.objects.filter(q).select_related("unit").order_by("unit__name", "name")
    )


def layanan_of_owner(layanan, *, opd, unit) -> list:
    """Return the services among ``layanan`` that belong to neither the unit nor,
    without a unit, the OPD."""
    if unit is not None:
        return [item for item in layanan if item.unit_id != unit.pk]
    if opd is not None:
        return [item for item in layanan if item.unit.opd_id != opd.pk]
    return list(layanan)


def last_twelve_months(today: date) -> Period:
    return Period(today - timedelta(days=WEAK_UNSUR_WINDOW_DAYS - 1), today)


def weak_unsur(subject, *, today: date) -> list[UnsurLine]:
    """Return the weak unsur of a unit or OPD in the latest twelve months, weakest
    first; an empty list when it has none or no SKM answers."""
    if subject is None:
        return []
    return diagnose(Scope.of(subject), last_twelve_months(today)).weak_lines


def innovations_for_unsur(user, unit: Unit) -> dict[str, list[Innovation]]:
    """Return, per unsur code, the innovations the user may see that target it for
    ``unit``: the unit's own and those of its OPD as a whole."""
    rows = (
        Innovation.objects.visible_to(user)
        .filter(Q(unit=unit) | Q(opd_id=unit.opd_id, unit__isnull=True))
        .prefetch_related("targets")
        .order_by("title")
    )
    found: dict[str, list[Innovation]] = {}
    for innovation in rows:
        for target in innovation.targets.all():
            found.setdefault(target.unsur, []).append(innovation)
    return found
