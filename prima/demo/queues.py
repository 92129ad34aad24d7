"""Demo step: the queue of Kota Prima Raya's Mal Pelayanan Publik, today.

One hall hosts the Gerai of Disdukcapil, DPMPTSP and Bapenda (Prima units) and two
outside agencies recorded by name (BPJS Kesehatan, Samsat). Each service has its
ticket prefix, five counters work them, and the hall is open every day from 07.30
so the kiosk, the ticket page and the display board have data whenever the demo is
opened. Since 08.00 today twenty visitors took a number: most were served, one did
not come when called, one is at a counter now, one is being called, the rest wait
(one of them a lansia served first). One served visitor answered the survey of their
ticket. Everything goes through the queue's services.
"""

from __future__ import annotations

import uuid
from datetime import datetime, time, timedelta

from django.utils import timezone

from prima.demo import city
from prima.demo.context import DemoContext
from prima.organisations.models import Pemda
from prima.queues import services
from prima.queues.models import Counter, CounterStatus, Ticket, Venue
from prima.surveys.encounters import encounter_response_submit
from prima.surveys.models import Encounter

# (agency: unit code or outside name, [(service key or None, name, prefix, quota)])
AGENCIES = (
    (
        "DKC-MPP",
        (
            ("KTPR", "Perekaman dan Pencetakan KTP-el", "A", 120),
            ("KIA", "Kartu Identitas Anak", "B", None),
        ),
    ),
    ("PTSP-MPP", (("NIB", "Nomor Induk Berusaha", "C", None),)),
    ("BPD-MPP", (("SPPT", "Salinan SPPT PBB", "D", None),)),
    ("BPJS Kesehatan", ((None, "Pendaftaran dan Perubahan Data Peserta", "E", 80),)),
    (
        "Samsat Kota Prima Raya",
        ((None, "Pembayaran Pajak Kendaraan Tahunan", "F", None),),
    ),
)
# (counter name, prefixes it serves)
COUNTERS = (
    ("Loket 1", "AB"),
    ("Loket 2", "AB"),
    ("Loket 3", "C"),
    ("Loket 4", "D"),
    ("Loket 5", "E"),
)
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
# Perekaman KTP-el and NIB take online bookings: half-hour slots, three places each.
BOOKABLE = {"slot_minutes": 30, "slot_capacity": 3}


def _at(ctx: DemoContext, minutes: int) -> datetime:
    start = timezone.make_aware(datetime.combine(ctx.today, time(8, 0)))
    return start + timedelta(minutes=minutes)


def create_queue(ctx: DemoContext) -> None:
    """Create the hall, its agencies, services, counters and today's tickets."""
    venue = services.venue_save(
        Venue(
            pemda=ctx.pemda,
            name="Mal Pelayanan Publik Kota Prima Raya",
            address=city.MPP_ADDRESS,
        )
    )
    for weekday in range(7):
        services.hours_set(venue=venue, weekday=weekday, opens=OPENS, closes=CLOSES)
    services.closure_add(
        venue=venue, day=ctx.today + timedelta(days=18), reason="Cuti bersama"
    )
    by_prefix = {}
    for agency_name, offered in AGENCIES:
        unit = ctx.units.get(agency_name)
        agency = services.agency_add(
            venue=venue, unit=unit, name="" if unit else agency_name
        )
        for key, name, prefix, quota in offered:
            by_prefix[prefix] = services.service_add(
                agency=agency,
                layanan=ctx.layanan[f"{agency_name}-{key}"] if key else None,
                name=name,
                prefix=prefix,
                daily_quota=quota,
                cutoff=time(15, 0),
                **(BOOKABLE if prefix in "AC" else {}),
            )
    counters = {}
    for name, prefixes in COUNTERS:
        served = [by_prefix[p] for p in prefixes]
        counter = services.counter_add(
            agency=served[0].agency, name=name, services=served
        )
        services.counter_set_status(counter, CounterStatus.OPEN)
        counters[name] = counter
    services.kiosk_issue(venue=venue, name="Anjungan lobi utama")
    for minutes, prefix, priority in VISITORS:
        services.ticket_issue(
            service=by_prefix[prefix],
            priority=priority,
            idempotency_key=uuid.uuid5(uuid.NAMESPACE_URL, f"demo-mpp-{minutes}"),
            now=_at(ctx, minutes),
        )
    _bookings(ctx, by_prefix)
    _serve(ctx, counters)
    ctx.count("queue tickets", len(VISITORS) + 1)


def _bookings(ctx: DemoContext, by_prefix: dict) -> None:
    """Bookings made two days ago: one checked in this morning (its ticket joins
    the queue then), one missed yesterday (lapsed), and two for tomorrow."""
    two_days_ago = _at(ctx, -48 * 60)

    def book(prefix: str, day, slot: time, name: str):
        made, _ = services.booking_make(
            service=by_prefix[prefix],
            day=day,
            slot=slot,
            idempotency_key=uuid.uuid5(uuid.NAMESPACE_URL, f"demo-mpp-booking-{name}"),
            now=two_days_ago,
        )
        return made

    came = book("A", ctx.today, time(8, 30), "came")
    services.booking_check_in(venue=came.venue, code=came.code, now=_at(ctx, 13))
    book("C", ctx.today - timedelta(days=1), time(10, 0), "missed")
    tomorrow = ctx.today + timedelta(days=1)
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
