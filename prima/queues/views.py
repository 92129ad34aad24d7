"""Staff pages of the MPP queue: the halls, a hall's configuration, the counter
console and the statistics. Rows come through the scoped managers; changes through
``services``.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from prima.core.forms import add_service_errors
from prima.core.query import parse_id
from prima.core.roles import CHANGE, Area
from prima.core.scoping import get_for_user, pemdas_where, user_can
from prima.organisations.models import Pemda
from prima.queues import selectors, services, waiting
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
    Weekday,
)
from prima.reports import svg
from prima.reports.xlsx import Sheet, workbook_bytes

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


def _stats_period(request) -> tuple[str, date, date, date]:
    """Return the period kind, its anchor day, first and last day from the query."""
    kind = request.GET.get("periode", "hari")
    kind = "hari" if kind == "1" else kind
    if kind not in waiting.PERIOD_KINDS:
        kind = "hari"
    today = timezone.localdate()
    try:
        anchor = date.fromisoformat(request.GET.get("tanggal", "")[:10])
    except ValueError:
        anchor = today
    if not STATS_YEARS[0] <= anchor.year <= STATS_YEARS[1]:
        anchor = today
    start, end = waiting.period_range(kind, anchor)
    return kind, anchor, start, end


# The years a statistics date may name; others fall back to today.
STATS_YEARS = (2000, 2999)


def _period_choices() -> list[tuple[str, str]]:
    return [
        ("hari", _("One day")),
        ("7", _("Last 7 days")),
        ("30", _("Last 30 days")),
        ("bulan", _("Calendar month")),
        ("tahun", _("Calendar year")),
    ]


def _hours_map(hours: dict[tuple[int, int], int]) -> str:
    """Return the weekday × hour heat map of the tickets issued, or ""."""
    if not hours:
        return ""
    first = min(hour for _day, hour in hours)
    last = max(hour for _day, hour in hours)
    columns = list(range(first, last + 1))
    rows = [
        (str(label), [hours.get((day, hour), 0) for hour in columns])
        for day, label in Weekday.choices
    ]
    return svg.count_heat_map(
        rows,
        columns=[f"{hour:02d}" for hour in columns],
        title=_("Tickets issued per weekday and hour"),
    )


@login_required
def venue_stats(request, pk: int):
    """Measured times of the hall per service, agency and counter over a period."""
    venue = _venue(request, pk)
    kind, anchor, start, end = _stats_period(request)
    stats = selectors.venue_stats(venue, start, end)
    context = {
        "venue": venue,
        "kind": kind,
        "anchor": anchor,
        "choices": _period_choices(),
        "start": start,
        "end": end,
        "stats": stats,
        "service_rows": [
            (row, selectors.survey_sample(venue, start, end, service))
            for service, row in stats.services
        ],
        "total_sample": selectors.survey_sample(venue, start, end),
        "hours_map": mark_safe(_hours_map(stats.hours)),  # noqa: S308 - escaped SVG
        "query": request.GET.urlencode(),
        "per_counter": selectors.ikm_per(venue, start, end, "counter"),
    }
    return TemplateResponse(request, "queues/venue_stats.html", context)


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _minutes(value) -> float | None:
    return None if value is None else round(float(value), 1)


def _percent(value) -> float | None:
    return None if value is None else round(float(value) * 100, 1)


def _stats_cells(s) -> list:
    return [
        s.issued,
        s.called,
        s.served,
        s.no_show,
        _percent(s.no_show_rate),
        _minutes(s.wait_median),
        s.wait_p90,
        _minutes(s.service_median),
        s.service_p90,
    ]


@login_required
def venue_stats_xlsx(request, pk: int):
    """The hall's statistics of the period as a workbook."""
    venue = _venue(request, pk)
    _kind, _anchor, start, end = _stats_period(request)
    stats = selectors.venue_stats(venue, start, end)
    header = [
        _("Tickets issued"),
        _("Called"),
        _("Served"),
        _("Absent"),
        _("Absent rate (%)"),
        _("Median wait (min)"),
        _("P90 wait (min)"),
        _("Median service (min)"),
        _("P90 service (min)"),
    ]
    service_rows = [
        [
            row.label,
            service.agency.display_name,
            *_stats_cells(row.summary),
            row.standard.text if row.standard else "",
            row.standard.minutes if row.standard else None,
            _percent(row.within),
        ]
        for service, row in stats.services
    ]
    content = workbook_bytes(
        [
            Sheet(
                _("Services"),
                [
                    _("Service"),
                    _("Agency"),
                    *header,
                    _("Standard service time"),
                    _("Standard (min)"),
                    _("Served within the standard (%)"),
                ],
                service_rows,
            ),
            Sheet(
                _("Agencies"),
                [_("Agency"), *header],
                [[r.label, *_stats_cells(r.summary)] for r in stats.agencies],
            ),
            Sheet(
                _("Counters"),
                [_("Counter"), *header],
                [[r.label, *_stats_cells(r.summary)] for r in stats.counters],
            ),
            Sheet(
                _("Busiest hours"),
                [_("Day"), _("Hour"), _("Tickets issued")],
                [
                    [str(Weekday(day).label), hour, count]
                    for (day, hour), count in sorted(stats.hours.items())
                ],
            ),
            Sheet(
                _("Summary"),
                [_("Item"), _("Value")],
                [
                    [_("Service hall"), venue.name],
                    [_("From"), start],
                    [_("To"), end],
                    [_("Tickets issued"), stats.total.issued],
                    [_("Served"), stats.total.served],
                    [_("Absent rate (%)"), _percent(stats.total.no_show_rate)],
                    [_("Median wait (min)"), _minutes(stats.total.wait_median)],
                    [_("Median service (min)"), _minutes(stats.total.service_median)],
                ],
            ),
        ]
    )
    response = HttpResponse(content, content_type=XLSX)
    name = f"antrian-{slugify(venue.name)[:60]}-{start}-{end}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
