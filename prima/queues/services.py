"""Writes of the MPP queue: configuring a venue, issuing tickets under a lock,
moving tickets through ``ticket_flow`` with an event each, and the daily rollups.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from datetime import datetime, time

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from prima.core.idempotency import store_once
from prima.queues import booking, issuing, notify, ticket_flow, waiting
from prima.queues.models import (
    Agency,
    Booking,
    BookingState,
    Closure,
    Counter,
    CounterStatus,
    DailyCounterCount,
    DailyServiceCount,
    Kiosk,
    OpeningHours,
    Service,
    Ticket,
    TicketEvent,
    TicketSequence,
    TicketState,
    Venue,
)
from prima.queues.ticket_flow import Action, Refused, State
from prima.surveys.encounters import encounter_issue

KIOSK_TOKEN_BYTES = 24
PUBLIC_CODE_BYTES = 12


def _refusal_messages() -> dict[str, str]:
    return {
        "closed": _("The hall is closed today."),
        "not_open_yet": _("The hall is not open yet."),
        "cutoff": _("No more tickets are issued for this service today."),
        "quota": _("Today's tickets for this service have all been issued."),
        "state": _("This ticket cannot do that now."),
        "recall_too_soon": _("Wait a moment before calling this number again."),
        "return_too_late": _("The time to return after being absent has passed."),
        "empty": _("Nobody is waiting for this counter's services."),
        "busy": _("Finish, hold or skip the current ticket first."),
        "counter_closed": _("Open the counter before calling a ticket."),
        "foreign": _("This ticket is not for one of this counter's services."),
        "no_booking": _("This service takes no online bookings."),
        "no_slot": _("This time is not a slot of the service on that day."),
        "slot_full": _("This slot is fully booked; please choose another."),
        "past": _("This slot has already begun; please choose a later one."),
        "unknown_code": _("This confirmation code is not known at this hall."),
        "not_today": _("This booking is for another day."),
        "too_early": _("Too early: check in at most 30 minutes before your slot."),
        "lapsed": _(
            "This booking has lapsed: its time has passed. Please take a number."
        ),
        "checked_in": _("This booking has already checked in."),
    }


def refusal_message(code: str) -> str:
    """Return the message shown for a refusal code of the queue."""
    return _refusal_messages().get(code, code)


def _refuse(code: str) -> ValidationError:
    return ValidationError(refusal_message(code), code=code)


def _save(row):
    row.full_clean()
    row.save()
    return row


# Configuration -----------------------------------------------------------------


def venue_save(venue: Venue) -> Venue:
    """Validate and store a venue."""
    return _save(venue)


def agency_add(*, venue: Venue, unit=None, name: str = "") -> Agency:
    """Add an agency to the venue: a Prima unit, or an outside agency by name."""
    agency = Agency(venue=venue, pemda_id=venue.pemda_id, unit=unit, name=name.strip())
    try:
        return _save(agency)
    except ValidationError as error:
        if "__all__" in getattr(error, "error_dict", {}):
            raise ValidationError(
                {"unit": _("This unit is already in the hall.")}
            ) from None
        raise


def service_add(*, agency: Agency, **fields) -> Service:
    """Add a service of ``agency`` with its ticket prefix, quota and cut-off."""
    service = Service(
        venue_id=agency.venue_id, pemda_id=agency.pemda_id, agency=agency, **fields
    )
    try:
        return _save(service)
    except ValidationError as error:
        if "__all__" in getattr(error, "error_dict", {}):
            raise ValidationError(
                {"prefix": _("Another service of the hall uses this prefix.")}
            ) from None
        raise


def counter_add(*, agency: Agency, name: str, services) -> Counter:
    """Add a counter of ``agency`` serving ``services`` (all of that agency)."""
    if any(service.agency_id != agency.pk for service in services):
        raise ValidationError(
            {"services": _("A counter serves only its own agency's services.")}
        )
    with transaction.atomic():
        counter = _save(
            Counter(
                venue_id=agency.venue_id,
                pemda_id=agency.pemda_id,
                agency=agency,
                name=name.strip(),
            )
        )
        counter.services.set(services)
    return counter


def hours_set(
    *, venue: Venue, weekday: int, opens: time | None, closes: time | None
) -> None:
    """Set the venue's hours on ``weekday``; without times the day is closed."""
    if opens is None or closes is None:
        OpeningHours.objects.filter(venue=venue, weekday=weekday).delete()
        return
    row = OpeningHours.objects.filter(venue=venue, weekday=weekday).first()
    row = row or OpeningHours(venue=venue, weekday=weekday)
    row.opens, row.closes = opens, closes
    row.full_clean(validate_unique=False, validate_constraints=False)
    row.save()


def closure_add(*, venue: Venue, day, reason: str) -> Closure:
    """Close the venue on ``day``."""
    closure = Closure(venue=venue, day=day, reason=reason.strip())
    try:
        return _save(closure)
    except ValidationError as error:
        if "__all__" in getattr(error, "error_dict", {}):
            raise ValidationError(
                {"day": _("The hall is already closed on this day.")}
            ) from None
        raise


def kiosk_token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def kiosk_issue(*, venue: Venue, name: str, issued_by=None) -> tuple[Kiosk, str]:
    """Register a ticket kiosk for ``venue``; return it and its token (shown once)."""
    token = secrets.token_urlsafe(KIOSK_TOKEN_BYTES)
    kiosk = Kiosk(
        venue=venue,
        pemda_id=venue.pemda_id,
        name=name.strip(),
        token_hash=kiosk_token_hash(token),
        issued_by=issued_by,
    )
    return _save(kiosk), token


def kiosk_for_token(token: str) -> Kiosk | None:
    """Return the active kiosk of an active venue holding ``token``, else None."""
    if not token or len(token) > 64:
        return None
    return (
        Kiosk.objects.active()
        .filter(token_hash=kiosk_token_hash(token), venue__active=True)
        .select_related("venue")
        .first()
    )


def counter_set_status(counter: Counter, status: str, *, by=None) -> None:
    """Open, close or pause a counter; it cannot leave with a visitor at it."""
    if status not in CounterStatus.values:
        raise ValidationError(_("Unknown counter status."))
    if status != CounterStatus.OPEN and _current(counter) is not None:
        raise _refuse("busy")
    Counter.objects.filter(pk=counter.pk).update(status=status)
    counter.status = status


# Issuing -----------------------------------------------------------------------


def issuing_refusal(service: Service, now: datetime) -> str | None:
    """Return why ``service`` issues no ticket at ``now``, or None."""
    local = timezone.localtime(now)
    day = local.date()
    row = OpeningHours.objects.filter(
        venue_id=service.venue_id, weekday=day.weekday()
    ).first()
    hours = issuing.Hours(row.opens, row.closes) if row else None
    issued = (
        TicketSequence.objects.filter(service=service, day=day)
        .values_list("last", flat=True)
        .first()
    )
    return issuing.refusal(
        now=local.replace(tzinfo=None),
        hours=hours,
        closed_today=Closure.objects.filter(
            venue_id=service.venue_id, day=day
        ).exists(),
        cutoff=service.cutoff,
        issued_today=issued or 0,
        quota=service.daily_quota,
    )


def _next_number(service: Service, day) -> int:
    """Return the service's next number of ``day``, holding the sequence row's
    lock until the transaction ends: two kiosks issuing at once wait in turn, and a
    crash before commit gives the number back."""
    try:
        with transaction.atomic():
            TicketSequence.objects.get_or_create(service=service, day=day)
    except IntegrityError:
        pass  # another kiosk made the row first; lock it below
    sequence = TicketSequence.objects.select_for_update().get(service=service, day=day)
    sequence.last = F("last") + 1
    sequence.save(update_fields=["last"])
    sequence.refresh_from_db(fields=["last"])
    return sequence.last


def ticket_issue(
    *,
    service: Service,
    priority: str = "",
    idempotency_key: uuid.UUID | None = None,
    now: datetime | None = None,
    phone: str = "",
) -> tuple[Ticket, bool]:
    """Issue the next ticket of ``service``; return (ticket, created).

    Refused with a ``ValidationError`` outside opening hours, after the cut-off or
    beyond the quota. A key already used returns its ticket (a double tap).
    ``phone`` (already in ``notify.phone_number`` form) receives the messages.
    """
    now = now or timezone.now()

    def store() -> Ticket:
        locked = Service.objects.select_related("venue").get(pk=service.pk)
        code = issuing_refusal(locked, now)
        if code is not None or not locked.active:
            raise _refuse(code or "closed")
        day = timezone.localdate(now)
        ticket = Ticket(
            pemda_id=locked.pemda_id,
            venue_id=locked.venue_id,
            service=locked,
            day=day,
            number=_next_number(locked, day),
            prefix=locked.prefix,
            public_code=secrets.token_urlsafe(PUBLIC_CODE_BYTES),
            idempotency_key=idempotency_key,
            priority=priority,
            issued_at=now,
            arrived_at=now,
            phone=phone,
        )
        ticket.full_clean(exclude=["service", "venue", "pemda"])
        ticket.save(force_insert=True)
        _event(ticket, "issue", now)
        _count(ticket, issued=1, hour=timezone.localtime(now).hour)
        return ticket

    if idempotency_key is None:
        with transaction.atomic():
            return store(), True
    return store_once(Ticket, key={"idempotency_key": idempotency_key}, store=store)


# Rollups -----------------------------------------------------------------------


def _count(
    ticket: Ticket,
    *,
    counter_id: int | None = None,
    wait_from=None,
    service_from=None,
    at=None,
    hour=None,
    **deltas,
):
    """Add to the ticket's service-day counts (and to ``counter_id``'s day), and a
    minute (or an hour of issue) to a histogram; ``rollups.replay`` states the
    same rules from the event log."""
    rows = [
        DailyServiceCount.objects.select_for_update().get_or_create(
            service_id=ticket.service_id,
            day=ticket.day,
            defaults={"venue_id": ticket.venue_id},
        )[0]
    ]
    if counter_id is not None:
        rows.append(
            DailyCounterCount.objects.select_for_update().get_or_create(
                counter_id=counter_id,
                day=ticket.day,
                defaults={"venue_id": ticket.venue_id},
            )[0]
        )
    for row in rows:
        for name, delta in deltas.items():
            setattr(row, name, getattr(row, name) + delta)
        for field, start in (
            ("wait_minutes", wait_from),
            ("service_minutes", service_from),
        ):
            if start is not None and at is not None:
                histogram = getattr(row, field)
                minute = str(waiting.whole_minutes(start, at))
                histogram[minute] = histogram.get(minute, 0) + 1
        if hour is not None:
            key = str(hour)
            row.issued_by_hour[key] = row.issued_by_hour.get(key, 0) + 1
        row.save()


# Moving tickets ----------------------------------------------------------------


def _event(
    ticket: Ticket, action: str, at: datetime, *, counter=None, officer=None, note=""
):
    TicketEvent.objects.create(
        ticket=ticket,
        action=action,
        at=at,
        service_id=ticket.service_id,
        counter=counter,
        officer=officer,
        note=note,
    )


def _current(counter: Counter) -> Ticket | None:
    """Return the ticket called or being served at ``counter``."""
    return (
        Ticket.objects.filter(
            counter=counter, state__in=[TicketState.CALLED, TicketState.SERVING]
        )
        .order_by("-last_called_at")
        .first()
    )


def current_ticket(counter: Counter) -> Ticket | None:
    """Return the ticket at the counter now, or None."""
    return _current(counter)


@transaction.atomic
def ticket_act(
    ticket: Ticket,
    action: str,
    *,
    counter: Counter,
    officer=None,
    to_service: Service | None = None,
    now: datetime | None = None,
) -> Ticket:
    """Apply ``action`` to ``ticket`` at ``counter``; record it as an event.

    Refused with a ``ValidationError`` naming the reason when the state machine does
    not allow it. Finishing a ticket of a Prima service records the served visit for
    its one survey.
    """
    now = now or timezone.now()
    # Lock the ticket only: its hall row, locked too, would serialise every move in
    # the hall and deadlock with the kiosks (bench/queue_bench.py).
    ticket = (
        Ticket.objects.select_for_update(of=("self",))
        .select_related("venue")
        .get(pk=ticket.pk)
    )
    try:
        act = Action(action)
    except ValueError:
        raise _refuse("state") from None
    # A counter moves the tickets of its own services, and those it called or put
    # on hold (a held or absent ticket it transferred in keeps its counter).
    if ticket.counter_id != counter.pk and ticket.service_id not in _served_ids(
        counter
    ):
        raise _refuse("foreign")
    if act is Action.CALL and _current(counter) is not None:
        raise _refuse("busy")
    try:
        state = ticket_flow.transition(
            State(ticket.state),
            act,
            ticket_flow.Timing(
                now=now,
                last_called_at=ticket.last_called_at,
                skipped_at=ticket.skipped_at,
                recall_seconds=ticket.venue.recall_seconds,
                return_minutes=ticket.venue.return_minutes,
            ),
        )
    except Refused as refused:
        raise _refuse(refused.code) from None
    note = ""
    line_before = (ticket.service_id, ticket.state)
    if act in (Action.CALL, Action.RECALL):
        if ticket.called_at is None:
            ticket.called_at = now
            _count(
                ticket,
                counter_id=counter.pk,
                called=1,
                wait_from=ticket.arrived_at,
                at=now,
            )
        ticket.last_called_at = now
        ticket.counter, ticket.officer = counter, officer
    elif act is Action.SKIP:
        ticket.skipped_at = now
        _count(ticket, counter_id=ticket.counter_id, no_show=1)
    elif act is Action.RETURN:
        ticket.skipped_at = None
        _count(ticket, counter_id=ticket.counter_id, no_show=-1)
    elif act is Action.START:
        ticket.started_at = now
    elif act is Action.FINISH:
        ticket.finished_at = now
        _count(
            ticket,
            counter_id=counter.pk,
            served=1,
            service_from=ticket.started_at,
            at=now,
        )
        _issue_survey(ticket, counter, officer, now)
        _tell_survey(ticket)
        ticket.phone = ""
    elif act is Action.TRANSFER:
        if to_service is None or to_service.venue_id != ticket.venue_id:
            raise ValidationError(_("Choose a service of this hall to transfer to."))
        note = str(to_service)
        ticket.service = to_service
        ticket.called_at = ticket.last_called_at = ticket.started_at = None
        ticket.counter = None
    if act in (Action.RESUME, Action.HOLD):
        ticket.counter = counter if act is Action.HOLD else None
    ticket.state = state.value
    ticket.save()
    _event(ticket, act.value, now, counter=counter, officer=officer, note=note)
    if act in (Action.CALL, Action.RECALL):
        _tell_called(ticket, counter)
    # Whoever moved up to the front of a line hears so; a ticket transferred in
    # keeps its arrival time, so it may land near the front of its new line.
    if line_before[1] == State.WAITING and (
        state is not State.WAITING or act is Action.TRANSFER
    ):
        _tell_near(ticket.venue, line_before[0], ticket.day, now)
    if act is Action.TRANSFER:
        _tell_near(ticket.venue, ticket.service_id, ticket.day, now)
    return ticket


# Messages to visitors ------------------------------------------------------------


def _send_after_commit(ticket: Ticket, kind: str, text: str) -> None:
    message = notify.Message(
        to=ticket.phone,
        text=text,
        kind=kind,
        ticket=ticket.code,
        venue=ticket.venue.name,
    )
    transaction.on_commit(lambda: notify.deliver(message))


def _tell_called(ticket: Ticket, counter: Counter) -> None:
    if not ticket.phone:
        return
    with translation.override(settings.LANGUAGE_CODE):
        text = _("Number %(code)s, please go to %(counter)s now (%(venue)s).") % {
            "code": ticket.code,
            "counter": counter.name,
            "venue": ticket.venue.name,
        }
    _send_after_commit(ticket, "called", text)


def _tell_near(venue: Venue, service_id: int, day, now: datetime) -> None:
    """Tell the visitors now among the first ``venue.notify_ahead`` of the line
    that their turn is near, each once."""
    if venue.notify_ahead <= 0:
        return
    front = list(
        Ticket.objects.filter(service_id=service_id, day=day, state=TicketState.WAITING)
        .in_call_order()
        .values_list("pk", flat=True)[: venue.notify_ahead]
    )
    # Locked here, skipping rows another counter holds (it is calling them), so
    # two calls at once neither wait on each other nor tell anyone twice.
    due = (
        Ticket.objects.select_for_update(skip_locked=True)
        .filter(pk__in=front, near_notified_at__isnull=True)
        .exclude(phone="")
        .order_by("pk")
    )
    for ticket in due:
        ticket.venue = venue
        Ticket.objects.filter(pk=ticket.pk).update(near_notified_at=now)
        with translation.override(settings.LANGUAGE_CODE):
            text = _(
                "Number %(code)s: your turn is near, %(ahead)s ahead of you. "
                "Please come back to %(venue)s."
            ) % {
                "code": ticket.code,
                "ahead": front.index(ticket.pk),
                "venue": ticket.venue.name,
            }
        _send_after_commit(ticket, "near", text)


def _tell_survey(ticket: Ticket) -> None:
    if not ticket.phone or not ticket.survey_token:
        return
    url = settings.PRIMA_BASE_URL + reverse(
        "surveys:survey-encounter", args=[ticket.survey_token]
    )
    with translation.override(settings.LANGUAGE_CODE):
        text = _(
            "Thank you for visiting %(venue)s. Please rate the service: %(url)s"
        ) % {"venue": ticket.venue.name, "url": url}
    _send_after_commit(ticket, "survey", text)


def phones_forget(*, before) -> int:
    """Clear the phone numbers of tickets and bookings of days before ``before``;
    return how many rows held one."""
    tickets = Ticket.objects.filter(day__lt=before).exclude(phone="").update(phone="")
    bookings = Booking.objects.filter(day__lt=before).exclude(phone="").update(phone="")
    return tickets + bookings


def _served_ids(counter: Counter) -> set[int]:
    return set(counter.services.values_list("pk", flat=True))


def _issue_survey(ticket: Ticket, counter: Counter, officer, now: datetime) -> None:
    layanan = ticket.service.layanan
    if layanan is None or ticket.encounter_id is not None:
        return
    encounter, token = encounter_issue(
        layanan=layanan,
        served_at=now,
        place=ticket.venue.name,
        counter=counter.name,
        officer=officer,
    )
    ticket.encounter, ticket.survey_token = encounter, token


@transaction.atomic
def counter_call_next(counter: Counter, *, officer=None, now=None) -> Ticket:
    """Call the next waiting ticket of the counter's services: the earliest
    priority ticket, else the earliest arrival (``ticket_flow.call_order``)."""
    counter = Counter.objects.select_for_update().get(pk=counter.pk)
    if counter.status != CounterStatus.OPEN:
        raise _refuse("counter_closed")
    if _current(counter) is not None:
        raise _refuse("busy")
    day = timezone.localdate(now or timezone.now())
    ticket = (
        Ticket.objects.select_for_update(skip_locked=True)
        .filter(service__in=counter.services.all(), day=day, state=TicketState.WAITING)
        .in_call_order()
        .first()
    )
    if ticket is None:
        raise _refuse("empty")
    return ticket_act(ticket, Action.CALL, counter=counter, officer=officer, now=now)


# Bookings ----------------------------------------------------------------------


def service_slots(service: Service, day) -> list[time]:
    """Return the slot start times of ``service`` on ``day`` (none when closed)."""
    if not service.slot_minutes or not service.slot_capacity:
        return []
    if Closure.objects.filter(venue_id=service.venue_id, day=day).exists():
        return []
    hours = OpeningHours.objects.filter(
        venue_id=service.venue_id, weekday=day.weekday()
    ).first()
    if hours is None:
        return []
    last = min(service.cutoff, hours.closes) if service.cutoff else hours.closes
    return booking.slots(hours.opens, last, service.slot_minutes)


def booking_make(
    *,
    service: Service,
    day,
    slot: time,
    idempotency_key: uuid.UUID,
    now: datetime | None = None,
    phone: str = "",
) -> tuple[Booking, bool]:
    """Reserve ``slot`` of ``service`` on ``day``; return (booking, created).

    The service row is locked while the slot's bookings are counted, so two
    visitors cannot both take its last place.
    """
    now = now or timezone.now()

    def store() -> Booking:
        locked = Service.objects.select_for_update().get(pk=service.pk)
        if not locked.slot_minutes or not locked.slot_capacity or not locked.active:
            raise _refuse("no_booking")
        if slot not in service_slots(locked, day):
            raise _refuse("no_slot")
        local = timezone.localtime(now).replace(tzinfo=None)
        if datetime.combine(day, slot) <= local:
            raise _refuse("past")
        taken = Booking.objects.filter(service=locked, day=day, slot=slot).count()
        if taken >= locked.slot_capacity:
            raise _refuse("slot_full")
        row = Booking(
            pemda_id=locked.pemda_id,
            venue_id=locked.venue_id,
            service=locked,
            day=day,
            slot=slot,
            code=booking.code_from(secrets.randbits(32)),
            idempotency_key=idempotency_key,
            created_at=now,
            phone=phone,
        )
        row.save(force_insert=True)
        return row

    return store_once(Booking, key={"idempotency_key": idempotency_key}, store=store)


def booking_state(row: Booking, now: datetime | None = None) -> str:
    """Return the booking's state, a booked one past its slot being lapsed."""
    if row.state != BookingState.BOOKED:
        return row.state
    local = timezone.localtime(now or timezone.now()).replace(tzinfo=None)
    code = booking.check_in_refusal(
        now=local,
        day=row.day,
        slot=row.slot,
        slot_minutes=row.service.slot_minutes or 0,
    )
    return BookingState.LAPSED if code == "lapsed" else row.state


@transaction.atomic
def booking_check_in(*, venue: Venue, code: str, now: datetime | None = None) -> Ticket:
    """Check a booking in at the hall's kiosk: it joins the queue with a ticket
    issued now (first-come from now on), or is refused with the reason."""
    now = now or timezone.now()
    row = (
        Booking.objects.select_for_update()
        .select_related("service")
        .filter(venue=venue, code=code.strip().upper()[:12])
        .first()
    )
    if row is None:
        raise _refuse("unknown_code")
    if row.state == BookingState.CHECKED_IN:
        raise _refuse("checked_in")
    refusal = booking.check_in_refusal(
        now=timezone.localtime(now).replace(tzinfo=None),
        day=row.day,
        slot=row.slot,
        slot_minutes=row.service.slot_minutes or 0,
    )
    # A lapsed booking is told so; its row keeps "booked", which
    # ``booking_state`` reads as lapsed once the slot has passed.
    if refusal is not None or row.state == BookingState.LAPSED:
        raise _refuse(refusal or "lapsed")
    ticket, _created = ticket_issue(service=row.service, now=now, phone=row.phone)
    row.ticket, row.state, row.phone = ticket, BookingState.CHECKED_IN, ""
    row.save(update_fields=["ticket", "state", "phone"])
    return ticket
