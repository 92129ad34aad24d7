"""Public pages of the MPP queue: the walk-in kiosk, a visitor's ticket, and the
display board. None shows personal data; the ticket page is reached only through
its random code (on the printed ticket and its QR code).

The pages work without JavaScript (they refresh with ``<meta http-equiv=refresh>``);
the board alone loads a small script (static/js/queue-board.js) that polls its JSON
and flashes, and may speak, a new call.
"""

from __future__ import annotations

from dataclasses import asdict

from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache

from prima.core.query import int_param, parse_id
from prima.queues import selectors, services
from prima.queues.forms import BookingForm, CheckInForm, TicketForm
from prima.queues.models import (
    Agency,
    Booking,
    Priority,
    Service,
    Ticket,
    TicketState,
    Venue,
)
from prima.surveys.intake import qr_svg

# The kiosk shows the issued number this long before returning to the start page.
KIOSK_SHOW_SECONDS = 20
TICKET_REFRESH_SECONDS = 30
BOARD_REFRESH_SECONDS = 30


def _kiosk(token: str):
    kiosk = services.kiosk_for_token(token)
    if kiosk is None:
        raise Http404
    return kiosk


@never_cache
def kiosk(request, token: str):
    """The walk-in kiosk: choose a service (and a priority) and take a number."""
    device = _kiosk(token)
    venue = device.venue
    form = TicketForm(request.POST or None, venue=venue)
    error = None
    if form.is_valid():
        try:
            ticket, _created = services.ticket_issue(
                service=form.cleaned_data["service"],
                priority=form.cleaned_data["priority"],
                idempotency_key=form.cleaned_data["key"],
                phone=form.cleaned_data["phone"],
            )
        except services.ValidationError as refused:
            error = " ".join(refused.messages)
        else:
            return redirect("mpp:kiosk_ticket", token=token, code=ticket.public_code)
    elif "phone" in form.errors:
        error = " ".join(form.errors["phone"])
    agencies = [
        (agency, [s for s in active if s.agency_id == agency.pk])
        for active in [list(Service.objects.active().filter(venue=venue))]
        for agency in Agency.objects.filter(venue=venue).select_related("unit")
    ]
    context = {
        "venue": venue,
        "token": token,
        "agencies": [(a, s) for a, s in agencies if s],
        "priorities": [c for c in Priority.choices if c[0]],
        "key": form.display_key(),
        "error": error,
    }
    return TemplateResponse(request, "queues/kiosk.html", context)


@never_cache
def kiosk_ticket(request, token: str, code: str):
    """The number just issued, with a QR code to follow it on a phone."""
    device = _kiosk(token)
    ticket = (
        Ticket.objects.filter(public_code=code, venue=device.venue_id)
        .select_related("service")
        .first()
    )
    if ticket is None:
        raise Http404
    url = request.build_absolute_uri(ticket.get_absolute_url())
    ahead, minutes = selectors.expected_wait_minutes(ticket)
    context = {
        "ticket": ticket,
        "venue": device.venue,
        "token": token,
        "qr": mark_safe(qr_svg(url)),  # noqa: S308 - segno's own SVG output
        "url": url,
        "ahead": ahead,
        "minutes": minutes,
        "refresh": KIOSK_SHOW_SECONDS,
    }
    return TemplateResponse(request, "queues/kiosk_ticket.html", context)


@never_cache
def ticket(request, code: str):
    """A visitor's ticket: state, how many are ahead, the expected wait."""
    if len(code) > 32:
        raise Http404
    found = (
        Ticket.objects.filter(public_code=code)
        .select_related("service", "venue", "counter")
        .first()
    )
    if found is None:
        raise Http404
    ahead, minutes = selectors.expected_wait_minutes(found)
    survey_url = None
    if found.state == TicketState.DONE and found.survey_token:
        survey_url = reverse("surveys:survey-encounter", args=[found.survey_token])
    context = {
        "ticket": found,
        "ahead": ahead,
        "minutes": minutes,
        "survey_url": survey_url,
        "refresh": TICKET_REFRESH_SECONDS
        if found.state not in (TicketState.DONE, TicketState.NO_SHOW)
        else None,
        "today": found.day == timezone.localdate(),
    }
    return TemplateResponse(request, "queues/ticket.html", context)


def _venue(pk: int) -> Venue:
    venue = Venue.objects.active().filter(pk=pk).first()
    if venue is None:
        raise Http404
    return venue


@never_cache
def board(request, pk: int):
    """The display board of a hall, for a large screen."""
    venue = _venue(pk)
    context = {
        "venue": venue,
        "refresh": BOARD_REFRESH_SECONDS,
        **selectors.board(venue),
    }
    return TemplateResponse(request, "queues/board.html", context)


@never_cache
def board_data(request, pk: int):
    """What the board shows, as JSON for its polling script."""
    data = selectors.board(_venue(pk))
    return JsonResponse(
        {
            "stamp": data["stamp"],
            "counters": [asdict(c) for c in data["counters"]],
            "current": [asdict(c) for c in data["current"]],
            "recent": [asdict(c) for c in data["recent"]],
            "waiting": [asdict(w) for w in data["waiting"]],
        }
    )


@never_cache
def kiosk_check_in(request, token: str):
    """Check in an online booking at the kiosk: it joins the queue now."""
    device = _kiosk(token)
    form = CheckInForm(request.POST or None)
    error = None
    if request.method == "POST" and form.is_valid():
        try:
            ticket = services.booking_check_in(
                venue=device.venue, code=form.cleaned_data["code"]
            )
        except services.ValidationError as refused:
            error = " ".join(refused.messages)
        else:
            return redirect("mpp:kiosk_ticket", token=token, code=ticket.public_code)
    context = {"venue": device.venue, "token": token, "form": form, "error": error}
    return TemplateResponse(request, "queues/kiosk_check_in.html", context)


BOOKING_DAYS = 7


@never_cache
def booking(request, pk: int):
    """Book a time slot of a service for the next days: choose, then take a slot."""
    venue = _venue(pk)
    bookable = Service.objects.active().filter(
        venue=venue, slot_minutes__isnull=False, slot_capacity__gt=0
    )
    today = timezone.localdate()
    days = [today + timezone.timedelta(days=n) for n in range(BOOKING_DAYS)]
    source = request.POST if request.method == "POST" else request.GET
    service = bookable.filter(pk=parse_id(source.get("layanan", "")) or 0).first()
    day = days[int_param(source, "hari", default=0, low=0, high=BOOKING_DAYS - 1)]
    form = BookingForm(request.POST or None)
    error = None
    if service is not None and request.method == "POST" and form.is_valid():
        try:
            made, _created = services.booking_make(
                service=service,
                day=day,
                slot=form.cleaned_data["slot"],
                idempotency_key=form.cleaned_data["key"],
                phone=form.cleaned_data["phone"],
            )
        except services.ValidationError as refused:
            error = " ".join(refused.messages)
        else:
            return redirect(made)
    elif "phone" in form.errors:
        error = " ".join(form.errors["phone"])
    context = {
        "venue": venue,
        "services": bookable,
        "service": service,
        "days": list(enumerate(days)),
        "day": day,
        "day_index": days.index(day),
        "slots": selectors.free_slots(service, day) if service else [],
        "key": form.display_key(),
        "error": error,
    }
    return TemplateResponse(request, "queues/booking.html", context)


@never_cache
def booking_detail(request, code: str):
    """A booking's confirmation: the code to give at the kiosk, and its state."""
    found = (
        Booking.objects.filter(code=code[:12])
        .select_related("service", "venue", "ticket")
        .first()
    )
    if found is None:
        raise Http404
    context = {"booking": found, "state": services.booking_state(found)}
    return TemplateResponse(request, "queues/booking_detail.html", context)
