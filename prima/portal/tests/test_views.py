"""Tests of the citizen pages and the staff home page."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from prima.innovations.testing import make_innovation
from prima.organisations.testing import make_layanan, make_pemda
from prima.portal.tests.helpers import INTERNAL_FIELDS, make_standard
from prima.standards.models import Maklumat

pytestmark = pytest.mark.django_db


def service_url(org, layanan, pemda=None):
    pemda = pemda or org.pemda
    return reverse(
        "portal:service-detail", kwargs={"pemda_slug": pemda.slug, "pk": layanan.pk}
    )


def citizen_urls(org):
    slug = org.pemda.slug
    return [
        reverse("portal:home"),
        reverse("portal:pemda", kwargs={"pemda_slug": slug}),
        reverse("portal:directory", kwargs={"pemda_slug": slug}),
        reverse("portal:directory", kwargs={"pemda_slug": slug}) + "?q=tidak-ada",
        reverse("portal:directory", kwargs={"pemda_slug": slug})
        + "?q=%3Cscript%3Ealert(1)%3C/script%3E",
        service_url(org, org.layanan),
        service_url(org, org.sibling_layanan),
        reverse("portal:unit-detail", kwargs={"pemda_slug": slug, "pk": org.unit.pk}),
    ]


def test_citizen_pages_load_no_javascript(org, client):
    """No citizen page contains a script element."""
    make_standard(layanan=org.layanan)
    for url in citizen_urls(org):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "<script" not in response.content.decode().lower(), url


def test_home_lists_every_pemda(org, client):
    """With several Pemda the home page links to each."""
    page = client.get(reverse("portal:home")).content.decode()
    for pemda in [org.pemda, org.other_pemda]:
        assert reverse("portal:pemda", kwargs={"pemda_slug": pemda.slug}) in page


def test_home_with_one_pemda_shows_its_search_box(db, client):
    """With a single Pemda the home page offers its service search at once."""
    pemda = make_pemda(name="Kota Tunggal", slug="kota-tunggal")
    page = client.get(reverse("portal:home")).content.decode()
    assert "Kota Tunggal" in page
    assert 'name="q"' in page
    assert reverse("portal:directory", kwargs={"pemda_slug": pemda.slug}) in page


def test_unknown_pemda_is_not_found(db, client):
    """An unknown Pemda address answers 404."""
    response = client.get(reverse("portal:pemda", kwargs={"pemda_slug": "tidak-ada"}))
    assert response.status_code == 404


def test_pemda_page_lists_opds_with_units(org, client):
    """The Pemda page shows its OPDs with their units and a search form."""
    response = client.get(reverse("portal:pemda", kwargs={"pemda_slug": "kota-alpha"}))
    page = response.content.decode()
    assert org.opd.name in page and org.sibling_unit.name in page
    assert org.other_pemda_unit.name not in page
    assert 'method="get"' in page


def test_pemda_page_links_its_innovations_in_the_library(org, client):
    """The Pemda page's innovation link opens the library filtered to that Pemda."""
    make_innovation(unit=org.unit, title="Inovasi Alpha")
    make_innovation(unit=org.other_pemda_unit, title="Inovasi Beta")
    page = client.get(
        reverse("portal:pemda", kwargs={"pemda_slug": "kota-alpha"})
    ).content.decode()
    link = re.search(r'href="(/inovasi/\?pemda=[^"]+)"', page).group(1)
    library = client.get(link.replace("&amp;", "&")).content.decode()
    assert "Inovasi Alpha" in library and "Inovasi Beta" not in library


def test_pemda_page_queries_do_not_grow(org, client, django_assert_max_num_queries):
    """The Pemda page costs a fixed number of queries."""
    with django_assert_max_num_queries(5):
        client.get(reverse("portal:pemda", kwargs={"pemda_slug": "kota-alpha"}))


def test_directory_search_finds_ktp(org, client):
    """Searching "ktp" finds "Penerbitan KTP-el" with its unit and OPD."""
    url = reverse("portal:directory", kwargs={"pemda_slug": "kota-alpha"})
    response = client.get(url, {"q": "ktp"})
    assert list(response.context["page_obj"]) == [org.layanan]
    page = response.content.decode()
    assert "Penerbitan KTP-el" in page
    assert org.unit.name in page and org.opd.name in page
    assert "No published service standard yet" in page


def test_directory_without_results_helps(org, client):
    """A search without results says so and suggests what to do."""
    url = reverse("portal:directory", kwargs={"pemda_slug": "kota-alpha"})
    page = client.get(url, {"q": "paspor"}).content.decode()
    assert "No service matches “paspor”" in page
    assert "Show all services" in page


def test_directory_filters_by_opd_and_ignores_bad_values(org, client):
    """The opd parameter filters; a foreign or malformed value is ignored."""
    url = reverse("portal:directory", kwargs={"pemda_slug": "kota-alpha"})
    response = client.get(url, {"opd": org.other_opd.pk})
    assert list(response.context["page_obj"]) == [org.other_opd_layanan]
    for bad in [org.other_pemda_opd.pk, "x", "-1", "²", "9" * 19]:
        response = client.get(url, {"opd": bad})
        assert response.status_code == 200
        assert response.context["page_obj"].paginator.count == 3


def test_directory_paginates_by_twenty(org, client, django_assert_max_num_queries):
    """Results come twenty per page, with a fixed number of queries."""
    for n in range(25):
        make_layanan(unit=org.unit, name=f"Surat Keterangan {n:02d}")
    url = reverse("portal:directory", kwargs={"pemda_slug": "kota-alpha"})
    with django_assert_max_num_queries(6):
        response = client.get(url, {"q": "surat"})
    assert len(response.context["page_obj"]) == 20
    assert "?q=surat&amp;page=2" in response.content.decode()
    assert len(client.get(url, {"q": "surat", "page": 2}).context["page_obj"]) == 5


def test_service_detail_shows_the_six_published_components(org, client):
    """The page shows the published version's six components and no internal one."""
    make_standard(layanan=org.layanan, version=1)
    make_standard(
        layanan=org.layanan, version=2, status="draft", produk="PRODUK-DRAF-BARU"
    )
    page = client.get(service_url(org, org.layanan)).content.decode()
    for text in [
        "Kartu Keluarga asli",
        '<ol class="steps">',
        "Rekam biometrik",
        "3 working days",
        "Free of charge",
        "KTP elektronik",
        "SP4N-LAPOR!",
        "Version 1",
        "800/1/2026",
    ]:
        assert text in page, text
    assert "PRODUK-DRAF-BARU" not in page
    for secret in INTERNAL_FIELDS.values():
        assert secret not in page
    assert (
        reverse(
            "portal:unit-detail", kwargs={"pemda_slug": "kota-alpha", "pk": org.unit.pk}
        )
        in page
    )


def test_service_detail_shows_tariff_and_legal_basis(org, client):
    """A paid service shows its amount in rupiah and the tariff's legal basis."""
    make_standard(
        layanan=org.layanan,
        biaya_tarif=Decimal("150000"),
        biaya_dasar_hukum="Perda Kota Alpha 2/2024",
    )
    page = client.get(service_url(org, org.layanan)).content.decode()
    assert "Rp 150,000" in page
    assert "Perda Kota Alpha 2/2024" in page
    assert "Free of charge" not in page


def test_service_detail_without_published_standard(org, client):
    """With only a draft, the page says no standard is published and shows no draft."""
    make_standard(layanan=org.layanan, status="draft", produk="PRODUK-DRAF")
    page = client.get(service_url(org, org.layanan)).content.decode()
    assert "no published service standard yet" in page
    assert "PRODUK-DRAF" not in page


def test_service_of_another_pemda_is_not_found(org, client):
    """Another Pemda's service under this Pemda's address answers 404."""
    response = client.get(service_url(org, org.other_pemda_layanan))
    assert response.status_code == 404
    own = service_url(org, org.other_pemda_layanan, pemda=org.other_pemda)
    assert client.get(own).status_code == 200


def test_inactive_service_is_not_found(org, client):
    """An inactive service answers 404."""
    org.layanan.active = False
    org.layanan.save()
    assert client.get(service_url(org, org.layanan)).status_code == 404


def test_unit_page_shows_signed_maklumat_and_services(org, client):
    """The unit page shows its signed Maklumat and its services."""
    Maklumat.objects.create(
        pemda=org.pemda,
        unit=org.unit,
        signatory_name="Drs. Budi Santoso",
        signed_on="2026-01-05",
    )
    url = reverse(
        "portal:unit-detail", kwargs={"pemda_slug": "kota-alpha", "pk": org.unit.pk}
    )
    page = client.get(url).content.decode()
    assert "Drs. Budi Santoso" in page
    assert "Penerbitan KTP-el" in page


def test_unit_of_another_pemda_is_not_found(org, client):
    """Another Pemda's unit under this Pemda's address answers 404."""
    url = reverse(
        "portal:unit-detail",
        kwargs={"pemda_slug": "kota-alpha", "pk": org.other_pemda_unit.pk},
    )
    assert client.get(url).status_code == 404


def test_staff_home_requires_login(client):
    """An anonymous visitor of the staff home is sent to log in."""
    response = client.get(reverse("portal:staff-home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_staff_home_shows_roles_links_and_counts(org, users, client):
    """An OPD admin sees its role, catalog links and what it can see."""
    client.force_login(users["admin_opd"])
    page = client.get(reverse("portal:staff-home")).content.decode()
    assert "OPD administrator" in page
    assert str(org.opd) in page
    assert reverse("organisations:layanan-create") in page
    assert reverse("organisations:unit-create") not in page
    assert "2 services visible to you." in page


def test_staff_home_without_role_says_so(org, users, client):
    """A user without any role is told so plainly."""
    client.force_login(users["no_role"])
    response = client.get(reverse("portal:staff-home"))
    assert response.status_code == 200
    assert "You have no role yet." in response.content.decode()
    assert (
        reverse("organisations:layanan-list")
        not in response.content.decode().split("</header>")[1]
    )


def test_healthz_answers_ok(client, db):
    """The health check answers a plain ok."""
    response = client.get(reverse("portal:healthz"))
    assert response.content == b"ok"
