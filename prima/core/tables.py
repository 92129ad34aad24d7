"""Reading a table that staff upload as a CSV or XLSX file, for the imports.

A file becomes a list of its non-blank rows, each with its row number (the header
is row 1 in a spreadsheet's own numbering), so an import can name the row and the
column of every bad cell. A file that cannot be read at all raises
``TableRefused``.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.utils.translation import gettext as _

Table = list[tuple[int, list[Any]]]


@dataclass(frozen=True)
class CellError:
    """One bad cell: its row (header = 1), column name and the reason."""

    row: int
    column: str
    reason: str


class TableRefused(Exception):
    """The file as a whole cannot be read: too large, wrong type, too many rows."""


def read_table(name: str, data: bytes, *, max_bytes: int, max_rows: int) -> Table:
    """Return the file's non-blank rows (header first), each with its row number."""
    if len(data) > max_bytes:
        raise TableRefused(
            _("The file is larger than %(mb)d MB; split it into smaller files.")
            % {"mb": max_bytes // (1024 * 1024)}
        )
    lower = name.lower()
    if lower.endswith(".xlsx"):
        rows = _read_xlsx(data)
    elif lower.endswith(".csv"):
        rows = _read_csv(data)
    else:
        raise TableRefused(_("Upload a CSV (.csv) or Excel (.xlsx) file."))
    table: Table = []
    for number, row in enumerate(rows, start=1):
        if any(cell_text(cell) for cell in row):
            table.append((number, list(row)))
            if len(table) > max_rows + 1:
                raise TableRefused(
                    _(
                        "The file has more than %(max)d rows; split it into smaller files."
                    )
                    % {"max": max_rows}
                )
    return table


def _read_csv(data: bytes) -> Iterator[list[Any]]:
    if b"\x00" in data:
        raise TableRefused(_("This file is not a CSV text file."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Spreadsheets saved as CSV on Windows write the ANSI code page.
        text = data.decode("cp1252", errors="replace")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return csv.reader(io.StringIO(text), dialect)


def _read_xlsx(data: bytes) -> Iterator[list[Any]]:
    # openpyxl is a declared dependency (reports use it for XLSX exports).
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise TableRefused(_("This file is not a readable Excel workbook.")) from exc

    def rows() -> Iterator[list[Any]]:
        try:
            for row in workbook.worksheets[0].iter_rows(values_only=True):
                yield list(row)
        finally:
            workbook.close()

    return rows()


def cell_text(value: Any) -> str:
    """Return a cell as text: a whole number without ".0", nothing as ""."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def cell_date(value: Any) -> date:
    """Return a cell as a date: a spreadsheet date, YYYY-MM-DD or DD/MM/YYYY.

    Raise ``ValueError`` with the message to show for that cell.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = cell_text(value)
    if not text:
        raise ValueError(_("The date is missing."))
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(
        _("“%(value)s” is not a date; write YYYY-MM-DD or DD/MM/YYYY.")
        % {"value": text}
    )


def header_index(row: list[Any]) -> dict[str, int]:
    """Return the position of each named column of a header row, names lower-cased."""
    names = [cell_text(cell).lower() for cell in row]
    return {name: i for i, name in enumerate(names) if name}
