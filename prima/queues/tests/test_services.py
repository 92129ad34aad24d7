"""Issuing tickets and moving them at the counter (prima/queues/services.py)."""

from __future__ import annotations

import threading
import uuid
from datetime import datetime, time, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections
from django.utils import timezone

from prima.queues import selectors, services
from prima.queues.models import (
    DailyServiceCount,
    Ticket,
    TicketEvent,
    TicketState,
)
from prima.queues.testing import make_counter, make_service, make_venue


@pytest.fixture
def hall(org):
    venue = make_venue(pemda=org.pemda)
    service = make_service(venue=venue, unit=org.unit, layanan=org.layanan, prefix="A")
    counter = make_counter(service=service)
    return venue, service, counter


def test_numbers_follow_per_service_and_day(hall, org):
    """Each service counts its own numbers from 1, shown with its prefix."""
    venue, service, _counter = hall
    other = make_service(venue=venue, unit=org.sibling_unit, prefix="B")
    first, _ = services.ticket_issue(service=service)
    second, _ = services.ticket_issue(service=service)
    b1, _ = services.ticket_issue(service=other)
    assert [first.code, second.code, b1.code] == ["A-001", "A-002", "B-001"]
    assert first.public_code != second.public_code


def test_same_key_issues_one_ticket(hall):
    """A double tap (the same key twice) gives the same ticket."""
    _venue, service, _counter = hall
    key = uuid.uuid4()
    first, created = services.ticket_issue(service=service, idempotency_key=key)
    again, created_again = services.ticket_issue(service=service, idempotency_key=key)
    assert (created, created_again) == (True, False)
    assert again.pk == first.pk
    assert Ticket.objects.count() == 1


def test_closed_day_cutoff_and_quota_refuse(org):
    """A closure, the cut-off and a full quota each refuse with a message."""
    venue = make_venue(pemda=org.pemda, always_open=False)
    service = make_service(venue=venue, unit=org.unit, prefix="A", daily_quota=1)
    now = timezone.make_aware(datetime(2026, 12, 7, 9, 0))  # a Monday
    with pytest.raises(ValidationError) as no_hours:
        services.ticket_issue(service=service, now=now)
    assert no_hours.value.code == "closed"
    services.hours_set(venue=venue, weekday=0, opens=time(8), closes=time(15))
    services.ticket_issue(service=service, now=now)
    with pytest.raises(ValidationError) as full:
        services.ticket_issue(service=service, now=now)
    assert full.value.code == "quota"
    late = timezone.make_aware(datetime(2026, 12, 7, 15, 0))
    with pytest.raises(ValidationError) as after:
        services.ticket_issue(service=service, now=late)
    assert after.value.code == "cutoff"
    services.closure_add(
        venue=venue, day=now.date() + timedelta(days=7), reason="Libur"
    )
    with pytest.raises(ValidationError) as closed:
        services.ticket_issue(service=service, now=now + timedelta(days=7))
    assert closed.value.code == "closed"


def test_call_next_takes_priority_then_first_come(hall):
    """Priority tickets are called before earlier plain ones, by rule."""
    _venue, service, counter = hall
    now = timezone.now()
    plain, _ = services.ticket_issue(service=service, now=now - timedelta(minutes=9))
    later, _ = services.ticket_issue(service=service, now=now - timedelta(minutes=5))
    lansia, _ = services.ticket_issue(
        service=service, priority="lansia", now=now - timedelta(minutes=1)
    )
    called = []
    for _ in range(3):
        ticket = services.counter_call_next(counter, now=now)
        called.append(ticket.pk)
        services.ticket_act(ticket, "skip", counter=counter, now=now)
    assert called == [lansia.pk, plain.pk, later.pk]


def test_a_full_service_records_every_event_and_the_times(hall, users):
    """Call, start and finish each leave an event; the rollup counts the wait."""
    _venue, service, counter = hall
    start = timezone.now() - timedelta(minutes=20)
    ticket, _ = services.ticket_issue(service=service, now=start)
    officer = users["petugas_loket"]
    ticket = services.counter_call_next(
        counter, officer=officer, now=start + timedelta(minutes=12)
    )
    services.ticket_act(
        ticket, "start", counter=counter, now=start + timedelta(minutes=13)
    )
    ticket = services.ticket_act(
        ticket,
        "finish",
        counter=counter,
        officer=officer,
        now=start + timedelta(minutes=19),
    )
    assert ticket.state == TicketState.DONE
    assert list(
        TicketEvent.objects.filter(ticket=ticket).values_list("action", flat=True)
    ) == ["issue", "call", "start", "finish"]
    count = DailyServiceCount.objects.get(service=service)
    assert (count.issued, count.called, count.served) == (1, 1, 1)
    assert count.wait_minutes == {"12": 1}
    assert count.service_minutes == {"6": 1}
    summary = selectors.summary(_venue, ticket.day, ticket.day)
    assert summary.wait_median == 12


def test_impossible_action_is_refused_with_a_message(hall):
    """Finishing a waiting ticket is refused and changes nothing."""
    _venue, service, counter = hall
    ticket, _ = services.ticket_issue(service=service)
    with pytest.raises(ValidationError) as refused:
        services.ticket_act(ticket, "finish", counter=counter)
    assert refused.value.code == "state"
    assert refused.value.messages == [services.refusal_message("state")]
    ticket.refresh_from_db()
    assert ticket.state == TicketState.WAITING
    assert not TicketEvent.objects.filter(ticket=ticket, action="finish").exists()


def test_recall_too_soon_is_refused(hall):
    """Calling the same number again at once is refused; later it is allowed."""
    _venue, service, counter = hall
    now = timezone.now()
    services.ticket_issue(service=service, now=now)
    ticket = services.counter_call_next(counter, now=now)
    with pytest.raises(ValidationError) as soon:
        services.ticket_act(
            ticket, "recall", counter=counter, now=now + timedelta(seconds=5)
        )
    assert soon.value.code == "recall_too_soon"
    services.ticket_act(
        ticket, "recall", counter=counter, now=now + timedelta(seconds=31)
    )


def test_counter_calls_one_visitor_at_a_time(hall):
    """A counter with a visitor at it cannot call the next one."""
    _venue, service, counter = hall
    services.ticket_issue(service=service)
    services.ticket_issue(service=service)
    services.counter_call_next(counter)
    with pytest.raises(ValidationError) as busy:
        services.counter_call_next(counter)
    assert busy.value.code == "busy"


def test_closed_counter_calls_nobody(hall):
    """A counter on a break calls no ticket."""
    _venue, service, counter = hall
    services.ticket_issue(service=service)
    services.counter_set_status(counter, "break")
    with pytest.raises(ValidationError) as closed:
        services.counter_call_next(counter)
    assert closed.value.code == "counter_closed"


def test_transfer_keeps_the_arrival_time(hall, org):
    """A transferred ticket joins the other service's queue at its first arrival."""
    venue, service, counter = hall
    other = make_service(venue=venue, unit=org.sibling_unit, prefix="B")
    other_counter = make_counter(service=other, name="Loket 2")
    early = timezone.now() - timedelta(minutes=30)
    moved, _ = services.ticket_issue(service=service, now=early)
    waiting_b, _ = services.ticket_issue(
        service=other, now=early + timedelta(minutes=5)
    )
    moved = services.counter_call_next(counter)
    services.ticket_act(moved, "transfer", counter=counter, to_service=other)
    moved.refresh_from_db()
    assert (moved.service_id, moved.state, moved.arrived_at) == (
        other.pk,
        TicketState.WAITING,
        early,
    )
    assert services.counter_call_next(other_counter).pk == moved.pk
    assert selectors.ahead_of(waiting_b) == 0


def test_absent_visitor_returns_within_the_window(hall):
    """A skipped ticket rejoins the queue within the window, not after."""
    _venue, service, counter = hall
    now = timezone.now()
    services.ticket_issue(service=service, now=now)
    ticket = services.counter_call_next(counter, now=now)
    services.ticket_act(ticket, "skip", counter=counter, now=now)
    services.ticket_act(
        ticket, "return", counter=counter, now=now + timedelta(minutes=10)
    )
    ticket = services.counter_call_next(counter, now=now + timedelta(minutes=11))
    services.ticket_act(
        ticket, "skip", counter=counter, now=now + timedelta(minutes=12)
    )
    with pytest.raises(ValidationError) as late:
        services.ticket_act(
            ticket, "return", counter=counter, now=now + timedelta(minutes=43)
        )
    assert late.value.code == "return_too_late"


def test_ahead_and_estimated_wait(hall):
    """The ticket page counts the tickets before it and shares them per counter."""
    _venue, service, _counter = hall
    now = timezone.now()
    tickets = [
        services.ticket_issue(service=service, now=now + timedelta(seconds=i))[0]
        for i in range(3)
    ]
    priority, _ = services.ticket_issue(
        service=service, priority="disabilitas", now=now + timedelta(seconds=9)
    )
    assert selectors.ahead_of(tickets[2]) == 3  # two earlier, one priority
    assert selectors.ahead_of(priority) == 0
    assert selectors.expected_wait_minutes(tickets[2]) == (3, 15)


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the in-memory SQLite test database cannot be shared between threads",
)
@pytest.mark.django_db(transaction=True)
def test_parallel_kiosks_never_issue_a_number_twice(org):
    """Eight kiosks issuing five tickets each at once: numbers 1 to 40, none twice,
    none missing, because the sequence row is locked while a number is taken."""
    venue = make_venue(pemda=org.pemda)
    service = make_service(venue=venue, unit=org.unit, prefix="A")
    start = threading.Barrier(8)
    errors = []

    def issue():
        try:
            start.wait()
            for _ in range(5):
                services.ticket_issue(service=service)
        except Exception as error:  # noqa: BLE001 - reported by the assertion
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=issue) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    numbers = sorted(Ticket.objects.values_list("number", flat=True))
    assert numbers == list(range(1, 41))
    assert DailyServiceCount.objects.get(service=service).issued == 40


def test_a_counter_moves_no_ticket_of_another_agency(hall, org):
    """An officer cannot finish, skip or transfer a ticket another agency's counter
    serves: the counter's own services and calls only."""
    venue, service, counter = hall
    other = make_service(venue=venue, unit=org.other_opd_unit, prefix="B")
    other_counter = make_counter(service=other, name="Loket 2")
    services.ticket_issue(service=other)
    theirs = services.counter_call_next(other_counter)
    for action in ("skip", "start", "transfer"):
        with pytest.raises(ValidationError) as refused:
            services.ticket_act(theirs, action, counter=counter, to_service=service)
        assert refused.value.code == "foreign"
    services.ticket_act(theirs, "start", counter=other_counter)


def test_busiest_hours_add_up_over_days(hall):
    """Tickets are counted per local hour of issue, summed over the days."""
    venue, service, _counter = hall
    today = timezone.localdate()
    for day, hour, minute in ((today, 9, 5), (today, 9, 50), (today, 13, 0)):
        moment = timezone.make_aware(datetime.combine(day, time(hour, minute)))
        services.ticket_issue(service=service, now=moment)
    yesterday = timezone.make_aware(
        datetime.combine(today - timedelta(days=1), time(9, 30))
    )
    services.ticket_issue(service=service, now=yesterday)
    got = selectors.busiest_hours(venue, today - timedelta(days=1), today)
    assert [(h.hour, h.issued) for h in got] == [(9, 3), (13, 1)]
    only_today = selectors.busiest_hours(venue, today, today)
    assert [(h.hour, h.issued) for h in only_today] == [(9, 2), (13, 1)]
