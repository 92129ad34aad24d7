"""Reads of the MPP queue: a ticket's place and expected wait, the display board,
and the measured times summed from the daily rollups."""

from __future__ import annotations

from collections import Counter as Tally
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, time
from fractions import Fraction

from django.db.models import Q, Sum
from django.utils import timezone

from prima.queues import rollups, waiting
from prima.queues.models import (
    Agency,
    Booking,
    Counter,
    CounterStatus,
    DailyCounterCount,
    DailyServiceCount,
    Service,
    Ticket,
    TicketEvent,
    TicketState,
    Venue,
)
from prima.queues.services import service_slots
from prima.standards.models import StandarPelayanan
from prima.surveys.encounters import EncounterIkm, ikm_by
from prima.surveys.models import Encounter
from prima.surveys.sampling import SampleProgress, sample_progress

# Until a service has served someone today, its service time is taken as this.
DEFAULT_SERVICE_SECONDS = 5 * 60
RECENT_CALLS = 6


def ahead_of(ticket: Ticket) -> int:
    """Return how many waiting tickets of the same service come before ``ticket``."""
    if ticket.state != TicketState.WAITING:
        return 0
    same = Ticket.objects.filter(
        service_id=ticket.service_id, day=ticket.day, state=TicketState.WAITING
    ).exclude(pk=ticket.pk)
    earlier = Q(arrived_at__lt=ticket.arrived_at) | Q(
        arrived_at=ticket.arrived_at, number__lt=ticket.number
    )
    if ticket.priority:
        return same.exclude(priority="").filter(earlier).count()
    return same.filter(Q(~Q(priority="")) | earlier).count()


def service_seconds(service_id: int, day: date) -> int:
    """Return the median service time of the service today, in seconds."""
    row = DailyServiceCount.objects.filter(service_id=service_id, day=day).first()
    if row is None or not row.service_minutes:
        return DEFAULT_SERVICE_SECONDS
    values = waiting.histogram_values(
        {int(k): v for k, v in row.service_minutes.items()}
    )
    middle = waiting.median(values)
    return max(60, int((middle or 0) * 60))


def expected_wait_minutes(ticket: Ticket) -> tuple[int, int | None]:
    """Return (tickets ahead, estimated minutes or None when no counter is open)."""
    ahead = ahead_of(ticket)
    open_counters = Counter.objects.filter(
        services=ticket.service_id, status=CounterStatus.OPEN, active=True
    ).count()
    seconds = waiting.estimated_wait(
        ahead=ahead,
        counters=open_counters,
        service_seconds=service_seconds(ticket.service_id, ticket.day),
    )
    return ahead, None if seconds is None else (seconds + 59) // 60


@dataclass(frozen=True)
class BoardCall:
    code: str
    counter: str
    state: str


@dataclass(frozen=True)
class BoardCounter:
    counter: str
    code: str


@dataclass(frozen=True)
class BoardWaiting:
    prefix: str
    name: str
    waiting: int


def board(venue: Venue, *, today: date | None = None) -> dict:
    """Return what the display board shows: no personal data, only numbers."""
    today = today or timezone.localdate()
    called = (
        Ticket.objects.filter(
            venue=venue, day=today, last_called_at__isnull=False, counter__isnull=False
        )
        .select_related("counter")
        .order_by("-last_called_at")[:RECENT_CALLS]
    )
    calls = [BoardCall(t.code, t.counter.name, t.state) for t in called]
    counts = Tally(
        Ticket.objects.filter(
            venue=venue, day=today, state=TicketState.WAITING
        ).values_list("service_id", flat=True)
    )
    services = Service.objects.filter(venue=venue, active=True).order_by("prefix")
    codes = {
        t.counter_id: t.code
        for t in Ticket.objects.filter(
            venue=venue,
            day=today,
            state__in=[TicketState.CALLED, TicketState.SERVING],
            counter__isnull=False,
        )
    }
    counters = Counter.objects.filter(
        venue=venue, active=True, status=CounterStatus.OPEN
    ).order_by("name")
    return {
        "counters": [BoardCounter(c.name, codes.get(c.pk, "")) for c in counters],
        "current": calls[:1],
        "recent": calls[1:],
        "waiting": [
            BoardWaiting(s.prefix, s.name, counts.get(s.pk, 0)) for s in services
        ],
        "stamp": called[0].last_called_at.isoformat() if calls else "",
    }


def summary(
    venue: Venue, start: date, end: date, service: Service | None = None
) -> waiting.Summary:
    """Return the measured times of the venue (or one service) from the rollups."""
    rows = DailyServiceCount.objects.filter(venue=venue, day__gte=start, day__lte=end)
    if service is not None:
        rows = rows.filter(service=service)
    totals = rows.aggregate(
        issued=Sum("issued"),
        called=Sum("called"),
        served=Sum("served"),
        no_show=Sum("no_show"),
    )
    waits: Tally[int] = Tally()
    services: Tally[int] = Tally()
    for wait_minutes, service_minutes in rows.values_list(
        "wait_minutes", "service_minutes"
    ):
        waits.update({int(k): v for k, v in wait_minutes.items()})
        services.update({int(k): v for k, v in service_minutes.items()})
    return waiting.summarise_histograms(
        issued=totals["issued"] or 0,
        served=totals["served"] or 0,
        no_show=totals["no_show"] or 0,
        called=totals["called"] or 0,
        waits=waits,
        service_times=services,
    )


COUNT_FIELDS = ("called", "served", "no_show", "wait_minutes", "service_minutes")


@dataclass
class _Sum:
    """Rollup rows added up: counts and minute histograms."""

    issued: int = 0
    called: int = 0
    served: int = 0
    no_show: int = 0
    waits: Tally = field(default_factory=Tally)
    service_times: Tally = field(default_factory=Tally)

    def add(self, row: dict) -> None:
        self.issued += row.get("issued", 0)
        self.called += row["called"]
        self.served += row["served"]
        self.no_show += row["no_show"]
        self.waits.update({int(k): v for k, v in row["wait_minutes"].items()})
        self.service_times.update(
            {int(k): v for k, v in row["service_minutes"].items()}
        )

    def summary(self) -> waiting.Summary:
        return waiting.summarise_histograms(
            issued=self.issued,
            called=self.called,
            served=self.served,
            no_show=self.no_show,
            waits=self.waits,
            service_times=self.service_times,
        )


def _sums(rows: Iterable[dict], key: Callable[[dict], object]) -> dict:
    sums: dict = {}
    for row in rows:
        sums.setdefault(key(row), _Sum()).add(row)
    return sums


@dataclass(frozen=True)
class StandardTime:
    """A service's published Standar Pelayanan time: its words, and its minutes
    when it is same-day (else None: not compared)."""

    text: str
    minutes: int | None


@dataclass(frozen=True)
class StatsRow:
    """The measured times of one service, agency or counter over a period."""

    label: str
    summary: waiting.Summary
    standard: StandardTime | None = None
    # Share of service times under the standard's time, where it is same-day.
    within: Fraction | None = None


@dataclass(frozen=True)
class VenueStats:
    """A hall's measured times over a period, all from the daily rollups."""

    start: date
    end: date
    total: waiting.Summary
    services: list[tuple[Service, StatsRow]]
    agencies: list[StatsRow]
    counters: list[StatsRow]
    # Tickets issued per (weekday, hour), Monday being 0; local time.
    hours: dict[tuple[int, int], int]


def standard_times(services: Iterable[Service]) -> dict[int, StandardTime]:
    """Return the published Standar Pelayanan time of each service linked to a
    Prima layanan that has one, by service id."""
    by_layanan: dict[int, list[int]] = {}
    for service in services:
        if service.layanan_id:
            by_layanan.setdefault(service.layanan_id, []).append(service.pk)
    times: dict[int, StandardTime] = {}
    published = StandarPelayanan.objects.published().filter(
        layanan_id__in=by_layanan, jangka_waktu_value__isnull=False
    )
    for standard in published.exclude(jangka_waktu_unit=""):
        found = StandardTime(
            standard.service_time_display(),
            waiting.same_day_minutes(
                standard.jangka_waktu_value, standard.jangka_waktu_unit
            ),
        )
        for service_id in by_layanan[standard.layanan_id]:
            times[service_id] = found
    return times


def venue_stats(venue: Venue, start: date, end: date) -> VenueStats:
    """Return the hall's measured times per service, agency and counter, and the
    tickets per weekday and hour, summed from the daily rollups of the period."""
    period = {"venue": venue, "day__gte": start, "day__lte": end}
    service_rows = list(
        DailyServiceCount.objects.filter(**period).values(
            "service_id", "day", "issued", "issued_by_hour", *COUNT_FIELDS
        )
    )
    services = list(Service.objects.filter(venue=venue).select_related("agency__unit"))
    agency_of = {s.pk: s.agency_id for s in services}
    by_service = _sums(service_rows, lambda row: row["service_id"])
    by_agency = _sums(service_rows, lambda row: agency_of.get(row["service_id"]))
    by_counter = _sums(
        DailyCounterCount.objects.filter(**period).values("counter_id", *COUNT_FIELDS),
        lambda row: row["counter_id"],
    )
    standards = standard_times(services)
    service_stats = []
    for service in services:
        measured = by_service.get(service.pk, _Sum())
        standard = standards.get(service.pk)
        within = None
        if standard is not None and standard.minutes is not None:
            within = waiting.share_below(measured.service_times, standard.minutes)
        service_stats.append(
            (
                service,
                StatsRow(
                    f"{service.prefix} · {service.name}",
                    measured.summary(),
                    standard,
                    within,
                ),
            )
        )
    hours: Tally[tuple[int, int]] = Tally()
    for row in service_rows:
        weekday = row["day"].weekday()
        hours.update({(weekday, int(h)): n for h, n in row["issued_by_hour"].items()})
    total = _Sum()
    for row in service_rows:
        total.add(row)
    return VenueStats(
        start=start,
        end=end,
        total=total.summary(),
        services=service_stats,
        agencies=[
            StatsRow(agency.display_name, by_agency.get(agency.pk, _Sum()).summary())
            for agency in Agency.objects.filter(venue=venue).select_related("unit")
        ],
        counters=[
            StatsRow(counter.name, by_counter.get(counter.pk, _Sum()).summary())
            for counter in Counter.objects.filter(venue=venue).order_by("name")
        ],
        hours=dict(hours),
    )


def recount(
    venue: Venue, start: date, end: date
) -> tuple[
    dict[tuple[int, date], rollups.Counts], dict[tuple[int, date], rollups.Counts]
]:
    """Return the daily counts per service and per counter of the hall's tickets of
    the period, recomputed from their event log (``rollups.replay``); they equal the
    rollups the services keep."""
    events = (
        TicketEvent.objects.filter(
            ticket__venue=venue, ticket__day__gte=start, ticket__day__lte=end
        )
        .select_related("ticket")
        .order_by("ticket_id", "at", "pk")
    )
    return rollups.replay(
        rollups.Event(
            ticket=event.ticket_id,
            day=event.ticket.day,
            action=event.action,
            at=event.at,
            hour=timezone.localtime(event.at).hour,
            service=event.service_id or event.ticket.service_id,
            counter=event.counter_id,
            arrived_at=event.ticket.arrived_at,
        )
        for event in events.iterator(chunk_size=2000)
    )


@dataclass(frozen=True)
class FreeSlot:
    start: time
    free: int


def free_slots(service: Service, day: date) -> list[FreeSlot]:
    """Return the service's slots on ``day`` still ahead, with their free places."""
    taken = Tally(
        Booking.objects.filter(service=service, day=day).values_list("slot", flat=True)
    )
    now = timezone.localtime()
    return [
        FreeSlot(start, max(0, service.slot_capacity - taken.get(start, 0)))
        for start in service_slots(service, day)
        if day > now.date() or start > now.time()
    ]


def survey_sample(
    venue: Venue, start: date, end: date, service: Service | None = None
) -> SampleProgress:
    """Return the SKM sample of the served tickets: their count is the population
    N of the Krejcie–Morgan size, and the responses are those given through the
    tickets' one-time survey links."""
    tickets = Ticket.objects.filter(
        venue=venue, day__gte=start, day__lte=end, state=TicketState.DONE
    )
    if service is not None:
        tickets = tickets.filter(service=service)
    served = tickets.count()
    answered = tickets.filter(encounter__response__isnull=False).count()
    return sample_progress(answered, served)


def ikm_per(venue: Venue, start: date, end: date, field: str) -> list[EncounterIkm]:
    """Return the IKM of the hall's served tickets per counter or per officer."""
    tickets = Ticket.objects.filter(venue=venue, day__gte=start, day__lte=end)
    encounters = Encounter.objects.filter(
        pk__in=tickets.exclude(encounter=None).values("encounter_id")
    )
    return ikm_by(encounters, field)


@dataclass(frozen=True)
class HourCount:
    hour: int
    issued: int


def busiest_hours(venue: Venue, start: date, end: date) -> list[HourCount]:
    """Return the tickets issued per hour of the day over the period, by hour."""
    hours: Tally[int] = Tally()
    rows = DailyServiceCount.objects.filter(venue=venue, day__gte=start, day__lte=end)
    for by_hour in rows.values_list("issued_by_hour", flat=True):
        hours.update({int(k): v for k, v in by_hour.items()})
    return [HourCount(hour, hours[hour]) for hour in sorted(hours)]
