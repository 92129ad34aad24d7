"""Staff pages for Standar Pelayanan versions and the units' Maklumat Pelayanan.

Every object is fetched through the scoped entry points: a row outside the user's
scope answers 404, a visible row the user may only read answers 403 on change, and a
GET to an action that only accepts POST answers 405.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from prima.core.forms import add_service_errors
from prima.core.roles import CHANGE, Area
from prima.core.scoping import get_for_user, user_can
from prima.organisations.models import Layanan
from prima.standards import selectors, services
from prima.standards.forms import (
    ApproveForm,
    MaklumatForm,
    ReturnForm,
    ReviewForm,
    StandardFilterForm,
    StandardForm,
)
from prima.standards.models import StandarPelayanan

SERVICES_PER_PAGE = 50


def _to_detail(standard: StandarPelayanan):
    return redirect("standards:standard-detail", layanan_pk=standard.layanan_id)


def _error_messages(request, errors) -> None:
    for message in errors:
        messages.error(request, message)


@login_required
def standard_list(request):
    if not user_can(request.user, Area.CATALOG):
        raise PermissionDenied
    form = StandardFilterForm(request.GET)
    today = timezone.localdate()
    layanan = selectors.layanan_with_standards(
        user=request.user, today=today, **form.filters()
    )
    page = Paginator(layanan, SERVICES_PER_PAGE).get_page(request.GET.get("page"))
    rows = selectors.standard_rows(page.object_list, today=today)
    queue = selectors.approval_queue(user=request.user)
    context = {"form": form, "page_obj": page, "rows": rows, "queue": queue}
    return TemplateResponse(request, "standards/standard_list.html", context)


@login_required
def standard_detail(request, layanan_pk: int):
    layanan = get_for_user(
        Layanan.objects.select_related("unit", "unit__opd"), request.user, pk=layanan_pk
    )
    overview = selectors.standard_overview(
        layanan=layanan, user=request.user, today=timezone.localdate()
    )
    context = {"overview": overview, "review_form": ReviewForm()}
    return TemplateResponse(request, "standards/standard_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def standard_edit(request, layanan_pk: int):
    layanan = get_for_user(Layanan.objects, request.user, CHANGE, pk=layanan_pk)
    source = selectors.standard_edit_source(layanan=layanan, user=request.user)
    if source is not None and source.is_awaiting_approval:
        messages.info(request, _("A version awaiting approval cannot be edited."))
        return _to_detail(source)
    data = request.POST if request.method == "POST" else None
    form = StandardForm(data, layanan=layanan, source=source)
    if form.is_valid():
        try:
            draft = services.standard_save_draft(
                layanan=layanan, user=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request, _("Draft version %(v)s was saved.") % {"v": draft.version}
            )
            return _to_detail(draft)
    context = {"form": form, "layanan": layanan, "source": source}
    return TemplateResponse(request, "standards/standard_form.html", context)


@login_required
def version_detail(request, pk: int):
    standard = get_for_user(
        StandarPelayanan.objects.select_related("layanan__unit"), request.user, pk=pk
    )
    context = {
        "standard": standard,
        "can_change": selectors.standard_can_change(
            standard=standard, user=request.user
        ),
        "can_approve": selectors.standard_can_approve(
            standard=standard, user=request.user
        ),
        "returned": selectors.version_returned(standard=standard, user=request.user),
        "review_overdue": standard.is_review_overdue(timezone.localdate()),
        "review_form": ReviewForm(),
    }
    return TemplateResponse(request, "standards/standard_version_detail.html", context)


@require_POST
@login_required
def standard_submit(request, pk: int):
    standard = get_for_user(StandarPelayanan.objects, request.user, CHANGE, pk=pk)
    try:
        standard = services.standard_submit(standard=standard, user=request.user)
    except ValidationError as exc:
        _error_messages(request, exc.messages)
    else:
        messages.success(
            request,
            _("Version %(v)s was submitted to the OPD administrator for approval.")
            % {"v": standard.version},
        )
    return _to_detail(standard)


def _get_for_approval(request, pk: int) -> StandarPelayanan:
    """Return a version the user sees, 403 unless the user may approve it."""
    standard = get_for_user(
        StandarPelayanan.objects.select_related("layanan__unit__opd", "submitted_by"),
        request.user,
        pk=pk,
    )
    if not selectors.standard_can_approve(standard=standard, user=request.user):
        raise PermissionDenied
    return standard


@login_required
@require_http_methods(["GET", "POST"])
def standard_approve(request, pk: int):
    standard = _get_for_approval(request, pk)
    if not standard.is_awaiting_approval:
        messages.info(
            request,
            _("Version %(v)s is not awaiting approval.") % {"v": standard.version},
        )
        return _to_detail(standard)
    review = selectors.approval_review(standard=standard)
    data = request.POST if request.method == "POST" else None
    form = ApproveForm.for_version(data, standard=standard, published=review.published)
    if form.is_valid():
        try:
            services.standard_approve(
                standard=standard, user=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("Version %(v)s is approved and published.") % {"v": standard.version},
            )
            return _to_detail(standard)
    context = {"review": review, "form": form, "return_form": ReturnForm()}
    return TemplateResponse(request, "standards/standard_approve.html", context)


@require_POST
@login_required
def standard_return(request, pk: int):
    standard = _get_for_approval(request, pk)
    form = ReturnForm(request.POST)
    if not form.is_valid():
        _error_messages(request, [m for e in form.errors.values() for m in e])
        return redirect("standards:standard-approve", pk=standard.pk)
    try:
        services.standard_return(
            standard=standard, user=request.user, **form.cleaned_data
        )
    except ValidationError as exc:
        _error_messages(request, exc.messages)
        return redirect("standards:standard-approve", pk=standard.pk)
    messages.success(
        request,
        _("Version %(v)s was returned for revision.") % {"v": standard.version},
    )
    return _to_detail(standard)


@require_POST
@login_required
def standard_review(request, pk: int):
    standard = get_for_user(StandarPelayanan.objects, request.user, CHANGE, pk=pk)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        _error_messages(request, [m for e in form.errors.values() for m in e])
        return _to_detail(standard)
    try:
        services.standard_review(
            standard=standard, user=request.user, **form.cleaned_data
        )
    except ValidationError as exc:
        _error_messages(request, exc.messages)
    else:
        messages.success(request, _("The review was recorded."))
    return _to_detail(standard)


@login_required
@require_http_methods(["GET", "POST"])
def maklumat_edit(request, unit_pk: int):
    unit = selectors.unit_get_for_catalog(user=request.user, pk=unit_pk, action=CHANGE)
    maklumat = selectors.maklumat_for_unit(unit=unit, user=request.user)
    data = request.POST if request.method == "POST" else None
    form = MaklumatForm(data, unit=unit, current=maklumat)
    if form.is_valid():
        try:
            services.maklumat_save(unit=unit, user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request, _("The Maklumat of %(unit)s was saved.") % {"unit": unit}
            )
            return redirect("standards:maklumat-edit", unit_pk=unit.pk)
    context = {"form": form, "unit": unit, "maklumat": maklumat}
    return TemplateResponse(request, "standards/maklumat_form.html", context)
