"""Staff pages of the MPP queue: the halls, a hall's configuration, the counter
console and the statistics. Rows come through the scoped managers; changes through
``services``.
"""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from prima.core.forms import add_service_errors
from prima.core.query import parse_id
from prima.core.roles import CHANGE, Area
from prima.core.scoping import get_for_user, pemdas_where, user_can
from prima.organisations.models import Pemda
from prima.queues import selectors, services
from prima.queues.forms import (
    AgencyForm,
    ClosureForm,
    CounterForm,
    HoursForm,
    KioskForm,
    ServiceForm,
    TransferForm,
    VenueForm,
)
from prima.queues.models import (
    Agency,
    Closure,
    Counter,
    CounterStatus,
    Kiosk,
    OpeningHours,
    Service,
    Ticket,
    TicketState,
    Venue,
)

ISSUED_SESSION_KEY = "queues_kiosk_issued"


def _problem(request, error: ValidationError) -> None:
    messages.error(request, " ".join(error.messages))


@login_required
def venue_list(request):
    """The halls the user reaches and the counters they may work."""
    if not user_can(request.user, Area.QUEUE):
        raise PermissionDenied
    context = {
        "venues": Venue.objects.visible_to(request.user),
        "counters": Counter.objects.editable_by(request.user)
        .active()
        .select_related("venue", "agency__unit"),
        "can_create": bool(pemdas_where(request.user, Area.QUEUE, CHANGE)),
    }
    return TemplateResponse(request, "queues/venue_list.html", context)


@login_required
def venue_create(request):
    reach = pemdas_where(request.user, Area.QUEUE, CHANGE)
    if not reach:
        raise PermissionDenied
    pemda = Pemda.objects.filter(reach.q("pk")).order_by("name").first()
    form = VenueForm(request.POST or None)
    if form.is_valid():
        form.instance.pemda = pemda
        try:
            venue = services.venue_save(form.instance)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect(venue)
    context = {"form": form, "pemda": pemda}
    return TemplateResponse(request, "queues/venue_form.html", context)


def _venue(request, pk: int, action: str = "view") -> Venue:
    return get_for_user(Venue.objects.all(), request.user, action, pk=pk)


@login_required
def venue_detail(request, pk: int):
    """A hall's agencies, services, counters, hours, closures and kiosks."""
    venue = _venue(request, pk)
    may_change = Venue.objects.editable_by(request.user).filter(pk=pk).exists()
    issued = request.session.pop(ISSUED_SESSION_KEY, None)
    kiosk_url = None
    if issued and issued.get("venue") == venue.pk:
        kiosk_url = request.build_absolute_uri(
            reverse("mpp:kiosk", args=[issued["token"]])
        )
    context = {
        "venue": venue,
        "may_change": may_change,
        "agencies": Agency.objects.filter(venue=venue).select_related("unit"),
        "services": Service.objects.filter(venue=venue).select_related("agency__unit"),
        "counters": Counter.objects.filter(venue=venue).prefetch_related("services"),
        "hours": OpeningHours.objects.filter(venue=venue),
        "closures": Closure.objects.filter(venue=venue, day__gte=timezone.localdate()),
        "kiosks": Kiosk.objects.filter(venue=venue, active=True),
        "kiosk_url": kiosk_url,
    }
    if may_change:
        context |= {
            "agency_form": AgencyForm(venue=venue),
            "service_form": ServiceForm(venue=venue),
            "counter_form": CounterForm(venue=venue),
            "hours_form": HoursForm(),
            "closure_form": ClosureForm(),
            "kiosk_form": KioskForm(),
        }
    return TemplateResponse(request, "queues/venue_detail.html", context)


@login_required
def venue_edit(request, pk: int):
    venue = _venue(request, pk, CHANGE)
    form = VenueForm(request.POST or None, instance=venue)
    if form.is_valid():
        try:
            services.venue_save(form.instance)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect(venue)
    context = {"form": form, "venue": venue, "pemda": venue.pemda}
    return TemplateResponse(request, "queues/venue_form.html", context)


def _config_post(request, pk: int, form_class, apply, done: str):
    """Bind a configuration form of the hall, apply it, and go back to the hall."""
    venue = _venue(request, pk, CHANGE)
    kwargs = (
        {} if form_class in (HoursForm, ClosureForm, KioskForm) else {"venue": venue}
    )
    form = form_class(request.POST, **kwargs)
    if not form.is_valid():
        messages.error(
            request,
            _("Please correct the form: %(errors)s")
            % {"errors": " ".join(e for errs in form.errors.values() for e in errs)},
        )
        return redirect(venue)
    try:
        apply(venue, form.cleaned_data)
    except ValidationError as error:
        _problem(request, error)
    else:
        messages.success(request, done)
    return redirect(venue)


@login_required
@require_POST
def agency_add(request, pk: int):
    return _config_post(
        request,
        pk,
        AgencyForm,
        lambda venue, data: services.agency_add(
            venue=venue, unit=data["unit"], name=data["name"]
        ),
        _("The agency was added."),
    )


@login_required
@require_POST
def service_add(request, pk: int):
    def apply(venue, data):
        services.service_add(**data)

    return _config_post(request, pk, ServiceForm, apply, _("The service was added."))


@login_required
@require_POST
def counter_add(request, pk: int):
    return _config_post(
        request,
        pk,
        CounterForm,
        lambda venue, data: services.counter_add(**data),
        _("The counter was added."),
    )


@login_required
@require_POST
def hours_set(request, pk: int):
    return _config_post(
        request,
        pk,
        HoursForm,
        lambda venue, data: services.hours_set(venue=venue, **data),
        _("The opening hours were saved."),
    )


@login_required
@require_POST
def closure_add(request, pk: int):
    return _config_post(
        request,
        pk,
        ClosureForm,
        lambda venue, data: services.closure_add(venue=venue, **data),
        _("The closure was added."),
    )


@login_required
@require_POST
def kiosk_issue(request, pk: int):
    def apply(venue, data):
        _kiosk, token = services.kiosk_issue(
            venue=venue, name=data["name"], issued_by=request.user
        )
        request.session[ISSUED_SESSION_KEY] = {"venue": venue.pk, "token": token}

    return _config_post(request, pk, KioskForm, apply, _("The kiosk was registered."))


# The counter console -------------------------------------------------------------


def _counter(request, pk: int, action: str = "view") -> Counter:
    return get_for_user(
        Counter.objects.select_related("venue", "agency__unit"),
        request.user,
        action,
        pk=pk,
    )


@login_required
def counter_console(request, pk: int):
    """Work a counter: call the next visitor, serve, finish, skip, hold, transfer."""
    counter = _counter(request, pk)
    today = timezone.localdate()
    tickets = Ticket.objects.filter(day=today, service__in=counter.services.all())
    context = {
        "counter": counter,
        "current": services.current_ticket(counter),
        "waiting": tickets.waiting().in_call_order().select_related("service")[:20],
        "held": tickets.filter(state=TicketState.HELD, counter=counter),
        "absent": tickets.filter(
            state=TicketState.NO_SHOW,
            counter=counter,
            skipped_at__gte=timezone.now()
            - timedelta(minutes=counter.venue.return_minutes),
        ),
        "transfer_form": TransferForm(venue=counter.venue),
        "may_change": Counter.objects.editable_by(request.user).filter(pk=pk).exists(),
        "statuses": CounterStatus,
    }
    return TemplateResponse(request, "queues/counter_console.html", context)


COUNTER_STATUSES = {
    "open": CounterStatus.OPEN,
    "break": CounterStatus.BREAK,
    "close": CounterStatus.CLOSED,
}


@login_required
@require_POST
def counter_act(request, pk: int, action: str):
    """Apply one action of the console; refusals come back as a message."""
    counter = _counter(request, pk, CHANGE)
    try:
        if action == "next":
            ticket = services.counter_call_next(counter, officer=request.user)
            messages.success(request, _("Called %(code)s.") % {"code": ticket.code})
        elif action in COUNTER_STATUSES:
            services.counter_set_status(counter, COUNTER_STATUSES[action])
        else:
            _ticket_action(request, counter, action)
    except ValidationError as error:
        _problem(request, error)
    return redirect("queues:counter_console", pk=counter.pk)


def _ticket_action(request, counter: Counter, action: str) -> None:
    pk = parse_id(request.POST.get("ticket", ""))
    ticket = (
        Ticket.objects.editable_by(request.user)
        .filter(pk=pk, venue=counter.venue, day=timezone.localdate())
        .first()
        if pk
        else None
    )
    if ticket is None or action == "call":
        raise ValidationError(_("Choose a ticket of today at this hall."))
    to_service = None
    if action == "transfer":
        form = TransferForm(request.POST, venue=counter.venue)
        if not form.is_valid():
            raise ValidationError(_("Choose a service of this hall to transfer to."))
        to_service = form.cleaned_data["to_service"]
    ticket = services.ticket_act(
        ticket, action, counter=counter, officer=request.user, to_service=to_service
    )
    messages.success(
        request,
        _("%(code)s: %(state)s.")
        % {"code": ticket.code, "state": ticket.get_state_display()},
    )


@login_required
def venue_stats(request, pk: int):
    """Measured times of the hall and of each service over a period."""
    venue = _venue(request, pk)
    today = timezone.localdate()
    days = 30 if request.GET.get("periode") == "30" else 1
    start = today - timedelta(days=days - 1)
    rows = [
        (
            service,
            selectors.summary(venue, start, today, service),
            selectors.survey_sample(venue, start, today, service),
        )
        for service in Service.objects.filter(venue=venue).select_related(
            "agency__unit"
        )
    ]
    hours = selectors.busiest_hours(venue, start, today)
    context = {
        "venue": venue,
        "days": days,
        "start": start,
        "end": today,
        "total": selectors.summary(venue, start, today),
        "total_sample": selectors.survey_sample(venue, start, today),
        "hours": hours,
        "busiest": max((h.issued for h in hours), default=0),
        "per_counter": selectors.ikm_per(venue, start, today, "counter"),
        "per_officer": selectors.ikm_per(venue, start, today, "officer"),
        "rows": rows,
    }
    return TemplateResponse(request, "queues/venue_stats.html", context)
