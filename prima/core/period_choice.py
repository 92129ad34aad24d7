"""Choosing the period a page shows from its ``?periode=`` parameter."""

from dataclasses import dataclass

from prima.core.periods import Period, parse_key


@dataclass(frozen=True)
class PeriodSelection:
    """The period a page shows, the periods offered, and an error for a bad key."""

    period: Period
    choices: list[Period]
    error: str = ""


def period_from_request(
    request, *, default: Period, choices: list[Period], invalid_message: str
) -> PeriodSelection:
    """Return the period named by GET ``periode``, else ``default``.

    An unknown key shows ``default`` with ``invalid_message`` (formatted with the
    ``key`` and the ``period`` shown instead); a valid key outside ``choices`` is
    offered first.
    """
    key = request.GET.get("periode", "").strip()
    if not key:
        return PeriodSelection(default, choices)
    try:
        period = parse_key(key)
    except ValueError:
        error = invalid_message % {"key": key[:40], "period": default.label}
        return PeriodSelection(default, choices, error)
    return PeriodSelection(period, choices if period in choices else [period, *choices])
