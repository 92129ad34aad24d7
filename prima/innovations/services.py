"""Writes of the innovation registry: register, edit, publish, replicate, evidence.

Competitions (calls, screening, juri, scores, stages) are ``prima.competitions``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from prima.core.uploads import PDF, CleanFile, save_clean_file
from prima.innovations.models import (
    APPLIED_STAGES,
    SECTIONS,
    Evidence,
    Group,
    Innovation,
    Stage,
    Status,
    TargetUnsur,
)
from prima.surveys.ikm import Unsur

MAX_EVIDENCE = 10


def check_consistency(innovation: Innovation) -> None:
    """Raise a ValidationError naming the field when the record contradicts itself."""
    errors: dict[str, str] = {}
    if (
        innovation.unit_id
        and innovation.opd_id
        and innovation.unit.opd_id != (innovation.opd_id)
    ):
        errors["unit"] = _("The unit does not belong to this OPD.")
    if innovation.opd_id and innovation.opd.pemda_id != innovation.pemda_id:
        errors["opd"] = _("The OPD does not belong to this Pemda.")
    if innovation.stage in APPLIED_STAGES and innovation.applied_on is None:
        errors["applied_on"] = _(
            "An applied innovation needs the date it was applied from."
        )
    if (
        innovation.started_on
        and innovation.applied_on
        and innovation.applied_on < innovation.started_on
    ):
        errors["applied_on"] = _("The applied date cannot be before the start date.")
    if errors:
        raise ValidationError(errors)


def check_publishable(innovation: Innovation) -> None:
    """Raise a ValidationError naming every empty proposal section of its group."""
    missing = {
        name: _("This section is required before publishing.")
        for name in SECTIONS[innovation.group]
        if not getattr(innovation, name).strip()
    }
    if missing:
        raise ValidationError(missing)


def _set_targets(innovation: Innovation, targets: Iterable[str]) -> None:
    codes = sorted({Unsur(code).value for code in targets})
    innovation.targets.exclude(unsur__in=codes).delete()
    have = set(innovation.targets.values_list("unsur", flat=True))
    TargetUnsur.objects.bulk_create(
        TargetUnsur(innovation=innovation, unsur=code)
        for code in codes
        if code not in have
    )


@transaction.atomic
def innovation_save(
    innovation: Innovation,
    *,
    by,
    targets: Iterable[str] = (),
    layanan: Iterable = (),
) -> Innovation:
    """Create or update an innovation with its targeted unsur and services."""
    check_consistency(innovation)
    if innovation.is_published:
        check_publishable(innovation)
    if innovation.pk is None:
        innovation.created_by = by
    innovation.save()
    _set_targets(innovation, targets)
    innovation.layanan.set(list(layanan))
    return innovation


@transaction.atomic
def innovation_publish(innovation: Innovation, *, by) -> Innovation:
    """Make a draft public once every section of its proposal group is written."""
    check_consistency(innovation)
    check_publishable(innovation)
    if not innovation.is_published:
        innovation.status = Status.PUBLISHED
        innovation.published_at = timezone.now()
        innovation.save(update_fields=["status", "published_at", "updated_at"])
    return innovation


# Why a published innovation must stay published, asked of the apps above this one
# (a competition holding it as an entry): each registers a check in its
# ``AppConfig.ready()`` returning the reason, or None.
PublicationHold = Callable[[Innovation], "str | None"]
_publication_holds: list[PublicationHold] = []


def add_publication_hold(check: PublicationHold) -> None:
    """Register ``check``; registering it again changes nothing."""
    if check not in _publication_holds:
        _publication_holds.append(check)


@transaction.atomic
def innovation_unpublish(innovation: Innovation, *, by) -> Innovation:
    """Take an innovation back to draft, unless a higher app holds it published."""
    for check in _publication_holds:
        reason = check(innovation)
        if reason:
            raise ValidationError(reason)
    innovation.status = Status.DRAFT
    innovation.save(update_fields=["status", "updated_at"])
    return innovation


@transaction.atomic
def _inspiration_note(title: str, owner: str, where: str) -> str:
    """Return the prefilled inspiration text, always in the platform's language.

    It is stored text that the replicating OPD edits and that readers of either
    language see as written, so it must not depend on the language of whoever (or
    whichever command) started the replication.
    """
    with translation.override(settings.LANGUAGE_CODE):
        return _("“%(title)s” by %(owner)s, %(where)s.") % {
            "title": title,
            "owner": owner,
            "where": where,
        }


def innovation_replicate(
    origin: Innovation, *, by, pemda, opd, unit=None, title: str = ""
) -> Innovation:
    """Start a replication (amati, tiru, modifikasi) of a published innovation.

    The copy is a draft of the replicating OPD in the "replikasi" group, linked to
    its origin; the inspiration section names where it came from, and the OPD
    then writes its replication process and what it modified.
    """
    if not origin.is_published:
        raise ValidationError(_("Only a published innovation can be replicated."))
    where = origin.origin_region or (origin.pemda.name if origin.pemda_id else "")
    owner = origin.origin_agency or (str(origin.opd) if origin.opd_id else "")
    copy = Innovation(
        pemda=pemda,
        opd=opd,
        unit=unit,
        title=title or origin.title,
        group=Group.REPLIKASI,
        stage=Stage.IDE,
        sector=origin.sector,
        status=Status.DRAFT,
        origin=origin,
        ringkasan=origin.ringkasan,
        latar_belakang=origin.latar_belakang,
        kebaruan=origin.kebaruan,
        implementasi=origin.implementasi,
        adaptabilitas=origin.adaptabilitas,
        sumber_daya=origin.sumber_daya,
        keberlanjutan=origin.keberlanjutan,
        inspirasi=_inspiration_note(origin.title, owner, where),
    )
    innovation_save(copy, by=by, targets=origin.target_codes())
    return copy


@transaction.atomic
def evidence_add(
    innovation: Innovation, *, by, clean: CleanFile, caption: str = ""
) -> Evidence:
    """Store one checked, metadata-free file as evidence of ``innovation``."""
    if innovation.evidence.count() >= MAX_EVIDENCE:
        raise ValidationError(
            _("An innovation keeps at most %(count)d evidence files.")
            % {"count": MAX_EVIDENCE}
        )
    item = Evidence(
        innovation=innovation,
        kind=Evidence.Kind.DOCUMENT
        if clean.content_type == PDF
        else Evidence.Kind.PHOTO,
        caption=caption,
        original_name=clean.original_name,
        content_type=clean.content_type,
        size=clean.size,
        uploaded_by=by,
    )
    save_clean_file(item.file, clean)
    return item


def evidence_remove(item: Evidence, *, by) -> None:
    item.file.delete(save=False)
    item.delete()
