"""Public reads for citizens: what any visitor may see of a Pemda's services.

Only active services of active units are shown, and of a Standar Pelayanan only the
published version's six service-delivery components: drafts and the manufacturing
components never leave these functions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.db.models.functions import Lower
from django.shortcuts import get_object_or_404
from django.utils import timezone

from prima.competitions.models import Assignment
from prima.complaints.holidays import calendar_pemdas
from prima.complaints.models import Case
from prima.core.roles import CHANGE, VIEW, Area
from prima.core.scoping import user_can, user_has_any_role
from prima.innovations.coverage import coverage_pemdas
from prima.innovations.models import Innovation, Status
from prima.organisations.models import (
    Layanan,
    Membership,
    Pemda,
    PerangkatDaerah,
    Unit,
)
from prima.organisations.reach import may_manage
from prima.standards.models import Maklumat, StandarPelayanan

DIRECTORY_QUERY_MAX = 100


@dataclass(frozen=True)
class PublicStandard:
    """The citizen-facing part of a published Standar Pelayanan."""

    version: int
    decree_number: str
    decree_date: date | None
    decree_signatory: str
    published_at: datetime | None
    requirements: list[str]
    procedure: list[str]
    service_time: str
    tariff: Decimal | None
    is_free: bool
    tariff_legal_basis: str
    product: str
    complaint_channel: str

    @classmethod
    def from_standard(cls, standard: StandarPelayanan) -> PublicStandard:
        return cls(
            version=standard.version,
            decree_number=standard.decree_number,
            decree_date=standard.decree_date,
            decree_signatory=standard.decree_signatory,
            published_at=standard.published_at,
            requirements=standard.requirement_items(),
            procedure=standard.procedure_steps(),
            service_time=standard.service_time_display(),
            tariff=standard.biaya_tarif,
            is_free=standard.is_free,
            tariff_legal_basis=standard.biaya_dasar_hukum,
            product=standard.produk,
            complaint_channel=standard.penanganan_pengaduan,
        )


@dataclass(frozen=True)
class PublicService:
    """A service as a citizen sees it, with its published standard if any."""

    layanan: Layanan
    unit: Unit
    opd: PerangkatDaerah
    standard: PublicStandard | None


@dataclass(frozen=True)
class PublicUnit:
    """A unit as a citizen sees it: its Maklumat (only once signed) and services."""

    unit: Unit
    maklumat: Maklumat | None
    services: QuerySet[Layanan]


def _published_standard_exists() -> Exists:
    return Exists(StandarPelayanan.objects.published().filter(layanan=OuterRef("pk")))


def pemda_list() -> QuerySet[Pemda]:
    """Return every Pemda, alphabetically."""
    return Pemda.objects.order_by(Lower("name"), "pk")


def pemda_get(*, slug: str) -> Pemda:
    """Return the Pemda at ``slug`` or raise 404."""
    return get_object_or_404(Pemda, slug=slug)


def pemda_opds(*, pemda: Pemda) -> QuerySet[PerangkatDaerah]:
    """Return the Pemda's OPDs that have active units, each with those units."""
    active_units = Unit.objects.active()
    return (
        PerangkatDaerah.objects.filter(
            Exists(active_units.filter(opd=OuterRef("pk"))), pemda=pemda
        )
        .prefetch_related(
            Prefetch("units", queryset=active_units.order_by(Lower("name"), "pk"))
        )
        .order_by(Lower("name"), "pk")
    )


def directory_opds(*, pemda: Pemda) -> QuerySet[PerangkatDaerah]:
    """Return the OPDs a citizen may filter the directory by."""
    listed = Layanan.objects.active().filter(unit__opd=OuterRef("pk"))
    return PerangkatDaerah.objects.filter(Exists(listed), pemda=pemda).order_by(
        Lower("name"), "pk"
    )


def directory_search(
    *, pemda: Pemda, q: str = "", opd: PerangkatDaerah | None = None
) -> QuerySet[Layanan]:
    """Return the Pemda's active services matching ``q`` (every word), by name.

    Each result carries its unit and OPD and ``has_published_standard``.
    """
    qs = Layanan.objects.filter(pemda=pemda).active()
    q = q.strip()[:DIRECTORY_QUERY_MAX]
    if q:
        qs = qs.search(q)
    if opd is not None:
        qs = qs.filter(unit__opd=opd)
    return (
        qs.select_related("unit", "unit__opd")
        .annotate(has_published_standard=_published_standard_exists())
        .order_by(Lower("name"), "pk")
    )


def service_public_view(*, pemda: Pemda, pk: int) -> PublicService:
    """Return an active service of the Pemda with its published standard, or 404."""
    layanan = get_object_or_404(
        Layanan.objects.filter(pemda=pemda).active().select_related("unit__opd"),
        pk=pk,
    )
    standard = (
        StandarPelayanan.objects.published()
        .filter(layanan=layanan, pemda=pemda)
        .order_by("-version")
        .first()
    )
    return PublicService(
        layanan=layanan,
        unit=layanan.unit,
        opd=layanan.unit.opd,
        standard=PublicStandard.from_standard(standard) if standard else None,
    )


def unit_public_view(*, pemda: Pemda, pk: int) -> PublicUnit:
    """Return an active unit of the Pemda with its signed Maklumat and services."""
    unit = get_object_or_404(
        Unit.objects.filter(pemda=pemda).active().select_related("opd"), pk=pk
    )
    maklumat = Maklumat.objects.filter(unit=unit).first()
    services = (
        Layanan.objects.filter(unit=unit)
        .active()
        .annotate(has_published_standard=_published_standard_exists())
        .order_by(Lower("name"), "pk")
    )
    return PublicUnit(
        unit=unit,
        maklumat=maklumat if maklumat is not None and maklumat.is_set else None,
        services=services,
    )


@dataclass(frozen=True)
class StaffOverview:
    """What the staff home shows a signed-in user."""

    memberships: list[Membership]
    has_role: bool
    can_view_catalog: bool
    can_change_catalog: bool
    can_view_organisation: bool
    can_change_organisation: bool
    layanan_count: int
    unit_count: int
    can_view_survey: bool = False
    can_view_complaints: bool = False
    open_cases: int = 0
    overdue_cases: int = 0
    can_view_innovation: bool = False
    can_change_innovation: bool = False
    innovation_count: int = 0
    draft_innovations: int = 0
    can_view_competition: bool = False
    can_view_coverage: bool = False
    sheets_to_score: int = 0
    can_view_staff: bool = False
    can_invite_staff: bool = False
    keeps_holidays: bool = False


def staff_overview(*, user) -> StaffOverview:
    """Return the user's active roles, what their grants allow, and visible counts."""
    can_view_complaints = user_can(user, Area.COMPLAINTS, VIEW)
    cases = Case.objects.visible_to(user)
    can_view_innovation = user_can(user, Area.INNOVATION, VIEW)
    innovations = Innovation.objects.visible_to(user)
    memberships = list(
        user.memberships.filter(active=True)
        .select_related("pemda", "opd", "unit")
        .order_by("pemda__name", "role", "pk")
    )
    return StaffOverview(
        memberships=memberships,
        has_role=user_has_any_role(user),
        can_view_catalog=user_can(user, Area.CATALOG, VIEW),
        can_change_catalog=user_can(user, Area.CATALOG, CHANGE),
        can_view_organisation=user_can(user, Area.ORGANISATION, VIEW),
        can_change_organisation=user_can(user, Area.ORGANISATION, CHANGE),
        layanan_count=Layanan.objects.visible_to(user).count(),
        unit_count=Unit.objects.visible_to(user).count(),
        can_view_survey=user_can(user, Area.SURVEY, VIEW),
        can_view_complaints=can_view_complaints,
        open_cases=cases.open().count() if can_view_complaints else 0,
        overdue_cases=(
            cases.overdue(today=timezone.localdate()).count()
            if can_view_complaints
            else 0
        ),
        can_view_innovation=can_view_innovation,
        can_change_innovation=user_can(user, Area.INNOVATION, CHANGE),
        innovation_count=innovations.count() if can_view_innovation else 0,
        draft_innovations=(
            innovations.filter(status=Status.DRAFT).count()
            if can_view_innovation
            else 0
        ),
        can_view_competition=user_can(user, Area.COMPETITION, VIEW),
        can_view_coverage=coverage_pemdas(user).exists(),
        can_view_staff=user_can(user, Area.USERS, VIEW),
        can_invite_staff=may_manage(user),
        keeps_holidays=calendar_pemdas(user).exists(),
        sheets_to_score=Assignment.objects.filter(
            juri=user, sheet__isnull=True, stage__closed_at__isnull=True
        ).count(),
    )
