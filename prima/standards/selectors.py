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
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from prima.core.roles import CHANGE, VIEW, Area
from prima.core.scoping import get_for_user
from prima.organisations.models import Layanan, Unit
from prima.standards.models import (
    COMPONENT_LABELS,
    ApprovalEvent,
    Maklumat,
    Participant,
    PublicationMedium,
    StandardReview,
    StandarPelayanan,
)
from prima.standards.services import EDITABLE_FIELDS


class StandardState(models.TextChoices):
    """Filters of the standards list."""

    NONE = "none", _("No standard")
    DRAFT = "draft", _("Has a draft")
    AWAITING = "awaiting", _("Awaiting approval")
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
    elif state == StandardState.AWAITING:
        qs = qs.filter(Exists(drafts.filter(submitted_at__isnull=False)))
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
    approval_events: list[ApprovalEvent]
    maklumat: Maklumat | None
    can_change: bool
    can_approve: bool
    can_change_maklumat: bool
    today: date

    @property
    def returned(self) -> ApprovalEvent | None:
        """Return the step that sent the open draft back, unless it was sent again."""
        if self.draft is None or self.draft.is_awaiting_approval:
            return None
        return draft_returned(self.draft, self.approval_events)

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
    draft = by_status.get(StandarPelayanan.Status.DRAFT)
    return StandardOverview(
        layanan=layanan,
        published=by_status.get(StandarPelayanan.Status.PUBLISHED),
        draft=draft,
        versions=versions,
        reviews=reviews,
        approval_events=approval_events(layanan=layanan, user=user),
        maklumat=Maklumat.objects.visible_to(user).filter(unit=layanan.unit).first(),
        can_change=Layanan.objects.editable_by(user).filter(pk=layanan.pk).exists(),
        can_approve=draft is not None
        and standard_can_approve(standard=draft, user=user),
        can_change_maklumat=unit_can_change_catalog(user=user, unit=layanan.unit),
        today=today,
    )


def standard_edit_source(*, layanan: Layanan, user: Any) -> StandarPelayanan | None:
    """Return the version an edit starts from: the draft, else the published one."""
    current = StandarPelayanan.objects.visible_to(user).filter(layanan=layanan)
    return current.drafts().first() or current.published().first()


def standard_can_change(*, standard: StandarPelayanan, user: Any) -> bool:
    return StandarPelayanan.objects.editable_by(user).filter(pk=standard.pk).exists()


def standard_can_approve(*, standard: StandarPelayanan, user: Any) -> bool:
    """Return whether the user may approve or return ``standard`` (see
    ``StandarQuerySet.approvable_by``)."""
    return StandarPelayanan.objects.approvable_by(user).filter(pk=standard.pk).exists()


def approval_events(*, layanan: Layanan, user: Any) -> list[ApprovalEvent]:
    """Return the approval steps of every version of the service, newest first."""
    return list(
        ApprovalEvent.objects.visible_to(user)
        .filter(standard__layanan=layanan)
        .select_related("standard", "by")
    )


def draft_returned(
    draft: StandarPelayanan, events: list[ApprovalEvent]
) -> ApprovalEvent | None:
    """Return the return step of ``draft`` if it is the draft's latest step."""
    own = [e for e in events if e.standard_id == draft.pk]
    latest = max(own, key=lambda e: (e.at, e.pk), default=None)
    if latest is not None and latest.action == ApprovalEvent.Action.RETURNED:
        return latest
    return None


def version_returned(*, standard: StandarPelayanan, user: Any) -> ApprovalEvent | None:
    """Return the step that sent the draft ``standard`` back, if it is still open."""
    if not standard.is_draft or standard.is_awaiting_approval:
        return None
    events = list(
        ApprovalEvent.objects.visible_to(user)
        .filter(standard=standard)
        .select_related("by")
    )
    return draft_returned(standard, events)


@dataclass(frozen=True)
class Change:
    """One field that differs between the published version and the draft."""

    label: str
    before: Any
    after: Any


def version_changes(
    *, draft: StandarPelayanan, published: StandarPelayanan | None
) -> list[Change]:
    """Return the fields of ``draft`` that differ from ``published``, form order.

    The approver reads these before setting the changed standard by decree.
    """
    if published is None:
        return []
    changes = []
    for name in EDITABLE_FIELDS:
        before, after = getattr(published, name), getattr(draft, name)
        if _comparable(before) != _comparable(after):
            field = StandarPelayanan._meta.get_field(name)
            label = COMPONENT_LABELS.get(name) or capfirst(field.verbose_name)
            changes.append(
                Change(str(label), _display(name, before), _display(name, after))
            )
    return changes


def _comparable(value: Any) -> Any:
    # Browsers post text with CRLF line ends, rows written by scripts have LF: the
    # same text either way is no change.
    return value.replace("\r\n", "\n") if isinstance(value, str) else value


def _display(name: str, value: Any) -> Any:
    field = StandarPelayanan._meta.get_field(name)
    if field.choices and value:
        return dict(field.choices).get(value, value)
    if name == "drafting_participants":
        return ", ".join(str(v) for v in _labels(Participant, value))
    if name == "publication_media":
        return ", ".join(str(v) for v in _labels(PublicationMedium, value))
    return value


def _labels(choices, values) -> list[str]:
    labels = dict(choices.choices)
    return [str(labels.get(v, v)) for v in values or []]


@dataclass(frozen=True)
class ApprovalReview:
    """What the approver reads: the submitted version, the one it would replace and
    what changed between them."""

    standard: StandarPelayanan
    published: StandarPelayanan | None
    changes: list[Change]


def approval_review(*, standard: StandarPelayanan) -> ApprovalReview:
    """Return the approval page of ``standard`` (the caller has checked access)."""
    published = (
        StandarPelayanan.objects.published().filter(layanan_id=standard.layanan_id)
    ).first()
    return ApprovalReview(
        standard=standard,
        published=published,
        changes=version_changes(draft=standard, published=published),
    )


def approval_queue(*, user: Any) -> models.QuerySet[StandarPelayanan]:
    """Return the drafts awaiting the user's approval, oldest submission first."""
    return (
        StandarPelayanan.objects.approvable_by(user)
        .awaiting_approval()
        .select_related("layanan__unit__opd", "submitted_by")
        .order_by("submitted_at", "pk")
    )


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
