"""The queue's pages: kiosk, ticket page, display board and the counter console."""

from __future__ import annotations

import uuid
from datetime import datetime, time, timedelta
from io import BytesIO

import pytest
from django.urls import reverse
from django.utils import timezone

from prima.queues import services
from prima.queues.models import Ticket, TicketState
from prima.queues.testing import make_counter, make_service, make_venue
from prima.surveys.models import Encounter, Response


@pytest.fixture
def hall(org):
    venue = make_venue(pemda=org.pemda)
    service = make_service(venue=venue, unit=org.unit, layanan=org.layanan, prefix="A")
    counter = make_counter(service=service)
    _kiosk, token = services.kiosk_issue(venue=venue, name="Kiosk lobi")
    return venue, service, counter, token


def test_kiosk_issues_a_number_and_shows_its_qr(client, hall):
    """Choosing a service on the kiosk issues A-001 and shows it with a QR code."""
    _venue, service, _counter, token = hall
    url = reverse("mpp:kiosk", args=[token])
    page = client.get(url)
    assert service.name in page.text
    key = str(uuid.uuid4())
    sent = client.post(url, {"service": service.pk, "key": key, "priority": "lansia"})
    ticket = Ticket.objects.get()
    assert sent.url == reverse("mpp:kiosk_ticket", args=[token, ticket.public_code])
    shown = client.get(sent.url)
    assert "A-001" in shown.text and "<svg" in shown.text
    assert ticket.priority == "lansia"
    client.post(url, {"service": service.pk, "key": key})  # a double tap
    assert Ticket.objects.count() == 1


def test_unknown_kiosk_token_is_not_found(client, hall):
    """A kiosk address without a valid token shows nothing."""
    assert client.get(reverse("mpp:kiosk", args=["nope"])).status_code == 404


def test_ticket_page_shows_place_wait_and_refreshes(client, hall):
    """The ticket page says how many are ahead and the wait, refreshing itself;
    a finished ticket stops refreshing."""
    _venue, service, _counter, _token = hall
    services.ticket_issue(service=service)
    second, _ = services.ticket_issue(service=service)
    page = client.get(second.get_absolute_url())
    # Without JavaScript a meta refresh; with it, a static script that swaps in
    # the changing part (axe flags a timed meta refresh that always runs).
    assert '<noscript><meta http-equiv="refresh" content="30"></noscript>' in page.text
    assert "js/queue-ticket.js" in page.text and 'data-poll="30"' in page.text
    assert "A-002" in page.text
    assert 'id="ticket-ahead"' in page.text and ">1 " in page.text.replace("\n", " ")
    first = Ticket.objects.get(number=1)
    first.state = TicketState.DONE
    first.save()
    assert "data-poll" not in client.get(first.get_absolute_url()).text


def test_board_shows_the_call_and_no_personal_data(client, hall):
    """The board shows the called number and its counter, as page and JSON."""
    venue, service, counter, _token = hall
    services.ticket_issue(service=service)
    services.counter_call_next(counter)
    page = client.get(reverse("mpp:board", args=[venue.pk]))
    assert "A-001" in page.text and counter.name in page.text
    assert "queue-board.js" in page.text
    data = client.get(reverse("mpp:board_data", args=[venue.pk])).json()
    assert data["current"] == [
        {"code": "A-001", "counter": "Loket 1", "state": "called"}
    ]
    assert data["waiting"] == [{"prefix": "A", "name": service.name, "waiting": 0}]
    assert data["counters"] == [{"counter": "Loket 1", "code": "A-001"}]


def test_console_runs_a_ticket_through_and_refuses_with_a_message(client, hall, users):
    """The officer calls, starts and finishes; finishing twice is refused politely."""
    _venue, service, counter, _token = hall
    services.ticket_issue(service=service)
    client.force_login(users["petugas_loket"])
    act = lambda action, **data: client.post(  # noqa: E731
        reverse("queues:counter_act", args=[counter.pk, action]), data, follow=True
    )
    assert "A-001" in act("next").text
    ticket = Ticket.objects.get()
    act("start", ticket=ticket.pk)
    act("finish", ticket=ticket.pk)
    again = act("finish", ticket=ticket.pk)
    ticket.refresh_from_db()
    assert ticket.state == TicketState.DONE
    assert ticket.officer == users["petugas_loket"]
    assert "msg-error" in again.text


def test_finished_ticket_answers_the_survey_once(client, hall, users):
    """The finished ticket's page links its survey; one response, then a clear
    message, never a second response."""
    _venue, service, counter, _token = hall
    services.ticket_issue(service=service)
    ticket = services.counter_call_next(counter, officer=users["petugas_loket"])
    services.ticket_act(ticket, "start", counter=counter)
    ticket = services.ticket_act(
        ticket, "finish", counter=counter, officer=users["petugas_loket"]
    )
    page = client.get(ticket.get_absolute_url())
    survey_url = reverse("surveys:survey-encounter", args=[ticket.survey_token])
    assert survey_url in page.text
    answers = {f"u{i}": "4" for i in range(1, 10)}
    form = client.get(survey_url)
    assert form.status_code == 200
    first = client.post(
        survey_url,
        {
            **answers,
            "key": str(uuid.uuid4()),
            "layanan": service.layanan_id,
            "service_date": ticket.day.isoformat(),
        },
    )
    assert first.status_code == 302, first.text
    second = client.post(
        survey_url,
        {
            **answers,
            "key": str(uuid.uuid4()),
            "layanan": service.layanan_id,
            "service_date": ticket.day.isoformat(),
        },
    )
    assert "sudah diisi" in second.text
    assert Response.objects.count() == 1
    encounter = Encounter.objects.get()
    assert encounter.response == Response.objects.get()
    assert (encounter.counter, encounter.place) == ("Loket 1", "Mal Pelayanan Publik")
    assert encounter.officer == users["petugas_loket"]
    unknown = client.get(reverse("surveys:survey-encounter", args=["unknown"]))
    assert unknown.status_code == 404 and "tidak dikenal" in unknown.text


def test_statistics_page_counts_served_tickets_as_the_survey_population(
    client, hall, users
):
    """The staff statistics show served tickets, their measured times, and the
    survey responses against the Krejcie–Morgan sample of the served population."""
    venue, service, counter, _token = hall
    for _ in range(2):
        services.ticket_issue(service=service)
        ticket = services.counter_call_next(counter)
        services.ticket_act(ticket, "start", counter=counter)
        services.ticket_act(ticket, "finish", counter=counter)
    client.force_login(users["admin_pemda"])
    page = client.get(reverse("queues:venue_stats", args=[venue.pk]))
    assert page.status_code == 200
    # Two served, none answered: 0 of the 2 the sample needs for N = 2.
    assert page.text.count("<td>0 / 2</td>") == 2  # the service and the hall


def test_statistics_show_the_ikm_per_counter_not_per_officer(client, hall, users):
    """A response through a ticket's survey link counts toward its counter's IKM on
    the hall's statistics page; an officer's own IKM is not shown there (it is for
    the unit's administrators and the officer: the unit's SKM page)."""
    from prima.surveys.encounters import encounter_response_submit

    venue, service, counter, _token = hall
    officer = users["petugas_loket"]
    services.ticket_issue(service=service)
    ticket = services.counter_call_next(counter, officer=officer)
    services.ticket_act(ticket, "start", counter=counter)
    ticket = services.ticket_act(ticket, "finish", counter=counter, officer=officer)
    encounter_response_submit(
        ticket.encounter,
        idempotency_key=uuid.uuid4(),
        scores={f"U{i}": 4 for i in range(1, 10)},
    )
    client.force_login(users["admin_pemda"])
    page = client.get(reverse("queues:venue_stats", args=[venue.pk]))
    assert "<td>Loket 1</td><td>1</td><td>100,00</td><td>A</td>" in page.text
    assert f"<td>{officer.username}</td>" not in page.text


def _serve(service, counter, *, issued, wait: int, serve: int):
    ticket, _ = services.ticket_issue(service=service, now=issued)
    called = issued + timedelta(minutes=wait)
    ticket = services.counter_call_next(counter, now=called)
    services.ticket_act(ticket, "start", counter=counter, now=called)
    services.ticket_act(
        ticket, "finish", counter=counter, now=called + timedelta(minutes=serve)
    )


def test_statistics_per_period_agency_counter_and_standard(client, hall, users, org):
    """The statistics page sums the chosen period's rollups per service, agency and
    counter, compares service times with the published standard's minutes, and
    draws the busiest hours as a weekday × hour heat map."""
    from prima.standards.testing import make_standard

    venue, service, counter, _token = hall
    make_standard(layanan=org.layanan, jangka_waktu_value=10, jangka_waktu_unit="menit")
    second = make_counter(service=service, name="Loket 9")
    today = timezone.localdate()
    morning = timezone.make_aware(datetime.combine(today, time(8)))
    _serve(service, counter, issued=morning, wait=4, serve=6)
    _serve(service, second, issued=morning, wait=8, serve=14)
    _serve(service, counter, issued=morning - timedelta(days=3), wait=2, serve=2)
    client.force_login(users["admin_pemda"])
    url = reverse("queues:venue_stats", args=[venue.pk])
    day = client.get(url).text
    week = client.get(url, {"periode": "7", "tanggal": today.isoformat()}).text
    # Today: two served, one in 6 minutes (within 10), one in 14.
    assert "<td>0 / 2</td><td>10 menit</td><td>50,0%</td></tr>" in day
    assert "<td>Loket 9</td><td>1</td><td>1</td><td>0,0%</td><td>8,0</td>" in day
    agency = service.agency.display_name
    assert f"<td>{agency}</td><td>2</td><td>2</td>" in day
    assert f"<td>{agency}</td><td>3</td><td>3</td>" in week
    assert '<figure class="chart" id="queue-hours"><svg' in week
    assert week.count('class="cell"') == 7  # one hour column, seven weekdays
    assert ">2</text>" in week  # today's two tickets at 08.00


def test_statistics_period_falls_back_on_junk(client, hall, users):
    """An unknown period or an impossible date shows today."""
    venue, *_rest = hall
    client.force_login(users["admin_pemda"])
    url = reverse("queues:venue_stats", args=[venue.pk])
    for query in ({"periode": "x"}, {"periode": "hari", "tanggal": "9999-12-31"}):
        page = client.get(url, query)
        assert page.status_code == 200
        assert page.context["start"] == timezone.localdate()


def test_statistics_workbook(client, hall, users):
    """The workbook holds the period's figures per service, agency and counter."""
    from openpyxl import load_workbook

    venue, service, counter, _token = hall
    _serve(
        service, counter, issued=timezone.now() - timedelta(minutes=30), wait=5, serve=3
    )
    client.force_login(users["admin_pemda"])
    response = client.get(
        reverse("queues:venue_stats_xlsx", args=[venue.pk]), {"periode": "30"}
    )
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(BytesIO(response.content))
    services_sheet, agencies, counters, hours, summary = book.worksheets
    assert services_sheet["A2"].value == f"A · {service.name}"
    assert services_sheet["E2"].value == 1  # served
    assert counters["A2"].value == "Loket 1" and counters["C2"].value == 1
    assert agencies["B2"].value == 1
    assert hours.max_row == 2
    assert summary["B2"].value == venue.name
