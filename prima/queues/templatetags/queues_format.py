"""Formatting of measured queue times for the statistics page."""

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def percent(value) -> str:
    """Return a share as a percentage with one decimal, or a dash."""
    if value is None:
        return "—"
    return f"{number_format(round(float(value) * 100, 1), 1)}%"


@register.filter
def minutes(value) -> str:
    """Return minutes with at most one decimal, or a dash."""
    if value is None:
        return "—"
    return number_format(round(float(value), 1), 1)
