"""Tests of choosing a page's period from ``?periode=``."""

from django.test import RequestFactory

from prima.core.period_choice import period_from_request
from prima.core.periods import PeriodKind, period_number

Q2 = period_number(2026, PeriodKind.TRIWULAN, 2)
Q1 = period_number(2026, PeriodKind.TRIWULAN, 1)
MESSAGE = "%(key)s? showing %(period)s"


def choose(query: str):
    request = RequestFactory().get("/", {"periode": query} if query else {})
    return period_from_request(
        request, default=Q2, choices=[Q2, Q1], invalid_message=MESSAGE
    )


def test_no_key_shows_the_default():
    """Without a key the default period is shown with the choices as given."""
    selection = choose("")
    assert (selection.period, selection.choices, selection.error) == (Q2, [Q2, Q1], "")


def test_a_key_outside_the_choices_is_offered_first():
    """A valid older period is shown and added to the front of the choices."""
    selection = choose("2025")
    assert selection.period.key == "2025" and selection.choices[0].key == "2025"


def test_a_bad_key_names_itself_and_the_period_shown():
    """An unknown key falls back to the default and says so."""
    selection = choose("kemarin")
    assert selection.period == Q2
    assert selection.error == "kemarin? showing Triwulan II 2026"


def test_a_19_digit_year_falls_back_to_the_default():
    """A year too large for a date is a bad key like any other, not an overflow."""
    selection = choose("9999999999999999999")
    assert selection.period == Q2
    assert selection.error == "9999999999999999999? showing Triwulan II 2026"
