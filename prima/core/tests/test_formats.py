"""Numbers and dates read the Indonesian way, in templates and outside them."""

from datetime import UTC, date, datetime
from decimal import Decimal

from django.template import Context, Template
from django.utils import translation

from prima.core import formats


def render(text: str, **context) -> str:
    return Template(text).render(Context(context))


def test_dates_in_indonesian_and_english():
    day = date(2026, 10, 4)
    with translation.override("id"):
        assert formats.day(day) == "4 Oktober 2026"
        assert formats.day(day, short=True) == "4 Okt 2026"
        assert render('{{ d|date:"DATE_FORMAT" }}', d=day) == "4 Oktober 2026"
        assert render('{{ d|date:"SHORT_DATE_FORMAT" }}', d=day) == "4 Okt 2026"
        # 03.30 UTC is 10.30 in Jakarta, the settings' time zone.
        moment = datetime(2026, 10, 4, 3, 30, tzinfo=UTC)
        assert formats.moment(moment) == "4 Oktober 2026 10.30"
    with translation.override("en"):
        assert formats.day(day) == "4 October 2026"
        assert formats.day(day, short=True) == "4 Oct 2026"
    assert formats.day(None) == ""


def test_numbers_with_decimal_comma_and_thousands_dot():
    with translation.override("id"):
        assert formats.number(Decimal("76.61"), 2) == "76,61"
        assert formats.number(12669) == "12.669"
        assert render('{{ n|floatformat:"g" }}', n=12669) == "12.669"
        assert render('{{ n|floatformat:"2g" }}', n=Decimal("12669.5")) == "12.669,50"
    with translation.override("en"):
        assert formats.number(12669.5, 2) == "12,669.50"


def test_bare_integers_stay_bare_for_years_keys_and_form_values():
    """No global thousands separator: a year or a primary key is never "2.026"."""
    with translation.override("id"):
        assert render("{{ y }}", y=2026) == "2026"
