"""Survey periods: triwulan, semester, tahun, or any range of dates.

PermenPANRB 14/2017 asks every unit to run the SKM at least once a year; Pemda run it
per triwulan (quarter), per semester or per year, so the period kind is configurable.
A period is a closed range of dates [start, end]. The previous period of a triwulan,
semester or year is the one just before it; the previous period of a custom range is
the range of equal length that ends the day before it starts.

Pure module: standard library only, today is an argument.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum


class PeriodKind(StrEnum):
    TRIWULAN = "triwulan"
    SEMESTER = "semester"
    TAHUN = "tahun"
    CUSTOM = "custom"


MONTHS_PER_PERIOD = {
    PeriodKind.TRIWULAN: 3,
    PeriodKind.SEMESTER: 6,
    PeriodKind.TAHUN: 12,
}
ROMAN = ("I", "II", "III", "IV")
# The years a period key may name: far from the calendar's ends (years 1 and 9999),
# so the period before or after any accepted key exists, and a 19-digit year in a
# URL is refused like any other bad key instead of overflowing.
KEY_YEARS = range(1900, 3000)
# The short month names of PUEBI, as Prima writes dates ("4 Okt 2026").
MONTHS_SHORT = (
    "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"
)  # fmt: skip


def short_date(day: date) -> str:
    """Return ``day`` the Indonesian short way, e.g. "4 Okt 2026"."""
    return f"{day.day} {MONTHS_SHORT[day.month - 1]} {day.year}"


@dataclass(frozen=True, order=True)
class Period:
    """A closed range of dates with the kind and number that name it."""

    start: date
    end: date
    kind: PeriodKind = PeriodKind.CUSTOM
    number: int = 0

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(
                f"period ends ({self.end}) before it starts ({self.start})"
            )

    @property
    def days(self) -> int:
        """Return the number of days in the period, both ends included."""
        return (self.end - self.start).days + 1

    @property
    def label(self) -> str:
        """Return the Indonesian name of the period, e.g. "Triwulan II 2026", or of a
        range of dates, e.g. "4 Okt 2026 – 15 Jan 2027"."""
        if self.kind is PeriodKind.TRIWULAN:
            return f"Triwulan {ROMAN[self.number - 1]} {self.start.year}"
        if self.kind is PeriodKind.SEMESTER:
            return f"Semester {ROMAN[self.number - 1]} {self.start.year}"
        if self.kind is PeriodKind.TAHUN:
            return f"Tahun {self.start.year}"
        return f"{short_date(self.start)} – {short_date(self.end)}"

    @property
    def key(self) -> str:
        """Return a short stable identifier, e.g. "2026-T2", "2026-S1", "2026"."""
        if self.kind is PeriodKind.TRIWULAN:
            return f"{self.start.year}-T{self.number}"
        if self.kind is PeriodKind.SEMESTER:
            return f"{self.start.year}-S{self.number}"
        if self.kind is PeriodKind.TAHUN:
            return f"{self.start.year}"
        return f"{self.start.isoformat()}_{self.end.isoformat()}"

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


def _month_start(year: int, month: int) -> date:
    return date(year + (month - 1) // 12, (month - 1) % 12 + 1, 1)


def period_number(year: int, kind: PeriodKind, number: int) -> Period:
    """Return the ``number``-th period of ``kind`` in ``year`` (1-based)."""
    months = MONTHS_PER_PERIOD[kind]
    count = 12 // months
    if not 1 <= number <= count:
        raise ValueError(f"{kind.value} {number} does not exist; use 1..{count}")
    start = _month_start(year, (number - 1) * months + 1)
    end = _month_start(year, number * months + 1) - timedelta(days=1)
    return Period(start, end, kind, number)


def period_containing(day: date, kind: PeriodKind) -> Period:
    """Return the triwulan, semester or year that contains ``day``."""
    months = MONTHS_PER_PERIOD[kind]
    return period_number(day.year, kind, (day.month - 1) // months + 1)


def previous(period: Period) -> Period:
    """Return the period just before ``period`` (of equal length for custom ranges)."""
    if period.kind is PeriodKind.CUSTOM:
        end = period.start - timedelta(days=1)
        return Period(end - timedelta(days=period.days - 1), end)
    return period_containing(period.start - timedelta(days=1), period.kind)


def parse_key(key: str) -> Period:
    """Return the period named by ``Period.key`` ("2026-T2", "2026-S1", "2026").

    Raise ValueError with a readable message for anything else.
    """
    text = key.strip().upper()
    try:
        period = _parse(text)
    except ValueError as exc:
        raise ValueError(f"unknown period {key!r}: {exc}") from exc
    if period.start.year not in KEY_YEARS or period.end.year not in KEY_YEARS:
        raise ValueError(
            f"unknown period {key!r}: use years {KEY_YEARS[0]}..{KEY_YEARS[-1]}"
        )
    return period


def _parse(text: str) -> Period:
    if "_" in text:
        start_text, end_text = text.split("_", 1)
        return Period(date.fromisoformat(start_text), date.fromisoformat(end_text))
    if "-T" in text:
        year, number = text.split("-T")
        return period_number(_year(year), PeriodKind.TRIWULAN, int(number))
    if "-S" in text:
        year, number = text.split("-S")
        return period_number(_year(year), PeriodKind.SEMESTER, int(number))
    return period_number(_year(text), PeriodKind.TAHUN, 1)


def _year(text: str) -> int:
    # Checked before it reaches ``date``, which overflows on a 19-digit year.
    year = int(text)
    if year not in KEY_YEARS:
        raise ValueError(f"year {text[:20]} is outside {KEY_YEARS[0]}..{KEY_YEARS[-1]}")
    return year


def with_wider_periods(periods: list[Period], today: date) -> list[Period]:
    """Return ``periods`` followed by this and last semester and year, once each.

    A Pemda that surveys per triwulan still reports per semester and per year, so
    the period menu offers those next to its own kind.
    """
    menu = list(periods)
    for kind in (PeriodKind.SEMESTER, PeriodKind.TAHUN):
        current = period_containing(today, kind)
        for period in (current, previous(current)):
            if period not in menu:
                menu.append(period)
    return menu
