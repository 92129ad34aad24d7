"""Tests of the writes: draft versions, publication, reviews and the Maklumat."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from prima.standards import services
from prima.standards.models import Maklumat, StandardReview, StandarPelayanan
from prima.standards.testing import (
    COMPLETE_VALUES,
    approve_standard,
    make_maklumat,
    make_standard,
)

pytestmark = pytest.mark.django_db
Status = StandarPelayanan.Status


def versions(layanan):
    return list(
        StandarPelayanan.objects.filter(layanan=layanan)
        .order_by("version")
        .values_list("version", "status")
    )


def test_first_save_creates_draft_version_one(org, users):
    """Saving a service without a standard creates version 1 as a draft."""
    draft = services.standard_save_draft(
        layanan=org.layanan, user=users["operator_unit"], persyaratan="KTP"
    )
    assert (draft.version, draft.status) == (1, Status.DRAFT)
    assert draft.pemda == org.pemda
    assert draft.created_by == users["operator_unit"]


def test_draft_may_be_incomplete(org):
    """A draft is saved even when most components are empty, and counts them."""
    draft = services.standard_save_draft(layanan=org.layanan, user=None, produk="X")
    assert draft.missing_count == 13
    assert not draft.is_complete


def test_saving_again_updates_the_draft_in_place(org):
    """A second save updates the existing draft instead of opening a new version."""
    first = services.standard_save_draft(layanan=org.layanan, user=None, produk="A")
    second = services.standard_save_draft(layanan=org.layanan, user=None, produk="B")
    assert second.pk == first.pk
    assert versions(org.layanan) == [(1, Status.DRAFT)]
    first.refresh_from_db()
    assert first.produk == "B"


def test_editing_a_published_standard_opens_version_two(org):
    """Editing a published standard creates draft v2; v1 stays published and unchanged."""
    v1 = make_standard(layanan=org.layanan)
    v2 = services.standard_save_draft(
        layanan=org.layanan, user=None, **{**COMPLETE_VALUES, "produk": "KTP-el baru"}
    )
    v1.refresh_from_db()
    assert (v2.version, v2.status) == (2, Status.DRAFT)
    assert v1.status == Status.PUBLISHED
    assert v1.produk == COMPLETE_VALUES["produk"]
    assert versions(org.layanan) == [(1, Status.PUBLISHED), (2, Status.DRAFT)]


def test_at_most_one_draft(org):
    """Repeated edits of a published standard keep a single draft."""
    make_standard(layanan=org.layanan)
    for text in ["a", "b", "c"]:
        services.standard_save_draft(layanan=org.layanan, user=None, produk=text)
    assert versions(org.layanan) == [(1, Status.PUBLISHED), (2, Status.DRAFT)]


def test_database_refuses_a_second_draft(org):
    """The partial unique constraint backs the one-draft rule against races."""
    make_standard(layanan=org.layanan, status=Status.DRAFT)
    with pytest.raises(IntegrityError), transaction.atomic():
        StandarPelayanan.objects.create(
            layanan=org.layanan, pemda=org.pemda, version=2, status=Status.DRAFT
        )


def test_approval_supersedes_the_previous_version(org, users):
    """Approving v2 supersedes v1 and stamps the time and the approver."""
    v1 = make_standard(layanan=org.layanan)
    services.standard_save_draft(layanan=org.layanan, user=None, **COMPLETE_VALUES)
    draft = StandarPelayanan.objects.drafts().get(layanan=org.layanan)
    now = timezone.now()
    v2 = approve_standard(
        draft, approver=users["admin_opd"], submitter=users["operator_unit"], now=now
    )
    v1.refresh_from_db()
    assert (v1.status, v2.status) == (Status.SUPERSEDED, Status.PUBLISHED)
    assert v2.published_at == now
    assert v2.published_by == users["admin_opd"]
    assert versions(org.layanan) == [(1, Status.SUPERSEDED), (2, Status.PUBLISHED)]


def test_v1_stays_published_until_v2_is_approved(org):
    """While v2 is a draft the published version citizens see is still v1."""
    v1 = make_standard(layanan=org.layanan)
    services.standard_save_draft(layanan=org.layanan, user=None, produk="baru")
    assert StandarPelayanan.objects.published().get(layanan=org.layanan) == v1


def test_submit_refuses_naming_each_missing_component(org):
    """Submitting with empty service-delivery components names each of them."""
    draft = services.standard_save_draft(
        layanan=org.layanan,
        user=None,
        **{
            **COMPLETE_VALUES,
            "jangka_waktu_value": None,
            "jangka_waktu_unit": "",
            "penanganan_pengaduan": "   ",
        },
    )
    with pytest.raises(ValidationError) as caught:
        services.standard_submit(standard=draft, user=None)
    message = " ".join(caught.value.messages)
    assert "3. Service time" in message
    assert "6. Handling of complaints, suggestions and feedback" in message
    assert "1. Requirements" not in message
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT
    assert not draft.is_awaiting_approval


def test_submit_refusal_leaves_the_published_version(org):
    """A refused submission changes neither the draft nor the published version."""
    v1 = make_standard(layanan=org.layanan)
    draft = services.standard_save_draft(layanan=org.layanan, user=None, produk="x")
    with pytest.raises(ValidationError):
        services.standard_submit(standard=draft, user=None)
    assert versions(org.layanan) == [(1, Status.PUBLISHED), (2, Status.DRAFT)]
    v1.refresh_from_db()
    assert v1.published_at is not None


def test_approval_allows_missing_manufacturing_components(org, users):
    """Only the six service-delivery components block submission and approval."""
    draft = services.standard_save_draft(
        layanan=org.layanan,
        user=None,
        **{**COMPLETE_VALUES, "dasar_hukum": "", "jumlah_pelaksana": None},
    )
    published = approve_standard(draft, approver=users["admin_opd"])
    assert published.status == Status.PUBLISHED
    assert published.missing_count == 2


def test_submit_refuses_a_version_that_is_not_a_draft(org):
    """A published or superseded version cannot be submitted again."""
    v1 = make_standard(layanan=org.layanan)
    with pytest.raises(ValidationError, match="Only a draft"):
        services.standard_submit(standard=v1, user=None)


def test_save_refuses_paid_tariff_without_legal_basis(org):
    """The service validates the row: a paid tariff needs its legal basis."""
    with pytest.raises(ValidationError) as caught:
        services.standard_save_draft(
            layanan=org.layanan, user=None, biaya_tarif=Decimal(10000)
        )
    assert "biaya_dasar_hukum" in caught.value.error_dict
    assert not StandarPelayanan.objects.filter(layanan=org.layanan).exists()


def test_save_strips_text_and_deduplicates_choices(org):
    """Text is stored stripped and multiple choices once each."""
    draft = services.standard_save_draft(
        layanan=org.layanan,
        user=None,
        produk="  KTP-el \n",
        publication_media=["website", "website", "papan"],
    )
    assert draft.produk == "KTP-el"
    assert draft.publication_media == ["website", "papan"]


def test_save_refuses_fields_it_does_not_own(org):
    """Status and version are not editable through the draft service."""
    with pytest.raises(TypeError):
        services.standard_save_draft(layanan=org.layanan, user=None, status="published")


def test_new_draft_keeps_the_review_clock(org):
    """A draft opened from a reviewed standard starts from the same last review."""
    make_standard(layanan=org.layanan, reviewed_on=date(2025, 5, 1))
    draft = services.standard_save_draft(layanan=org.layanan, user=None, produk="x")
    assert draft.reviewed_on == date(2025, 5, 1)


def test_approval_carries_the_latest_review(org, users):
    """A review recorded on v1 while v2 was drafted still counts after approval."""
    v1 = make_standard(layanan=org.layanan, decree_date=date(2024, 1, 10))
    services.standard_save_draft(layanan=org.layanan, user=None, **COMPLETE_VALUES)
    services.standard_review(
        standard=v1, user=None, reviewed_on=date(2025, 1, 5), today=date(2025, 2, 1)
    )
    draft = StandarPelayanan.objects.drafts().get(layanan=org.layanan)
    v2 = approve_standard(draft, approver=users["admin_opd"])
    assert v2.reviewed_on == date(2025, 1, 5)


def test_review_records_history_and_moves_the_clock(org, users):
    """A review is kept as a row and sets the version's review due date a year on."""
    v1 = make_standard(layanan=org.layanan, decree_date=date(2024, 1, 10))
    review = services.standard_review(
        standard=v1,
        user=users["operator_unit"],
        reviewed_on=date(2025, 1, 5),
        note=" Tidak ada perubahan ",
        today=date(2025, 1, 6),
    )
    v1.refresh_from_db()
    assert review.note == "Tidak ada perubahan"
    assert review.recorded_by == users["operator_unit"]
    assert v1.reviewed_on == date(2025, 1, 5)
    assert v1.review_due_on == date(2026, 1, 5)
    assert not v1.is_review_overdue(date(2026, 1, 5))


def test_review_today_is_accepted(org):
    """A review dated today is accepted."""
    v1 = make_standard(layanan=org.layanan)
    today = timezone.localdate()
    services.standard_review(standard=v1, user=None, reviewed_on=today)
    v1.refresh_from_db()
    assert v1.reviewed_on == today


def test_review_refuses_a_future_date(org):
    """A review dated after today is refused on the date field."""
    v1 = make_standard(layanan=org.layanan)
    today = date(2025, 3, 1)
    with pytest.raises(ValidationError) as caught:
        services.standard_review(
            standard=v1, user=None, reviewed_on=today + timedelta(days=1), today=today
        )
    assert "reviewed_on" in caught.value.error_dict
    assert not StandardReview.objects.exists()


def test_review_refuses_a_draft(org):
    """Only the published version can be reviewed."""
    draft = make_standard(layanan=org.layanan, status=Status.DRAFT)
    with pytest.raises(ValidationError, match="published version"):
        services.standard_review(
            standard=draft, user=None, reviewed_on=timezone.localdate()
        )


def test_an_older_review_does_not_move_the_clock_back(org):
    """Recording an earlier review keeps the later one as the last review."""
    v1 = make_standard(layanan=org.layanan, decree_date=date(2024, 1, 1))
    for day in [date(2025, 2, 1), date(2024, 6, 1)]:
        services.standard_review(
            standard=v1, user=None, reviewed_on=day, today=date(2025, 3, 1)
        )
    v1.refresh_from_db()
    assert v1.reviewed_on == date(2025, 2, 1)
    assert StandardReview.objects.filter(standard=v1).count() == 2


def test_maklumat_is_created_then_updated(org, users):
    """Saving a unit's Maklumat twice keeps one row with the latest values."""
    values = {
        "text": "Kami sanggup melayani sesuai standar.",
        "signatory_name": "Budi",
        "signatory_position": "Kepala Dinas",
        "signed_on": date(2025, 1, 2),
        "published_printed": True,
        "published_electronic": False,
    }
    first = services.maklumat_save(unit=org.unit, user=users["admin_opd"], **values)
    second = services.maklumat_save(
        unit=org.unit, user=None, **{**values, "published_electronic": True}
    )
    assert first.pk == second.pk
    assert Maklumat.objects.filter(unit=org.unit).count() == 1
    assert second.is_set and second.is_published and second.published_electronic
    assert first.pemda == org.pemda


def test_maklumat_refuses_a_future_signing_date(org):
    """A Maklumat cannot be signed after today."""
    with pytest.raises(ValidationError) as caught:
        services.maklumat_save(
            unit=org.unit,
            user=None,
            text="Maklumat",
            signed_on=date(2025, 1, 3),
            today=date(2025, 1, 2),
        )
    assert "signed_on" in caught.value.error_dict


def test_maklumat_refuses_blank_text(org):
    """A Maklumat whose text is only whitespace is refused."""
    make_maklumat(unit=org.unit)
    with pytest.raises(ValidationError) as caught:
        services.maklumat_save(unit=org.unit, user=None, text="  \n ")
    assert "text" in caught.value.error_dict
