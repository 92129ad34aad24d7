"""Complaint statistics: the staff page over the user's scope and the public figures
of a Pemda. Both pick a period with GET ``periode`` (a ``Period.key``), by default the
current year."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from prima.complaints.models import Kind, Status
from prima.complaints.stats_selectors import pemda_statistics, user_statistics
from prima.core.period_choice import PeriodSelection, period_from_request
from prima.core.periods import (
    PeriodKind,
    period_containing,
    period_number,
    with_wider_periods,
)
from prima.core.roles import VIEW, Area
from prima.core.scoping import user_can
from prima.organisations.models import Pemda


def _today() -> date:
    return timezone.localdate()


def choose_period(request, today: date) -> PeriodSelection:
    """Return the period named by GET ``periode``, else the current year."""
    year = period_containing(today, PeriodKind.TAHUN)
    choices = [year, period_containing(date(today.year - 1, 1, 1), PeriodKind.TAHUN)]
    choices += [
        period_number(today.year, PeriodKind.TRIWULAN, n)
        for n in range(1, (today.month - 1) // 3 + 2)
    ]
    choices = with_wider_periods(choices, today)
    return period_from_request(
        request,
        default=year,
        choices=choices,
        invalid_message=_("“%(key)s” is not a period; showing %(period)s."),
    )


def _labels() -> dict:
    return {"statuses": Status.choices, "kinds": Kind.choices}


@login_required
def stats(request):
    """Show the complaint figures per unit, OPD and Pemda of the user's scope."""
    if not user_can(request.user, Area.COMPLAINTS, VIEW):
        raise PermissionDenied
    today = _today()
    choice = choose_period(request, today)
    tables = user_statistics(request.user, choice.period, today)
    context = {
        "selection": choice,
        "period": choice.period,
        "levels": [
            (_("Pemda"), tables.pemdas),
            (_("Perangkat Daerah"), tables.opds),
            (_("Service units"), tables.units),
        ],
    }
    return TemplateResponse(request, "complaints/stats/staff.html", context | _labels())


def public_stats(request, pemda_slug: str):
    """Show a Pemda's complaint figures for a period: counts and timeliness only."""
    pemda = get_object_or_404(Pemda, slug=pemda_slug)
    choice = choose_period(request, _today())
    row = pemda_statistics(pemda, choice.period)
    context = {
        "pemda": pemda,
        "selection": choice,
        "period": choice.period,
        "row": row,
        # Label and count side by side: the public page lists them one per line.
        "kind_counts": list(zip(Kind.labels, row.kinds, strict=True)),
        "status_counts": list(zip(Status.labels, row.statuses, strict=True)),
    }
    return TemplateResponse(request, "complaints/stats/public.html", context)
