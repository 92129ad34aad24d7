"""Measured times of an MPP queue and the wait a visitor can expect.

``shared/domain/mpp.md``: waiting time = called − issued (or checked in); service
time = finished − started; per period, counter, service and venue: tickets, served,
no-show rate, median and 90th percentile of the wait and of the service time.

Percentiles use the nearest-rank method: the p-th percentile of n sorted values is
the value at rank ⌈p·n/100⌉ (1-based), so it is always one of the measured values.
The median of an even count is the mean of the two middle values.

The estimated wait of a ticket with k tickets ahead, served by c open counters whose
median service time is m seconds, is ⌈k / c⌉ · m: each counter takes one of the
tickets ahead in turn.

Measured times are kept as histograms of whole minutes (minute → count) in additive
daily rollups; the median and percentiles of any period are read from the summed
histogram by walking its counts, never by listing one value per ticket, so a year's
figures cost as much as the distinct minutes in them.

The Standar Pelayanan's *jangka waktu* (PermenPANRB 15/2014) is compared with the
measured service time only where it is same-day: a number of minutes, or of hours up
to a day. A time in days or working days is a process beyond the visit.

Pure: standard library only.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from fractions import Fraction


def median(values: Sequence[int]) -> Fraction | None:
    """Return the median of ``values`` (seconds), or None when there are none."""
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return Fraction(ordered[middle])
    return Fraction(ordered[middle - 1] + ordered[middle], 2)


def percentile(values: Sequence[int], p: int) -> int | None:
    """Return the nearest-rank ``p``-th percentile of ``values``, or None."""
    if not values:
        return None
    if not 0 < p <= 100:
        raise ValueError("p must be in 1..100")
    ordered = sorted(values)
    return ordered[math.ceil(p * len(ordered) / 100) - 1]


def histogram_values(histogram: Mapping[int, int]) -> list[int]:
    """Return the values a histogram (value → count) counts, one per occurrence."""
    return [value for value, count in sorted(histogram.items()) for _ in range(count)]


def no_show_rate(*, called: int, no_show: int) -> Fraction | None:
    """Return the share of called tickets whose visitor did not come, or None."""
    if called <= 0:
        return None
    return Fraction(no_show, called)


def estimated_wait(*, ahead: int, counters: int, service_seconds: int) -> int | None:
    """Return the seconds a visitor with ``ahead`` tickets before them may wait.

    None when no counter serving the ticket is open (the wait is unknown).
    """
    if counters <= 0:
        return None
    return math.ceil(ahead / counters) * service_seconds


def whole_minutes(start: datetime, end: datetime) -> int:
    """Return the whole minutes from ``start`` to ``end`` (never below zero)."""
    return max(0, int((end - start).total_seconds() // 60))


def _nth(histogram: Mapping[int, int], rank: int) -> int:
    """Return the value at 1-based ``rank`` of the histogram's sorted values."""
    seen = 0
    for value in sorted(histogram):
        seen += histogram[value]
        if seen >= rank:
            return value
    raise ValueError("rank beyond the histogram")


def histogram_median(histogram: Mapping[int, int]) -> Fraction | None:
    """Return the median of the values a histogram counts, or None."""
    total = sum(histogram.values())
    if total <= 0:
        return None
    if total % 2:
        return Fraction(_nth(histogram, total // 2 + 1))
    return Fraction(_nth(histogram, total // 2) + _nth(histogram, total // 2 + 1), 2)


def histogram_percentile(histogram: Mapping[int, int], p: int) -> int | None:
    """Return the nearest-rank ``p``-th percentile of a histogram's values, or None."""
    total = sum(histogram.values())
    if total <= 0:
        return None
    if not 0 < p <= 100:
        raise ValueError("p must be in 1..100")
    return _nth(histogram, math.ceil(p * total / 100))


def share_below(histogram: Mapping[int, int], limit: int) -> Fraction | None:
    """Return the share of a minute histogram's values under ``limit`` minutes.

    A value of m whole minutes stands for a time in [m, m + 1), so it is under the
    limit exactly when m < limit.
    """
    total = sum(histogram.values())
    if total <= 0:
        return None
    return Fraction(sum(c for m, c in histogram.items() if m < limit), total)


MINUTES_PER_UNIT = {"menit": 1, "jam": 60}
SAME_DAY_MINUTES = 24 * 60


def same_day_minutes(value: int | None, unit: str) -> int | None:
    """Return a Standar Pelayanan time in minutes when it is same-day, else None."""
    if not value or unit not in MINUTES_PER_UNIT:
        return None
    minutes = value * MINUTES_PER_UNIT[unit]
    return minutes if minutes <= SAME_DAY_MINUTES else None


PERIOD_KINDS = ("hari", "7", "30", "bulan", "tahun")


def period_range(kind: str, anchor: date) -> tuple[date, date]:
    """Return the first and last day of the period of ``kind`` ending at, or (for a
    month and a year) containing, ``anchor``: that day, the last 7 or 30 days, its
    calendar month or its calendar year."""
    if kind == "7":
        return anchor - timedelta(days=6), anchor
    if kind == "30":
        return anchor - timedelta(days=29), anchor
    if kind == "bulan":
        start = anchor.replace(day=1)
        following = (start + timedelta(days=31)).replace(day=1)
        return start, following - timedelta(days=1)
    if kind == "tahun":
        return date(anchor.year, 1, 1), date(anchor.year, 12, 31)
    return anchor, anchor


@dataclass(frozen=True)
class Summary:
    """The measured times of a set of tickets."""

    issued: int
    served: int
    no_show: int
    wait_median: Fraction | None
    wait_p90: int | None
    service_median: Fraction | None
    service_p90: int | None
    no_show_rate: Fraction | None
    called: int = 0


def summarise(
    *,
    issued: int,
    served: int,
    no_show: int,
    called: int,
    waits: Sequence[int],
    service_times: Sequence[int],
) -> Summary:
    """Return the summary of counts and of measured wait and service seconds."""
    return Summary(
        issued=issued,
        served=served,
        no_show=no_show,
        wait_median=median(waits),
        wait_p90=percentile(waits, 90),
        service_median=median(service_times),
        service_p90=percentile(service_times, 90),
        no_show_rate=no_show_rate(called=called, no_show=no_show),
        called=called,
    )


def summarise_histograms(
    *,
    issued: int,
    served: int,
    no_show: int,
    called: int,
    waits: Mapping[int, int],
    service_times: Mapping[int, int],
) -> Summary:
    """Return the summary of counts and of minute histograms of wait and service."""
    return Summary(
        issued=issued,
        served=served,
        no_show=no_show,
        wait_median=histogram_median(waits),
        wait_p90=histogram_percentile(waits, 90),
        service_median=histogram_median(service_times),
        service_p90=histogram_percentile(service_times, 90),
        no_show_rate=no_show_rate(called=called, no_show=no_show),
        called=called,
    )
