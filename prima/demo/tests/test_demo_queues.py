"""The demo queue step: one hall with today's tickets in every state, built by the
real services."""

from __future__ import annotations

import pytest
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from prima.demo import organisations, queues
from prima.demo.context import DemoContext
from prima.queues.models import Booking, Ticket, TicketEvent, Venue
from prima.queues.services import booking_state

pytestmark = pytest.mark.django_db


@pytest.fixture
def ctx() -> DemoContext:
    ctx = DemoContext(today=timezone.localdate(), password_hash=make_password(None))
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
    """Waiting, called, serving, finished and absent tickets; priority served first;
    one served ticket answered its survey; every ticket has its events."""
    venue = Venue.objects.get(pemda=ctx.pemda)
    tickets = Ticket.objects.filter(venue=venue)
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
    assert not tickets.exclude(pk__in=TicketEvent.objects.values("ticket")).exists()


def test_bookings_checked_in_lapsed_and_ahead(ctx):
    """The demo bookings show each state: checked in (with its ticket), lapsed,
    and booked for tomorrow."""
    states = sorted(booking_state(b) for b in Booking.objects.select_related("service"))
    assert states == ["booked", "booked", "checked_in", "lapsed"]
    assert Booking.objects.get(state="checked_in").ticket is not None
