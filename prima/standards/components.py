"""The fourteen components of a Standar Pelayanan and the rules about them.

Legal basis: UU 25/2009 pasal 21 and PermenPANRB 15/2014 (Pedoman Standar Pelayanan).
A standard is complete when all 14 components are filled; the six service-delivery
components are the ones published to citizens, so a standard cannot be published while
one of them is empty. Jangka waktu is an amount of a unit (both or neither); biaya is a
tariff in rupiah, zero meaning free, and a paid tariff needs its legal basis. Every
service's standard must be reviewed (peninjauan ulang) at least once a year: with
``due = last review + 12 months`` (clamped to the month's last day), the standard is
overdue from the day after ``due``.

Pure module: standard library only, today is an argument.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum


class Group(Enum):
    SERVICE_DELIVERY = "service_delivery"
    MANUFACTURING = "manufacturing"


@dataclass(frozen=True)
class Component:
    number: int
    key: str
    group: Group


COMPONENTS: tuple[Component, ...] = (
    Component(1, "persyaratan", Group.SERVICE_DELIVERY),
    Component(2, "prosedur", Group.SERVICE_DELIVERY),
    Component(3, "jangka_waktu", Group.SERVICE_DELIVERY),
    Component(4, "biaya", Group.SERVICE_DELIVERY),
    Component(5, "produk", Group.SERVICE_DELIVERY),
    Component(6, "penanganan_pengaduan", Group.SERVICE_DELIVERY),
    Component(7, "dasar_hukum", Group.MANUFACTURING),
    Component(8, "sarana_prasarana", Group.MANUFACTURING),
    Component(9, "kompetensi_pelaksana", Group.MANUFACTURING),
    Component(10, "pengawasan_internal", Group.MANUFACTURING),
    Component(11, "jumlah_pelaksana", Group.MANUFACTURING),
    Component(12, "jaminan_pelayanan", Group.MANUFACTURING),
    Component(13, "jaminan_keamanan", Group.MANUFACTURING),
    Component(14, "evaluasi_kinerja", Group.MANUFACTURING),
)

SERVICE_DELIVERY: tuple[Component, ...] = tuple(
    c for c in COMPONENTS if c.group is Group.SERVICE_DELIVERY
)

REVIEW_INTERVAL_MONTHS = 12


@dataclass(frozen=True)
class Duration:
    """Jangka waktu pelayanan: a positive amount of a unit (menit, jam, hari, hari kerja)."""

    value: int | None
    unit: str


@dataclass(frozen=True)
class Cost:
    """Biaya/tarif in rupiah; zero means free, otherwise a legal basis is required."""

    tariff: Decimal | None
    legal_basis: str


class Problem(Enum):
    """Why a jangka waktu or biaya value is malformed rather than merely empty."""

    NEGATIVE = "negative"
    NOT_POSITIVE = "not_positive"
    AMOUNT_WITHOUT_UNIT = "amount_without_unit"
    UNIT_WITHOUT_AMOUNT = "unit_without_amount"
    LEGAL_BASIS_REQUIRED = "legal_basis_required"


def duration_problem(duration: Duration) -> Problem | None:
    """Return what is wrong with a service time, or None when it is empty or valid."""
    has_value = duration.value is not None
    has_unit = bool(duration.unit.strip())
    if duration.value is not None and duration.value <= 0:
        return Problem.NOT_POSITIVE
    if has_value and not has_unit:
        return Problem.AMOUNT_WITHOUT_UNIT
    if has_unit and not has_value:
        return Problem.UNIT_WITHOUT_AMOUNT
    return None


def cost_problem(cost: Cost) -> Problem | None:
    """Return what is wrong with a cost, or None when it is empty or valid."""
    if cost.tariff is None:
        return None
    if cost.tariff < 0:
        return Problem.NEGATIVE
    if cost.tariff > 0 and not cost.legal_basis.strip():
        return Problem.LEGAL_BASIS_REQUIRED
    return None


def is_filled(value: object) -> bool:
    """Return whether one component value counts as present."""
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, Duration):
        return value.value is not None and value.value > 0 and bool(value.unit.strip())
    if isinstance(value, Cost):
        if value.tariff is None or value.tariff < 0:
            return False
        return value.tariff == 0 or bool(value.legal_basis.strip())
    if isinstance(value, int | Decimal):
        return value > 0
    return bool(value)


def missing_components(
    values: Mapping[str, object], among: tuple[Component, ...] = COMPONENTS
) -> tuple[Component, ...]:
    """Return the components, in regulation order, whose value is absent or empty."""
    return tuple(c for c in among if not is_filled(values.get(c.key)))


def is_complete(values: Mapping[str, object]) -> bool:
    """Return whether all fourteen components are filled."""
    return not missing_components(values)


def filled_count(values: Mapping[str, object]) -> int:
    """Return how many of the fourteen components are filled."""
    return len(COMPONENTS) - len(missing_components(values))


def add_months(day: date, months: int) -> date:
    """Return the same day ``months`` later, clamped to the month's last day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(day.day, last))


def review_due_on(last_reviewed: date) -> date:
    """Return the last day on which the next yearly review is still on time."""
    return add_months(last_reviewed, REVIEW_INTERVAL_MONTHS)


def is_review_overdue(last_reviewed: date | None, today: date) -> bool:
    """Return whether the standard went more than 12 months without a review.

    A standard never set or reviewed counts from ``last_reviewed`` = None: overdue.
    """
    if last_reviewed is None:
        return True
    return today > review_due_on(last_reviewed)
