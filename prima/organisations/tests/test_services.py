"""Tests of the organisation write services."""

import pytest
from django.core.exceptions import ValidationError

from prima.organisations import services
from prima.organisations.models import Layanan, Unit

pytestmark = pytest.mark.django_db


def layanan_fields(**overrides):
    fields = {"code": "KTP-01", "name": "Penerbitan KTP-el", "description": ""}
    return {**fields, **overrides}


def unit_fields(**overrides):
    fields = {"code": "U-NEW", "name": "Loket Baru", "kind": Unit.Kind.LOKET}
    return {**fields, **overrides}


def test_layanan_create_takes_pemda_from_unit(org):
    """A new service belongs to the Pemda of its unit."""
    layanan = services.layanan_create(unit=org.unit, **layanan_fields())
    assert layanan.pk and layanan.pemda == org.pemda


def test_layanan_create_strips_text(org):
    """Surrounding spaces are removed from the code and the name."""
    layanan = services.layanan_create(
        unit=org.unit, **layanan_fields(code=" KTP-02 ", name="  Legalisir  ")
    )
    assert (layanan.code, layanan.name) == ("KTP-02", "Legalisir")


def test_layanan_duplicate_code_is_reported_on_code(org):
    """A code already used in the Pemda is refused with an error on ``code``."""
    with pytest.raises(ValidationError) as exc:
        services.layanan_create(
            unit=org.sibling_unit, **layanan_fields(code=org.layanan.code)
        )
    assert list(exc.value.error_dict) == ["code"]
    assert exc.value.error_dict["code"][0].code == "duplicate"
    assert "already exists in Kota Alpha" in exc.value.message_dict["code"][0]


def test_layanan_same_code_in_another_pemda_is_allowed(org):
    """Codes are unique per Pemda only."""
    layanan = services.layanan_create(
        unit=org.other_pemda_unit, **layanan_fields(code=org.layanan.code)
    )
    assert layanan.pemda == org.other_pemda


def test_layanan_update_keeps_its_own_code(org):
    """Saving a service with its own unchanged code is not a duplicate."""
    layanan = services.layanan_update(
        layanan=org.layanan,
        unit=org.sibling_unit,
        **layanan_fields(code=org.layanan.code, name="Penerbitan KTP elektronik"),
    )
    layanan.refresh_from_db()
    assert layanan.unit == org.sibling_unit
    assert layanan.name == "Penerbitan KTP elektronik"


def test_layanan_update_cannot_move_to_another_pemda(org):
    """A service cannot move to a unit of another Pemda."""
    with pytest.raises(ValidationError) as exc:
        services.layanan_update(
            layanan=org.layanan,
            unit=org.other_pemda_unit,
            **layanan_fields(code=org.layanan.code),
        )
    assert "unit" in exc.value.error_dict


def test_layanan_invalid_fields_and_duplicate_are_reported_together(org):
    """Field errors and the duplicate code are reported in one go."""
    with pytest.raises(ValidationError) as exc:
        services.layanan_create(
            unit=org.unit, **layanan_fields(code=org.layanan.code, name="")
        )
    assert set(exc.value.error_dict) == {"code", "name"}


def test_layanan_integrity_error_is_reported_on_code(org, monkeypatch):
    """A duplicate slipping past the check (a race) still ends as a code error."""
    answers = iter([False, True])
    monkeypatch.setattr(services, "_code_taken", lambda obj: next(answers))
    with pytest.raises(ValidationError) as exc:
        services.layanan_create(unit=org.unit, **layanan_fields(code=org.layanan.code))
    assert list(exc.value.error_dict) == ["code"]
    assert Layanan.objects.filter(code=org.layanan.code).count() == 1


def test_unit_create_takes_pemda_from_opd(org):
    """A new unit belongs to the Pemda of its OPD."""
    unit = services.unit_create(opd=org.other_opd, **unit_fields())
    assert unit.pemda == org.pemda and unit.opd == org.other_opd


def test_unit_duplicate_code_is_reported_on_code(org):
    """A unit code already used in the Pemda is refused on ``code``."""
    with pytest.raises(ValidationError) as exc:
        services.unit_create(opd=org.opd, **unit_fields(code=org.unit.code))
    assert list(exc.value.error_dict) == ["code"]


def test_unit_update_cannot_move_to_another_pemda(org):
    """A unit cannot move to an OPD of another Pemda."""
    with pytest.raises(ValidationError) as exc:
        services.unit_update(
            unit=org.unit, opd=org.other_pemda_opd, **unit_fields(code=org.unit.code)
        )
    assert "opd" in exc.value.error_dict


def test_unit_update_changes_fields(org):
    """Updating a unit saves its new details."""
    services.unit_update(
        unit=org.unit,
        opd=org.opd,
        **unit_fields(code=org.unit.code, opening_hours="Senin–Jumat 08.00–15.00"),
    )
    org.unit.refresh_from_db()
    assert org.unit.opening_hours == "Senin–Jumat 08.00–15.00"
    assert org.unit.kind == Unit.Kind.LOKET
