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

Pure: standard library only.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
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
    )
