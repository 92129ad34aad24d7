"""A simulated day of a busy Mal Pelayanan Publik, as the queue's actions in order.

Visitors arrive on a morning-peaked curve (more on Mondays, fewer on Fridays and
Saturdays, none when the hall is closed), take a number of a service (a few with
priority) until its quota is reached, and wait. Each counter, when free, calls the
next ticket of its services by the queue's rule (``ticket_flow.call_order``:
priority first, then first-come); some visitors do not come when called (more after
a long wait) and are recalled and skipped, a few are transferred to another service
of the same agency keeping their arrival time, the rest are served for a time drawn
around the service's usual length.

Pure: no Django and no database. The demo step turns the actions into rows
(``prima.demo.queues``) and its test replays one day through the queue's services.
"""

from __future__ import annotations

import heapq
import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from prima.queues.ticket_flow import call_order

# Relative arrivals per half hour from 07.30, the hall's opening (a morning peak, a
# lull at the midday break, a smaller afternoon wave).
HALF_HOURS = (0.5, 1.6, 2.0, 2.0, 1.8, 1.6, 1.3, 1.1, 0.8, 0.5, 0.6, 0.9, 0.8, 0.6, 0.4)
DAY_STARTS = time(7, 30)
# Share of the peak (Monday) volume on each day of the week.
WEEK = (1.0, 0.85, 0.8, 0.8, 0.7, 0.35, 0.0)
# Share of visitors with a priority, by kind (``ticket_flow.Priority``).
PRIORITIES = (("lansia", 0.035), ("ibu_anak", 0.017), ("disabilitas", 0.008))
TRANSFER_SHARE = 0.015


@dataclass(frozen=True)
class ServicePlan:
    prefix: str
    agency: str
    weight: float  # share of the hall's visitors
    minutes: float  # usual length of the service
    quota: int | None


@dataclass(frozen=True)
class Action:
    """One step of the queue: ``kind`` is "issue" or a ``ticket_flow.Action``."""

    at: datetime
    kind: str
    ticket: str  # the ticket's code of the day, e.g. "A-017"
    counter: str = ""
    to_prefix: str = ""  # of a transfer
    priority: str = ""  # of an issue


@dataclass(order=True)
class _Ticket:
    key: tuple
    code: str = field(compare=False)
    prefix: str = field(compare=False)
    arrived: datetime = field(compare=False)
    transferred: bool = field(default=False, compare=False)


def arrivals(
    rng: random.Random, day: date, volume: int, closes: time, tz
) -> list[datetime]:
    """Return ``volume`` arrival times on ``day`` before ``closes``, in order."""
    start = datetime.combine(day, DAY_STARTS, tz)
    slots = [
        (i, w)
        for i, w in enumerate(HALF_HOURS)
        if (start + timedelta(minutes=30 * i)).time() < closes
    ]
    chosen = rng.choices([i for i, _ in slots], [w for _, w in slots], k=volume)
    # Whole seconds, all distinct: the call order never needs the number to decide.
    seconds = set()
    for i in chosen:
        second = 30 * 60 * i + rng.randrange(30 * 60)
        while second in seconds:
            second += 1
        seconds.add(second)
    return [start + timedelta(seconds=s) for s in sorted(seconds)]


def simulate_day(
    rng: random.Random,
    day: date,
    volume: int,
    closes: time,
    services: list[ServicePlan],
    counters: dict[str, str],
    tz,
) -> list[Action]:
    """Return the day's actions in time order; every ticket ends finished or absent.

    ``counters`` maps a counter's name to the prefixes it serves.
    """
    by_prefix = {s.prefix: s for s in services}
    issued: dict[str, int] = dict.fromkeys(by_prefix, 0)
    actions: list[Action] = []
    incoming: list[tuple[datetime, int, _Ticket]] = []
    weights = [s.weight for s in services]
    for at in arrivals(rng, day, volume, closes, tz):
        service = rng.choices(services, weights)[0]
        if service.quota is not None and issued[service.prefix] >= service.quota:
            continue  # turned away at the kiosk: today's numbers are gone
        issued[service.prefix] += 1
        number = issued[service.prefix]
        priority = _priority(rng)
        code = f"{service.prefix}-{number:03d}"
        ticket = _Ticket(call_order(priority, at, number), code, service.prefix, at)
        actions.append(Action(at, "issue", code, priority=priority))
        heapq.heappush(incoming, (at, len(incoming), ticket))
    waiting: dict[str, list[_Ticket]] = {p: [] for p in by_prefix}
    # The services of the same agency a ticket may be transferred to.
    siblings = {
        p: [
            other
            for other, s in by_prefix.items()
            if s.agency == by_prefix[p].agency and other != p
        ]
        for p in by_prefix
    }
    start = datetime.combine(day, DAY_STARTS, tz)
    free = [
        (start + timedelta(seconds=rng.randrange(30, 900)), name) for name in counters
    ]
    heapq.heapify(free)
    sequence = len(incoming)
    while free:
        now, name = heapq.heappop(free)
        while incoming and incoming[0][0] <= now:
            _at, _seq, ticket = heapq.heappop(incoming)
            heapq.heappush(waiting[ticket.prefix], ticket)
        queues = [waiting[p] for p in counters[name] if waiting[p]]
        if not queues:
            if incoming:
                heapq.heappush(free, (max(now, incoming[0][0]), name))
            continue
        ticket = heapq.heappop(min(queues, key=lambda q: q[0]))
        done, back = _serve(rng, now, name, ticket, by_prefix, siblings, actions)
        if back is not None:
            sequence += 1
            heapq.heappush(incoming, (back[0], sequence, back[1]))
        heapq.heappush(free, (done, name))
    actions.sort(key=lambda a: a.at)
    return actions


def _priority(rng: random.Random) -> str:
    draw = rng.random()
    for kind, share in PRIORITIES:
        if draw < share:
            return kind
        draw -= share
    return ""


def _serve(rng, now, name, ticket, by_prefix, siblings, actions):
    """Call ``ticket`` at counter ``name`` at ``now``; return when the counter is
    free again, and (when, ticket) if it comes back to the queue transferred."""

    def act(at, kind, **extra):
        actions.append(Action(at, kind, ticket.code, counter=name, **extra))

    act(now, "call")
    waited = (now - ticket.arrived).total_seconds() / 60
    if rng.random() < min(0.15, 0.03 + waited / 1000):
        recall = now + timedelta(seconds=rng.randint(60, 90))
        skip = recall + timedelta(seconds=rng.randint(60, 120))
        act(recall, "recall")
        act(skip, "skip")
        return skip + timedelta(seconds=10), None
    started = now + timedelta(seconds=rng.randint(20, 90))
    act(started, "start")
    plan = by_prefix[ticket.prefix]
    others = siblings[ticket.prefix]
    if others and not ticket.transferred and rng.random() < TRANSFER_SHARE:
        moved = started + timedelta(seconds=rng.randint(40, 150))
        to = rng.choice(others)
        act(moved, "transfer", to_prefix=to)
        ticket.prefix, ticket.transferred = to, True
        return moved + timedelta(seconds=10), (moved, ticket)
    length = max(60.0, rng.gammavariate(3.0, plan.minutes * 17))  # mean: 0.85 × usual
    finished = started + timedelta(seconds=int(length))
    act(finished, "finish")
    return finished + timedelta(seconds=rng.randint(15, 60)), None
