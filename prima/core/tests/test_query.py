"""Tests of reading whole numbers from a query string."""

import pytest
from django.http import QueryDict

from prima.core.query import int_param, parse_id, text_param


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026", 2026),
        ("2000", 2000),
        ("", 7),
        ("abc", 7),
        ("-1", 7),
        ("²", 7),
        ("٢٠٢٦", 7),
        ("1999", 7),
        ("9999999999999999999", 7),
        ("1" * 5000, 7),
    ],
)
def test_int_param_takes_only_plain_numbers_in_bounds(text, expected):
    """A number in bounds is read; anything else gives the default."""
    query = QueryDict(f"tahun={text}" if text else "")
    assert int_param(query, "tahun", default=7, low=2000, high=2100) == expected


def test_int_param_reads_the_last_of_repeated_values():
    """A repeated name is read like Django reads it: its last value."""
    query = QueryDict("tahun=2001&tahun=2002")
    assert int_param(query, "tahun", default=7, low=2000, high=2100) == 2002


@pytest.mark.parametrize(
    ("text", "expected"),
    [("42", 42), ("0", None), ("²", None), ("-1", None), ("9" * 19, None), ("", None)],
)
def test_parse_id_takes_only_ids_a_64_bit_key_holds(text, expected):
    """An id is plain ASCII digits from 1 to 2**63 - 1."""
    assert parse_id(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [(" ktp ", "ktp"), ("a\x00b", ""), ("x" * 50, "x" * 10), ("", "")],
)
def test_text_param_is_stripped_short_and_free_of_nul(text, expected):
    """Text is stripped and cut; one with a NUL byte reads as empty."""
    assert text_param({"q": text}, "q", max_length=10) == expected
