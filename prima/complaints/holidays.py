"""The Pemda's holiday calendar: the non-working days every complaint deadline skips.

The Pemda administrator keeps it (the complaints "change" grant held at Pemda
level): adds and removes single days, and imports the national holidays and cuti
bersama of a year from a CSV or XLSX file with the columns ``date`` (or
``tanggal``) and ``name`` (or ``nama``). An import stores every row or none; each
bad cell is reported with its row and column; a day already in the calendar is
left as it is, so importing the same file again adds nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from prima.complaints.models import Holiday
from prima.core import formats
from prima.core.roles import CHANGE, Area
from prima.core.scoping import pemdas_where
from prima.core.tables import (
    CellError,
    cell_date,
    cell_text,
    header_index,
    read_table,
)
from prima.organisations.models import Pemda

MAX_BYTES = 1024 * 1024
# A year has about 25 national holidays and cuti bersama; far more is not a calendar.
MAX_ROWS = 400
# A calendar has two columns; a little room for notes beside them.
MAX_COLUMNS = 20
MAX_CELL_CHARS = 1_000
NAME_MAX = Holiday._meta.get_field("name").max_length
COLUMNS = {"date": ("date", "tanggal"), "name": ("name", "nama")}


def calendar_pemdas(user: Any) -> QuerySet[Pemda]:
    """Return the Pemda whose holiday calendar the user keeps."""
    reach = pemdas_where(user, Area.COMPLAINTS, CHANGE)
    if not reach:
        return Pemda.objects.none()
    return Pemda.objects.filter(reach.q("pk")).order_by("name", "pk")


def holidays_of_year(*, pemda: Pemda, year: int) -> QuerySet[Holiday]:
    """Return the Pemda's holidays of ``year``, in date order."""
    return Holiday.objects.filter(pemda=pemda, day__year=year).order_by("day")


def _taken_error(day: date) -> ValidationError:
    return ValidationError(
        {"day": _("%(day)s is already a holiday.") % {"day": formats.day(day)}}
    )


@transaction.atomic
def holiday_add(*, pemda: Pemda, day: date, name: str) -> Holiday:
    """Add one non-working day to the Pemda's calendar."""
    holiday = Holiday(pemda=pemda, day=day, name=name.strip())
    holiday.full_clean(validate_constraints=False)
    if Holiday.objects.filter(pemda=pemda, day=day).exists():
        raise _taken_error(day)
    try:
        with transaction.atomic():
            holiday.save()
    except IntegrityError:
        raise _taken_error(day) from None
    return holiday


@transaction.atomic
def holiday_remove(*, pemda: Pemda, day: date) -> bool:
    """Remove a day from the calendar, so deadlines computed later count it again;
    return whether it was a holiday."""
    deleted, _rows = Holiday.objects.filter(pemda=pemda, day=day).delete()
    return bool(deleted)


@dataclass
class HolidayImport:
    """What an import did: days added now, days already there, or the bad cells."""

    added: int = 0
    already: int = 0
    errors: list[CellError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def _columns(
    header: list[Any], number: int
) -> tuple[dict[str, tuple[int, str]], list[CellError]]:
    """Return each column's position and its name as the file spells it."""
    index = header_index(header)
    found, errors = {}, []
    for column, names in COLUMNS.items():
        name = next((n for n in names if n in index), None)
        if name is None:
            errors.append(
                CellError(number, column, _("This required column is missing."))
            )
        else:
            found[column] = (index[name], name)
    return found, errors


def _clean_row(
    number: int, cells: dict[str, Any], year: int, first_row: dict[date, int]
) -> tuple[date | None, str, list[str | None]]:
    """Return the row's day and name, and the problem of each (None if fine)."""
    day, day_problem = None, None
    try:
        day = cell_date(cells["date"])
    except ValueError as exc:
        day_problem = str(exc)
    else:
        if day.year != year:
            day_problem = _("%(day)s is not in %(year)d.") % {
                "day": formats.day(day),
                "year": year,
            }
        elif day in first_row:
            day_problem = _("This date is already on row %(row)d.") % {
                "row": first_row[day]
            }
        else:
            first_row[day] = number
    name, name_problem = cell_text(cells["name"]), None
    if not name:
        name_problem = _("The name is missing.")
    elif len(name) > NAME_MAX:
        name_problem = _("The name is longer than %(max)d characters.") % {
            "max": NAME_MAX
        }
    return day, name, [day_problem, name_problem]


def _clean_rows(table, year: int) -> tuple[list[tuple[date, str]], list[CellError]]:
    if not table:
        return [], [CellError(1, "", _("The file is empty."))]
    header_number, header = table[0]
    columns, errors = _columns(header, header_number)
    if errors:
        return [], errors
    rows: list[tuple[date, str]] = []
    first_row: dict[date, int] = {}
    for number, row in table[1:]:
        cells = {
            column: row[i] if i < len(row) else None
            for column, (i, _name) in columns.items()
        }
        day, name, problems = _clean_row(number, cells, year, first_row)
        for (_i, spelled), problem in zip(
            (columns["date"], columns["name"]), problems, strict=True
        ):
            if problem:
                errors.append(CellError(number, spelled, problem))
        if not any(problems):
            rows.append((day, name))
    if not rows and not errors:
        errors.append(CellError(header_number + 1, "", _("The file has no data rows.")))
    return rows, errors


@transaction.atomic
def holidays_import(
    *, pemda: Pemda, year: int, name: str, data: bytes
) -> HolidayImport:
    """Add the holidays of ``year`` listed in a CSV or XLSX file, all or none.

    Raise ``prima.core.tables.TableRefused`` when the file cannot be read at all.
    """
    rows, errors = _clean_rows(
        read_table(
            name,
            data,
            max_bytes=MAX_BYTES,
            max_rows=MAX_ROWS,
            max_columns=MAX_COLUMNS,
            max_cell_chars=MAX_CELL_CHARS,
        ),
        year,
    )
    if errors:
        return HolidayImport(errors=errors)
    # Lock the Pemda's row so two imports at once cannot both add the same day.
    Pemda.objects.select_for_update().filter(pk=pemda.pk).first()
    taken = set(
        Holiday.objects.filter(pemda=pemda, day__in=[d for d, _n in rows]).values_list(
            "day", flat=True
        )
    )
    new = [Holiday(pemda=pemda, day=d, name=n) for d, n in rows if d not in taken]
    Holiday.objects.bulk_create(new)
    return HolidayImport(added=len(new), already=len(rows) - len(new))
