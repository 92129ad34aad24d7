"""A Mal Pelayanan Publik (venue), the agencies, services and counters in it, and the
queue tickets it issues (``shared/domain/mpp.md``).

Scoping: the venue and its configuration are reached at Pemda level only (the Pemda
administrator and the service-hall manager); a counter and its tickets are also
reached by the OPD and the unit of the agency behind them, so a counter officer works
the counters of their own unit. An outside agency (BPJS, Samsat, a bank) has no Prima
unit: its counters are worked at Pemda level.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from prima.core.roles import Area, Level
from prima.core.scoping import ScopedQuerySet
from prima.organisations.owned import PEMDA_SCOPE, PemdaOwned
from prima.queues.ticket_flow import Priority as FlowPriority
from prima.queues.ticket_flow import State, ticket_code

AGENCY_SCOPE = {
    Level.PEMDA: "pemda",
    Level.OPD: "agency__unit__opd",
    Level.UNIT: "agency__unit",
}
SERVICE_SCOPE = {
    Level.PEMDA: "pemda",
    Level.OPD: "service__agency__unit__opd",
    Level.UNIT: "service__agency__unit",
}


class VenueQuerySet(ScopedQuerySet):
    def active(self):
        return self.filter(active=True)


class Venue(PemdaOwned):
    """One Mal Pelayanan Publik of a Pemda."""

    name = models.CharField(_("name"), max_length=200)
    address = models.CharField(_("address"), max_length=300, blank=True)
    active = models.BooleanField(_("active"), default=True)
    recall_seconds = models.PositiveSmallIntegerField(
        _("seconds before a number may be called again"),
        default=30,
        validators=[MinValueValidator(5), MaxValueValidator(600)],
    )
    return_minutes = models.PositiveSmallIntegerField(
        _("minutes an absent visitor may return"),
        default=30,
        validators=[MinValueValidator(0), MaxValueValidator(480)],
    )
    notify_ahead = models.PositiveSmallIntegerField(
        _("places ahead at which a visitor is told their turn is near"),
        default=3,
        validators=[MaxValueValidator(20)],
        help_text=_("For visitors who left a phone number; 0 sends no such message."),
    )

    objects = VenueQuerySet.as_manager()
    scope_area = Area.QUEUE
    scope_lookups = PEMDA_SCOPE

    class Meta:
        verbose_name = _("service hall")
        verbose_name_plural = _("service halls")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("queues:venue_detail", args=[self.pk])


class VenuePart(models.Model):
    """A row of one venue's configuration, reached through the venue's Pemda."""

    venue = models.ForeignKey(
        Venue, verbose_name=_("service hall"), on_delete=models.CASCADE
    )

    class Meta:
        abstract = True


class AgencyQuerySet(ScopedQuerySet):
    pass


class Agency(PemdaOwned, VenuePart):
    """An agency with counters in a venue: a Prima unit, or an outside agency."""

    unit = models.ForeignKey(
        "organisations.Unit",
        verbose_name=_("service unit"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    name = models.CharField(
        _("name of an outside agency"),
        max_length=200,
        blank=True,
        help_text=_("For an agency that is not a Prima unit, e.g. BPJS Kesehatan."),
    )

    objects = AgencyQuerySet.as_manager()
    scope_area = Area.QUEUE
    scope_lookups = {Level.PEMDA: "pemda", Level.OPD: "unit__opd", Level.UNIT: "unit"}

    class Meta:
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        constraints = [
            models.UniqueConstraint(
                fields=["venue", "unit"], name="queues_agency_unit_once"
            )
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.unit.name if self.unit_id else self.name

    def clean(self) -> None:
        if not self.unit_id and not self.name.strip():
            raise ValidationError(
                {"name": _("Choose a unit or give the outside agency's name.")}
            )
        if self.unit_id and self.venue_id and self.unit.pemda_id != self.venue.pemda_id:
            raise ValidationError({"unit": _("The unit belongs to another Pemda.")})


class ServiceQuerySet(ScopedQuerySet):
    def active(self):
        return self.filter(active=True)


prefix_validator = RegexValidator(
    r"^[A-Z]{1,3}$", _("Use one to three capital letters.")
)


class Service(PemdaOwned, VenuePart):
    """A service an agency offers at the venue, with its ticket prefix."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.CASCADE
    )
    layanan = models.ForeignKey(
        "organisations.Layanan",
        verbose_name=_("Prima service"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    name = models.CharField(_("name"), max_length=200)
    prefix = models.CharField(
        _("ticket prefix"), max_length=3, validators=[prefix_validator]
    )
    daily_quota = models.PositiveIntegerField(
        _("tickets per day"), null=True, blank=True
    )
    cutoff = models.TimeField(
        _("last ticket before"),
        null=True,
        blank=True,
        help_text=_("Empty: tickets are issued until closing time."),
    )
    slot_minutes = models.PositiveSmallIntegerField(
        _("minutes per booking slot"),
        null=True,
        blank=True,
        validators=[MinValueValidator(5), MaxValueValidator(240)],
        help_text=_("Empty: the service takes no online bookings."),
    )
    slot_capacity = models.PositiveSmallIntegerField(
        _("bookings per slot"), default=0, validators=[MaxValueValidator(500)]
    )
    active = models.BooleanField(_("active"), default=True)

    objects = ServiceQuerySet.as_manager()
    scope_area = Area.QUEUE
    scope_lookups = AGENCY_SCOPE

    class Meta:
        verbose_name = _("hall service")
        verbose_name_plural = _("hall services")
        ordering = ["prefix"]
        constraints = [
            models.UniqueConstraint(
                fields=["venue", "prefix"], name="queues_prefix_per_venue"
            )
        ]

    def __str__(self) -> str:
        return f"{self.prefix} · {self.name}"

    def clean(self) -> None:
        if self.agency_id and self.venue_id and self.agency.venue_id != self.venue_id:
            raise ValidationError({"agency": _("The agency is in another hall.")})
        if (
            self.layanan_id
            and self.agency_id
            and self.layanan.unit_id != self.agency.unit_id
        ):
            raise ValidationError(
                {"layanan": _("The Prima service belongs to another unit.")}
            )


class CounterStatus(models.TextChoices):
    OPEN = "open", _("Open")
    BREAK = "break", _("On a break")
    CLOSED = "closed", _("Closed")


class CounterQuerySet(ScopedQuerySet):
    def active(self):
        return self.filter(active=True)


class Counter(PemdaOwned, VenuePart):
    """A loket of an agency, serving some of its services."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.CASCADE
    )
    name = models.CharField(_("name"), max_length=60)
    services = models.ManyToManyField(
        Service, verbose_name=_("services"), related_name="counters"
    )
    status = models.CharField(
        _("status"),
        max_length=8,
        choices=CounterStatus.choices,
        default=CounterStatus.CLOSED,
    )
    active = models.BooleanField(_("active"), default=True)

    objects = CounterQuerySet.as_manager()
    scope_area = Area.QUEUE
    scope_lookups = AGENCY_SCOPE

    class Meta:
        verbose_name = _("counter")
        verbose_name_plural = _("counters")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class OpeningHours(VenuePart):
    """The hours a venue is open on one day of the week."""

    weekday = models.PositiveSmallIntegerField(_("day"), choices=Weekday.choices)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    class Meta:
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        ordering = ["weekday"]
        constraints = [
            models.UniqueConstraint(
                fields=["venue", "weekday"], name="queues_hours_per_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"

    def clean(self) -> None:
        if self.opens and self.closes and self.opens >= self.closes:
            raise ValidationError({"closes": _("Closing must come after opening.")})


class Closure(VenuePart):
    """A day the venue is closed (a holiday or a special day)."""

    day = models.DateField(_("date"))
    reason = models.CharField(_("reason"), max_length=200)

    class Meta:
        verbose_name = _("closure")
        verbose_name_plural = _("closures")
        ordering = ["day"]
        constraints = [
            models.UniqueConstraint(fields=["venue", "day"], name="queues_closure_once")
        ]

    def __str__(self) -> str:
        return f"{self.day} · {self.reason}"


class KioskQuerySet(ScopedQuerySet):
    def active(self):
        return self.filter(active=True)


class Kiosk(PemdaOwned, VenuePart):
    """A ticket kiosk, bound to its venue by a token of which only a hash is kept."""

    name = models.CharField(_("device name"), max_length=100)
    token_hash = models.CharField(max_length=64, unique=True)
    active = models.BooleanField(_("active"), default=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    issued_at = models.DateTimeField(_("issued at"), auto_now_add=True)

    objects = KioskQuerySet.as_manager()
    scope_area = Area.QUEUE
    scope_lookups = PEMDA_SCOPE

    class Meta:
        verbose_name = _("ticket kiosk")
        verbose_name_plural = _("ticket kiosks")

    def __str__(self) -> str:
        return f"{self.venue} · {self.name}"


class TicketSequence(models.Model):
    """The last number issued for a service on a day; locked while issuing."""

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("ticket sequence")
        verbose_name_plural = _("ticket sequences")
        constraints = [
            models.UniqueConstraint(
                fields=["service", "day"], name="queues_sequence_per_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.service} · {self.day} · {self.last}"


class Priority(models.TextChoices):
    NONE = FlowPriority.NONE.value, _("None")
    LANSIA = FlowPriority.LANSIA.value, _("Elderly (lansia)")
    DISABILITAS = FlowPriority.DISABILITAS.value, _("Person with a disability")
    IBU_ANAK = FlowPriority.IBU_ANAK.value, _("Pregnant, or with a small child")


class TicketState(models.TextChoices):
    WAITING = State.WAITING.value, _("Waiting")
    CALLED = State.CALLED.value, _("Called")
    SERVING = State.SERVING.value, _("Being served")
    HELD = State.HELD.value, _("On hold")
    NO_SHOW = State.NO_SHOW.value, _("Absent when called")
    DONE = State.DONE.value, _("Finished")


class TicketQuerySet(ScopedQuerySet):
    def waiting(self):
        return self.filter(state=TicketState.WAITING)

    def in_call_order(self):
        """Order as ``ticket_flow.call_order``: priority first, then first-come."""
        return self.annotate(
            _plain=models.Case(
                models.When(priority="", then=1),
                default=0,
                output_field=models.IntegerField(),
            )
        ).order_by("_plain", "arrived_at", "number")


class Ticket(PemdaOwned, VenuePart):
    """One visitor's place in the queue of a service on one day."""

    # RESTRICT: a service with tickets stays, but its whole hall may be deleted.
    service = models.ForeignKey(
        Service, verbose_name=_("service"), on_delete=models.RESTRICT
    )
    day = models.DateField(_("date"))
    number = models.PositiveIntegerField(_("number"))
    prefix = models.CharField(_("prefix"), max_length=3)
    public_code = models.CharField(max_length=32, unique=True)
    idempotency_key = models.UUIDField(unique=True, null=True, blank=True)
    priority = models.CharField(
        _("priority"),
        max_length=12,
        choices=Priority.choices,
        blank=True,
        default=Priority.NONE,
    )
    state = models.CharField(
        _("state"),
        max_length=8,
        choices=TicketState.choices,
        default=TicketState.WAITING,
    )
    issued_at = models.DateTimeField(_("issued at"))
    # Kept through a transfer, so the visitor keeps their place.
    arrived_at = models.DateTimeField(_("arrived at"))
    called_at = models.DateTimeField(_("first called at"), null=True, blank=True)
    last_called_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(_("service started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    skipped_at = models.DateTimeField(null=True, blank=True)
    counter = models.ForeignKey(
        Counter,
        verbose_name=_("counter"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="tickets",
    )
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("officer"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # The survey this served ticket may answer once (prima.surveys.models.Encounter)
    # and the token of its link; the survey keeps only the token's hash.
    survey_token = models.CharField(max_length=64, blank=True)
    encounter = models.OneToOneField(
        "surveys.Encounter",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # A number the visitor chose to leave for messages (``notify.phone_number``
    # form); never shown, and cleared when the ticket is finished or its day ends.
    phone = models.CharField(_("phone for messages"), max_length=16, blank=True)
    # When the visitor was told their turn is near: told once only.
    near_notified_at = models.DateTimeField(null=True, blank=True)

    objects = TicketQuerySet.as_manager()
    scope_area = Area.QUEUE
    scope_lookups = SERVICE_SCOPE

    class Meta:
        verbose_name = _("queue ticket")
        verbose_name_plural = _("queue tickets")
        constraints = [
            models.UniqueConstraint(
                fields=["venue", "day", "prefix", "number"],
                name="queues_ticket_number_once",
            )
        ]
        indexes = [models.Index(fields=["venue", "day", "state"])]

    def __str__(self) -> str:
        return self.code

    def get_absolute_url(self) -> str:
        return reverse("mpp:ticket", args=[self.public_code])

    @property
    def code(self) -> str:
        return ticket_code(self.prefix, self.number)


class BookingState(models.TextChoices):
    BOOKED = "booked", _("Booked")
    CHECKED_IN = "checked_in", _("Checked in")
    LAPSED = "lapsed", _("Lapsed")


class Booking(PemdaOwned, VenuePart):
    """A time slot reserved online; checking in gives a ticket in the queue."""

    service = models.ForeignKey(
        Service, verbose_name=_("service"), on_delete=models.CASCADE
    )
    day = models.DateField(_("date"))
    slot = models.TimeField(_("time slot"))
    code = models.CharField(_("confirmation code"), max_length=12, unique=True)
    idempotency_key = models.UUIDField(unique=True)
    state = models.CharField(
        _("state"),
        max_length=10,
        choices=BookingState.choices,
        default=BookingState.BOOKED,
    )
    ticket = models.OneToOneField(
        Ticket,
        verbose_name=_("ticket"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="booking",
    )
    created_at = models.DateTimeField(_("booked at"))
    # Handed to the ticket at check-in, then cleared here (``Ticket.phone``).
    phone = models.CharField(_("phone for messages"), max_length=16, blank=True)

    objects = ScopedQuerySet.as_manager()
    scope_area = Area.QUEUE
    scope_lookups = SERVICE_SCOPE

    class Meta:
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        indexes = [models.Index(fields=["service", "day", "slot"])]

    def __str__(self) -> str:
        return f"{self.code} · {self.day} {self.slot:%H:%M}"

    def get_absolute_url(self) -> str:
        return reverse("mpp:booking_detail", args=[self.code])


class TicketEvent(models.Model):
    """One transition of a ticket, with its time, counter and officer."""

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("action"), max_length=10)
    # The ticket's service after the transition (a transfer changes it), so the
    # log alone rebuilds the daily counts (``rollups.replay``). Empty on events
    # recorded before it was kept.
    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    at = models.DateTimeField(_("time"))
    counter = models.ForeignKey(
        Counter, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("ticket event")
        verbose_name_plural = _("ticket events")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.ticket} · {self.action} · {self.at:%H:%M:%S}"


class QueueCounts(models.Model):
    """Additive counts of one day's tickets, updated as they move.

    Wait and service times are kept as histograms of whole minutes, so medians and
    percentiles of any period come from summing the days' histograms.
    """

    venue = models.ForeignKey(Venue, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    called = models.PositiveIntegerField(default=0)
    served = models.PositiveIntegerField(default=0)
    no_show = models.PositiveIntegerField(default=0)
    wait_minutes = models.JSONField(default=dict, blank=True)
    service_minutes = models.JSONField(default=dict, blank=True)

    class Meta:
        abstract = True


class DailyServiceCount(QueueCounts):
    """One service's counts on one day, with the tickets issued and their hours."""

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="+")
    issued = models.PositiveIntegerField(default=0)
    # Tickets issued per hour of the day (local time), for the busiest hours.
    issued_by_hour = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("daily queue count")
        verbose_name_plural = _("daily queue counts")
        constraints = [
            models.UniqueConstraint(
                fields=["service", "day"], name="queues_daily_count_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.service} · {self.day}"


class DailyCounterCount(QueueCounts):
    """One counter's counts on one day: the tickets it called (and their wait),
    skipped as absent, and served (and their service time)."""

    counter = models.ForeignKey(Counter, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("daily counter count")
        verbose_name_plural = _("daily counter counts")
        constraints = [
            models.UniqueConstraint(
                fields=["counter", "day"], name="queues_daily_counter_count_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.counter} · {self.day}"
