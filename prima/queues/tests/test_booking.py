"""Online booking: the slot rules (prima/queues/booking.py) and the services."""

from __future__ import annotations

import uuid
from datetime import date, datetime, time, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from prima.queues import booking, services
from prima.queues.models import Booking, BookingState, Ticket
from prima.queues.testing import make_service, make_venue

DAY = date(2026, 12, 7)


def test_slots_fit_between_opening_and_the_last_ticket():
    """Slots start at opening and each ends by the last ticket time."""
    got = booking.slots(time(8, 0), time(10, 15), 30)
    assert got == [time(8, 0), time(8, 30), time(9, 0), time(9, 30)]
    assert booking.slots(time(8, 0), time(9, 0), 0) == []


@pytest.mark.parametrize(
    ("clock", "day", "expected"),
    [
        (datetime(2026, 12, 7, 8, 29), DAY, "too_early"),
        (datetime(2026, 12, 7, 8, 30), DAY, None),
        (datetime(2026, 12, 7, 9, 45), DAY, None),
        (datetime(2026, 12, 7, 9, 46), DAY, "lapsed"),
        (datetime(2026, 12, 6, 9, 0), DAY, "not_today"),
        (datetime(2026, 12, 8, 8, 0), DAY, "lapsed"),
    ],
)
def test_check_in_window(clock, day, expected):
    """Check-in opens 30 minutes before the 09.00–09.30 slot and closes 15 after."""
    got = booking.check_in_refusal(now=clock, day=day, slot=time(9), slot_minutes=30)
    assert got == expected


def test_codes_avoid_confusable_letters():
    """Codes have six characters without 0, O, 1, I or L."""
    code = booking.code_from(2**32 - 1)
    assert len(code) == 6
    assert not set(code) & set("0O1IL")


@pytest.fixture
def bookable(org):
    venue = make_venue(pemda=org.pemda)
    return make_service(
        venue=venue, unit=org.unit, prefix="A", slot_minutes=30, slot_capacity=1
    )


def _at(day, hour, minute=0):
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def test_booking_takes_a_place_and_a_full_slot_refuses(bookable):
    """The last place of a slot goes to one visitor; the next is told it is full."""
    tomorrow = timezone.localdate() + timedelta(days=1)
    first, created = services.booking_make(
        service=bookable, day=tomorrow, slot=time(9), idempotency_key=uuid.uuid4()
    )
    assert created and len(first.code) == 6
    with pytest.raises(ValidationError) as full:
        services.booking_make(
            service=bookable, day=tomorrow, slot=time(9), idempotency_key=uuid.uuid4()
        )
    assert full.value.code == "slot_full"
    with pytest.raises(ValidationError) as odd:
        services.booking_make(
            service=bookable,
            day=tomorrow,
            slot=time(9, 10),
            idempotency_key=uuid.uuid4(),
        )
    assert odd.value.code == "no_slot"


def test_check_in_joins_the_queue_then_not_again(bookable):
    """Checking in issues a ticket at that moment; a second check-in is refused."""
    day = timezone.localdate() + timedelta(days=1)
    made, _ = services.booking_make(
        service=bookable, day=day, slot=time(9), idempotency_key=uuid.uuid4()
    )
    with pytest.raises(ValidationError) as early:
        services.booking_check_in(venue=bookable.venue, code=made.code, now=_at(day, 8))
    assert early.value.code == "too_early"
    ticket = services.booking_check_in(
        venue=bookable.venue, code=made.code.lower(), now=_at(day, 8, 40)
    )
    assert ticket.arrived_at == _at(day, 8, 40)
    made.refresh_from_db()
    assert (made.state, made.ticket) == (BookingState.CHECKED_IN, ticket)
    with pytest.raises(ValidationError) as again:
        services.booking_check_in(
            venue=bookable.venue, code=made.code, now=_at(day, 8, 41)
        )
    assert again.value.code == "checked_in"


def test_missed_booking_lapses(bookable):
    """After the slot and its grace, the booking is lapsed and gives no ticket."""
    day = timezone.localdate() + timedelta(days=1)
    made, _ = services.booking_make(
        service=bookable, day=day, slot=time(9), idempotency_key=uuid.uuid4()
    )
    with pytest.raises(ValidationError) as lapsed:
        services.booking_check_in(
            venue=bookable.venue, code=made.code, now=_at(day, 10)
        )
    assert lapsed.value.code == "lapsed"
    assert services.booking_state(made, _at(day, 10)) == BookingState.LAPSED
    assert services.booking_state(made, _at(day, 8)) == BookingState.BOOKED
    assert not Ticket.objects.exists()


def test_booking_pages(client, bookable):
    """The public page books a slot and shows the code; the kiosk checks it in."""
    day_index = 1
    url = reverse("mpp:booking", args=[bookable.venue_id])
    page = client.get(url, {"layanan": bookable.pk, "hari": day_index})
    assert "09:00" in page.text
    sent = client.post(
        url,
        {
            "layanan": bookable.pk,
            "hari": day_index,
            "slot": "09:00",
            "key": str(uuid.uuid4()),
        },
    )
    made = Booking.objects.get()
    assert sent.url == made.get_absolute_url()
    assert made.code in client.get(sent.url).text
    _kiosk, token = services.kiosk_issue(venue=bookable.venue, name="Kiosk")
    refused = client.post(
        reverse("mpp:kiosk_check_in", args=[token]), {"code": "ZZZZZZ"}
    )
    assert 'role="alert"' in refused.text
