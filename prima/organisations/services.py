"""Writes to the organisation tree: services (layanan) and service units.

Each function validates the row with ``full_clean`` and saves it in a transaction. A
code must be unique within its Pemda; the unique constraint includes ``pemda``, which
no staff form edits, so the check is made here and reported on the ``code`` field,
with the database constraint as the backstop against a concurrent insert.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext as _

from prima.core.uploads import CleanFile, save_clean_file
from prima.organisations.models import (
    Layanan,
    Letterhead,
    Pemda,
    PerangkatDaerah,
    Unit,
)


def _code_taken(obj: Layanan | Unit) -> bool:
    return (
        type(obj)
        ._default_manager.filter(pemda_id=obj.pemda_id, code=obj.code)
        .exclude(pk=obj.pk)
        .exists()
    )


def _duplicate_code_error(obj: Layanan | Unit) -> ValidationError:
    if isinstance(obj, Layanan):
        message = _("A service with code “%(code)s” already exists in %(pemda)s.")
    else:
        message = _("A unit with code “%(code)s” already exists in %(pemda)s.")
    return ValidationError(
        {
            "code": ValidationError(
                message,
                code="duplicate",
                params={"code": obj.code, "pemda": obj.pemda},
            )
        }
    )


def _validate_and_save(obj: Layanan | Unit) -> None:
    """Validate ``obj`` (reporting a duplicate code on ``code``) and save it."""
    errors: dict[str, list[ValidationError]] = {}
    try:
        # The (pemda, code) constraint would be reported as a form-wide error; it is
        # checked below so the message lands on the code field instead.
        obj.full_clean(validate_constraints=False)
    except ValidationError as exc:
        errors = exc.update_error_dict(errors)
    if "code" not in errors and obj.code and _code_taken(obj):
        errors = _duplicate_code_error(obj).update_error_dict(errors)
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            obj.save()
    except IntegrityError:
        if _code_taken(obj):
            raise _duplicate_code_error(obj) from None
        raise


def _assign(obj: models.Model, fields: dict[str, object]) -> None:
    for name, value in fields.items():
        setattr(obj, name, value.strip() if isinstance(value, str) else value)


@transaction.atomic
def layanan_create(
    *,
    unit: Unit,
    code: str,
    name: str,
    description: str = "",
    active: bool = True,
) -> Layanan:
    """Create a service of ``unit``; its Pemda is the unit's."""
    layanan = Layanan(pemda_id=unit.pemda_id)
    _assign(
        layanan,
        {
            "unit": unit,
            "code": code,
            "name": name,
            "description": description,
            "active": active,
        },
    )
    _validate_and_save(layanan)
    return layanan


@transaction.atomic
def layanan_update(
    *,
    layanan: Layanan,
    unit: Unit,
    code: str,
    name: str,
    description: str = "",
    active: bool = True,
) -> Layanan:
    """Change a service; it may move to another unit of the same Pemda only."""
    _assign(
        layanan,
        {
            "unit": unit,
            "code": code,
            "name": name,
            "description": description,
            "active": active,
        },
    )
    _validate_and_save(layanan)
    return layanan


@transaction.atomic
def unit_create(
    *,
    opd: PerangkatDaerah,
    code: str,
    name: str,
    kind: str,
    address: str = "",
    phone: str = "",
    email: str = "",
    opening_hours: str = "",
    head_name: str = "",
    head_title: str = "",
    head_nip: str = "",
    active: bool = True,
) -> Unit:
    """Create a service unit of ``opd``; its Pemda is the OPD's."""
    unit = Unit(pemda_id=opd.pemda_id)
    _assign(
        unit,
        {
            "opd": opd,
            "code": code,
            "name": name,
            "kind": kind,
            "address": address,
            "phone": phone,
            "email": email,
            "opening_hours": opening_hours,
            "head_name": head_name,
            "head_title": head_title,
            "head_nip": head_nip,
            "active": active,
        },
    )
    _validate_and_save(unit)
    return unit


@transaction.atomic
def unit_update(
    *,
    unit: Unit,
    opd: PerangkatDaerah,
    code: str,
    name: str,
    kind: str,
    address: str = "",
    phone: str = "",
    email: str = "",
    opening_hours: str = "",
    head_name: str = "",
    head_title: str = "",
    head_nip: str = "",
    active: bool = True,
) -> Unit:
    """Change a service unit; it may move to another OPD of the same Pemda only."""
    _assign(
        unit,
        {
            "opd": opd,
            "code": code,
            "name": name,
            "kind": kind,
            "address": address,
            "phone": phone,
            "email": email,
            "opening_hours": opening_hours,
            "head_name": head_name,
            "head_title": head_title,
            "head_nip": head_nip,
            "active": active,
        },
    )
    _validate_and_save(unit)
    return unit


@transaction.atomic
def opd_head_update(
    *, opd: PerangkatDaerah, head_name: str, head_nip: str = ""
) -> PerangkatDaerah:
    """Change who heads the OPD: the official who signs its reports."""
    opd.head_name, opd.head_nip = head_name, head_nip
    opd.full_clean()
    opd.save(update_fields=["head_name", "head_nip"])
    return opd


@transaction.atomic
def letterhead_save(
    *, pemda: Pemda, by, fields: dict, logo: CleanFile | None, remove_logo: bool
) -> Letterhead:
    """Store the Pemda's letterhead; a new logo replaces the old, or it is removed."""
    letterhead = Letterhead.objects.select_for_update().filter(pemda=pemda).first()
    letterhead = letterhead or Letterhead(pemda=pemda)
    for name, value in fields.items():
        setattr(letterhead, name, value)
    letterhead.updated_by = by
    letterhead.full_clean(exclude=["logo"])
    if remove_logo or logo is not None:
        letterhead.logo.delete(save=False)
    letterhead.save()
    if logo is not None:
        save_clean_file(letterhead.logo, logo)
    return letterhead
