"""Tests of the pure rules: the fourteen components, cost, service time and review."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from prima.standards import components as sp
from prima.standards.components import Cost, Duration, Problem

FILLED: dict[str, object] = {
    "persyaratan": "Fotokopi KK",
    "prosedur": "Ambil antrean\nSerahkan berkas",
    "jangka_waktu": Duration(3, "hari_kerja"),
    "biaya": Cost(Decimal(0), ""),
    "produk": "KTP-el",
    "penanganan_pengaduan": "SP4N-LAPOR!",
    "dasar_hukum": "UU 24/2013",
    "sarana_prasarana": "Ruang tunggu",
    "kompetensi_pelaksana": "Operator terlatih",
    "pengawasan_internal": "Kepala unit",
    "jumlah_pelaksana": 4,
    "jaminan_pelayanan": "Sesuai standar",
    "jaminan_keamanan": "Data dijaga",
    "evaluasi_kinerja": "Bulanan",
}
EMPTY: dict[str, object] = {
    **dict.fromkeys(FILLED, ""),
    "jangka_waktu": Duration(None, ""),
    "biaya": Cost(None, ""),
    "jumlah_pelaksana": None,
}
TEXT_KEYS = [key for key, value in FILLED.items() if isinstance(value, str)]
dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2200, 12, 31))


def test_the_regulation_has_fourteen_numbered_components():
    """The components are numbered 1 to 14; the first six are service delivery."""
    assert [c.number for c in sp.COMPONENTS] == list(range(1, 15))
    assert [c.number for c in sp.SERVICE_DELIVERY] == [1, 2, 3, 4, 5, 6]
    assert {c.key for c in sp.COMPONENTS} == set(FILLED)


def test_all_filled_is_complete():
    """A standard with every component filled is complete, 14 of 14."""
    assert sp.is_complete(FILLED)
    assert sp.missing_components(FILLED) == ()
    assert sp.filled_count(FILLED) == 14


@pytest.mark.parametrize("component", sp.COMPONENTS, ids=lambda c: c.key)
def test_each_missing_component_is_named(component):
    """Emptying one component makes exactly that component missing."""
    values = {**FILLED, component.key: EMPTY[component.key]}
    assert sp.missing_components(values) == (component,)
    assert not sp.is_complete(values)
    assert sp.filled_count(values) == 13


@pytest.mark.parametrize("component", sp.COMPONENTS, ids=lambda c: c.key)
def test_absent_component_is_missing(component):
    """A component absent from the values counts as missing."""
    values = {k: v for k, v in FILLED.items() if k != component.key}
    assert sp.missing_components(values) == (component,)


@pytest.mark.parametrize("key", TEXT_KEYS)
@pytest.mark.parametrize("blank", [" ", "\n\t  \r\n", "\u00a0"])
def test_whitespace_only_text_is_empty(key, blank):
    """Text made only of whitespace counts as an empty component."""
    values = {**FILLED, key: blank}
    assert [c.key for c in sp.missing_components(values)] == [key]


def test_missing_components_come_in_regulation_order():
    """Missing components are listed by their number, whatever the input order."""
    values = dict(reversed(list(EMPTY.items())))
    assert [c.number for c in sp.missing_components(values)] == list(range(1, 15))


def test_missing_among_service_delivery_only():
    """Restricting the check to service delivery ignores manufacturing gaps."""
    values = {**FILLED, "dasar_hukum": "", "produk": ""}
    missing = sp.missing_components(values, sp.SERVICE_DELIVERY)
    assert [c.number for c in missing] == [5]


@pytest.mark.parametrize(
    ("tariff", "basis", "filled", "problem"),
    [
        (None, "", False, None),
        (None, "Perda 5/2021", False, None),
        (Decimal(0), "", True, None),
        (Decimal(0), "Perda 5/2021", True, None),
        (Decimal(50000), "", False, Problem.LEGAL_BASIS_REQUIRED),
        (Decimal(50000), "  \n ", False, Problem.LEGAL_BASIS_REQUIRED),
        (Decimal(50000), "Perda 5/2021", True, None),
        (Decimal(1), "Perda 5/2021", True, None),
        (Decimal(-1), "", False, Problem.NEGATIVE),
        (Decimal(-1), "Perda 5/2021", False, Problem.NEGATIVE),
    ],
)
def test_cost_rules(tariff, basis, filled, problem):
    """Zero is free; a paid tariff needs a legal basis; a negative one is malformed."""
    cost = Cost(tariff, basis)
    assert sp.is_filled(cost) is filled
    assert sp.cost_problem(cost) is problem


@pytest.mark.parametrize(
    ("value", "unit", "filled", "problem"),
    [
        (None, "", False, None),
        (3, "hari_kerja", True, None),
        (1, "menit", True, None),
        (3, "", False, Problem.AMOUNT_WITHOUT_UNIT),
        (3, "   ", False, Problem.AMOUNT_WITHOUT_UNIT),
        (None, "jam", False, Problem.UNIT_WITHOUT_AMOUNT),
        (0, "jam", False, Problem.NOT_POSITIVE),
        (0, "", False, Problem.NOT_POSITIVE),
        (-2, "jam", False, Problem.NOT_POSITIVE),
    ],
)
def test_duration_rules(value, unit, filled, problem):
    """A service time is a positive amount together with its unit."""
    duration = Duration(value, unit)
    assert sp.is_filled(duration) is filled
    assert sp.duration_problem(duration) is problem


@pytest.mark.parametrize(
    ("value", "filled"), [(None, False), (0, False), (-1, False), (1, True), (12, True)]
)
def test_number_of_staff_must_be_positive(value, filled):
    """Jumlah pelaksana counts only when at least one staff member is entered."""
    assert sp.is_filled(value) is filled


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2024, 2, 29), 48, date(2028, 2, 29)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2023, 1, 31), 1, date(2023, 2, 28)),
        (date(2024, 8, 31), 1, date(2024, 9, 30)),
        (date(2024, 3, 31), -1, date(2024, 2, 29)),
        (date(2024, 12, 15), 1, date(2025, 1, 15)),
        (date(2024, 1, 15), -1, date(2023, 12, 15)),
        (date(2024, 5, 31), 12, date(2025, 5, 31)),
        (date(2024, 6, 10), 0, date(2024, 6, 10)),
        (date(2024, 11, 30), 3, date(2025, 2, 28)),
    ],
)
def test_add_months(day, months, expected):
    """Adding months keeps the day, clamped to the last day of a shorter month."""
    assert sp.add_months(day, months) == expected


@pytest.mark.parametrize(
    ("last", "today", "overdue"),
    [
        (date(2024, 3, 10), date(2025, 3, 9), False),
        (date(2024, 3, 10), date(2025, 3, 10), False),  # exactly on the due date
        (date(2024, 3, 10), date(2025, 3, 11), True),  # the day after
        (date(2024, 2, 29), date(2025, 2, 28), False),
        (date(2024, 2, 29), date(2025, 3, 1), True),
        (date(2024, 1, 31), date(2025, 1, 31), False),
        (date(2024, 1, 31), date(2025, 2, 1), True),
        (date(2025, 6, 1), date(2025, 1, 1), False),  # reviewed after "today"
        (None, date(2025, 1, 1), True),  # never set nor reviewed
    ],
)
def test_review_overdue(last, today, overdue):
    """A standard is overdue from the day after its last review plus 12 months."""
    assert sp.is_review_overdue(last, today) is overdue


def test_review_due_on_is_twelve_months_later():
    """The next review is due twelve months after the last one."""
    assert sp.review_due_on(date(2024, 7, 17)) == date(2025, 7, 17)


@given(day=dates, months=st.integers(min_value=-120, max_value=120))
def test_add_months_lands_in_the_right_month(day, months):
    """add_months lands in the target month, on the same day or its month's last."""
    result = sp.add_months(day, months)
    assert result.year * 12 + result.month == day.year * 12 + day.month + months
    assert result.day == day.day or (
        result.day < day.day and (result + timedelta(days=1)).day == 1
    )


@given(day=dates, months=st.integers(min_value=-120, max_value=120))
def test_add_months_round_trips_early_days(day, months):
    """For days 1 to 28 adding then subtracting months returns the same date."""
    day = day.replace(day=min(day.day, 28))
    assert sp.add_months(sp.add_months(day, months), -months) == day


@given(last=dates, extra=st.integers(min_value=1, max_value=3000))
def test_overdue_exactly_after_due_date(last, extra):
    """On the due date a standard is on time; any later day it is overdue."""
    due = sp.review_due_on(last)
    assert not sp.is_review_overdue(last, due)
    assert not sp.is_review_overdue(last, last)
    assert sp.is_review_overdue(last, due + timedelta(days=extra))


@given(emptied=st.sets(st.sampled_from([c.key for c in sp.COMPONENTS])))
def test_missing_is_exactly_what_was_emptied(emptied):
    """The missing components are exactly those emptied, in regulation order."""
    values = {k: (EMPTY[k] if k in emptied else v) for k, v in FILLED.items()}
    missing = sp.missing_components(values)
    assert {c.key for c in missing} == emptied
    assert [c.number for c in missing] == sorted(c.number for c in missing)
    assert sp.filled_count(values) == 14 - len(emptied)
