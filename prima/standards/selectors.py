"""Reads that combine services, their standard versions, reviews and Maklumat.

Every read starts from the user's scoped entry points, so a caller cannot forget the
access check. Completeness and the review due date are stored on each version when it
is saved (from the pure rules in ``components``), which lets the list filter on them
in the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import models
from django.db.models import Exists, OuterRef, Prefetch
from django.utils.translation import gettext_lazy as _

from prima.core.roles import CHANGE, VIEW, Area
from prima.core.scoping import get_for_user
from prima.organisations.models import Layanan, Unit
from prima.standards.models import Maklumat, StandardReview, StandarPelayanan


class StandardState(models.TextChoices):
    """Filters of the standards list."""

    NONE = "none", _("No standard")
    DRAFT = "draft", _("Has a draft")
    PUBLISHED = "published", _("Published")
    INCOMPLETE = "incomplete", _("Incomplete")
    REVIEW_OVERDUE = "review_overdue", _("Review overdue")


@dataclass(frozen=True)
class StandardRow:
    """One service in the standards list with its current versions."""

    layanan: Layanan
    published: StandarPelayanan | None
    draft: StandarPelayanan | None
    today: date

    @property
    def effective(self) -> StandarPelayanan | None:
        """Return the version whose completeness the list reports."""
        return self.published or self.draft

    @property
    def review_overdue(self) -> bool:
        return self.published is not None and self.published.is_review_overdue(
            self.today
        )


def _versions(layanan_ref: Any, status: str):
    return StandarPelayanan.objects.filter(layanan=layanan_ref, status=status)


def layanan_with_standards(
    *, user: Any, today: date, state: str = "", q: str = ""
) -> models.QuerySet[Layanan]:
    """Return the services the user may see, filtered by standard ``state`` and text."""
    published = _versions(OuterRef("pk"), StandarPelayanan.Status.PUBLISHED)
    drafts = _versions(OuterRef("pk"), StandarPelayanan.Status.DRAFT)
    qs = Layanan.objects.visible_to(user).select_related("unit", "unit__opd")
    if q:
        qs = qs.search(q)
    if state == StandardState.NONE:
        qs = qs.filter(~Exists(StandarPelayanan.objects.filter(layanan=OuterRef("pk"))))
    elif state == StandardState.DRAFT:
        qs = qs.filter(Exists(drafts))
    elif state == StandardState.PUBLISHED:
        qs = qs.filter(Exists(published))
    elif state == StandardState.INCOMPLETE:
        qs = qs.filter(
            Exists(published.incomplete())
            | (~Exists(published) & Exists(drafts.incomplete()))
        )
    elif state == StandardState.REVIEW_OVERDUE:
        qs = qs.filter(Exists(published.review_overdue(today)))
    current = StandarPelayanan.objects.current().order_by("version")
    return qs.prefetch_related(
        Prefetch("standards", queryset=current, to_attr="current_standards")
    )


def standard_rows(layanan: Any, *, today: date) -> list[StandardRow]:
    """Return one row per service of ``layanan`` (from ``layanan_with_standards``)."""
    rows = []
    for item in layanan:
        by_status = {v.status: v for v in item.current_standards}
        rows.append(
            StandardRow(
                layanan=item,
                published=by_status.get(StandarPelayanan.Status.PUBLISHED),
                draft=by_status.get(StandarPelayanan.Status.DRAFT),
                today=today,
            )
        )
    return rows


@dataclass(frozen=True)
class StandardOverview:
    """Everything the staff page of one service's standard shows."""

    layanan: Layanan
    published: StandarPelayanan | None
    draft: StandarPelayanan | None
    versions: list[StandarPelayanan]
    reviews: list[StandardReview]
    maklumat: Maklumat | None
    can_change: bool
    can_change_maklumat: bool
    today: date

    @property
    def effective(self) -> StandarPelayanan | None:
        """Return the version whose lifecycle the page details: published, else draft."""
        return self.published or self.draft

    @property
    def review_overdue(self) -> bool:
        return self.published is not None and self.published.is_review_overdue(
            self.today
        )


def standard_overview(*, layanan: Layanan, user: Any, today: date) -> StandardOverview:
    """Return the versions, reviews and Maklumat of a service the user may see."""
    versions = list(
        StandarPelayanan.objects.visible_to(user)
        .filter(layanan=layanan)
        .select_related("created_by", "published_by")
        .order_by("-version")
    )
    by_status = {v.status: v for v in versions}
    reviews = list(
        StandardReview.objects.visible_to(user)
        .filter(standard__layanan=layanan)
        .select_related("standard", "recorded_by")
    )
    return StandardOverview(
        layanan=layanan,
        published=by_status.get(StandarPelayanan.Status.PUBLISHED),
        draft=by_status.get(StandarPelayanan.Status.DRAFT),
        versions=versions,
        reviews=reviews,
        maklumat=Maklumat.objects.visible_to(user).filter(unit=layanan.unit).first(),
        can_change=Layanan.objects.editable_by(user).filter(pk=layanan.pk).exists(),
        can_change_maklumat=unit_can_change_catalog(user=user, unit=layanan.unit),
        today=today,
    )


def standard_edit_source(*, layanan: Layanan, user: Any) -> StandarPelayanan | None:
    """Return the version an edit starts from: the draft, else the published one."""
    current = StandarPelayanan.objects.visible_to(user).filter(layanan=layanan)
    return current.drafts().first() or current.published().first()


def standard_can_change(*, standard: StandarPelayanan, user: Any) -> bool:
    return StandarPelayanan.objects.editable_by(user).filter(pk=standard.pk).exists()


def unit_can_change_catalog(*, user: Any, unit: Unit) -> bool:
    """Return whether the user may change the catalog (and Maklumat) of ``unit``."""
    return (
        Unit.objects.scoped(user, CHANGE, area=Area.CATALOG).filter(pk=unit.pk).exists()
    )


def unit_get_for_catalog(*, user: Any, pk: int, action: str = VIEW) -> Unit:
    """Return a unit whose catalog the user reaches: 404 out of scope, 403 read-only.

    Units are scoped as organisation rows by default; their Maklumat belongs to the
    catalog, so visibility is judged with the catalog grants.
    """
    return get_for_user(Unit.objects, user, action, area=Area.CATALOG, pk=pk)


def maklumat_for_unit(*, unit: Unit, user: Any) -> Maklumat | None:
    return Maklumat.objects.visible_to(user).filter(unit=unit).first()


def layanan_with_published_flag(
    qs: models.QuerySet[Layanan],
) -> models.QuerySet[Layanan]:
    """Annotate services with ``has_published_standard`` (the organisation pages)."""
    published = StandarPelayanan.objects.published().filter(layanan=OuterRef("pk"))
    return qs.annotate(has_published_standard=Exists(published))


def unit_maklumat_part(*, user: Any, unit: Unit) -> dict[str, Any]:
    """Return the unit page's Maklumat Pelayanan, None if the user sees none."""
    return {"maklumat": maklumat_for_unit(unit=unit, user=user)}
