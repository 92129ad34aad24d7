"""Bounded reading of a CSV or XLSX table: the one reader behind every import.

A spreadsheet is untrusted input. Its declared dimension (``A1:XFD1048576``) can make
openpyxl fill a million rows of 16 384 empty cells from a 5 KB file, blank rows cost
as much to read as full ones, and Python's csv module raises on a field over
131 072 characters. So this reader never trusts what a file says about itself:
it opens workbooks in streaming (read-only) mode, asks openpyxl for at most one row
and one column beyond the limits (a value in that column is refused; columns further
right are never read, so they cost nothing), counts every row it reads (blank ones too), checks
each cell's length and stops at the first limit passed with a ``TableLimit`` that
names the limit and where it was passed. Callers turn that into their own message.

No Django here: ``prima ikm`` reads files through this module without settings.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Generator
from dataclasses import dataclass
from enum import Enum
from typing import Any

Row = list[Any]
#: The non-blank rows of a table, each with its row number (the first row is 1).
Rows = list[tuple[int, Row]]

_DELIMITERS = (",", ";", "\t")


@dataclass(frozen=True)
class Limits:
    """What one import accepts.

    ``max_rows`` counts the rows below the first row (the header), blank rows too:
    reading a blank row costs as much as reading a full one.
    """

    max_bytes: int
    max_rows: int
    max_columns: int = 60
    max_cell_chars: int = 5_000

    @property
    def max_unzipped_bytes(self) -> int:
        # An XLSX is a zip of XML that compresses about five- to tenfold; openpyxl
        # reads all shared strings at once, so far more is a bomb.
        return 10 * self.max_bytes


class Problem(Enum):
    TOO_LARGE = "too_large"
    UNZIPPED_TOO_LARGE = "unzipped_too_large"
    UNKNOWN_TYPE = "unknown_type"
    NOT_CSV = "not_csv"
    NOT_XLSX = "not_xlsx"
    TOO_MANY_ROWS = "too_many_rows"
    TOO_MANY_COLUMNS = "too_many_columns"
    CELL_TOO_LONG = "cell_too_long"


class TableLimit(Exception):  # noqa: N818 - named for what it reports
    """The file cannot be read within its limits; ``limit``, ``row`` and ``column``
    (1-based, 0 when not relevant) say which limit and where."""

    def __init__(
        self, problem: Problem, *, limit: int = 0, row: int = 0, column: int = 0
    ) -> None:
        super().__init__(problem.value, limit, row, column)
        self.problem = problem
        self.limit = limit
        self.row = row
        self.column = column


def read_rows(name: str, data: bytes, limits: Limits) -> Rows:
    """Return the non-blank rows of a .csv or .xlsx file within ``limits``.

    Raise ``TableLimit`` at the first limit passed or when the file is unreadable.
    """
    if len(data) > limits.max_bytes:
        raise TableLimit(Problem.TOO_LARGE, limit=limits.max_bytes)
    lower = name.lower()
    if lower.endswith(".xlsx"):
        rows = _xlsx_rows(data, limits)
    elif lower.endswith(".csv"):
        rows = _csv_rows(data, limits)
    else:
        raise TableLimit(Problem.UNKNOWN_TYPE)
    table: Rows = []
    try:
        for number, row in enumerate(rows, start=1):
            if number > limits.max_rows + 1:
                raise TableLimit(Problem.TOO_MANY_ROWS, limit=limits.max_rows)
            cells = _bounded(row, number, limits)
            if not is_blank(cells):
                table.append((number, cells))
    finally:
        rows.close()  # stop parsing the workbook at once
    return table


def is_blank(row: Row) -> bool:
    """Return whether every cell of ``row`` is empty (None or only spaces)."""
    if row.count(None) == len(row):
        return True
    return all(
        cell is None or (isinstance(cell, str) and not cell.strip()) for cell in row
    )


def _bounded(row: Row, number: int, limits: Limits) -> Row:
    """Return ``row`` cut to the column limit; raise if a cell passes a limit."""
    extra = row[limits.max_columns :]
    if extra and not is_blank(list(extra)):
        raise TableLimit(Problem.TOO_MANY_COLUMNS, limit=limits.max_columns, row=number)
    cells = list(row[: limits.max_columns])
    for column, cell in enumerate(cells, start=1):
        if isinstance(cell, str) and len(cell) > limits.max_cell_chars:
            raise TableLimit(
                Problem.CELL_TOO_LONG,
                limit=limits.max_cell_chars,
                row=number,
                column=column,
            )
    return cells


def _csv_rows(data: bytes, limits: Limits) -> Generator[Row, None, None]:
    if b"\x00" in data:
        raise TableLimit(Problem.NOT_CSV)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Spreadsheets saved as CSV on Windows write the ANSI code page.
        text = data.decode("cp1252", errors="replace")
    lines = io.StringIO(text, newline="")
    first_line = next((line for line in lines if line.strip()), "")
    # Indonesian Excel writes ';' because ',' is its decimal separator.
    delimiter = max(_DELIMITERS, key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    number = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            # The csv module's own field limit (131 072 characters) is far above
            # ours, so a field it refuses is a cell too long.
            if "field limit" not in str(exc):
                raise TableLimit(Problem.NOT_CSV, row=number + 1) from None
            raise TableLimit(
                Problem.CELL_TOO_LONG, limit=limits.max_cell_chars, row=number + 1
            ) from None
        number += 1
        yield row


def _xlsx_rows(data: bytes, limits: Limits) -> Generator[Row, None, None]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unzipped = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise TableLimit(Problem.NOT_XLSX) from None
    if unzipped > limits.max_unzipped_bytes:
        raise TableLimit(Problem.UNZIPPED_TOO_LARGE, limit=limits.max_unzipped_bytes)
    # Imported here so that reading a CSV file needs no openpyxl import time.
    from openpyxl import load_workbook  # type: ignore[import-untyped]

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many types for a broken workbook
        raise TableLimit(Problem.NOT_XLSX) from None

    def rows() -> Generator[Row, None, None]:
        try:
            if not workbook.worksheets:
                raise TableLimit(Problem.NOT_XLSX)
            # Never the sheet's declared dimension: one row and one column beyond the
            # limits is enough to tell that a limit is passed.
            cells = workbook.worksheets[0].iter_rows(
                min_row=1,
                max_row=limits.max_rows + 2,
                min_col=1,
                max_col=limits.max_columns + 1,
                values_only=True,
            )
            for row in cells:
                yield list(row)
        except TableLimit:
            raise
        except Exception:  # a damaged sheet fails while it is parsed
            raise TableLimit(Problem.NOT_XLSX) from None
        finally:
            workbook.close()

    return rows()
