"""Messages to visitors who left a phone number (prima/queues/notify.py and the
queue services that send them)."""

from __future__ import annotations

import json
import threading
import time
import uuid
from datetime import datetime, timedelta
from datetime import time as clock
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection, connections
from django.urls import reverse
from django.utils import timezone

from prima.queues import notify, services
from prima.queues.models import Booking, Ticket, TicketState
from prima.queues.testing import make_counter, make_service, make_venue


class Recorder:
    """A gateway that keeps what it is given; ``fail`` makes it raise instead."""

    sent: list[notify.Message] = []
    fail = False

    def send(self, message):
        if Recorder.fail:
            raise ConnectionError("gateway down")
        Recorder.sent.append(message)


@pytest.fixture
def recorder(settings):
    settings.PRIMA_NOTIFY_GATEWAY = "prima.queues.tests.test_notify.Recorder"
    Recorder.sent, Recorder.fail = [], False
    return Recorder


@pytest.fixture
def hall(org):
    venue = make_venue(pemda=org.pemda)
    service = make_service(venue=venue, unit=org.unit, layanan=org.layanan, prefix="A")
    return venue, service, make_counter(service=service)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0812-3456-7890", "+6281234567890"),
        ("62 812 3456 7890", "+6281234567890"),
        ("+62 (812) 3456.789", "+628123456789"),
        ("081234", None),
        ("12345678901", None),
        ("0812345678901234", None),
        ("+1 212 555 0100", None),
        ("", None),
    ],
)
def test_phone_number_takes_indonesian_numbers(text, expected):
    """Indonesian numbers come back as +62…; anything else is refused."""
    assert notify.phone_number(text) == expected


def test_masked_hides_the_middle_of_a_number():
    """The log shows only the first five and last three characters."""
    assert notify.masked("+6281234567890") == "+6281******890"


def test_console_gateway_is_the_default_and_logs_a_masked_number(settings, caplog):
    """Without settings, a message goes to the log, its number masked."""
    settings.PRIMA_NOTIFY_GATEWAY = ""
    settings.PRIMA_NOTIFY_URL = ""
    caplog.set_level("INFO", logger="prima.queues.notify")
    message = notify.Message("+6281234567890", "Halo", "called", "A-001", "MPP")
    assert isinstance(notify.gateway(), notify.ConsoleGateway)
    assert notify.deliver(message) is True
    assert "+6281******890" in caplog.text and "+6281234567890" not in caplog.text


class _Handler(BaseHTTPRequestHandler):
    received: list[tuple[dict, str]] = []
    delay = 0.0

    def do_POST(self):  # noqa: N802 - the name http.server calls
        body = self.rfile.read(int(self.headers["Content-Length"]))
        time.sleep(_Handler.delay)
        _Handler.received.append(
            (json.loads(body), self.headers.get("Authorization", ""))
        )
        self.send_response(202)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def provider():
    """A provider endpoint on this machine's loopback, for the HTTP gateway."""
    _Handler.received, _Handler.delay = [], 0.0
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/send", _Handler
    server.shutdown()
    server.server_close()


def test_http_gateway_posts_json_with_the_token(settings, provider):
    """With PRIMA_NOTIFY_URL set, a message is posted as JSON with a bearer token."""
    url, handler = provider
    settings.PRIMA_NOTIFY_GATEWAY = ""
    settings.PRIMA_NOTIFY_URL, settings.PRIMA_NOTIFY_TOKEN = url, "rahasia"
    message = notify.Message("+6281234567890", "Halo", "near", "A-002", "MPP Kota")
    assert notify.deliver(message) is True
    assert handler.received == [
        (
            {
                "to": "+6281234567890",
                "text": "Halo",
                "kind": "near",
                "ticket": "A-002",
                "venue": "MPP Kota",
            },
            "Bearer rahasia",
        )
    ]


def test_slow_gateway_times_out_and_the_call_still_succeeds(
    settings, provider, hall, django_capture_on_commit_callbacks, caplog
):
    """A provider slower than the timeout is given up on and logged; the ticket is
    called all the same."""
    url, handler = provider
    handler.delay = 1.0
    settings.PRIMA_NOTIFY_GATEWAY = ""
    settings.PRIMA_NOTIFY_URL, settings.PRIMA_NOTIFY_TIMEOUT = url, 0.2
    _venue, service, counter = hall
    services.ticket_issue(service=service, phone="+6281234567890")
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        called = services.counter_call_next(counter)
    assert time.monotonic() - started < 1.0
    assert Ticket.objects.get(pk=called.pk).state == TicketState.CALLED
    assert "was not sent" in caplog.text


def test_failing_gateway_never_blocks_call_or_finish(
    recorder, hall, django_capture_on_commit_callbacks
):
    """A gateway that raises leaves the call and the finish done."""
    recorder.fail = True
    _venue, service, counter = hall
    services.ticket_issue(service=service, phone="+6281234567890")
    with django_capture_on_commit_callbacks(execute=True):
        ticket = services.counter_call_next(counter)
        services.ticket_act(ticket, "start", counter=counter)
        ticket = services.ticket_act(ticket, "finish", counter=counter)
    ticket.refresh_from_db()
    assert ticket.state == TicketState.DONE


def test_call_tells_the_called_visitor_and_the_new_front_once(
    recorder, hall, django_capture_on_commit_callbacks
):
    """A call tells the called visitor, and tells those it brings within the
    hall's three places that their turn is near; a later call tells them nothing
    again. Visitors without a number get nothing."""
    _venue, service, counter = hall
    now = timezone.now()
    phones = ["+628111", "", "+628333", "+628444", "+628555"]
    tickets = [
        services.ticket_issue(
            service=service,
            phone=f"{p}000000" if p else "",
            now=now - timedelta(minutes=10 - n),
        )[0]
        for n, p in enumerate(phones)
    ]
    with django_capture_on_commit_callbacks(execute=True):
        services.counter_call_next(counter, now=now)
    assert [(m.kind, m.ticket) for m in recorder.sent] == [
        ("called", "A-001"),
        ("near", "A-003"),
        ("near", "A-004"),
    ]
    assert "Loket 1" in recorder.sent[0].text
    assert "1" in recorder.sent[1].text  # one ticket ahead of A-003
    recorder.sent.clear()
    services.ticket_act(tickets[0], "skip", counter=counter, now=now)
    with django_capture_on_commit_callbacks(execute=True):
        services.counter_call_next(counter, now=now)
    assert [(m.kind, m.ticket) for m in recorder.sent] == [("near", "A-005")]
    assert Ticket.objects.exclude(near_notified_at=None).count() == 3


def test_messages_wait_for_the_commit(
    recorder, hall, django_capture_on_commit_callbacks
):
    """Nothing is sent before the transaction commits."""
    _venue, service, counter = hall
    services.ticket_issue(service=service, phone="+6281234567890")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.counter_call_next(counter)
    assert recorder.sent == [] and len(callbacks) == 1


def test_finish_sends_the_survey_link_and_forgets_the_number(
    recorder, hall, django_capture_on_commit_callbacks
):
    """Finishing a ticket sends its survey link and clears its phone number."""
    _venue, service, counter = hall
    services.ticket_issue(service=service, phone="+6281234567890")
    ticket = services.counter_call_next(counter)
    services.ticket_act(ticket, "start", counter=counter)
    with django_capture_on_commit_callbacks(execute=True):
        ticket = services.ticket_act(ticket, "finish", counter=counter)
    ticket.refresh_from_db()
    assert ticket.phone == ""
    [message] = recorder.sent
    assert message.kind == "survey"
    assert reverse("surveys:survey-encounter", args=[ticket.survey_token]) in (
        message.text
    )


def test_notify_ahead_zero_sends_no_near_message(
    recorder, hall, django_capture_on_commit_callbacks
):
    """A hall that sets 0 places sends only the call."""
    venue, service, counter = hall
    venue.notify_ahead = 0
    services.venue_save(venue)
    for _ in range(2):
        services.ticket_issue(service=service, phone="+6281234567890")
    with django_capture_on_commit_callbacks(execute=True):
        services.counter_call_next(counter)
    assert [m.kind for m in recorder.sent] == ["called"]


def test_kiosk_takes_an_optional_phone_and_refuses_a_bad_one(client, hall):
    """The kiosk stores a valid number in +62 form, refuses a bad one with a
    message, and never shows the number on the ticket or the board."""
    venue, service, _counter = hall
    _kiosk, token = services.kiosk_issue(venue=venue, name="Kiosk")
    url = reverse("mpp:kiosk", args=[token])
    bad = client.post(
        url, {"service": service.pk, "key": str(uuid.uuid4()), "phone": "12ab"}
    )
    assert bad.status_code == 200 and "0812 3456 7890" in bad.text
    assert not Ticket.objects.exists()
    client.post(
        url,
        {"service": service.pk, "key": str(uuid.uuid4()), "phone": "0812-3456-7890"},
    )
    ticket = Ticket.objects.get()
    assert ticket.phone == "+6281234567890"
    for page in (
        client.get(ticket.get_absolute_url()),
        client.get(reverse("mpp:kiosk_ticket", args=[token, ticket.public_code])),
        client.get(reverse("mpp:board", args=[venue.pk])),
        client.get(reverse("mpp:board_data", args=[venue.pk])),
    ):
        assert "3456" not in page.content.decode()


def test_booking_hands_its_phone_to_the_ticket(org):
    """A booking's number goes to its ticket at check-in and leaves the booking."""
    venue = make_venue(pemda=org.pemda)
    service = make_service(
        venue=venue, unit=org.unit, prefix="A", slot_minutes=30, slot_capacity=1
    )
    day = timezone.localdate() + timedelta(days=1)
    made, _ = services.booking_make(
        service=service,
        day=day,
        slot=clock(9),
        idempotency_key=uuid.uuid4(),
        phone="+6281234567890",
    )
    ticket = services.booking_check_in(
        venue=venue,
        code=made.code,
        now=timezone.make_aware(datetime.combine(day, clock(8, 45))),
    )
    made.refresh_from_db()
    assert (ticket.phone, made.phone) == ("+6281234567890", "")


def test_past_days_numbers_are_forgotten(hall):
    """The daily command clears numbers of tickets and bookings before today."""
    _venue, service, _counter = hall
    yesterday = timezone.now() - timedelta(days=1)
    old, _ = services.ticket_issue(service=service, phone="+628111", now=yesterday)
    new, _ = services.ticket_issue(service=service, phone="+628222")
    Booking.objects.create(
        pemda_id=service.pemda_id,
        venue_id=service.venue_id,
        service=service,
        day=yesterday.date(),
        slot=clock(9),
        code="ABCDEF",
        idempotency_key=uuid.uuid4(),
        created_at=yesterday,
        phone="+628333",
    )
    call_command("queues_forget_phones", stdout=StringIO())
    old.refresh_from_db()
    new.refresh_from_db()
    assert (old.phone, new.phone) == ("", "+628222")
    assert not Booking.objects.exclude(phone="").exists()


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the in-memory SQLite test database cannot be shared between threads",
)
@pytest.mark.django_db(transaction=True)
def test_parallel_calls_tell_each_visitor_once_without_deadlock(org, recorder):
    """Four counters calling and skipping at once, each call telling the new front
    of the line: no call fails, and no visitor hears twice that their turn is near."""
    venue = make_venue(pemda=org.pemda)
    service = make_service(venue=venue, unit=org.unit, prefix="A")
    counters = [make_counter(service=service, name=f"Loket {n}") for n in range(4)]
    for n in range(24):
        services.ticket_issue(service=service, phone=f"+62812000000{n:02d}")
    start = threading.Barrier(len(counters))
    errors = []

    def work(counter):
        try:
            start.wait()
            for _ in range(5):
                ticket = services.counter_call_next(counter)
                services.ticket_act(ticket, "skip", counter=counter)
        except Exception as error:  # noqa: BLE001 - reported by the assertion
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work, args=(c,)) for c in counters]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    near = [m.ticket for m in recorder.sent if m.kind == "near"]
    assert near and len(near) == len(set(near))
