"""The daily queue counts per service and per counter, recomputed from the tickets'
event log.

The queue services keep these counts up to date as each ticket moves (additive
daily rollups, so a year's statistics read rollups and never tickets); this module
states the same rules once more as a replay of the events, to check the rollups and
to fill them for days recorded before a count existed:

- *issued*: one per ticket, for its first service, in the hour (local) it was issued;
- *called* and the *wait* (called − arrived, whole minutes): at a ticket's first call,
  and again at its first call after a transfer (the arrival time is kept), for the
  service and the calling counter;
- *no-show*: one when a called visitor is skipped, for the service and the counter
  that called them, taken back if they return;
- *served* and the *service time* (finished − started): at the finish, for the
  service and the finishing counter.

Every count belongs to the ticket's day. Pure: standard library only.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from prima.queues.waiting import whole_minutes


@dataclass(frozen=True)
class Event:
    """One recorded transition of a ticket, with what the replay needs."""

    ticket: int
    day: date
    action: str
    at: datetime
    hour: int  # local hour of ``at``
    service: int  # the ticket's service after the transition
    counter: int | None
    arrived_at: datetime


@dataclass
class Counts:
    """One row of a daily rollup."""

    issued: int = 0
    called: int = 0
    served: int = 0
    no_show: int = 0
    wait_minutes: dict[int, int] = field(default_factory=dict)
    service_minutes: dict[int, int] = field(default_factory=dict)
    issued_by_hour: dict[int, int] = field(default_factory=dict)


def _add(histogram: dict[int, int], key: int) -> None:
    histogram[key] = histogram.get(key, 0) + 1


@dataclass
class _Ticket:
    called: bool = False
    counter: int | None = None
    started_at: datetime | None = None


def replay(
    events: Iterable[Event],
) -> tuple[dict[tuple[int, date], Counts], dict[tuple[int, date], Counts]]:
    """Return the counts per (service, day) and per (counter, day) of ``events``,
    taken in the order given (each ticket's events in the order they happened)."""
    services: dict[tuple[int, date], Counts] = {}
    counters: dict[tuple[int, date], Counts] = {}
    tickets: dict[int, _Ticket] = {}

    def at_service(event: Event) -> Counts:
        return services.setdefault((event.service, event.day), Counts())

    def at_counter(counter: int | None, day: date) -> Counts | None:
        if counter is None:
            return None
        return counters.setdefault((counter, day), Counts())

    for event in events:
        state = tickets.setdefault(event.ticket, _Ticket())
        rows = [at_service(event)]
        if event.action == "issue":
            rows[0].issued += 1
            _add(rows[0].issued_by_hour, event.hour)
        elif event.action in ("call", "recall"):
            state.counter = event.counter
            if not state.called:
                state.called = True
                wait = whole_minutes(event.arrived_at, event.at)
                for row in [*rows, at_counter(event.counter, event.day)]:
                    if row is not None:
                        row.called += 1
                        _add(row.wait_minutes, wait)
        elif event.action in ("skip", "return"):
            delta = 1 if event.action == "skip" else -1
            for row in [*rows, at_counter(state.counter, event.day)]:
                if row is not None:
                    row.no_show += delta
        elif event.action == "hold":
            state.counter = event.counter
        elif event.action == "resume":
            state.counter = None
        elif event.action == "transfer":
            state.called, state.counter, state.started_at = False, None, None
        elif event.action == "start":
            state.started_at = event.at
        elif event.action == "finish":
            for row in [*rows, at_counter(event.counter, event.day)]:
                if row is not None:
                    row.served += 1
                    if state.started_at is not None:
                        _add(
                            row.service_minutes,
                            whole_minutes(state.started_at, event.at),
                        )
    return services, counters
