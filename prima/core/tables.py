"""Reading a table that staff upload as a CSV or XLSX file, for the imports.

A file becomes a list of its non-blank rows, each with its row number (the header
is row 1 in a spreadsheet's own numbering), so an import can name the row and the
column of every bad cell. The bounded reader is ``prima.core.tabular``; a file that
cannot be read at all, or passes one of its limits, raises ``TableRefused`` with a
message naming the limit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.utils.translation import gettext as _

from prima.core import tabular
from prima.core.tabular import Problem

Table = list[tuple[int, list[Any]]]


@dataclass(frozen=True)
class CellError:
    """One bad cell: its row (header = 1), column name and the reason."""

    row: int
    column: str
    reason: str


class TableRefused(Exception):
    """The file as a whole cannot be read: too large, wrong type, too many rows."""


def read_table(
    name: str,
    data: bytes,
    *,
    max_bytes: int,
    max_rows: int,
    max_columns: int = 60,
    max_cell_chars: int = 5_000,
) -> Table:
    """Return the file's non-blank rows (header first), each with its row number.

    ``max_rows`` bounds the rows below the first one, blank rows included.
    """
    limits = tabular.Limits(
        max_bytes=max_bytes,
        max_rows=max_rows,
        max_columns=max_columns,
        max_cell_chars=max_cell_chars,
    )
    try:
        return tabular.read_rows(name, data, limits)
    except tabular.TableLimit as exc:
        raise TableRefused(refusal_message(exc)) from None


def refusal_message(exc: tabular.TableLimit) -> str:
    """Return the message that names the limit a file passed, and where."""
    values = {
        "max": exc.limit,
        "mb": exc.limit // (1024 * 1024),
        "row": exc.row,
        "column": exc.column,
    }
    messages = {
        Problem.TOO_LARGE: _(
            "The file is larger than %(mb)d MB; split it into smaller files."
        ),
        Problem.UNZIPPED_TOO_LARGE: _(
            "The workbook holds more than %(mb)d MB of data once unpacked; save only"
            " the sheet to import, or split it into smaller files."
        ),
        Problem.UNKNOWN_TYPE: _("Upload a CSV (.csv) or Excel (.xlsx) file."),
        Problem.NOT_CSV: _("This file is not a CSV text file."),
        Problem.NOT_XLSX: _("This file is not a readable Excel workbook."),
        Problem.TOO_MANY_ROWS: _(
            "The file has more than %(max)d rows below the header (empty rows count"
            " too); delete the empty rows or split it into smaller files."
        ),
        Problem.TOO_MANY_COLUMNS: _(
            "Row %(row)d has more than %(max)d columns; delete the columns that are"
            " not imported."
        ),
        Problem.CELL_TOO_LONG: _(
            "Row %(row)d, column %(column)d: a cell is longer than %(max)d characters."
        ),
    }
    if exc.problem is Problem.CELL_TOO_LONG and not exc.column:
        return _("Row %(row)d: a cell is longer than %(max)d characters.") % values
    return messages[exc.problem] % values


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
