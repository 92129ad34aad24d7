"""Tests of the public reads behind the citizen pages."""

from decimal import Decimal

import pytest
from django.http import Http404

from prima.organisations.models import Unit
from prima.organisations.testing import make_layanan
from prima.portal import selectors
from prima.portal.tests.helpers import make_standard
from prima.standards.models import Maklumat

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("q", ["KTP", "ktp", "Ktp-El", "penerbitan ktp"])
def test_directory_finds_service_by_name_case_insensitively(org, q):
    """Searching "ktp" in any case finds "Penerbitan KTP-el"."""
    assert list(selectors.directory_search(pemda=org.pemda, q=q)) == [org.layanan]


def test_directory_is_limited_to_the_pemda(org):
    """A search never returns another Pemda's services."""
    assert org.other_pemda_layanan not in selectors.directory_search(
        pemda=org.pemda, q="akta"
    )
    assert list(selectors.directory_search(pemda=org.other_pemda, q="akta")) == [
        org.other_pemda_layanan
    ]


def test_directory_lists_all_active_alphabetically_without_query(org):
    """An empty query lists every active service by name."""
    make_layanan(unit=org.unit, name="Zonasi")
    hidden = make_layanan(unit=org.unit, name="Arsip lama")
    hidden.active = False
    hidden.save()
    names = [x.name for x in selectors.directory_search(pemda=org.pemda)]
    assert names == [
        "Imunisasi Anak",
        "Penerbitan Kartu Keluarga",
        "Penerbitan KTP-el",
        "Zonasi",
    ]


def test_directory_hides_services_of_inactive_units(org):
    """A closed unit's services are not listed."""
    Unit.objects.filter(pk=org.sibling_unit.pk).update(active=False)
    assert org.sibling_layanan not in selectors.directory_search(pemda=org.pemda)


def test_directory_filters_by_opd(org):
    """The OPD filter keeps that OPD's services only."""
    results = selectors.directory_search(pemda=org.pemda, opd=org.other_opd)
    assert list(results) == [org.other_opd_layanan]


def test_directory_flags_published_standard(org):
    """Only a service with a published version is flagged."""
    make_standard(layanan=org.layanan)
    make_standard(layanan=org.sibling_layanan, status="draft")
    flags = {
        x.pk: x.has_published_standard
        for x in selectors.directory_search(pemda=org.pemda)
    }
    assert flags == {
        org.layanan.pk: True,
        org.sibling_layanan.pk: False,
        org.other_opd_layanan.pk: False,
    }


def test_service_view_shows_published_version_not_draft(org):
    """The public view carries the published version even when a newer draft exists."""
    make_standard(layanan=org.layanan, version=1, produk="Produk terbit")
    make_standard(layanan=org.layanan, version=2, status="draft", produk="Produk draf")
    view = selectors.service_public_view(pemda=org.pemda, pk=org.layanan.pk)
    assert view.standard.version == 1
    assert view.standard.product == "Produk terbit"
    assert view.standard.requirements == [
        "Kartu Keluarga asli",
        "Surat pengantar RT/RW",
    ]
    assert view.standard.procedure[0] == "Ambil nomor antrean"
    assert view.standard.is_free


def test_service_view_carries_no_manufacturing_component(org):
    """The public standard has no field for an internal component."""
    make_standard(layanan=org.layanan)
    standard = selectors.service_public_view(
        pemda=org.pemda, pk=org.layanan.pk
    ).standard
    assert "RAHASIA" not in repr(standard)


def test_service_view_without_published_standard(org):
    """A service with only a draft has no public standard."""
    make_standard(layanan=org.layanan, status="draft")
    view = selectors.service_public_view(pemda=org.pemda, pk=org.layanan.pk)
    assert view.standard is None
    assert view.unit == org.unit and view.opd == org.opd


def test_service_view_with_tariff(org):
    """A paid service reports its tariff and legal basis."""
    make_standard(
        layanan=org.layanan,
        biaya_tarif=Decimal("50000"),
        biaya_dasar_hukum="Perda 1/2024",
    )
    standard = selectors.service_public_view(
        pemda=org.pemda, pk=org.layanan.pk
    ).standard
    assert (standard.is_free, standard.tariff, standard.tariff_legal_basis) == (
        False,
        Decimal("50000"),
        "Perda 1/2024",
    )


def test_service_view_refuses_other_pemda_and_inactive(org):
    """Another Pemda's or an inactive service is not found."""
    with pytest.raises(Http404):
        selectors.service_public_view(pemda=org.pemda, pk=org.other_pemda_layanan.pk)
    org.layanan.active = False
    org.layanan.save()
    with pytest.raises(Http404):
        selectors.service_public_view(pemda=org.pemda, pk=org.layanan.pk)


def test_unit_view_shows_maklumat_only_when_signed(org):
    """An unsigned Maklumat stays hidden; a signed one is shown."""
    maklumat = Maklumat.objects.create(pemda=org.pemda, unit=org.unit)
    assert selectors.unit_public_view(pemda=org.pemda, pk=org.unit.pk).maklumat is None
    maklumat.signatory_name = "Drs. Budi"
    maklumat.signed_on = "2026-01-05"
    maklumat.save()
    view = selectors.unit_public_view(pemda=org.pemda, pk=org.unit.pk)
    assert view.maklumat == maklumat
    assert list(view.services) == [org.layanan]


def test_unit_view_refuses_other_pemda(org):
    """Another Pemda's unit is not found under this Pemda."""
    with pytest.raises(Http404):
        selectors.unit_public_view(pemda=org.pemda, pk=org.other_pemda_unit.pk)


def test_staff_overview_counts_and_grants(org, users):
    """The staff overview lists roles, grants and visible counts."""
    overview = selectors.staff_overview(user=users["admin_opd"])
    assert [m.role for m in overview.memberships] == ["admin_opd"]
    assert overview.has_role and overview.can_change_catalog
    assert not overview.can_change_organisation
    assert (overview.layanan_count, overview.unit_count) == (2, 2)
    nobody = selectors.staff_overview(user=users["no_role"])
    assert not nobody.has_role and nobody.layanan_count == 0


def test_staff_overview_innovation_counts(org, users):
    """Innovation counts follow the draft privacy: the Pemda admin sees no draft."""
    from prima.innovations.testing import make_innovation

    make_innovation(unit=org.unit)
    make_innovation(unit=org.unit, published=False, title="Draf")
    opd_view = selectors.staff_overview(user=users["admin_opd"])
    assert (opd_view.innovation_count, opd_view.draft_innovations) == (2, 1)
    assert opd_view.can_change_innovation and opd_view.can_view_competition
    pemda_view = selectors.staff_overview(user=users["admin_pemda"])
    assert (pemda_view.innovation_count, pemda_view.draft_innovations) == (1, 0)
    juri_view = selectors.staff_overview(user=users["juri"])
    assert juri_view.can_view_innovation and not juri_view.can_view_competition
    assert juri_view.sheets_to_score == 0
