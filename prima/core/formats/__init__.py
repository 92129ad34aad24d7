"""Numbers and dates for people outside templates: PDFs, sheets, chart labels, e-mails.

Templates get the same result from ``|date:"DATE_FORMAT"`` and ``|floatformat``; the
display formats themselves live in ``prima/core/formats/<language>/formats.py``
(``FORMAT_MODULE_PATH``). Grouping is explicit rather than ``USE_THOUSAND_SEPARATOR``
because years, primary keys and form values are integers too and must stay bare.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction

from django.utils import formats, timezone

#: Excel and LibreOffice display formats with the Indonesian locale (LCID 0x421), so a
#: date cell reads "4 Oktober 2026" and a number "12.669,50" on any machine.
XLSX_DATE = "[$-421]d mmmm yyyy"
XLSX_DATETIME = "[$-421]d mmmm yyyy hh.mm"
XLSX_INTEGER = "#,##0"
XLSX_DECIMAL = "#,##0.00"


def number(value: int | float | Decimal | Fraction, places: int | None = None) -> str:
    """Return ``value`` in the active language with thousands grouped: "12.669,5"."""
    if isinstance(value, Fraction):
        value = float(value)
    return formats.number_format(value, places, force_grouping=True)


def day(value: date | datetime | None, *, short: bool = False) -> str:
    """Return a date as "4 Oktober 2026" (``short``: "4 Okt 2026"); "" for None."""
    if value is None:
        return ""
    if isinstance(value, datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return formats.date_format(value, "SHORT_DATE_FORMAT" if short else "DATE_FORMAT")


def moment(value: datetime | None, *, short: bool = False) -> str:
    """Return a date and time as "4 Oktober 2026 14.30"; "" for None."""
    if value is None:
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    name = "SHORT_DATETIME_FORMAT" if short else "DATETIME_FORMAT"
    return formats.date_format(value, name)
