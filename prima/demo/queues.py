"""Demo step: Kota Prima Raya's Mal Pelayanan Publik, three weeks of it and today.

Twelve agencies share one hall: the Gerai of Disdukcapil, DPMPTSP, Bapenda,
Disnaker and Dishub (Prima units) and seven outside agencies recorded by name (BPJS
Kesehatan and Ketenagakerjaan, the Kantor Pertanahan, Samsat, Imigrasi, the police's
SKCK counter and a bank), with nineteen services and forty counters. The hall opens
Monday to Saturday (Saturday mornings only; on Sundays only when the demo is loaded
on one) and was closed for a holiday ten days ago.

History: the three weeks before today, simulated by ``prima.demo.queue_history``
(about ``settings.PRIMA_DEMO_QUEUE_PEAK``, default 3 000, tickets on a Monday, a
morning peak, no-shows and transfers, service times per service) and inserted with
``prima.demo.bulk``: tickets, their events, the number sequences and the daily
rollups, summed in memory as ``prima.queues.services`` adds them one action at a time
(the step's test replays a day through the services and compares). Each served
ticket of a Prima service has its served visit with a survey token, as finishing one
does; SKM responses the survey step already made for those services on those days
are bound to some of them, so the IKM per counter has answers without changing the
SKM's own rollups.

Today, through the queue's services: since 08.00 twenty visitors took a number: most
were served, one did not come when called, one is at a counter now, one is being
called, the rest wait (one of them a lansia served first). One served visitor
answered the survey of their ticket.
"""

from __future__ import annotations

import base64
import random
import uuid
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.conf import settings
from django.utils import timezone

from prima.demo import bulk, city, queue_history
from prima.demo.context import DemoContext
from prima.organisations.models import Pemda
from prima.queues import selectors, services
from prima.queues.models import (
    Counter,
    CounterStatus,
    DailyCounterCount,
    DailyServiceCount,
    Service,
    Ticket,
    TicketEvent,
    TicketSequence,
    Venue,
)
from prima.surveys import encounters
from prima.surveys.encounters import encounter_response_submit
from prima.surveys.models import Encounter, Response

# (agency: unit code or outside name, [(service key or None, name or None for the
# Prima service's name, prefix, quota, share of visitors, usual minutes)])
AGENCIES = (
    (
        "DKC-MPP",
        (
            ("KTPR", "Perekaman dan Pencetakan KTP-el", "A", 300, 9, 7),
            ("KIA", "Kartu Identitas Anak", "B", None, 4, 4),
            ("KKP", None, "G", None, 6, 6),
            ("AKL", None, "H", None, 4, 6),
        ),
    ),
    (
        "PTSP-MPP",
        (
            ("NIB", "Nomor Induk Berusaha", "C", None, 5, 8),
            ("SIPD", None, "J", None, 2, 10),
        ),
    ),
    (
        "BPD-MPP",
        (
            ("SPPT", "Salinan SPPT PBB", "D", None, 5, 3),
            ("BPHT", None, "K", None, 2, 8),
        ),
    ),
    ("NAKER-MPP", (("AK1", None, "L", None, 4, 5),)),
    ("DISHUB-MPP", (("MUTU", None, "M", None, 1.5, 10),)),
    (
        "BPJS Kesehatan",
        ((None, "Pendaftaran dan Perubahan Data Peserta", "E", 400, 11, 5),),
    ),
    ("BPJS Ketenagakerjaan", ((None, "Klaim Jaminan Hari Tua", "P", None, 7, 6),)),
    (
        "Kantor Pertanahan Kota Prima Raya",
        (
            (None, "Pengecekan dan Roya Sertipikat", "Q", None, 4, 8),
            (None, "Informasi Pertanahan", "R", None, 2, 5),
        ),
    ),
    (
        "Samsat Kota Prima Raya",
        (
            (None, "Pembayaran Pajak Kendaraan Tahunan", "F", None, 13, 3),
            (None, "Pengesahan STNK dan Balik Nama", "S", None, 4, 8),
        ),
    ),
    ("Kantor Imigrasi Kelas II", ((None, "Permohonan Paspor", "T", 120, 3, 9),)),
    ("Polresta Prima Raya", ((None, "Penerbitan SKCK", "U", None, 5, 5),)),
    (
        "Bank Prima Raya",
        ((None, "Pembayaran dan Pembukaan Rekening", "V", None, 4, 5),),
    ),
)
# (counter name, prefixes it serves): forty counters, the first five worked today.
COUNTERS = (
    ("Loket 1", "AB"),
    ("Loket 2", "AB"),
    ("Loket 3", "C"),
    ("Loket 4", "D"),
    ("Loket 5", "E"),
    ("Loket 6", "A"),
    ("Loket 7", "A"),
    ("Loket 8", "A"),
    ("Loket 9", "B"),
    ("Loket 10", "G"),
    ("Loket 11", "GH"),
    ("Loket 12", "H"),
    ("Loket 13", "C"),
    ("Loket 14", "CJ"),
    ("Loket 15", "J"),
    ("Loket 16", "DK"),
    ("Loket 17", "K"),
    ("Loket 18", "L"),
    ("Loket 19", "L"),
    ("Loket 20", "M"),
    ("Loket 21", "E"),
    ("Loket 22", "E"),
    ("Loket 23", "E"),
    ("Loket 24", "P"),
    ("Loket 25", "P"),
    ("Loket 26", "P"),
    ("Loket 27", "QR"),
    ("Loket 28", "Q"),
    ("Loket 29", "R"),
    ("Loket 30", "F"),
    ("Loket 31", "F"),
    ("Loket 32", "F"),
    ("Loket 33", "FS"),
    ("Loket 34", "S"),
    ("Loket 35", "T"),
    ("Loket 36", "T"),
    ("Loket 37", "U"),
    ("Loket 38", "U"),
    ("Loket 39", "V"),
    ("Loket 40", "V"),
)
LIVE_COUNTERS = ("Loket 1", "Loket 2", "Loket 3", "Loket 4", "Loket 5")
# Minutes after 08.00 each visitor took a number, prefix, and priority.
VISITORS = (
    (2, "A", ""),
    (4, "A", ""),
    (5, "E", ""),
    (7, "C", ""),
    (9, "A", "lansia"),
    (11, "B", ""),
    (14, "D", ""),
    (16, "A", ""),
    (18, "E", ""),
    (21, "C", ""),
    (24, "A", ""),
    (27, "A", ""),
    (29, "B", ""),
    (31, "E", ""),
    (33, "A", ""),
    (35, "D", ""),
    (38, "A", "ibu_anak"),
    (40, "A", ""),
    (42, "F", ""),
    (44, "C", ""),
)
OPENS, CLOSES = time(7, 30), time(16, 0)
SATURDAY_CLOSES = time(12, 0)
CUTOFF = time(15, 0)
# Perekaman KTP-el and NIB take online bookings: half-hour slots, three places each.
BOOKABLE = {"slot_minutes": 30, "slot_capacity": 3}
HISTORY_DAYS = 21
# Tickets on a Monday, the busiest day; other days are a share of it
# (``queue_history.WEEK``).
DEFAULT_PEAK = 3000
HALL = "Mal Pelayanan Publik Kota Prima Raya"
OFFICERS = {"Loket 1": "loket.mpp-dukcapil", "Loket 2": "operator.mpp-dukcapil"}


def _at(ctx: DemoContext, minutes: int) -> datetime:
    start = timezone.make_aware(datetime.combine(ctx.today, time(8, 0)))
    return start + timedelta(minutes=minutes)


@dataclass
class Hall:
    """A configured hall: its services by prefix and counters by name."""

    venue: Venue
    services: dict[str, Service]
    counters: dict[str, Counter]


def past_closure(ctx: DemoContext):
    """The weekday about ten days ago the hall was closed (a national holiday)."""
    day = ctx.days_ago(10)
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


def build_hall(ctx: DemoContext, name: str = HALL) -> Hall:
    """Create a hall with the demo's hours, closures, agencies, services and
    counters (all open), through the queue's services."""
    venue = services.venue_save(
        Venue(pemda=ctx.pemda, name=name, address=city.MPP_ADDRESS)
    )
    # Closed on Sundays, except when the demo is loaded on one: its live queue
    # needs today open.
    for weekday in range(7 if ctx.today.weekday() == 6 else 6):
        closes = SATURDAY_CLOSES if weekday == 5 else CLOSES
        services.hours_set(venue=venue, weekday=weekday, opens=OPENS, closes=closes)
    services.closure_add(venue=venue, day=past_closure(ctx), reason="Libur nasional")
    services.closure_add(
        venue=venue, day=ctx.today + timedelta(days=18), reason="Cuti bersama"
    )
    by_prefix = {}
    for agency_name, offered in AGENCIES:
        unit = ctx.units.get(agency_name)
        agency = services.agency_add(
            venue=venue, unit=unit, name="" if unit else agency_name
        )
        for key, label, prefix, quota, _share, _minutes in offered:
            layanan = ctx.layanan[f"{agency_name}-{key}"] if key else None
            by_prefix[prefix] = services.service_add(
                agency=agency,
                layanan=layanan,
                name=label or layanan.name[:200],
                prefix=prefix,
                daily_quota=quota,
                cutoff=CUTOFF,
                **(BOOKABLE if prefix in "AC" else {}),
            )
    counters = {}
    for counter_name, prefixes in COUNTERS:
        served = [by_prefix[p] for p in prefixes]
        counter = services.counter_add(
            agency=served[0].agency, name=counter_name, services=served
        )
        services.counter_set_status(counter, CounterStatus.OPEN)
        counters[counter_name] = counter
    return Hall(venue, by_prefix, counters)


def create_queue(ctx: DemoContext) -> None:
    """Create the hall, its weeks of history and today's tickets."""
    hall = build_hall(ctx)
    create_history(ctx, hall)
    services.kiosk_issue(venue=hall.venue, name="Anjungan lobi utama")
    for minutes, prefix, priority in VISITORS:
        services.ticket_issue(
            service=hall.services[prefix],
            priority=priority,
            idempotency_key=uuid.uuid5(uuid.NAMESPACE_URL, f"demo-mpp-{minutes}"),
            now=_at(ctx, minutes),
        )
    _bookings(ctx, hall.services)
    _serve(ctx, hall.counters)
    ctx.count("queue tickets", len(VISITORS) + 1)


# History -----------------------------------------------------------------------


def service_plans() -> list[queue_history.ServicePlan]:
    return [
        queue_history.ServicePlan(prefix, agency, share, minutes, quota)
        for agency, offered in AGENCIES
        for _key, _label, prefix, quota, share, minutes in offered
    ]


def history_days(ctx: DemoContext) -> list:
    """The open days of the history, oldest first."""
    closed = past_closure(ctx)
    days = [ctx.days_ago(n) for n in range(HISTORY_DAYS, 0, -1)]
    return [d for d in days if d != closed and queue_history.WEEK[d.weekday()]]


def day_actions(ctx: DemoContext, day) -> list[queue_history.Action]:
    """Return the simulated actions of ``day``; the same on every load."""
    rng = ctx.rng(f"queues-history-{day.isoformat()}")
    peak = int(getattr(settings, "PRIMA_DEMO_QUEUE_PEAK", DEFAULT_PEAK))
    volume = peak * queue_history.WEEK[day.weekday()] * rng.uniform(0.93, 1.07)
    if day - timedelta(days=1) == past_closure(ctx):
        volume *= 1.15  # the day after a holiday catches up
    closes = SATURDAY_CLOSES if day.weekday() == 5 else CUTOFF
    return queue_history.simulate_day(
        rng,
        day,
        int(volume),
        closes,
        service_plans(),
        dict(COUNTERS),
        timezone.get_current_timezone(),
    )


@dataclass
class _Row:
    """A ticket being built from its actions, with its events."""

    ticket: dict
    events: list = field(default_factory=list)


def _minutes(start, end) -> str:
    return str(max(0, int((end - start).total_seconds() // 60)))


def _tally(histogram: dict, key: str) -> None:
    histogram[key] = histogram.get(key, 0) + 1


def history_rows(ctx: DemoContext, hall: Hall, day, actions, rng):
    """Return the day's ticket rows (with their events), the service-day rollups
    and sequences, following each action as ``prima.queues.services`` records it."""
    venue = hall.venue
    officer_ids = {
        name: ctx.users[username].pk
        for name, username in OFFICERS.items()
        if username in ctx.users
    }
    rows: dict[str, _Row] = {}
    counts: dict[int, dict] = {}

    def count(service_id, **deltas):
        row = counts.setdefault(
            service_id,
            {
                "venue_id": venue.pk,
                "service_id": service_id,
                "day": day,
                "issued": 0,
                "called": 0,
                "served": 0,
                "no_show": 0,
                "wait_minutes": {},
                "service_minutes": {},
                "issued_by_hour": {},
            },
        )
        for name, delta in deltas.items():
            row[name] += delta
        return row

    for action in actions:
        if action.kind == "issue":
            service = hall.services[action.ticket.split("-")[0]]
            ticket = {
                "pemda_id": venue.pemda_id,
                "venue_id": venue.pk,
                "service_id": service.pk,
                "day": day,
                "number": int(action.ticket.split("-")[1]),
                "prefix": service.prefix,
                "public_code": _token(rng, 12),
                "idempotency_key": None,
                "phone": "",
                "near_notified_at": None,
                "priority": action.priority,
                "state": "waiting",
                "issued_at": action.at,
                "arrived_at": action.at,
                "called_at": None,
                "last_called_at": None,
                "started_at": None,
                "finished_at": None,
                "skipped_at": None,
                "counter_id": None,
                "officer_id": None,
                "survey_token": "",
                "encounter_id": None,
            }
            rows[action.ticket] = _Row(ticket)
            row = count(service.pk, issued=1)
            # Arrivals are made in the current time zone: their hour is local.
            _tally(row["issued_by_hour"], str(action.at.hour))
            rows[action.ticket].events.append(("issue", action.at, None, None, ""))
            continue
        built = rows[action.ticket]
        ticket = built.ticket
        counter = hall.counters[action.counter]
        officer = officer_ids.get(action.counter)
        note = ""
        if action.kind in ("call", "recall"):
            if ticket["called_at"] is None:
                ticket["called_at"] = action.at
                row = count(ticket["service_id"], called=1)
                _tally(row["wait_minutes"], _minutes(ticket["arrived_at"], action.at))
            ticket["last_called_at"] = action.at
            ticket["counter_id"], ticket["officer_id"] = counter.pk, officer
            ticket["state"] = "called"
        elif action.kind == "skip":
            ticket["skipped_at"] = action.at
            ticket["state"] = "no_show"
            count(ticket["service_id"], no_show=1)
        elif action.kind == "start":
            ticket["started_at"] = action.at
            ticket["state"] = "serving"
        elif action.kind == "transfer":
            to = hall.services[action.to_prefix]
            note = str(to)
            ticket["service_id"] = to.pk
            ticket["called_at"] = ticket["last_called_at"] = None
            ticket["started_at"] = ticket["counter_id"] = None
            ticket["state"] = "waiting"
        elif action.kind == "finish":
            ticket["finished_at"] = action.at
            ticket["state"] = "done"
            row = count(ticket["service_id"], served=1)
            _tally(row["service_minutes"], _minutes(ticket["started_at"], action.at))
        built.events.append((action.kind, action.at, counter.pk, officer, note))
    sequences = {}
    for built in rows.values():
        prefix = built.ticket["prefix"]
        sequences[prefix] = max(sequences.get(prefix, 0), built.ticket["number"])
    sequence_rows = [
        {"service_id": hall.services[p].pk, "day": day, "last": last}
        for p, last in sequences.items()
    ]
    return list(rows.values()), list(counts.values()), sequence_rows


def _token(rng: random.Random, size: int) -> str:
    return base64.urlsafe_b64encode(rng.randbytes(size)).decode().rstrip("=")


def create_history(ctx: DemoContext, hall: Hall) -> None:
    """Insert the hall's past weeks: tickets, their events, sequences and daily
    rollups, the served visits of Prima services with a survey token, some bound
    to an SKM response already given for that service on that day."""
    rng = ctx.rng("queues-history-codes")
    tickets, counts, sequences = [], [], []
    for day in history_days(ctx):
        built, day_counts, day_sequences = history_rows(
            ctx, hall, day, day_actions(ctx, day), rng
        )
        tickets += built
        counts += day_counts
        sequences += day_sequences
    visits = _encounters(ctx, hall, tickets, rng)
    bulk.insert_values(Ticket, [t.ticket for t in tickets])
    pks = dict(Ticket.objects.filter(venue=hall.venue).values_list("public_code", "pk"))
    bulk.insert_values(
        TicketEvent,
        [
            {
                "ticket_id": pks[t.ticket["public_code"]],
                "action": action,
                "at": at,
                "counter_id": counter,
                "officer_id": officer,
                "note": note,
                "service_id": None,
            }
            for t in tickets
            for action, at, counter, officer, note in t.events
        ],
    )
    bulk.insert_values(TicketSequence, sequences)
    bulk.insert_values(DailyServiceCount, counts)
    _counter_counts(hall, history_days(ctx))
    ctx.count("queue tickets", len(tickets))
    ctx.count("served visits", visits)


def _counter_counts(hall: Hall, days) -> None:
    """The history's per-counter rollups, replayed from the inserted event log
    (``selectors.recount``: the rules the services count by)."""
    days = list(days)
    if not days:
        return
    _services, counters = selectors.recount(hall.venue, min(days), max(days))
    DailyCounterCount.objects.bulk_create(
        DailyCounterCount(
            counter_id=counter,
            venue_id=hall.venue.pk,
            day=day,
            called=c.called,
            served=c.served,
            no_show=c.no_show,
            wait_minutes={str(k): v for k, v in c.wait_minutes.items()},
            service_minutes={str(k): v for k, v in c.service_minutes.items()},
        )
        for (counter, day), c in counters.items()
    )


def _encounters(ctx: DemoContext, hall: Hall, tickets: list[_Row], rng) -> int:
    """Insert a served visit for each finished ticket of a Prima service (as
    finishing one does) and set the tickets' survey tokens and visits."""
    layanan = {s.pk: s.layanan for s in hall.services.values() if s.layanan_id}
    names = {c.pk: c.name for c in hall.counters.values()}
    served = [
        t
        for t in tickets
        if t.ticket["state"] == "done" and t.ticket["service_id"] in layanan
    ]
    answers = _responses_to_bind(layanan, served)
    rows = []
    for built in served:
        ticket = built.ticket
        service = layanan[ticket["service_id"]]
        token = _token(rng, encounters.TOKEN_BYTES)
        ticket["survey_token"] = token
        rows.append(
            {
                "pemda_id": service.pemda_id,
                "unit_id": service.unit_id,
                "layanan_id": service.pk,
                "token_hash": encounters.token_hash(token),
                "place": hall.venue.name[:200],
                "counter": names[ticket["counter_id"]][:100],
                "officer_id": ticket["officer_id"],
                "served_at": ticket["finished_at"],
                "response_id": answers.get(ticket["public_code"]),
            }
        )
    bulk.insert_values(Encounter, rows)
    by_hash = dict(
        Encounter.objects.filter(
            pemda=ctx.pemda, place=hall.venue.name, served_at__lt=_at(ctx, -120)
        ).values_list("token_hash", "pk")
    )
    for built in served:
        built.ticket["encounter_id"] = by_hash[
            encounters.token_hash(built.ticket["survey_token"])
        ]
    return len(rows)


def _responses_to_bind(layanan: dict, served: list[_Row]) -> dict[str, int]:
    """Match SKM responses already given (by the survey step) for a hall service
    on a history day to served tickets of that service and day, each answered after
    the visit when one such is left; return public code -> response."""
    if not served:
        return {}
    first = min(t.ticket["day"] for t in served)
    last = max(t.ticket["day"] for t in served)
    given = Response.objects.filter(
        layanan__in=[service.pk for service in layanan.values()],
        service_date__range=(first, last),
    ).order_by("submitted_at", "pk")
    open_visits: dict[tuple, list[_Row]] = {}
    for built in served:
        key = (built.ticket["service_id"], built.ticket["day"])
        open_visits.setdefault(key, []).append(built)
    service_of = {service.pk: pk for pk, service in layanan.items()}
    bound = {}
    for pk, layanan_id, day, submitted in given.values_list(
        "pk", "layanan_id", "service_date", "submitted_at"
    ):
        visits = open_visits.get((service_of.get(layanan_id), day))
        if not visits:
            continue
        before = [v for v in visits if v.ticket["finished_at"] <= submitted]
        chosen = before[-1] if before else visits[0]
        visits.remove(chosen)
        bound[chosen.ticket["public_code"]] = pk
    return bound


def _bookings(ctx: DemoContext, by_prefix: dict) -> None:
    """Bookings made four days ago: one checked in this morning (its ticket joins
    the queue then), one missed on the last open day (lapsed), and two for the
    next open day."""
    made_at = _at(ctx, -4 * 24 * 60)

    def book(prefix: str, day, slot: time, name: str):
        made, _ = services.booking_make(
            service=by_prefix[prefix],
            day=day,
            slot=slot,
            idempotency_key=uuid.uuid5(uuid.NAMESPACE_URL, f"demo-mpp-booking-{name}"),
            now=made_at,
        )
        return made

    came = book("A", ctx.today, time(8, 30), "came")
    services.booking_check_in(venue=came.venue, code=came.code, now=_at(ctx, 13))
    book("C", history_days(ctx)[-1], time(10, 0), "missed")
    tomorrow = ctx.today + timedelta(days=1)
    if tomorrow.weekday() == 6:
        tomorrow += timedelta(days=1)
    book("A", tomorrow, time(9, 0), "tomorrow-a")
    book("C", tomorrow, time(10, 0), "tomorrow-c")


def _serve(ctx: DemoContext, counters: dict[str, Counter]) -> None:
    """Work the counters through the morning: each call, start and finish."""
    officers = {
        "Loket 1": ctx.users["loket.mpp-dukcapil"],
        "Loket 2": ctx.users["operator.mpp-dukcapil"],
    }
    rng = ctx.rng("queues")
    clock = dict.fromkeys(counters, 20)
    rounds = {"Loket 1": 4, "Loket 2": 3, "Loket 3": 2, "Loket 4": 1, "Loket 5": 2}
    surveyed = None  # the last served ticket of a Prima service
    for name, times in rounds.items():
        counter, officer = counters[name], officers.get(name)
        for _ in range(times):
            now = _at(ctx, clock[name])
            ticket = services.counter_call_next(counter, officer=officer, now=now)
            if name == "Loket 5" and ticket.number == 2:
                services.ticket_act(
                    ticket, "skip", counter=counter, now=now + timedelta(minutes=2)
                )
                clock[name] += 3
                continue
            length = rng.randint(4, 12)
            services.ticket_act(
                ticket,
                "start",
                counter=counter,
                officer=officer,
                now=now + timedelta(minutes=1),
            )
            served = services.ticket_act(
                ticket,
                "finish",
                counter=counter,
                officer=officer,
                now=now + timedelta(minutes=1 + length),
            )
            clock[name] += 2 + length
            if served.encounter_id:
                surveyed = served
    # Now: a visitor at Loket 1, and Loket 3 calling its next number.
    ticket = services.counter_call_next(
        counters["Loket 1"], officer=officers["Loket 1"], now=_at(ctx, clock["Loket 1"])
    )
    services.ticket_act(
        ticket,
        "start",
        counter=counters["Loket 1"],
        officer=officers["Loket 1"],
        now=_at(ctx, clock["Loket 1"] + 1),
    )
    services.counter_call_next(counters["Loket 3"], now=_at(ctx, clock["Loket 3"]))
    if surveyed is not None:
        encounter_response_submit(
            surveyed.encounter,
            idempotency_key=uuid.uuid5(uuid.NAMESPACE_URL, "demo-mpp-survey"),
            scores={f"U{i}": 4 if i % 3 else 3 for i in range(1, 10)},
            suggestion="Antrean tertib dan petugas ramah.",
        )


def delete_queue(pemda: Pemda) -> None:
    """Delete the Pemda's halls (their tickets too) and the visits they served."""
    Ticket.objects.filter(pemda=pemda).delete()
    Venue.objects.filter(pemda=pemda).delete()
    Encounter.objects.filter(pemda=pemda).delete()
