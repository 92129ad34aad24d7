"""Tests of importing paper forms from CSV and XLSX, all or nothing."""

import io
from datetime import date, datetime

import pytest
from openpyxl import Workbook

from prima.organisations.testing import make_layanan
from prima.surveys.imports import (
    MAX_BYTES,
    MAX_ROWS,
    ImportRefused,
    read_table,
    responses_import,
)
from prima.surveys.models import Channel, DailyCount, Response

pytestmark = pytest.mark.django_db

TODAY = date(2026, 6, 30)
HEADER = "tanggal,kode_layanan,u1,u2,u3,u4,u5,u6,u7,u8,u9,jenis_kelamin,usia,pendidikan,pekerjaan,saran"


@pytest.fixture
def ktp(org):
    return make_layanan(unit=org.unit, code="KTP", name="KTP-el")


def csv_bytes(*lines: str) -> bytes:
    return "\n".join([HEADER, *lines]).encode()


def test_good_csv_is_imported(org, ktp):
    """A good CSV stores every row as a paper response and counts it in the rollups."""
    data = csv_bytes(
        "2026-05-12,KTP,4,4,3,4,4,4,4,3,3,L,35,SMA,swasta,Antrian lama",
        "12/05/2026,ktp,3,3,3,3,3,3,3,3,3,,,,,",
    )
    result = responses_import(unit=org.unit, name="form.csv", data=data, today=TODAY)
    assert result.ok and (result.imported, result.already) == (2, 0)
    stored = Response.objects.order_by("pk")
    assert [r.channel for r in stored] == [Channel.PAPER, Channel.PAPER]
    first = stored[0]
    assert (first.gender, first.age, first.education, first.occupation) == (
        "L",
        35,
        "sma",
        "swasta",
    )
    assert first.suggestion == "Antrian lama"
    assert stored[1].service_date == date(2026, 5, 12)
    assert DailyCount.objects.get(layanan=ktp).respondents == 2


def test_semicolon_csv_is_read(org, ktp):
    """A CSV saved by an Indonesian Excel, separated by semicolons, is read too."""
    data = (
        HEADER.replace(",", ";") + "\n2026-05-12;KTP;4;4;3;4;4;4;4;3;3;;;;;\n"
    ).encode()
    result = responses_import(unit=org.unit, name="form.csv", data=data, today=TODAY)
    assert result.imported == 1


def test_same_file_twice_is_imported_once(org, ktp):
    """Uploading the same file again stores nothing twice."""
    data = csv_bytes("2026-05-12,KTP,4,4,3,4,4,4,4,3,3,,,,,")
    responses_import(unit=org.unit, name="form.csv", data=data, today=TODAY)
    again = responses_import(unit=org.unit, name="form.csv", data=data, today=TODAY)
    assert (again.imported, again.already) == (0, 1)
    assert Response.objects.count() == 1
    assert DailyCount.objects.get(layanan=ktp).respondents == 1


def test_bad_cells_store_nothing_and_are_named(org, ktp):
    """One bad cell stores nothing; every bad cell is named by row and column."""
    other_unit_service = org.sibling_layanan.code
    data = csv_bytes(
        "2026-05-12,KTP,4,4,3,4,4,4,4,3,3,,,,,",
        "31/02/2026,KTP,5,4,3,4,4,4,4,3,0,X,200,S9,petani,",
        f"2026-05-12,{other_unit_service},4,4,,4,4,4,4,3,abc,,,,,",
        "2026-07-01,NOPE,4,4,3,4,4,4,4,3,3,,,,,",
    )
    result = responses_import(unit=org.unit, name="form.csv", data=data, today=TODAY)
    assert not result.ok
    assert result.imported == 0
    assert Response.objects.count() == 0
    assert DailyCount.objects.count() == 0
    bad = {(e.row, e.column) for e in result.errors}
    assert bad == {
        (3, "tanggal"),
        (3, "u1"),
        (3, "u9"),
        (3, "jenis_kelamin"),
        (3, "usia"),
        (3, "pendidikan"),
        (3, "pekerjaan"),
        (4, "kode_layanan"),
        (4, "u3"),
        (4, "u9"),
        (5, "tanggal"),
        (5, "kode_layanan"),
    }
    reasons = {(e.row, e.column): e.reason for e in result.errors}
    assert "future" in reasons[(5, "tanggal")]
    assert "not a service code of this unit" in reasons[(4, "kode_layanan")]


def test_missing_columns_are_reported_on_the_header_row(org, ktp):
    """A file without the required columns names each missing one on row 1."""
    data = b"tanggal,kode_layanan,u1\n2026-05-12,KTP,4\n"
    result = responses_import(unit=org.unit, name="form.csv", data=data, today=TODAY)
    assert {(e.row, e.column) for e in result.errors} == {
        (1, f"u{i}") for i in range(2, 10)
    }
    assert Response.objects.count() == 0


def xlsx_bytes(rows) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER.split(","))
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_good_xlsx_is_imported(org, ktp):
    """An Excel workbook with date cells and numeric scores is imported."""
    data = xlsx_bytes(
        [
            [datetime(2026, 5, 12), "KTP", 4, 4, 3, 4, 4, 4, 4, 3, 3, "P", 41, "d4_s1"],
            ["2026-05-13", "KTP", 3.0, 3, 3, 3, 3, 3, 3, 3, 3],
            [None] * 5,
        ]
    )
    result = responses_import(unit=org.unit, name="FORM.XLSX", data=data, today=TODAY)
    assert result.ok and result.imported == 2
    first = Response.objects.order_by("pk").first()
    assert (first.service_date, first.gender, first.age, first.education) == (
        date(2026, 5, 12),
        "P",
        41,
        "d4_s1",
    )


def test_bad_xlsx_cell_is_named(org, ktp):
    """A bad cell in a workbook is reported with its spreadsheet row number."""
    data = xlsx_bytes(
        [
            [date(2026, 5, 12), "KTP", 4, 4, 3, 4, 4, 4, 4, 3, 3],
            [date(2026, 5, 12), "KTP", 4, 4, 3, 4, 4, 4, 4, 3, 7],
        ]
    )
    result = responses_import(unit=org.unit, name="form.xlsx", data=data, today=TODAY)
    assert [(e.row, e.column) for e in result.errors] == [(3, "u9")]
    assert Response.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("form.pdf", b"%PDF-1.4"),
        ("form.xlsx", b"not a zip at all"),
        ("form.csv", b"\x00\x01\x02binary"),
    ],
)
def test_unreadable_files_are_refused(name, data):
    """A file that is not a CSV or XLSX is refused as a whole."""
    with pytest.raises(ImportRefused):
        read_table(name, data)


def test_too_large_file_is_refused():
    """A file over the size limit is refused before it is parsed."""
    with pytest.raises(ImportRefused, match="MB"):
        read_table("form.csv", b"x" * (MAX_BYTES + 1))


def test_too_many_rows_are_refused():
    """A file over the row limit is refused."""
    data = (HEADER + "\n" + "a\n" * (MAX_ROWS + 1)).encode()
    with pytest.raises(ImportRefused, match="rows"):
        read_table("form.csv", data)


def test_blank_rows_count_toward_the_row_limit():
    """200 000 blank rows around one data row are refused by the 5 000-row limit."""
    data = (
        HEADER + "\n" + ",\n" * 200_000 + "2026-05-12,KTP,4,4,3,4,4,4,4,3,3\n"
    ).encode()
    with pytest.raises(ImportRefused, match="more than 5000 rows below the header"):
        read_table("form.csv", data)


def test_blank_rows_are_skipped_but_keep_row_numbers(org, ktp):
    """Blank lines are ignored and a later bad cell still gets its file row number."""
    data = csv_bytes(
        "2026-05-12,KTP,4,4,3,4,4,4,4,3,3,,,,,",
        ",,,,,,,,,,,,,,,",
        "",
        "2026-05-12,KTP,4,4,3,4,4,4,4,3,X,,,,,",
    )
    result = responses_import(unit=org.unit, name="form.csv", data=data, today=TODAY)
    assert [(e.row, e.column) for e in result.errors] == [(5, "u9")]
