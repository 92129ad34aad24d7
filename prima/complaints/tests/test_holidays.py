"""Tests of the holiday calendar: who keeps it, single days, and the yearly import."""

from __future__ import annotations

import io
from datetime import date, datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from prima.complaints import holidays
from prima.complaints.models import Holiday
from prima.core.tables import TableRefused
from prima.core.testing import english  # noqa: F401  (pages in English)

pytestmark = pytest.mark.django_db

CSV_2027 = (
    b"date,name\n"
    b"2027-01-01,Tahun Baru Masehi\n"
    b"17/08/2027,Hari Kemerdekaan\n"
    b"2027-12-25,Hari Raya Natal\n"
)


def xlsx(rows) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_calendar_is_kept_by_the_pemda_administrator_only(org, users):
    """Only Pemda-level holders of the complaints change grant keep the calendar."""
    keepers = {
        name: list(holidays.calendar_pemdas(user)) for name, user in users.items()
    }
    assert keepers["admin_pemda"] == [org.pemda]
    assert keepers["other_pemda_admin"] == [org.other_pemda]
    assert set(keepers["superuser"]) == {org.pemda, org.other_pemda}
    for name in ("admin_opd", "operator_unit", "evaluator", "pimpinan", "juri"):
        assert keepers[name] == [], name


def test_add_refuses_a_day_already_in_the_calendar(org):
    """One holiday per day: a second one on the same day is an error on ``day``."""
    holidays.holiday_add(pemda=org.pemda, day=date(2027, 3, 29), name="Nyepi")
    with pytest.raises(ValidationError) as exc:
        holidays.holiday_add(pemda=org.pemda, day=date(2027, 3, 29), name="Lagi")
    assert "day" in exc.value.message_dict
    # Another Pemda keeps its own calendar.
    holidays.holiday_add(pemda=org.other_pemda, day=date(2027, 3, 29), name="Nyepi")


def test_csv_import_adds_the_year_and_a_reimport_adds_nothing(org):
    """Importing the same file twice stores each day once."""
    first = holidays.holidays_import(
        pemda=org.pemda, year=2027, name="libur.csv", data=CSV_2027
    )
    assert (first.ok, first.added, first.already) == (True, 3, 0)
    again = holidays.holidays_import(
        pemda=org.pemda, year=2027, name="libur.csv", data=CSV_2027
    )
    assert (again.ok, again.added, again.already) == (True, 0, 3)
    days = list(Holiday.objects.filter(pemda=org.pemda).values_list("day", flat=True))
    assert days == [date(2027, 1, 1), date(2027, 8, 17), date(2027, 12, 25)]


def test_xlsx_import_reads_dates_and_indonesian_headers(org):
    """An Excel file with spreadsheet dates and the columns tanggal/nama imports."""
    data = xlsx(
        [
            ["Tanggal", "Nama"],
            [datetime(2027, 5, 1), "Hari Buruh"],
            ["2027-06-01", "Hari Lahir Pancasila"],
        ]
    )
    result = holidays.holidays_import(
        pemda=org.pemda, year=2027, name="libur.xlsx", data=data
    )
    assert (result.ok, result.added) == (True, 2)
    assert Holiday.objects.get(day=date(2027, 5, 1)).name == "Hari Buruh"


def test_one_bad_cell_stores_nothing_and_names_row_and_column(org):
    """Errors name the row and column; nothing of the file is stored."""
    data = (
        b"date,name\n"
        b"2027-01-01,Tahun Baru\n"
        b"31/02/2027,Salah\n"
        b"2026-12-25,Tahun lain\n"
        b"2027-01-01,Lagi\n"
        b"2027-08-17,\n"
    )
    result = holidays.holidays_import(
        pemda=org.pemda, year=2027, name="libur.csv", data=data
    )
    assert not result.ok
    assert [(e.row, e.column) for e in result.errors] == [
        (3, "date"),
        (4, "date"),
        (5, "date"),
        (6, "name"),
    ]
    assert "row 2" in result.errors[2].reason
    assert not Holiday.objects.exists()


def test_missing_column_and_unreadable_files(org):
    """A missing column is reported on the header; other files are refused."""
    result = holidays.holidays_import(
        pemda=org.pemda, year=2027, name="libur.csv", data=b"tanggal\n2027-01-01\n"
    )
    assert [(e.row, e.column) for e in result.errors] == [(1, "name")]
    # A bad cell is named by the column as the file spells it.
    result = holidays.holidays_import(
        pemda=org.pemda, year=2027, name="libur.csv", data=b"Tanggal,Nama\nbesok,X\n"
    )
    assert [(e.row, e.column) for e in result.errors] == [(2, "tanggal")]
    with pytest.raises(TableRefused):
        holidays.holidays_import(
            pemda=org.pemda, year=2027, name="libur.txt", data=CSV_2027
        )
    with pytest.raises(TableRefused):
        holidays.holidays_import(
            pemda=org.pemda, year=2027, name="libur.xlsx", data=b"not a zip"
        )


def test_page_lists_adds_imports_and_removes(org, users, client):
    """The admin Pemda works the whole calendar from the page."""
    client.force_login(users["admin_pemda"])
    url = reverse("complaints:holiday-list")
    response = client.post(
        reverse("complaints:holiday-add"),
        {"pemda": org.pemda.pk, "day": "2027-03-29", "name": "Hari Suci Nyepi"},
    )
    assert response.status_code == 302
    assert response["Location"] == f"{url}?pemda={org.pemda.pk}&tahun=2027"
    upload = SimpleUploadedFile("libur.csv", CSV_2027, content_type="text/csv")
    response = client.post(
        reverse("complaints:holiday-import"),
        {"pemda": org.pemda.pk, "year": 2027, "file": upload},
        follow=True,
    )
    page = response.content.decode()
    assert "3 holidays added." in page
    assert "Hari Suci Nyepi" in page and "Hari Kemerdekaan" in page
    nyepi = Holiday.objects.get(name="Hari Suci Nyepi")
    delete = reverse(
        "complaints:holiday-delete",
        kwargs={"pemda_pk": org.pemda.pk, "day": "2027-03-29"},
    )
    assert delete in page
    client.post(delete)
    assert not Holiday.objects.filter(pk=nyepi.pk).exists()
    assert Holiday.objects.count() == 3
    # A retried removal changes nothing and says so.
    response = client.post(delete, follow=True)
    assert "was not a holiday" in response.content.decode()


def test_page_shows_import_errors(org, users, client):
    """A bad file re-shows the page with the table of bad cells."""
    client.force_login(users["admin_pemda"])
    upload = SimpleUploadedFile("libur.csv", b"date,name\nbesok,Libur\n")
    response = client.post(
        reverse("complaints:holiday-import"),
        {"pemda": org.pemda.pk, "year": 2027, "file": upload},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Nothing was imported" in page and "is not a date" in page


def test_import_of_a_very_long_cell_is_a_form_error(org, users, client):
    """A cell past the csv module's own field limit is refused in the form, naming
    the row, instead of failing the request."""
    client.force_login(users["admin_pemda"])
    data = b"date,name\n2027-03-29," + b"x" * 131_073 + b"\n"
    response = client.post(
        reverse("complaints:holiday-import"),
        {
            "pemda": org.pemda.pk,
            "year": 2027,
            "file": SimpleUploadedFile("l.csv", data),
        },
    )
    assert response.status_code == 200
    assert "Row 2: a cell is longer than 1000 characters." in response.content.decode()
    assert not Holiday.objects.exists()


def test_too_large_file_is_refused_before_it_is_read(org, users, client, monkeypatch):
    """A file over the size limit is a form error; the import never sees it."""
    from prima.complaints import holidays

    monkeypatch.setattr(holidays, "holidays_import", None)  # must not be called
    client.force_login(users["admin_pemda"])
    data = b"date,name\n" + b" " * holidays.MAX_BYTES
    response = client.post(
        reverse("complaints:holiday-import"),
        {
            "pemda": org.pemda.pk,
            "year": 2027,
            "file": SimpleUploadedFile("l.csv", data),
        },
    )
    assert response.status_code == 200
    assert "The file is larger than 1 MB" in response.content.decode()


def test_other_pemda_cannot_be_chosen(org, users, client):
    """An admin cannot add to another Pemda's calendar by changing the form."""
    client.force_login(users["admin_pemda"])
    response = client.post(
        reverse("complaints:holiday-add"),
        {"pemda": org.other_pemda.pk, "day": "2027-03-29", "name": "Nyepi"},
    )
    assert response.status_code == 200
    assert not Holiday.objects.exists()


@pytest.mark.parametrize("junk", ["²", "9" * 19, "-1", "abc"])
def test_page_ignores_a_junk_year_or_pemda(org, users, client, junk):
    """A year or Pemda in the link that is no plain number shows the defaults."""
    client.force_login(users["admin_pemda"])
    url = reverse("complaints:holiday-list")
    response = client.get(url, {"pemda": junk, "tahun": junk})
    assert response.status_code == 200
    assert response.context["pemda"] == org.pemda
