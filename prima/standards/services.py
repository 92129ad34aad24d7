"""Writes to Standar Pelayanan versions, their reviews and the units' Maklumat.

A service has at most one draft and at most one published version (database
constraints back both). Editing a published standard opens draft n+1 and leaves the
published version untouched, so citizens keep seeing it until the draft is published;
publishing supersedes the previous version in the same transaction. Each function
locks the service's row first so two staff members saving at once are serialised.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from prima.organisations.models import Layanan, Unit
from prima.standards.models import Maklumat, StandardReview, StandarPelayanan

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
    "decree_number",
    "decree_date",
    "decree_signatory",
    "publication_media",
)

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
    draft = versions.drafts().first()
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


@transaction.atomic
def standard_publish(
    *, standard: StandarPelayanan, user: Any | None, now: datetime | None = None
) -> StandarPelayanan:
    """Publish a draft and supersede the version citizens saw until now.

    Refuse, naming each of them, while a service-delivery component is empty.
    """
    _lock(standard.layanan)
    standard = StandarPelayanan.objects.select_for_update().get(pk=standard.pk)
    if not standard.is_draft:
        raise ValidationError(
            _("Only a draft can be published; version %(version)s is %(status)s."),
            code="not_draft",
            params={
                "version": standard.version,
                "status": standard.get_status_display(),
            },
        )
    error = _missing_public_error(standard)
    if error is not None:
        raise error
    previous = (
        StandarPelayanan.objects.filter(layanan_id=standard.layanan_id)
        .published()
        .first()
    )
    if previous is not None:
        reviews = [d for d in (standard.reviewed_on, previous.reviewed_on) if d]
        standard.reviewed_on = max(reviews) if reviews else None
        previous.status = StandarPelayanan.Status.SUPERSEDED
        previous.save(update_fields=["status", "updated_at"])
    standard.status = StandarPelayanan.Status.PUBLISHED
    standard.published_at = now or timezone.now()
    standard.published_by = user
    standard.full_clean()
    standard.save()
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
