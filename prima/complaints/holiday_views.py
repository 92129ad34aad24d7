"""Staff pages of the Pemda's holiday calendar, kept by the Pemda administrator."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from prima.complaints import holidays
from prima.complaints.holiday_forms import HolidayForm, HolidayImportForm
from prima.core.forms import add_service_errors
from prima.core.query import MAX_ID, int_param
from prima.core.tables import TableRefused


def _pemdas(user):
    pemdas = holidays.calendar_pemdas(user)
    if not pemdas.exists():
        raise PermissionDenied
    return pemdas


def _page(
    request, pemdas, pemda, year, *, add_form=None, import_form=None, result=None
):
    initial = {"pemda": pemda, "year": year}
    context = {
        "pemdas": pemdas,
        "pemda": pemda,
        "year": year,
        "holidays": holidays.holidays_of_year(pemda=pemda, year=year),
        "add_form": add_form or HolidayForm(initial=initial, pemdas=pemdas),
        "import_form": import_form or HolidayImportForm(initial=initial, pemdas=pemdas),
        "result": result,
    }
    return TemplateResponse(request, "complaints/staff/holiday_list.html", context)


def _back(pemda, year: int):
    return redirect(
        f"{reverse('complaints:holiday-list')}?pemda={pemda.pk}&tahun={year}"
    )


@login_required
def holiday_list(request):
    """List a Pemda's holidays of one year, with the forms to add and import."""
    pemdas = _pemdas(request.user)
    pemda_pk = int_param(request.GET, "pemda", default=0, low=0, high=MAX_ID)
    pemda = pemdas.filter(pk=pemda_pk).first() or pemdas.first()
    year = int_param(
        request.GET, "tahun", default=timezone.localdate().year, low=0, high=9999
    )
    return _page(request, pemdas, pemda, min(max(year, 2000), 2100))


@login_required
@require_POST
def holiday_add(request):
    """Add one day to a Pemda's calendar."""
    pemdas = _pemdas(request.user)
    form = HolidayForm(request.POST, pemdas=pemdas)
    if form.is_valid():
        try:
            holiday = holidays.holiday_add(**form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("%(day)s was added.") % {"day": holiday.day})
            return _back(holiday.pemda, holiday.day.year)
    pemda = form.cleaned_data.get("pemda") or pemdas.first()
    year = form.cleaned_data["day"].year if "day" in form.cleaned_data else None
    return _page(
        request, pemdas, pemda, year or timezone.localdate().year, add_form=form
    )


@login_required
@require_POST
def holiday_import(request):
    """Import a year's holidays from a CSV or XLSX file, all or nothing."""
    pemdas = _pemdas(request.user)
    form = HolidayImportForm(request.POST, request.FILES, pemdas=pemdas)
    result = None
    if form.is_valid():
        pemda, year, upload = (form.cleaned_data[k] for k in ("pemda", "year", "file"))
        try:
            result = holidays.holidays_import(
                pemda=pemda, year=year, name=upload.name, data=upload.read()
            )
        except TableRefused as exc:
            form.add_error("file", str(exc))
        else:
            if result.ok:
                messages.success(request, _import_message(result))
                return _back(pemda, year)
    pemda = form.cleaned_data.get("pemda") or pemdas.first()
    year = form.cleaned_data.get("year") or timezone.localdate().year
    return _page(request, pemdas, pemda, year, import_form=form, result=result)


def _import_message(result) -> str:
    added = ngettext(
        "%(count)d holiday added.", "%(count)d holidays added.", result.added
    ) % {"count": result.added}
    if not result.already:
        return added
    already = ngettext(
        "%(count)d was already in the calendar.",
        "%(count)d were already in the calendar.",
        result.already,
    ) % {"count": result.already}
    return f"{added} {already}"


@login_required
@require_POST
def holiday_delete(request, pemda_pk: int, day: str):
    """Remove a day from a Pemda's calendar; removing it again changes nothing."""
    pemda = _pemdas(request.user).filter(pk=pemda_pk).first()
    try:
        when = date.fromisoformat(day)
    except ValueError:
        when = None
    if pemda is None or when is None:
        raise Http404
    if holidays.holiday_remove(pemda=pemda, day=when):
        messages.success(request, _("%(day)s was removed.") % {"day": when})
    else:
        messages.info(request, _("%(day)s was not a holiday.") % {"day": when})
    return _back(pemda, when.year)
