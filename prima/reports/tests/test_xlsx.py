"""Tests for the openpyxl helpers."""

from decimal import Decimal
from fractions import Fraction
from io import BytesIO

from openpyxl import load_workbook

from prima.reports.xlsx import Sheet, safe_text, workbook_bytes


def test_workbook_has_sheets_in_order_with_numbers_as_numbers():
    """Sheets keep their order; Decimal, Fraction and int cells stay numeric."""
    content = workbook_bytes(
        [
            Sheet("One", ["a", "b", "c"], [[1, Decimal("2.50"), Fraction(1, 4)]]),
            Sheet("Two", ["x"], iter([["text"]])),
        ]
    )
    book = load_workbook(BytesIO(content))
    assert book.sheetnames == ["One", "Two"]
    rows = list(book["One"].iter_rows(values_only=True))
    assert rows == [("a", "b", "c"), (1, 2.5, 0.25)]


def test_text_that_looks_like_a_formula_is_neutralised():
    """A citizen's "=HYPERLINK(...)" is stored as text, never as a formula."""
    content = workbook_bytes([Sheet("S", ["s"], [['=HYPERLINK("x")'], ["-1+2"]])])
    sheet = load_workbook(BytesIO(content))["S"]
    assert sheet["A2"].data_type == "s"
    assert sheet["A2"].value == '\'=HYPERLINK("x")'
    assert safe_text("plain") == "plain"
    assert safe_text(-3) == -3


def test_dates_and_numbers_are_real_cells_shown_the_indonesian_way():
    """A date stays a date cell, displayed "4 Oktober 2026"; numbers are grouped."""
    from datetime import UTC, date, datetime

    moment = datetime(2026, 10, 4, 3, 30, tzinfo=UTC)
    content = workbook_bytes(
        [Sheet("S", ["d", "t", "n", "x"], [[date(2026, 10, 4), moment, 12669, 1.5]])]
    )
    sheet = load_workbook(BytesIO(content))["S"]
    assert sheet["A2"].value == datetime(2026, 10, 4)
    assert sheet["A2"].number_format == "[$-421]d mmmm yyyy"
    # Stored in local time (Asia/Jakarta in the settings), no time zone.
    assert sheet["B2"].value == datetime(2026, 10, 4, 10, 30)
    assert sheet["B2"].number_format == "[$-421]d mmmm yyyy hh.mm"
    assert sheet["C2"].number_format == "#,##0"
    assert sheet["D2"].number_format == "#,##0.00"


def test_characters_a_workbook_cannot_hold_are_cleaned_everywhere():
    """Control characters in a header or a cell never break the workbook: a vertical
    tab or form feed becomes a line break, the others go, and a formula hidden
    behind one is still neutralised."""
    content = workbook_bytes(
        [Sheet("S", ["a\x00b"], [["x\x0by\x0cz\x1f"], ["\x01=1+1"], ["\ufffeok"]])]
    )
    values = [
        c for (c,) in load_workbook(BytesIO(content))["S"].iter_rows(values_only=True)
    ]
    assert values == ["ab", "x\ny\nz", "'=1+1", "ok"]
