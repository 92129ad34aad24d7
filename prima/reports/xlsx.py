"""Workbooks with openpyxl in write-only mode, so rows stream instead of piling up."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from io import BytesIO
from typing import Any

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from prima.core import formats

BOLD = Font(bold=True)


@dataclass(frozen=True)
class Sheet:
    """A sheet: its title, a header row and an iterable of data rows."""

    title: str
    header: Sequence[str]
    rows: Iterable[Sequence[Any]]


#: Leading characters that make Excel or LibreOffice read a text cell as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
#: Characters an XLSX (XML 1.0) cannot hold: openpyxl raises IllegalCharacterError on
#: them, so one citizen's text would break the whole export.
_LINE_BREAKS = re.compile("[\x0b\x0c]")
_UNWRITABLE = re.compile("[\x00-\x08\x0e-\x1f\ufffe\uffff]")


def safe_text(value: Any) -> Any:
    """Return text as a spreadsheet keeps it: cleaned and never a formula.

    Citizens type the suggestions exported here (XLSX and CSV alike): a vertical
    tab or form feed becomes a line break, other control characters are dropped, and
    text that a sheet would evaluate ("=HYPERLINK(...)") gets a leading apostrophe.
    Other values are returned unchanged.
    """
    if not isinstance(value, str):
        return value
    value = _UNWRITABLE.sub("", _LINE_BREAKS.sub("\n", value))
    if value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def cell_value(value: Any) -> Any:
    """Return ``value`` as openpyxl stores it: numbers stay numbers.

    Fractions become floats and Decimals stay Decimals (openpyxl writes both as
    numeric cells); lazy translation strings become plain strings; text that would
    be read as a formula is neutralised.
    """
    if isinstance(value, Fraction):
        return float(value)
    if isinstance(value, str):
        return safe_text(value)
    if value is None or isinstance(value, int | float | Decimal):
        return value
    if hasattr(value, "isoformat"):
        return value
    return safe_text(str(value))


def _cell(worksheet, value: Any) -> WriteOnlyCell:
    """Return a cell holding ``value`` with an Indonesian display format.

    Numbers and dates stay real numbers and dates so a sheet can sum and sort them;
    only their display reads "12.669,50" and "4 Oktober 2026".
    """
    value = cell_value(value)
    if isinstance(value, datetime) and value.tzinfo is not None:
        value = timezone.localtime(value).replace(tzinfo=None)
    cell = WriteOnlyCell(worksheet, value=value)
    if isinstance(value, datetime):
        cell.number_format = formats.XLSX_DATETIME
    elif isinstance(value, date):
        cell.number_format = formats.XLSX_DATE
    elif isinstance(value, bool):
        pass
    elif isinstance(value, int):
        cell.number_format = formats.XLSX_INTEGER
    elif isinstance(value, float | Decimal):
        cell.number_format = formats.XLSX_DECIMAL
    return cell


def workbook_bytes(sheets: Iterable[Sheet]) -> bytes:
    """Return the .xlsx file holding ``sheets`` in order, headers in bold."""
    workbook = Workbook(write_only=True)
    for sheet in sheets:
        worksheet = workbook.create_sheet(title=sheet.title[:31])
        header = []
        for text in sheet.header:
            cell = WriteOnlyCell(worksheet, value=safe_text(str(text)))
            cell.font = BOLD
            header.append(cell)
        worksheet.append(header)
        for row in sheet.rows:
            worksheet.append([_cell(worksheet, v) for v in row])
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
