"""Indonesian display formats; what is not set here falls back to Django's own.

Dates read "4 Oktober 2026" (short "4 Okt 2026") and times "14.30", as PUEBI writes
them. Input formats stay Django's, with ISO first because date fields use
``<input type="date">``.
"""

DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j M Y"
DATETIME_FORMAT = "j F Y H.i"
SHORT_DATETIME_FORMAT = "j M Y H.i"
TIME_FORMAT = "H.i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
