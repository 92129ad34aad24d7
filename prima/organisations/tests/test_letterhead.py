"""The letterhead and signing of official PDFs, and the OPD head who signs."""

from __future__ import annotations

import pytest
from django.urls import reverse

from prima.core.testing import pdf_bytes, png_bytes, upload
from prima.organisations import selectors
from prima.organisations.models import Letterhead

pytestmark = pytest.mark.django_db
URL = "/staf/organisasi/kop-surat/"

FIELDS = {
    "lines": "PEMERINTAH KOTA ALPHA\nSEKRETARIAT DAERAH\nJl. Merdeka No. 1",
    "signatory_name": "Drs. Budi Santoso, M.Si.",
    "signatory_title": "Sekretaris Daerah",
    "signatory_nip": "196805121990031004",
    "team": "Ketua: Rina\nAnggota: Dodi",
    "schedule": "Persiapan: Januari\nPelaksanaan: Februari",
}


def test_the_url():
    assert reverse("organisations:letterhead") == URL


def test_without_a_letterhead_the_pemda_name_heads_the_page(org):
    letterhead = selectors.letterhead_of(org.pemda)
    assert letterhead.pk is None
    assert letterhead.line_list == [f"PEMERINTAH {org.pemda.name.upper()}"]


def test_the_administrator_saves_lines_signatory_and_a_cleaned_logo(client, org, users):
    client.force_login(users["admin_pemda"])
    data = {**FIELDS, "logo_upload": upload("logo.png", png_bytes())}
    response = client.post(URL, data)
    assert response.status_code == 302
    letterhead = Letterhead.objects.get(pemda=org.pemda)
    assert letterhead.line_list[1] == "SEKRETARIAT DAERAH"
    assert letterhead.team_list == ["Ketua: Rina", "Anggota: Dodi"]
    assert selectors.logo_data_uri(letterhead).startswith("data:image/png;base64,")
    page = client.get(URL).content.decode()
    assert 'class="letterhead-logo"' in page
    client.post(URL, {**FIELDS, "remove_logo": "on"})
    letterhead.refresh_from_db()
    assert not letterhead.logo


def test_a_pdf_logo_and_a_bad_nip_are_refused_with_the_field_named(client, org, users):
    client.force_login(users["admin_pemda"])
    data = {
        **FIELDS,
        "signatory_nip": "1968-05",
        "logo_upload": upload("logo.pdf", pdf_bytes()),
    }
    response = client.post(URL, data)
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {"signatory_nip", "logo_upload"}
    assert not Letterhead.objects.exists()


def test_the_pemda_administrator_names_the_opd_head(client, org, users):
    client.force_login(users["admin_pemda"])
    url = reverse("organisations:opd-edit", kwargs={"pk": org.opd.pk})
    client.post(url, {"head_name": "Dr. Sari", "head_nip": "197001011995032001"})
    org.opd.refresh_from_db()
    assert (org.opd.head_name, org.opd.head_nip) == ("Dr. Sari", "197001011995032001")
    client.force_login(users["admin_opd"])
    assert client.post(url, {"head_name": "X"}).status_code == 403
