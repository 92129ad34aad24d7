"""Daily counts per service and per counter (prima/queues/rollups.py), and the
rollups the queue services keep, checked against a replay of the event log."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from prima.queues import rollups, selectors, services
from prima.queues.models import (
    DailyCounterCount,
    DailyServiceCount,
    Ticket,
    TicketEvent,
)
from prima.queues.testing import make_counter, make_service, make_venue

DAY = date(2026, 12, 7)
T0 = datetime(2026, 12, 7, 1, 0, tzinfo=UTC)


def _event(ticket, action, minute, *, service=1, counter=None):
    return rollups.Event(
        ticket=ticket,
        day=DAY,
        action=action,
        at=T0 + timedelta(minutes=minute),
        hour=8,
        service=service,
        counter=counter,
        arrived_at=T0,
    )


def test_replay_counts_calls_absence_transfer_and_service():
    """A ticket called at counter 10 after 5 minutes, skipped and returned, called
    again (not counted twice), transferred to service 2, called at counter 20
    after 30 minutes and served in 4: each count lands where the rules say."""
    services_, counters = rollups.replay(
        [
            _event(1, "issue", 0),
            _event(1, "call", 5, counter=10),
            _event(1, "skip", 6, counter=10),
            _event(1, "return", 7, counter=11),
            _event(1, "call", 8, counter=10),
            _event(1, "transfer", 9, service=2, counter=10),
            _event(1, "call", 30, service=2, counter=20),
            _event(1, "start", 31, service=2, counter=20),
            _event(1, "finish", 35, service=2, counter=20),
        ]
    )
    first, second = services_[(1, DAY)], services_[(2, DAY)]
    assert (first.issued, first.called, first.no_show, first.served) == (1, 1, 0, 0)
    assert first.wait_minutes == {5: 1} and first.issued_by_hour == {8: 1}
    assert (second.issued, second.called, second.served) == (0, 1, 1)
    assert second.wait_minutes == {30: 1} and second.service_minutes == {4: 1}
    assert counters[(10, DAY)].called == 1 and counters[(10, DAY)].no_show == 0
    assert counters[(20, DAY)].served == 1
    assert counters[(20, DAY)].service_minutes == {4: 1}


def _stored(model, key: str, venue) -> dict:
    return {
        (getattr(row, key), row.day): (
            row.called,
            row.served,
            row.no_show,
            {int(k): v for k, v in row.wait_minutes.items()},
            {int(k): v for k, v in row.service_minutes.items()},
        )
        for row in model.objects.filter(venue=venue)
    }


def _replayed(counts: dict) -> dict:
    return {
        key: (c.called, c.served, c.no_show, c.wait_minutes, c.service_minutes)
        for key, c in counts.items()
    }


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_rollups_equal_a_replay_of_the_tickets_events(org, seed):
    """After a random day of calls, recalls, absences, returns, holds, transfers
    and finishes at three counters of two services, the service and counter
    rollups equal the counts recomputed from the tickets' events."""
    rng = random.Random(seed)
    venue = make_venue(pemda=org.pemda)
    a = make_service(venue=venue, unit=org.unit, prefix="A")
    b = make_service(venue=venue, unit=org.sibling_unit, prefix="B")
    counters = [
        make_counter(service=a, name="Loket 1"),
        make_counter(service=a, name="Loket 2"),
        make_counter(service=b, name="Loket 3"),
    ]
    now = timezone.make_aware(datetime.combine(timezone.localdate(), time(7)))
    for _ in range(12):
        services.ticket_issue(service=rng.choice([a, b]), now=now)
        now += timedelta(minutes=rng.randint(0, 4))
    for _step in range(80):
        now += timedelta(minutes=rng.randint(0, 3), seconds=rng.randint(0, 59))
        counter = rng.choice(counters)
        current = services.current_ticket(counter)
        held = Ticket.objects.filter(
            counter=counter, state__in=["held", "no_show"]
        ).first()
        try:
            if held is not None and rng.random() < 0.3:
                action = "return" if held.state == "no_show" else "resume"
                services.ticket_act(held, action, counter=counter, now=now)
            elif current is None:
                services.counter_call_next(counter, now=now)
            else:
                action = rng.choice(
                    ["recall", "skip", "hold", "transfer", "start", "finish"]
                )
                services.ticket_act(
                    current,
                    action,
                    counter=counter,
                    to_service=rng.choice([a, b]),
                    now=now,
                )
        except ValidationError:
            continue
    day = timezone.localdate()
    by_service, by_counter = selectors.recount(venue, day, day)
    actions = set(TicketEvent.objects.values_list("action", flat=True))
    assert {"recall", "skip", "return", "hold", "transfer", "finish"} <= actions
    assert _stored(DailyServiceCount, "service_id", venue) == _replayed(by_service)
    assert _stored(DailyCounterCount, "counter_id", venue) == _replayed(by_counter)
    issued = {
        (row.service_id, row.day): (row.issued, row.issued_by_hour)
        for row in DailyServiceCount.objects.filter(venue=venue)
    }
    assert issued == {
        key: (c.issued, {str(h): n for h, n in c.issued_by_hour.items()})
        for key, c in by_service.items()
    }
    assert sum(c.served for c in by_counter.values()) == sum(
        c.served for c in by_service.values()
    )


def test_migration_fills_counter_rollups_of_earlier_days(org):
    """The migration that adds counter rollups fills them from the event log as
    the services would have kept them."""
    from importlib import import_module

    from django.apps import apps

    migration = import_module("prima.queues.migrations.0003_counter_counts")
    venue = make_venue(pemda=org.pemda)
    service = make_service(venue=venue, unit=org.unit, prefix="A")
    counter = make_counter(service=service)
    now = timezone.now() - timedelta(minutes=40)
    for _ in range(3):
        services.ticket_issue(service=service, now=now)
    ticket = services.counter_call_next(counter, now=now + timedelta(minutes=7))
    services.ticket_act(ticket, "skip", counter=counter, now=now + timedelta(minutes=8))
    ticket = services.counter_call_next(counter, now=now + timedelta(minutes=9))
    services.ticket_act(
        ticket, "start", counter=counter, now=now + timedelta(minutes=9)
    )
    services.ticket_act(
        ticket, "finish", counter=counter, now=now + timedelta(minutes=15)
    )
    kept = _stored(DailyCounterCount, "counter_id", venue)
    DailyCounterCount.objects.all().delete()
    migration.fill_counter_counts(apps, None)
    assert _stored(DailyCounterCount, "counter_id", venue) == kept
    assert kept[(counter.pk, ticket.day)][:3] == (2, 1, 1)
