"""Tests for the SKM report downloads and the public results pages."""

import csv
import io
from datetime import date

import pytest
from django.conf import settings
from django.urls import reverse
from openpyxl import load_workbook

from prima.core.periods import parse_key
from prima.surveys import imports
from prima.surveys.models import Channel, FollowUp, Response
from prima.surveys.testing import submit_four

PERIOD = parse_key("2025-T1")  # submit_four's default day, 10 February 2025


def staff_url(name, unit, periode="2025-T1"):
    return reverse(f"surveys:{name}", kwargs={"unit_pk": unit.pk}) + (
        f"?periode={periode}" if periode else ""
    )


@pytest.fixture
def admin_client(client, users):
    client.force_login(users["admin_pemda"])
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.mark.django_db
def test_pdf_download_is_a_pdf_attachment(org, admin_client):
    """The report answers application/pdf bytes with a file name."""
    submit_four(org.layanan)
    response = admin_client.get(staff_url("report-pdf", org.unit))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert (
        (response["Content-Disposition"])
        == 'attachment; filename="laporan-skm-kantor-disdukcapil-pusat-2025-T1.pdf"'
    )


@pytest.mark.django_db
def test_pdf_renders_for_a_period_without_responses(org, admin_client):
    """A period nobody answered in still gives a PDF."""
    response = admin_client.get(staff_url("report-pdf", org.unit, "2020"))
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")


@pytest.mark.django_db
def test_unknown_period_is_not_found(org, admin_client):
    """A malformed ``periode`` answers 404 rather than an error."""
    response = admin_client.get(staff_url("report-csv", org.unit, "2025-T9"))
    assert response.status_code == 404


@pytest.mark.django_db
def test_xlsx_has_three_sheets_with_the_worked_example(org, admin_client):
    """Data, Tabulasi and Ringkasan hold the four respondents' numbers as numbers."""
    submit_four(org.layanan, suggestion='=HYPERLINK("http://x")')
    submit_four(org.sibling_layanan)  # another unit: not in this workbook
    response = admin_client.get(staff_url("report-xlsx", org.unit))
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Data", "Tabulasi", "Ringkasan"]
    data = list(book["Data"].iter_rows(values_only=True))
    assert data[0][:3] == ("Date of service", "Service", "Channel")
    assert data[0][7] == "U1"
    assert len(data) == 5
    assert data[1][1] == "Penerbitan KTP-el"
    # Coded answers read as their labels, never as the stored code.
    channel = Response.objects.filter(layanan=org.layanan).first().channel
    assert data[1][2] == str(Channel(channel).label)
    assert data[1][2] != channel
    assert data[1][-1] == '\'=HYPERLINK("http://x")'
    tab = {row[0]: row for row in book["Tabulasi"].iter_rows(values_only=True)}
    # code, name, score 1..4, total, NRR, weighted NRR, ×25, mutu
    assert tab["U3"][2:6] == (1, 1, 1, 1)
    assert tab["U3"][6] == 4
    assert tab["U3"][7] == 2.5
    assert tab["U3"][9] == 62.5
    assert tab["U3"][10] == "D"
    assert tab["U4"][9] == 93.75
    summary = dict(book["Ringkasan"].iter_rows(values_only=True))
    assert summary["IKM"] == pytest.approx(79.86)
    assert summary["Respondents (n)"] == 4
    assert summary["Mutu"] == "B"
    assert summary["Period"] == "Triwulan I 2025"
    assert summary["Weakest unsur"].startswith("U3 ")


@pytest.mark.django_db
def test_csv_streams_one_line_per_response_with_bom(org, admin_client):
    """The CSV starts with a BOM and the header, then one line per response."""
    submit_four(org.layanan, suggestion="Antre, lama")
    response = admin_client.get(staff_url("report-csv", org.unit))
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufefftanggal,kode_layanan,layanan,saluran,")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0][8:17] == [f"u{i}" for i in range(1, 10)]
    assert len(rows) == 5
    assert rows[4][8:17] == ["3", "2", "1", "4", "3", "4", "4", "3", "3"]
    assert rows[1][-1] == "Antre, lama"
    assert rows[1][0] == "2025-02-10"
    assert rows[1][1:4] == [org.layanan.code, org.layanan.name, Channel.ONLINE.label]


@pytest.mark.django_db
def test_exported_csv_reads_back_through_the_paper_import(org, admin_client):
    """The export is in the import's columns: read back for the same unit it gives
    the same services, dates, profiles and scores, without a single bad cell."""
    submit_four(org.layanan, suggestion="Antre, lama")
    response = admin_client.get(staff_url("report-csv", org.unit))
    data = b"".join(response.streaming_content)
    clean, errors = imports.validate_rows(
        imports.read_table("jawaban.csv", data), unit=org.unit, today=date(2026, 1, 1)
    )
    assert errors == []
    stored = Response.objects.filter(unit=org.unit).order_by("service_date", "pk")
    assert [(r.layanan, r.service_date, r.scores) for r in clean] == [
        (r.layanan, r.service_date, {u.value: s for u, s in r.scores().items()})
        for r in stored
    ]
    assert [r.profile["gender"] for r in clean] == [r.gender for r in stored]


@pytest.mark.django_db
def test_unit_operator_cannot_export_a_sibling_unit(org, users, client):
    """A unit-level role gets 404 for another unit; juri has no survey grant."""
    client.force_login(users["operator_unit"])
    assert client.get(staff_url("report-csv", org.sibling_unit)).status_code == 404
    client.force_login(users["juri"])
    assert client.get(staff_url("report-xlsx", org.unit)).status_code == 404
    client.force_login(users["pimpinan"])
    assert client.get(staff_url("report-csv", org.unit)).status_code == 200


@pytest.mark.django_db
def test_anonymous_is_sent_to_login(org, client):
    """The staff exports need a login."""
    response = client.get(staff_url("report-pdf", org.unit))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def public_get(client, name, **kwargs):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client.get(
        reverse(f"surveys:{name}", kwargs=kwargs), {"periode": PERIOD.key}
    )


@pytest.mark.django_db
def test_public_unit_page_shows_figures_and_rtl_without_script(org, client):
    """The unit page shows IKM, mutu, respondents, the chart and the RTL; no JS."""
    submit_four(org.layanan)
    FollowUp.objects.create(
        pemda=org.pemda,
        unit=org.unit,
        period_start=PERIOD.start,
        period_end=PERIOD.end,
        unsur="U3",
        action="Open a second counter",
        due_on=date(2025, 6, 30),
        responsible="Kepala Unit",
    )
    response = public_get(
        client, "public-unit", pemda_slug=org.pemda.slug, unit_pk=org.unit.pk
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "<script" not in html.lower()
    assert "79.86" in html
    assert "Baik" in html
    assert "62.50" in html
    assert "<svg" in html
    assert "Open a second counter" in html
    assert "Triwulan I 2025" in html


@pytest.mark.django_db
def test_public_pemda_page_lists_units_from_grouped_results(
    org, client, django_assert_max_num_queries
):
    """The Pemda page lists each unit with its IKM, or no responses."""
    submit_four(org.layanan)
    with django_assert_max_num_queries(12):
        response = public_get(client, "public-pemda", pemda_slug=org.pemda.slug)
    html = response.content.decode()
    assert "<script" not in html.lower()
    assert "Kantor Disdukcapil Pusat" in html
    assert "Puskesmas Melati" in html
    assert "no responses" in html
    assert "Kantor Dukcapil Beta" not in html


@pytest.mark.django_db
def test_public_opd_page_lists_only_its_units(org, client):
    """The OPD page lists the OPD's units and not those of other OPDs."""
    submit_four(org.layanan)
    html = public_get(
        client, "public-opd", pemda_slug=org.pemda.slug, opd_pk=org.opd.pk
    ).content.decode()
    assert "79.86" in html
    assert "Loket Disdukcapil Timur" in html
    assert "Puskesmas Melati" not in html


@pytest.mark.django_db
def test_public_pages_of_another_pemda_are_not_found(org, client):
    """A unit or OPD under another Pemda's address answers 404."""
    slug = org.pemda.slug
    unit_pk = org.other_pemda_unit.pk
    assert (
        public_get(client, "public-unit", pemda_slug=slug, unit_pk=unit_pk).status_code
        == 404
    )
    opd_pk = org.other_pemda_opd.pk
    assert (
        public_get(client, "public-opd", pemda_slug=slug, opd_pk=opd_pk).status_code
        == 404
    )


@pytest.mark.django_db
def test_public_page_without_responses_says_so(org, client):
    """A period without responses shows a plain statement instead of figures."""
    html = public_get(
        client, "public-unit", pemda_slug=org.pemda.slug, unit_pk=org.unit.pk
    ).content.decode()
    assert "No survey responses were received in this period." in html


HOSTILE_SUGGESTION = '=HYPERLINK("http://x","klik")\x0bAntre\x01 lama'
CLEANED_SUGGESTION = '\'=HYPERLINK("http://x","klik")\nAntre lama'


@pytest.mark.django_db
def test_xlsx_with_control_characters_and_a_formula_is_a_valid_workbook(
    org, users, client
):
    """A suggestion with a vertical tab, a control character and a formula still
    gives the unit's staff a workbook that opens, with the text cleaned and kept as
    text."""
    submit_four(org.layanan, suggestion=HOSTILE_SUGGESTION)
    client.force_login(users["operator_unit"])
    response = client.get(staff_url("report-xlsx", org.unit))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content))["Data"]
    cells = [row[-1] for row in sheet.iter_rows(min_row=2)]
    assert len(cells) == 4
    for cell in cells:
        assert cell.value == CLEANED_SUGGESTION
        assert cell.data_type == "s"


@pytest.mark.django_db
def test_csv_cleans_the_same_way(org, users, client):
    """The CSV export uses the same cleaning as the workbook."""
    submit_four(org.layanan, suggestion=HOSTILE_SUGGESTION)
    client.force_login(users["operator_unit"])
    response = client.get(staff_url("report-csv", org.unit))
    text = b"".join(response.streaming_content).decode("utf-8")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert [row[-1] for row in rows[1:]] == [CLEANED_SUGGESTION] * 4
