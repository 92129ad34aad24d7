"""Writes to Standar Pelayanan versions, their reviews and the units' Maklumat.

A service has at most one draft and at most one published version (database
constraints back both). Editing a published standard opens draft n+1 and leaves the
published version untouched, so citizens keep seeing it, with its decree, until the
draft is approved. A draft is submitted for approval; the OPD's (or the Pemda's)
administrator approves it, entering the decree that sets it (penetapan), which
publishes it and supersedes the previous version in the same transaction, or returns
it with a comment. Every step leaves an ``ApprovalEvent``. The yearly review of an
unchanged standard needs no decree: it is a ``StandardReview`` of the published
version. Each function locks the service's row first so two staff members saving at
once are serialised.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import partial
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from prima.organisations.models import Layanan, Unit
from prima.standards import notifications
from prima.standards.models import (
    ApprovalEvent,
    Maklumat,
    StandardReview,
    StandarPelayanan,
)

# What the staff edit form may change on a version; status, version number,
# publication and review stamps are set only by the functions below.
EDITABLE_FIELDS: tuple[str, ...] = (
    "persyaratan",
    "prosedur",
    "jangka_waktu_value",
    "jangka_waktu_unit",
    "biaya_tarif",
    "biaya_dasar_hukum",
    "produk",
    "penanganan_pengaduan",
    "pengaduan_answer_days",
    "dasar_hukum",
    "sarana_prasarana",
    "kompetensi_pelaksana",
    "pengawasan_internal",
    "jumlah_pelaksana",
    "jaminan_pelayanan",
    "jaminan_keamanan",
    "evaluasi_kinerja",
    "drafted_on",
    "drafting_participants",
    "drafting_minutes",
    "publication_media",
)
# The decree is entered by the approver (standard_approve), never carried over from
# the version before: a changed standard needs a decree of its own.
DECREE_FIELDS: tuple[str, ...] = ("decree_number", "decree_date", "decree_signatory")

MAKLUMAT_FIELDS: tuple[str, ...] = (
    "text",
    "signatory_name",
    "signatory_position",
    "signed_on",
    "published_printed",
    "published_electronic",
)


def _assign(obj: Any, allowed: tuple[str, ...], values: dict[str, Any]) -> None:
    unknown = set(values) - set(allowed)
    if unknown:
        raise TypeError(f"Fields not editable here: {', '.join(sorted(unknown))}")
    for name, value in values.items():
        if isinstance(value, str):
            value = value.strip()
        elif name in ("drafting_participants", "publication_media"):
            value = list(dict.fromkeys(value or []))  # unique, in the order given
        setattr(obj, name, value)


def _lock(layanan: Layanan) -> None:
    # Taking the service's row lock serialises concurrent writers of its versions;
    # the partial unique constraints remain the backstop on databases without it.
    Layanan.objects.select_for_update().filter(pk=layanan.pk).first()


@transaction.atomic
def standard_save_draft(
    *, layanan: Layanan, user: Any | None, **fields: Any
) -> StandarPelayanan:
    """Save ``fields`` into the service's draft, opening draft n+1 when there is none.

    The draft may be incomplete; the published version, if any, is left untouched.
    """
    _lock(layanan)
    versions = StandarPelayanan.objects.filter(layanan=layanan)
    draft = versions.drafts().select_for_update().first()
    if draft is not None and draft.is_awaiting_approval:
        raise ValidationError(
            _(
                "Version %(version)s is awaiting approval and cannot be changed; the "
                "OPD administrator can return it for revision."
            ),
            code="submitted",
            params={"version": draft.version},
        )
    if draft is None:
        latest = versions.aggregate(latest=Max("version"))["latest"] or 0
        published = versions.published().first()
        draft = StandarPelayanan(
            layanan=layanan,
            pemda_id=layanan.pemda_id,
            version=latest + 1,
            status=StandarPelayanan.Status.DRAFT,
            created_by=user,
            # The yearly review clock belongs to the service, not to one version.
            reviewed_on=published.reviewed_on if published else None,
        )
    _assign(draft, EDITABLE_FIELDS, fields)
    draft.full_clean()
    draft.save()
    return draft


def _missing_public_error(standard: StandarPelayanan) -> ValidationError | None:
    missing = standard.missing_public_components()
    if not missing:
        return None
    names = "; ".join(f"{number}. {label}" for number, label in missing)
    return ValidationError(
        _(
            "Version %(version)s cannot be published while these service-delivery "
            "components are empty: %(components)s."
        ),
        code="incomplete",
        params={"version": standard.version, "components": names},
    )


def _require_awaiting(standard: StandarPelayanan) -> None:
    if not standard.is_awaiting_approval:
        raise ValidationError(
            _("Version %(version)s is not awaiting approval."),
            code="not_submitted",
            params={"version": standard.version},
        )


def _require_approver(standard: StandarPelayanan, user: Any) -> None:
    if not StandarPelayanan.objects.approvable_by(user).filter(pk=standard.pk).exists():
        raise PermissionDenied(
            _("Only the administrator of the OPD or of the Pemda may approve.")
        )


def _record(
    standard: StandarPelayanan,
    action: str,
    user: Any,
    at: datetime,
    comment: str = "",
) -> ApprovalEvent:
    event = ApprovalEvent(
        standard=standard,
        action=action,
        comment=comment.strip(),
        decree_number=standard.decree_number
        if action == ApprovalEvent.Action.APPROVED
        else "",
        by=user,
        at=at,
    )
    event.full_clean()
    event.save()
    return event


@transaction.atomic
def standard_submit(
    *, standard: StandarPelayanan, user: Any, now: datetime | None = None
) -> StandarPelayanan:
    """Submit a draft to the OPD's administrator, who approves or returns it.

    Refuse, naming each of them, while a service-delivery component is empty: the
    administrator should not be asked to set a standard citizens could not read.
    While it waits the draft cannot be edited, so what is approved is what was sent.
    """
    now = now or timezone.now()
    _lock(standard.layanan)
    standard = StandarPelayanan.objects.select_for_update().get(pk=standard.pk)
    if not standard.is_draft:
        raise ValidationError(
            _("Only a draft can be submitted; version %(version)s is %(status)s."),
            code="not_draft",
            params={
                "version": standard.version,
                "status": standard.get_status_display(),
            },
        )
    if standard.is_awaiting_approval:
        raise ValidationError(
            _("Version %(version)s is already awaiting approval."),
            code="submitted",
            params={"version": standard.version},
        )
    error = _missing_public_error(standard)
    if error is not None:
        raise error
    standard.submitted_at = now
    standard.submitted_by = user
    standard.save(update_fields=["submitted_at", "submitted_by", "updated_at"])
    _record(standard, ApprovalEvent.Action.SUBMITTED, user, now)
    transaction.on_commit(
        partial(notifications.notify_submitted, standard.pk), robust=True
    )
    return standard


def decree_key(number: str) -> str:
    """Return ``number`` as compared with other decrees: spacing and case ignored."""
    return "".join(number.split()).casefold()


def _decree_errors(
    standard: StandarPelayanan,
    previous: StandarPelayanan | None,
    today: date,
) -> dict[str, list[ValidationError]]:
    """Return the problems of the decree entered on ``standard``, by field.

    A new version needs a decree of its own: its number must differ from every
    earlier version's (one decree may set the standards of several services, so
    numbers are compared within the service only), and it cannot predate the
    decree of the version it replaces.
    """
    errors: dict[str, list[ValidationError]] = {}

    def add(field: str, message: str, code: str, **params: Any) -> None:
        errors.setdefault(field, []).append(
            ValidationError(message, code=code, params=params or None)
        )

    number = " ".join(standard.decree_number.split())
    if not number:
        add("decree_number", _("Enter the number of the decree."), "required")
    else:
        earlier = (
            StandarPelayanan.objects.filter(layanan_id=standard.layanan_id)
            .exclude(pk=standard.pk)
            .exclude(decree_number="")
            .values_list("version", "decree_number")
        )
        for version, other in earlier:
            if decree_key(other) == decree_key(number):
                add(
                    "decree_number",
                    _(
                        "Decree %(number)s already set version %(version)s; a "
                        "changed standard needs a decree of its own."
                    ),
                    "reused",
                    number=number,
                    version=version,
                )
                break
    if standard.decree_date is None:
        add("decree_date", _("Enter the date of the decree."), "required")
    elif standard.decree_date > today:
        add("decree_date", _("The decree date cannot be in the future."), "future")
    elif (
        previous is not None
        and previous.decree_date
        and standard.decree_date < previous.decree_date
    ):
        add(
            "decree_date",
            _(
                "The decree cannot be dated before the decree of version "
                "%(version)s (%(date)s), which it replaces."
            ),
            "before_previous",
            version=previous.version,
            date=date_format(previous.decree_date, "DATE_FORMAT"),
        )
    if not standard.decree_signatory.strip():
        add("decree_signatory", _("Enter who signed the decree."), "required")
    return errors


@transaction.atomic
def standard_approve(
    *,
    standard: StandarPelayanan,
    user: Any,
    decree_number: str,
    decree_date: date | None,
    decree_signatory: str,
    comment: str = "",
    now: datetime | None = None,
) -> StandarPelayanan:
    """Approve a submitted draft: record its decree, publish it, supersede the old one.

    Only the OPD's or the Pemda's administrator approves (``approvable_by``); the
    version citizens saw until now stays published, with its own decree, until this
    succeeds.
    """
    now = now or timezone.now()
    _lock(standard.layanan)
    standard = StandarPelayanan.objects.select_for_update().get(pk=standard.pk)
    _require_approver(standard, user)
    _require_awaiting(standard)
    error = _missing_public_error(standard)
    if error is not None:
        raise error
    previous = (
        StandarPelayanan.objects.select_for_update()
        .filter(layanan_id=standard.layanan_id)
        .published()
        .first()
    )
    standard.decree_number = " ".join(decree_number.split())
    standard.decree_date = decree_date
    standard.decree_signatory = decree_signatory.strip()
    errors = _decree_errors(standard, previous, timezone.localdate(now))
    if errors:
        raise ValidationError(errors)
    if previous is not None:
        reviews = [d for d in (standard.reviewed_on, previous.reviewed_on) if d]
        standard.reviewed_on = max(reviews) if reviews else None
        previous.status = StandarPelayanan.Status.SUPERSEDED
        previous.save(update_fields=["status", "updated_at"])
    standard.status = StandarPelayanan.Status.PUBLISHED
    standard.published_at = now
    standard.published_by = user
    standard.full_clean()
    standard.save()
    event = _record(standard, ApprovalEvent.Action.APPROVED, user, now, comment)
    transaction.on_commit(partial(notifications.notify_decided, event.pk), robust=True)
    return standard


@transaction.atomic
def standard_return(
    *,
    standard: StandarPelayanan,
    user: Any,
    comment: str,
    now: datetime | None = None,
) -> StandarPelayanan:
    """Return a submitted draft to its editors with a comment saying what to change.

    The draft is open for editing again; the published version is untouched.
    """
    now = now or timezone.now()
    _lock(standard.layanan)
    standard = StandarPelayanan.objects.select_for_update().get(pk=standard.pk)
    _require_approver(standard, user)
    _require_awaiting(standard)
    if not comment.strip():
        raise ValidationError(
            {
                "comment": ValidationError(
                    _("Say what should change before the version is approved."),
                    code="required",
                )
            }
        )
    standard.submitted_at = None
    standard.submitted_by = None
    standard.save(update_fields=["submitted_at", "submitted_by", "updated_at"])
    event = _record(standard, ApprovalEvent.Action.RETURNED, user, now, comment)
    transaction.on_commit(partial(notifications.notify_decided, event.pk), robust=True)
    return standard


@transaction.atomic
def standard_review(
    *,
    standard: StandarPelayanan,
    user: Any | None,
    reviewed_on: date,
    note: str = "",
    today: date | None = None,
) -> StandardReview:
    """Record a peninjauan ulang of the published version on ``reviewed_on``.

    A future date is refused; an earlier date than the last review is kept in the
    history but does not move the review clock back.
    """
    today = today or timezone.localdate()
    _lock(standard.layanan)
    standard = StandarPelayanan.objects.select_for_update().get(pk=standard.pk)
    if not standard.is_published:
        raise ValidationError(
            _("Only the published version can be reviewed."), code="not_published"
        )
    if reviewed_on > today:
        raise ValidationError(
            {
                "reviewed_on": ValidationError(
                    _("The review date cannot be in the future."), code="future"
                )
            }
        )
    review = StandardReview(
        standard=standard,
        reviewed_on=reviewed_on,
        note=note.strip(),
        recorded_by=user,
    )
    review.full_clean()
    review.save()
    if standard.reviewed_on is None or reviewed_on > standard.reviewed_on:
        standard.reviewed_on = reviewed_on
        standard.save(update_fields=["reviewed_on", "updated_at"])
    return review


@transaction.atomic
def maklumat_save(
    *, unit: Unit, user: Any | None, today: date | None = None, **fields: Any
) -> Maklumat:
    """Create or update the unit's Maklumat Pelayanan; it cannot be signed in future."""
    today = today or timezone.localdate()
    # The unit's row lock serialises two first saves of its one Maklumat.
    Unit.objects.select_for_update().filter(pk=unit.pk).first()
    maklumat = Maklumat.objects.select_for_update().filter(unit=unit).first()
    if maklumat is None:
        maklumat = Maklumat(unit=unit, pemda_id=unit.pemda_id)
    _assign(maklumat, MAKLUMAT_FIELDS, fields)
    maklumat.updated_by = user
    if maklumat.signed_on and maklumat.signed_on > today:
        raise ValidationError(
            {
                "signed_on": ValidationError(
                    _("The signing date cannot be in the future."), code="future"
                )
            }
        )
    maklumat.full_clean()
    maklumat.save()
    return maklumat
