"""Tests of the staff forms: every validation message lands on its field."""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import timezone, translation

from prima.standards.forms import (
    ApproveForm,
    MaklumatForm,
    ReviewForm,
    StandardFilterForm,
    StandardForm,
)
from prima.standards.testing import COMPLETE_VALUES, make_standard

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def post_data(**changes):
    data = {k: ("" if v is None else str(v)) for k, v in COMPLETE_VALUES.items()}
    data.update({k: v for k, v in changes.items() if not isinstance(v, list)})
    return data, {k: v for k, v in changes.items() if isinstance(v, list)}


def bind(org, **changes):
    from django.http import QueryDict

    scalars, lists = post_data(**changes)
    data = QueryDict(mutable=True)
    data.update(scalars)
    for key, values in lists.items():
        data.setlist(key, values)
    return StandardForm(data, layanan=org.layanan)


def test_complete_values_are_valid(org):
    """A fully filled form is valid."""
    form = bind(org)
    assert form.is_valid(), form.errors


def test_empty_form_is_a_valid_draft(org):
    """A draft may leave every component empty."""
    form = StandardForm({}, layanan=org.layanan)
    assert form.is_valid(), form.errors


def test_paid_tariff_needs_legal_basis(org):
    """A tariff above zero without legal basis is refused on the legal-basis field."""
    form = bind(org, biaya_tarif="25000", biaya_dasar_hukum="   ")
    assert not form.is_valid()
    assert form.errors["biaya_dasar_hukum"] == [
        "A service that is not free needs the legal basis of its tariff."
    ]


def test_free_service_needs_no_legal_basis(org):
    """A tariff of zero is free and needs no legal basis."""
    assert bind(org, biaya_tarif="0", biaya_dasar_hukum="").is_valid()


def test_amount_without_unit_is_refused_on_unit(org):
    """A service time amount without its unit is refused on the unit field."""
    form = bind(org, jangka_waktu_value="3", jangka_waktu_unit="")
    assert not form.is_valid()
    assert form.errors["jangka_waktu_unit"] == ["Choose the unit of the service time."]


def test_unit_without_amount_is_refused_on_amount(org):
    """A service time unit without an amount is refused on the amount field."""
    form = bind(org, jangka_waktu_value="", jangka_waktu_unit="jam")
    assert not form.is_valid()
    assert form.errors["jangka_waktu_value"] == [
        "Enter the amount of the service time, or clear its unit."
    ]


def test_zero_service_time_is_refused(org):
    """A service time of zero is refused."""
    form = bind(org, jangka_waktu_value="0")
    assert form.errors["jangka_waktu_value"] == [
        "The service time must be greater than zero."
    ]


@pytest.mark.parametrize(
    "field", ["jangka_waktu_value", "biaya_tarif", "jumlah_pelaksana"]
)
def test_negative_numbers_are_refused(org, field):
    """A negative amount, tariff or number of staff is refused on its field."""
    form = bind(org, **{field: "-1"})
    assert not form.is_valid()
    assert field in form.errors


def test_negative_tariff_message(org):
    """A negative tariff says so."""
    form = bind(org, biaya_tarif="-500", biaya_dasar_hukum="Perda")
    assert "The tariff cannot be negative." in form.errors["biaya_tarif"]


def test_zero_staff_is_refused(org):
    """Zero staff is refused with a hint to leave the number empty."""
    form = bind(org, jumlah_pelaksana="0")
    assert form.errors["jumlah_pelaksana"] == [
        "Enter at least one staff member, or leave the number empty."
    ]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("jangka_waktu_value", "tiga"),
        ("jangka_waktu_value", "1.5"),
        ("jangka_waktu_value", str(10**30)),
        ("jumlah_pelaksana", str(10**30)),
        ("biaya_tarif", "12.50"),
        ("biaya_tarif", "1" * 20),
        ("biaya_tarif", "NaN"),
        ("jangka_waktu_unit", "minggu"),
        ("drafted_on", "31/02/2025"),
        ("drafting_participants", ["pengguna", "tetangga"]),
        ("publication_media", ["koran"]),
    ],
)
def test_malformed_input_is_a_field_error(org, field, value):
    """Malformed input gives a field error, never an exception."""
    form = bind(org, **{field: value})
    assert not form.is_valid()
    assert field in form.errors


def test_whitespace_only_text_counts_as_empty(org):
    """Text of only whitespace is cleaned to empty, so the component is missing."""
    form = bind(org, produk=" \n\t ")
    assert form.is_valid(), form.errors
    assert form.cleaned_data["produk"] == ""


def test_edit_form_has_no_decree_fields(org):
    """The decree is entered by the approver, so the edit form cannot carry one over."""
    form = StandardForm(layanan=org.layanan)
    assert not {"decree_number", "decree_date", "decree_signatory"} & set(form.fields)


@pytest.mark.parametrize(
    ("field", "value"),
    [("decree_date", "not a date"), ("decree_number", " "), ("decree_signatory", "")],
)
def test_approve_form_needs_a_well_formed_decree(field, value):
    """The approval form refuses a decree without a number, a date or a signatory."""
    data = {
        "decree_number": "188.4/7/2026",
        "decree_date": "2026-03-02",
        "decree_signatory": "Kepala Dinas",
        field: value,
    }
    form = ApproveForm(data)
    assert not form.is_valid()
    assert field in form.errors


def test_approve_form_starts_from_the_previous_signatory(org):
    """The approval form offers the signatory of the version it replaces, no number."""
    published = make_standard(layanan=org.layanan, decree_signatory="Kepala Dinas")
    draft = make_standard(layanan=org.layanan, status="draft")
    form = ApproveForm.for_version(None, standard=draft, published=published)
    assert form["decree_signatory"].value() == "Kepala Dinas"
    assert not form["decree_number"].value()


def test_choices_are_cleaned_to_lists(org):
    """Participants and publication media are checkbox lists of known codes."""
    form = bind(org, drafting_participants=["pengguna", "ahli"])
    assert form.is_valid(), form.errors
    assert form.cleaned_data["drafting_participants"] == ["pengguna", "ahli"]
    assert form.cleaned_data["publication_media"] == []


def test_form_is_prefilled_from_the_source_version(org):
    """The form starts from the given version's values."""
    source = make_standard(layanan=org.layanan, produk="KTP-el", decree_number="1/2025")
    form = StandardForm(layanan=org.layanan, source=source)
    assert form["produk"].value() == "KTP-el"


def test_component_labels_carry_their_number(org):
    """Each single-field component is labelled with its regulation number."""
    form = StandardForm(layanan=org.layanan)
    assert form.fields["persyaratan"].label == "1. Requirements"
    assert form.fields["evaluasi_kinerja"].label == "14. Staff performance evaluation"
    groups = form.component_groups()
    assert [len(items) for _, items in groups] == [6, 8]
    assert [f.name for f in groups[0][1][2]["fields"]] == [
        "jangka_waktu_value",
        "jangka_waktu_unit",
    ]


def test_review_date_defaults_to_today():
    """A review without a date is dated today."""
    form = ReviewForm({"reviewed_on": "", "note": ""})
    assert form.is_valid()
    assert form.cleaned_data["reviewed_on"] == timezone.localdate()


def test_review_date_must_be_a_date():
    """A malformed review date is refused."""
    form = ReviewForm({"reviewed_on": "kemarin"})
    assert "reviewed_on" in form.errors


def test_maklumat_text_is_required(org):
    """A Maklumat with whitespace-only text is refused on the text field."""
    form = MaklumatForm({"text": "   "}, unit=org.unit)
    assert form.errors["text"] == ["This field is required."]


def test_maklumat_form_accepts_a_signed_declaration(org):
    """A Maklumat with text, signatory and date is valid."""
    form = MaklumatForm(
        {
            "text": "Kami sanggup.",
            "signatory_name": "Budi",
            "signed_on": "2025-01-02",
            "published_printed": "on",
        },
        unit=org.unit,
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["signed_on"] == date(2025, 1, 2)


def test_filter_form_ignores_an_unknown_state():
    """An unknown state filter is dropped while the text filter is kept."""
    form = StandardFilterForm({"state": "bogus", "q": " ktp "})
    assert form.filters() == {"q": "ktp"}
    assert StandardFilterForm().filters() == {}
