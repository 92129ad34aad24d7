"""The demo queue step: one hall with weeks of simulated history, bulk-inserted, and
today's tickets in every state built by the real services."""

from __future__ import annotations

import pytest
from django.contrib.auth.hashers import make_password
from django.db.models import Count
from django.test import override_settings
from django.utils import timezone

from prima.demo import organisations, queues, surveys
from prima.demo.context import DemoContext
from prima.queues import services
from prima.queues.models import (
    Booking,
    DailyServiceCount,
    Ticket,
    TicketEvent,
    TicketSequence,
    Venue,
)
from prima.queues.services import booking_state
from prima.surveys.models import Encounter, Response

pytestmark = pytest.mark.django_db
PEAK = 150


@pytest.fixture
def ctx() -> DemoContext:
    ctx = DemoContext(today=timezone.localdate(), password_hash=make_password(None))
    with override_settings(PRIMA_DEMO_QUEUE_PEAK=PEAK):
        for step in (
            organisations.create_pemda,
            organisations.create_opds,
            organisations.create_units,
            organisations.create_layanan,
            organisations.create_users,
            queues.create_queue,
        ):
            step(ctx)
    return ctx


def test_hall_has_tickets_in_every_state_and_one_survey(ctx):
    """Today: waiting, called, serving, finished and absent tickets; priority served
    first; one served ticket answered its survey; every ticket has its events."""
    venue = Venue.objects.get(pemda=ctx.pemda)
    tickets = Ticket.objects.filter(venue=venue, day=ctx.today)
    assert set(tickets.values_list("state", flat=True)) == {
        "waiting",
        "called",
        "serving",
        "done",
        "no_show",
    }
    lansia = tickets.get(priority="lansia")
    assert lansia.state == "done"
    assert tickets.filter(encounter__response__isnull=False).count() == 1
    assert not Ticket.objects.exclude(
        pk__in=TicketEvent.objects.values("ticket")
    ).exists()


def test_bookings_checked_in_lapsed_and_ahead(ctx):
    """The demo bookings show each state: checked in (with its ticket), lapsed,
    and booked for tomorrow."""
    states = sorted(booking_state(b) for b in Booking.objects.select_related("service"))
    assert states == ["booked", "booked", "checked_in", "lapsed"]
    assert Booking.objects.get(state="checked_in").ticket is not None


def test_history_is_a_busy_hall_closed_on_sundays_and_its_holiday(ctx):
    """Twelve agencies and forty counters; tickets on the open days only, most on
    Mondays and in the morning; every past ticket finished or absent, a few
    transferred, served tickets of Prima services carrying a survey token."""
    venue = Venue.objects.get(pemda=ctx.pemda)
    assert venue.agency_set.count() == 12
    assert venue.counter_set.count() == 40
    past = Ticket.objects.filter(venue=venue, day__lt=ctx.today)
    per_day = dict(past.values_list("day").annotate(n=Count("pk")))
    assert queues.past_closure(ctx) not in per_day
    assert all(day.weekday() != 6 for day in per_day)
    mondays = [n for day, n in per_day.items() if day.weekday() == 0]
    saturdays = [n for day, n in per_day.items() if day.weekday() == 5]
    assert min(mondays) > max(saturdays)
    assert set(past.values_list("state", flat=True)) == {"done", "no_show"}
    assert TicketEvent.objects.filter(
        action="transfer", ticket__day__lt=ctx.today
    ).exists()
    morning = sum(
        1
        for t in past.values_list("issued_at", flat=True)
        if timezone.localtime(t).hour < 12
    )
    assert morning > past.count() * 0.6
    served = past.filter(state="done", service__layanan__isnull=False)
    assert not served.filter(encounter__isnull=True).exists()
    assert not served.filter(survey_token="").exists()


def _replay(hall, actions, officers):
    """Run ``actions`` through the queue's services in ``hall``."""
    tickets = {}
    for action in actions:
        if action.kind == "issue":
            prefix = action.ticket.split("-")[0]
            tickets[action.ticket], _ = services.ticket_issue(
                service=hall.services[prefix], priority=action.priority, now=action.at
            )
            assert tickets[action.ticket].code == action.ticket
            continue
        counter = hall.counters[action.counter]
        officer = officers.get(action.counter)
        if action.kind == "call":
            called = services.counter_call_next(counter, officer=officer, now=action.at)
            # The simulation calls whom the queue's own rule calls.
            assert called.code == action.ticket
            continue
        services.ticket_act(
            tickets[action.ticket],
            action.kind,
            counter=counter,
            officer=officer,
            to_service=hall.services.get(action.to_prefix),
            now=action.at,
        )


COUNTED = (
    "issued",
    "called",
    "served",
    "no_show",
    "wait_minutes",
    "service_minutes",
    "issued_by_hour",
)


def test_history_rollups_equal_what_the_services_record(ctx):
    """A history day replayed through the queue's services in a second hall gives
    the same rollups, sequences, ticket states and events as the bulk insert."""
    demo = queues.Hall(Venue.objects.get(pemda=ctx.pemda, name=queues.HALL), {}, {})
    demo.services = {s.prefix: s for s in demo.venue.service_set.all()}
    every_kind = {"issue", "call", "recall", "skip", "start", "transfer", "finish"}
    with override_settings(PRIMA_DEMO_QUEUE_PEAK=PEAK):
        day, actions = next(
            (d, actions)
            for d in queues.history_days(ctx)
            for actions in [queues.day_actions(ctx, d)]
            if {a.kind for a in actions} == every_kind
        )
    replay = queues.build_hall(ctx, name="Replay hall")
    officers = {n: ctx.users[u] for n, u in queues.OFFICERS.items()}
    _replay(replay, actions, officers)

    def rollups(venue):
        rows = DailyServiceCount.objects.filter(venue=venue, day=day)
        return {
            r.service.prefix: {f: getattr(r, f) for f in COUNTED}
            for r in rows.select_related("service")
        }

    def sequences(venue):
        return dict(
            TicketSequence.objects.filter(service__venue=venue, day=day).values_list(
                "service__prefix", "last"
            )
        )

    def tickets(venue):
        return {
            (
                t.code,
                t.service.prefix,
                t.state,
                t.priority,
                t.counter.name if t.counter else "",
            )
            for t in Ticket.objects.filter(venue=venue, day=day).select_related(
                "service", "counter"
            )
        }

    def events(venue):
        return sorted(
            (e.ticket.code, e.action, e.at, e.counter.name if e.counter else "", e.note)
            for e in TicketEvent.objects.filter(
                ticket__venue=venue, ticket__day=day
            ).select_related("ticket", "counter")
        )

    assert rollups(demo.venue) == rollups(replay.venue)
    assert sequences(demo.venue) == sequences(replay.venue)
    assert tickets(demo.venue) == tickets(replay.venue)
    assert events(demo.venue) == events(replay.venue)


def test_history_binds_skm_responses_of_the_same_service_and_day():
    """Responses the survey step made for a hall service on a history day answer
    served visits of that service and day; only today's live one is added."""
    ctx = DemoContext(today=timezone.localdate(), password_hash=make_password(None))
    for step in (
        organisations.create_pemda,
        organisations.create_opds,
        organisations.create_units,
        organisations.create_layanan,
        organisations.create_users,
        surveys.create_responses,
    ):
        step(ctx)
    given = Response.objects.count()
    with override_settings(PRIMA_DEMO_QUEUE_PEAK=PEAK):
        queues.create_queue(ctx)
    assert Response.objects.count() == given + 1
    bound = Encounter.objects.filter(response__isnull=False).select_related("response")
    assert bound.count() > 1
    for visit in bound:
        assert visit.layanan_id == visit.response.layanan_id
        assert timezone.localdate(visit.served_at) == visit.response.service_date
