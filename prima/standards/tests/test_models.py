"""Tests of the model rules: derived completeness, review dates, validation, display."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from prima.standards.models import Maklumat, StandarPelayanan
from prima.standards.testing import make_maklumat, make_standard

pytestmark = pytest.mark.django_db
Status = StandarPelayanan.Status


def test_save_stores_completeness_and_review_due_date(org):
    """Saving a version stores its missing count and the date its review is due."""
    standard = make_standard(
        layanan=org.layanan, decree_date=date(2024, 2, 29), produk=""
    )
    assert standard.missing_count == 1
    assert standard.filled_count == 13
    assert standard.review_due_on == date(2025, 2, 28)


def test_save_with_update_fields_refreshes_derived_fields(org):
    """A partial save still refreshes the stored completeness."""
    standard = make_standard(layanan=org.layanan)
    standard.produk = ""
    standard.save(update_fields=["produk"])
    standard.refresh_from_db()
    assert standard.missing_count == 1


def test_last_reviewed_is_the_later_of_review_and_decree(org):
    """The review clock runs from the later of the last review and the decree."""
    standard = make_standard(
        layanan=org.layanan,
        decree_date=date(2024, 6, 1),
        reviewed_on=date(2024, 3, 1),
    )
    assert standard.last_reviewed() == date(2024, 6, 1)
    standard.reviewed_on = date(2025, 1, 1)
    assert standard.last_reviewed() == date(2025, 1, 1)


def test_draft_without_dates_has_no_due_date(org):
    """A version with neither decree nor review has no due date and counts overdue."""
    draft = make_standard(layanan=org.layanan, status=Status.DRAFT)
    assert draft.review_due_on is None
    assert draft.is_review_overdue(date(2025, 1, 1))


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"biaya_tarif": Decimal(5000), "biaya_dasar_hukum": ""}, "biaya_dasar_hukum"),
        ({"biaya_tarif": Decimal(-1)}, "biaya_tarif"),
        ({"jangka_waktu_unit": ""}, "jangka_waktu_unit"),
        ({"jangka_waktu_value": None}, "jangka_waktu_value"),
        ({"jangka_waktu_value": 0}, "jangka_waktu_value"),
        ({"jumlah_pelaksana": 0}, "jumlah_pelaksana"),
        ({"decree_date": None}, "decree_date"),
        ({"decree_number": ""}, "decree_number"),
        ({"drafting_participants": ["tetangga"]}, "drafting_participants"),
        ({"publication_media": "website"}, "publication_media"),
    ],
)
def test_clean_reports_each_rule_on_its_field(org, changes, field):
    """Each malformed value is reported on the field that holds it."""
    standard = make_standard(layanan=org.layanan)
    for name, value in changes.items():
        setattr(standard, name, value)
    with pytest.raises(ValidationError) as caught:
        standard.full_clean()
    assert field in caught.value.error_dict


def test_clean_refuses_a_service_of_another_pemda(org):
    """A version's Pemda must be its service's Pemda."""
    standard = StandarPelayanan(
        layanan=org.layanan, pemda=org.other_pemda, version=1, status=Status.DRAFT
    )
    with pytest.raises(ValidationError, match="another Pemda"):
        standard.full_clean()


def test_maklumat_clean_refuses_unit_of_another_pemda(org):
    """A Maklumat's Pemda must be its unit's Pemda."""
    with pytest.raises(ValidationError, match="another Pemda"):
        Maklumat(unit=org.unit, pemda=org.other_pemda).full_clean()


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (1, "hari_kerja", "1 working day"),
        (3, "hari_kerja", "3 working days"),
        (30, "menit", "30 minutes"),
        (2, "jam", "2 hours"),
        (None, "jam", ""),
    ],
)
def test_service_time_display(org, value, unit, expected):
    """The service time reads as an amount and a unit in words."""
    standard = StandarPelayanan(jangka_waktu_value=value, jangka_waktu_unit=unit)
    with translation.override("en"):
        assert standard.service_time_display() == expected


def test_list_helpers_split_lines(org):
    """Requirements and procedure steps are one per non-blank line."""
    standard = make_standard(
        layanan=org.layanan, persyaratan="KK\n\n  KTP  \n", prosedur="Satu\nDua"
    )
    assert standard.requirement_items() == ["KK", "KTP"]
    assert standard.procedure_steps() == ["Satu", "Dua"]


def test_labels_survive_unknown_codes(org):
    """An unknown stored code is shown as-is instead of failing the page."""
    standard = StandarPelayanan(
        drafting_participants=["pengguna", "lama"], publication_media=["x"]
    )
    with translation.override("en"):
        assert standard.participant_labels() == ["Service users", "lama"]
        assert standard.publication_labels() == ["x"]


def test_queryset_filters(org):
    """The queryset selects current, incomplete and review-overdue versions."""
    old = make_standard(layanan=org.layanan, decree_date=date(2020, 1, 1))
    fresh = make_standard(
        layanan=org.sibling_layanan, decree_date=date(2025, 1, 1), produk=""
    )
    old.status = Status.SUPERSEDED
    old.save()
    qs = StandarPelayanan.objects
    assert list(qs.current()) == [fresh]
    assert list(qs.incomplete()) == [fresh]
    assert set(qs.review_overdue(date(2026, 1, 2))) == {old, fresh}
    assert list(qs.review_overdue(date(2026, 1, 1))) == [old]


def test_maklumat_state(org):
    """A Maklumat is set once signed and dated, published in print or online."""
    unsigned = make_maklumat(unit=org.unit, signed=False)
    assert not unsigned.is_set and not unsigned.is_published
    signed = make_maklumat(unit=org.sibling_unit)
    assert signed.is_set and signed.is_published
