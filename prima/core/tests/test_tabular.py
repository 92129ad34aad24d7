"""Tests of the bounded table reader every import uses: limits are never taken from
what the file declares about itself."""

import io
import zipfile

import pytest
from openpyxl import Workbook
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from prima.core.tabular import Limits, Problem, TableLimit, read_rows

LIMITS = Limits(max_bytes=5 * 1024 * 1024, max_rows=5_000, max_columns=60)


def hostile_xlsx(*cells: str) -> bytes:
    """Return a tiny workbook whose sheet declares A1:XFD1048576 and holds "u1" in A1
    and "x" in each of ``cells`` (references such as "A1048576" or "XFD1")."""
    workbook = Workbook()
    workbook.active["A1"] = "u1"
    plain = io.BytesIO()
    workbook.save(plain)
    by_row: dict[int, list[str]] = {
        1: ['<c r="A1" t="inlineStr"><is><t>u1</t></is></c>']
    }
    for ref in cells:
        row = int(ref.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
        by_row.setdefault(row, []).append(
            f'<c r="{ref}" t="inlineStr"><is><t>x</t></is></c>'
        )
    sheet_data = "".join(
        f'<row r="{row}">{"".join(cells)}</row>'
        for row, cells in sorted(by_row.items())
    )
    out = io.BytesIO()
    with (
        zipfile.ZipFile(plain) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                head, rest = text.split("<sheetData>")
                _old, tail = rest.split("</sheetData>")
                head = head.replace(
                    '<dimension ref="A1:A1" />', '<dimension ref="A1:XFD1048576" />'
                )
                assert 'ref="A1:XFD1048576"' in head
                data = f"{head}<sheetData>{sheet_data}</sheetData>{tail}".encode()
            target.writestr(info.filename, data)
    return out.getvalue()


@pytest.fixture
def rows_read(monkeypatch):
    """Count the rows openpyxl hands out while the reader runs."""
    counter = {"rows": 0}
    original = ReadOnlyWorksheet.iter_rows

    def counting(self, *args, **kwargs):
        for row in original(self, *args, **kwargs):
            counter["rows"] += 1
            yield row

    monkeypatch.setattr(ReadOnlyWorksheet, "iter_rows", counting)
    return counter


def test_declared_dimension_with_a_far_row_stops_at_the_row_limit(rows_read):
    """A 5 KB workbook declaring A1:XFD1048576 with a cell on the last row is refused
    once the row limit is passed, blank rows counted, after reading only that many
    rows of at most one column beyond the limit."""
    data = hostile_xlsx("A1048576")
    assert len(data) < 10_000
    with pytest.raises(TableLimit) as refused:
        read_rows("form.xlsx", data, LIMITS)
    assert (refused.value.problem, refused.value.limit) == (
        Problem.TOO_MANY_ROWS,
        5_000,
    )
    assert 0 < rows_read["rows"] <= LIMITS.max_rows + 2


def test_a_cell_past_the_column_limit_is_refused_with_its_row(rows_read):
    """A value in the column after the last one allowed (BI, the 61st) is refused on
    its row, and reading stops there."""
    with pytest.raises(TableLimit) as refused:
        read_rows("form.xlsx", hostile_xlsx("BI1", "A1048576"), LIMITS)
    assert (refused.value.problem, refused.value.limit, refused.value.row) == (
        Problem.TOO_MANY_COLUMNS,
        60,
        1,
    )
    assert rows_read["rows"] == 1


def test_declared_dimension_and_far_columns_cost_nothing(rows_read):
    """The declared dimension is ignored and columns far past the limit are never
    read: one row comes back, cut to the column limit."""
    rows = read_rows("form.xlsx", hostile_xlsx("XFD1"), LIMITS)
    assert rows == [(1, ["u1"] + [None] * 59)]
    assert rows_read["rows"] == 1


def test_blank_csv_rows_count_toward_the_row_limit():
    """200 000 blank rows before one data row pass the 5 000-row limit."""
    data = b"u1,u2\n" + b",\n" * 200_000 + b"4,4\n"
    with pytest.raises(TableLimit) as refused:
        read_rows("form.csv", data, LIMITS)
    assert refused.value.problem is Problem.TOO_MANY_ROWS


def test_rows_within_the_limit_are_read_with_their_numbers():
    """Positive control: at the limit every non-blank row comes back numbered."""
    data = b"u1\n\n" + b"4\n" * (LIMITS.max_rows - 1)
    rows = read_rows("form.csv", data, LIMITS)
    assert len(rows) == LIMITS.max_rows
    assert rows[1] == (3, ["4"])


@pytest.mark.parametrize("length", [5_001, 131_072, 200_000])
def test_long_csv_cell_is_refused_with_its_row(length):
    """A cell over the cell limit, even over the csv module's own, names its row."""
    data = b"u1,saran\n4,ok\n4," + b"x" * length + b"\n"
    with pytest.raises(TableLimit) as refused:
        read_rows("form.csv", data, LIMITS)
    assert (refused.value.problem, refused.value.row, refused.value.limit) == (
        Problem.CELL_TOO_LONG,
        3,
        5_000,
    )


def test_long_xlsx_cell_names_row_and_column():
    """A long text cell of a workbook is refused with its row and column."""
    workbook = Workbook()
    workbook.active.append(["u1", "saran"])
    workbook.active.append([4, "x" * 5_001])
    out = io.BytesIO()
    workbook.save(out)
    with pytest.raises(TableLimit) as refused:
        read_rows("form.xlsx", out.getvalue(), LIMITS)
    assert (refused.value.row, refused.value.column) == (2, 2)


def test_zip_bomb_is_refused_before_it_is_parsed():
    """A workbook whose parts unpack to far more than the size limit is refused."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/sharedStrings.xml", b" " * (LIMITS.max_unzipped_bytes + 1))
    with pytest.raises(TableLimit) as refused:
        read_rows("form.xlsx", out.getvalue(), LIMITS)
    assert refused.value.problem is Problem.UNZIPPED_TOO_LARGE
