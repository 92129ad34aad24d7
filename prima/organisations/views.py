"""Staff pages for the organisation tree and the service catalog.

Every object is fetched through the scoped entry points: a row outside the user's
scope answers 404, a visible row the user may only read answers 403 on change.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from prima.core.forms import add_service_errors
from prima.core.query import text_param
from prima.core.roles import CHANGE, VIEW, Area
from prima.core.scoping import get_for_user, user_can
from prima.organisations import selectors, services
from prima.organisations.forms import (
    LayananFilterForm,
    LayananForm,
    LetterheadForm,
    OpdHeadForm,
    UnitFilterForm,
    UnitForm,
)
from prima.organisations.models import Layanan, PerangkatDaerah, Unit

LAYANAN_PER_PAGE = 50
UNITS_PER_PAGE = 50


def _require(user, area: str, action: str = VIEW) -> None:
    if not user_can(user, area, action):
        raise PermissionDenied


@login_required
def layanan_list(request):
    """List the services the user may see, searchable and filterable."""
    _require(request.user, Area.CATALOG)
    opds, units = selectors.layanan_filter_choices(user=request.user)
    form = LayananFilterForm(request.GET or None, opds=opds, units=units)
    layanan = selectors.layanan_list(user=request.user, **form.filters())
    page = Paginator(layanan, LAYANAN_PER_PAGE).get_page(request.GET.get("page"))
    can_add = selectors.catalog_units_for(user=request.user).exists()
    editable = selectors.layanan_editable_ids(user=request.user, layanan=page)
    context = {
        "form": form,
        "page_obj": page,
        "can_add": can_add,
        "editable": editable,
    }
    return TemplateResponse(request, "organisations/layanan_list.html", context)


@login_required
def layanan_create(request):
    """Add a service to a unit in which the user may change the catalog."""
    units = selectors.catalog_units_for(user=request.user)
    if not units.exists():
        raise PermissionDenied
    form = LayananForm(request.POST or None, units=units)
    if form.is_valid():
        try:
            layanan = services.layanan_create(**form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Service “%s” was added.") % layanan)
            return redirect("organisations:layanan-list")
    context = {"form": form, "title": _("New service")}
    return TemplateResponse(request, "organisations/layanan_form.html", context)


@login_required
def layanan_edit(request, pk: int):
    """Change a service the user may edit."""
    layanan = get_for_user(Layanan.objects, request.user, CHANGE, pk=pk)
    title = _("Edit service “%s”") % layanan
    units = selectors.catalog_units_for(user=request.user)
    form = LayananForm(request.POST or None, instance=layanan, units=units)
    if form.is_valid():
        try:
            services.layanan_update(layanan=layanan, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Service “%s” was saved.") % layanan)
            return redirect("organisations:layanan-list")
    context = {"form": form, "title": title, "layanan": layanan}
    return TemplateResponse(request, "organisations/layanan_form.html", context)


@login_required
def unit_list(request):
    """List the service units the user may see."""
    _require(request.user, Area.ORGANISATION)
    opds = PerangkatDaerah.objects.visible_to(request.user)
    form = UnitFilterForm(request.GET or None, opds=opds)
    units = selectors.unit_list(user=request.user, **form.filters())
    page = Paginator(units, UNITS_PER_PAGE).get_page(request.GET.get("page"))
    can_add = user_can(request.user, Area.ORGANISATION, CHANGE)
    context = {"form": form, "page_obj": page, "can_add": can_add}
    return TemplateResponse(request, "organisations/unit_list.html", context)


@login_required
def unit_detail(request, pk: int):
    """Show a unit with its OPD, services, maklumat and staff, as granted."""
    unit = get_for_user(
        Unit.objects.select_related("pemda", "opd"), request.user, VIEW, pk=pk
    )
    context = {"unit": unit, **selectors.unit_overview(user=request.user, unit=unit)}
    return TemplateResponse(request, "organisations/unit_detail.html", context)


@login_required
def unit_create(request):
    """Add a service unit; only for holders of the organisation change grant."""
    opds = PerangkatDaerah.objects.editable_by(request.user).select_related("pemda")
    if not opds.exists():
        raise PermissionDenied
    form = UnitForm(request.POST or None, opds=opds)
    if form.is_valid():
        try:
            unit = services.unit_create(**form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Unit “%s” was added.") % unit)
            return redirect("organisations:unit-detail", pk=unit.pk)
    context = {"form": form, "title": _("New service unit")}
    return TemplateResponse(request, "organisations/unit_form.html", context)


@login_required
def unit_edit(request, pk: int):
    """Change a service unit; only for holders of the organisation change grant."""
    unit = get_for_user(Unit.objects, request.user, CHANGE, pk=pk)
    title = _("Edit unit “%s”") % unit
    opds = PerangkatDaerah.objects.editable_by(request.user).select_related("pemda")
    form = UnitForm(request.POST or None, instance=unit, opds=opds)
    if form.is_valid():
        try:
            services.unit_update(unit=unit, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Unit “%s” was saved.") % unit)
            return redirect("organisations:unit-detail", pk=unit.pk)
    context = {"form": form, "title": title, "unit": unit}
    return TemplateResponse(request, "organisations/unit_form.html", context)


@login_required
def opd_list(request):
    """List the OPDs the user may see, with their visible unit counts."""
    _require(request.user, Area.ORGANISATION)
    opds = selectors.opd_list(user=request.user)
    editable = set(
        PerangkatDaerah.objects.editable_by(request.user).values_list("pk", flat=True)
    )
    letterhead = selectors.letterhead_editable_pemdas(request.user).exists()
    context = {"opds": opds, "editable": editable, "can_letterhead": letterhead}
    return TemplateResponse(request, "organisations/opd_list.html", context)


@login_required
def opd_edit(request, pk: int):
    """Change who heads the OPD (the official who signs its reports)."""
    opd = get_for_user(PerangkatDaerah.objects, request.user, CHANGE, pk=pk)
    form = OpdHeadForm(request.POST or None, instance=opd)
    if request.method == "POST" and form.is_valid():
        services.opd_head_update(opd=opd, **form.cleaned_data)
        messages.success(request, _("“%s” was saved.") % opd)
        return redirect("organisations:opd-list")
    context = {"form": form, "opd": opd}
    return TemplateResponse(request, "organisations/opd_form.html", context)


@login_required
def letterhead_edit(request):
    """The letterhead, logo and signing official of the Pemda's official PDFs."""
    pemdas = selectors.letterhead_editable_pemdas(request.user)
    chosen = text_param(request.GET, "pemda", max_length=60)
    pemda = (pemdas.filter(slug=chosen) if chosen else pemdas).first()
    if pemda is None:
        if chosen and pemdas.exists():
            raise Http404
        raise PermissionDenied
    letterhead = selectors.letterhead_of(pemda)
    form = LetterheadForm(
        request.POST or None, request.FILES or None, instance=letterhead
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.letterhead_save(
            pemda=pemda,
            by=request.user,
            fields={name: data[name] for name in LetterheadForm.Meta.fields},
            logo=data["logo_upload"],
            remove_logo=data["remove_logo"],
        )
        messages.success(request, _("The letterhead was saved."))
        return redirect(f"{request.path}?pemda={pemda.slug}")
    context = {
        "form": form,
        "pemda": pemda,
        "pemdas": pemdas if len(pemdas) > 1 else [],
        "letterhead": letterhead,
        "logo": selectors.logo_data_uri(letterhead),
    }
    return TemplateResponse(request, "organisations/letterhead_form.html", context)
