"""Staff pages of the innovation registry: the list, the registration form, an
innovation with its evidence, lineage and measured impact, replication, and the
One Agency One Innovation coverage with its reminder.

Innovations are fetched through ``selectors.innovation_get`` (scoped, drafts
private to their OPD); every change goes through ``services``.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from prima.core.forms import add_service_errors
from prima.core.http import stored_file_response
from prima.core.query import SLUG_MAX, text_param
from prima.core.roles import CHANGE, VIEW, Area
from prima.core.scoping import user_can
from prima.core.uploads import PDF, clean_upload
from prima.innovations import coverage, selectors, services
from prima.innovations.forms import (
    CoverageForm,
    EvidenceForm,
    InnovationForm,
    ListFilterForm,
    OwnerPickForm,
    ReplicateForm,
)
from prima.innovations.impact_selectors import impact_for_query
from prima.innovations.lineage import lineage_of
from prima.innovations.models import Innovation

PAGE_SIZE = 30


def _require(user, action: str = CHANGE) -> None:
    if not user_can(user, Area.INNOVATION, action):
        raise PermissionDenied


@login_required
def staff_list(request):
    _require(request.user, VIEW)
    form = ListFilterForm(request.GET or None, opds=selectors.filter_opds(request.user))
    filters = form.cleaned_data if form.is_valid() else {}
    innovations = selectors.staff_innovations(request.user, filters)
    context = {
        "form": form,
        "page": Paginator(innovations, PAGE_SIZE).get_page(request.GET.get("page")),
        "can_create": user_can(request.user, Area.INNOVATION, CHANGE),
        "can_coverage": coverage.coverage_pemdas(request.user).exists(),
    }
    return TemplateResponse(request, "innovations/staff/innovation_list.html", context)


def _owner_initial(request, owners) -> dict:
    """Return the OPD and unit picked in the GET form, when allowed."""
    pick = OwnerPickForm(request.GET, owners=owners, auto_id="pick_%s")
    if not request.GET or not pick.is_valid():
        return {}
    return {k: v for k, v in pick.cleaned_data.items() if v is not None}


def _form_page(request, innovation: Innovation | None):
    owners = selectors.owners_for(request.user, current=innovation)
    instance = innovation or Innovation()
    today = timezone.localdate()
    if request.method == "POST":
        form = InnovationForm(
            request.POST, instance=instance, owners=owners, today=today
        )
        if form.is_valid():
            try:
                saved = services.innovation_save(
                    form.instance,
                    by=request.user,
                    targets=form.cleaned_data["targets"],
                    layanan=form.cleaned_data["layanan"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Innovation saved."))
                return redirect("innovations:staff_detail", pk=saved.pk)
    else:
        initial = _owner_initial(request, owners)
        form = InnovationForm(
            instance=instance, initial=initial, owners=owners, today=today
        )
    pick = OwnerPickForm(initial=form.initial, owners=owners, auto_id="pick_%s")
    context = {
        "form": form,
        "pick": pick,
        "show_pick": owners.units.count() > 1 or owners.opds.count() > 1,
        "innovation": innovation,
        "owners": owners,
    }
    return TemplateResponse(request, "innovations/staff/innovation_form.html", context)


@login_required
def staff_create(request):
    _require(request.user)
    return _form_page(request, None)


@login_required
def staff_edit(request, pk: int):
    return _form_page(request, selectors.innovation_get(request.user, pk, CHANGE))


@login_required
def staff_detail(request, pk: int):
    innovation = selectors.innovation_get(request.user, pk)
    can_change = Innovation.objects.editable_by(request.user).filter(pk=pk).exists()
    context = {
        "innovation": innovation,
        "can_change": can_change,
        "can_replicate": innovation.is_published
        and user_can(request.user, Area.INNOVATION, CHANGE),
        "targets": innovation.targets.all(),
        "layanan": innovation.layanan.select_related("unit"),
        "evidence": innovation.evidence.all(),
        "evidence_form": EvidenceForm() if can_change else None,
        "lineage": lineage_of(
            innovation,
            user=request.user,
            private_url=lambda pk: reverse("innovations:staff_detail", args=[pk]),
        ),
        "impact": impact_for_query(innovation, request.GET),
    }
    return TemplateResponse(
        request, "innovations/staff/innovation_detail.html", context
    )


def _messages_of(error: ValidationError) -> str:
    return " ".join(error.messages)


@login_required
@require_POST
def staff_publish(request, pk: int):
    innovation = selectors.innovation_get(request.user, pk, CHANGE)
    try:
        services.innovation_publish(innovation, by=request.user)
    except ValidationError as error:
        messages.error(request, _publish_problem(innovation, error))
    else:
        messages.success(request, _("Innovation published."))
    return redirect("innovations:staff_detail", pk=innovation.pk)


def _publish_problem(innovation: Innovation, error: ValidationError) -> str:
    """Name the fields a publication is missing, by their labels."""
    if not hasattr(error, "error_dict"):
        return _messages_of(error)
    labels = [
        str(Innovation._meta.get_field(name).verbose_name)
        for name in error.error_dict
        if name != "__all__"
    ]
    return _("Not published; complete first: %(fields)s.") % {
        "fields": ", ".join(labels)
    }


@login_required
@require_POST
def staff_unpublish(request, pk: int):
    innovation = selectors.innovation_get(request.user, pk, CHANGE)
    try:
        services.innovation_unpublish(innovation, by=request.user)
    except ValidationError as error:
        messages.error(request, _messages_of(error))
        return redirect("innovations:staff_detail", pk=innovation.pk)
    messages.success(request, _("Innovation taken back to draft."))
    if Innovation.objects.visible_to(request.user).filter(pk=pk).exists():
        return redirect("innovations:staff_detail", pk=innovation.pk)
    # A draft is private to its OPD: a Pemda-level user no longer sees it.
    return redirect("innovations:staff_list")


@login_required
@require_POST
def evidence_add(request, pk: int):
    innovation = selectors.innovation_get(request.user, pk, CHANGE)
    form = EvidenceForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose a file to upload."))
        return redirect("innovations:staff_detail", pk=innovation.pk)
    try:
        clean = clean_upload(form.cleaned_data["file"])
        services.evidence_add(
            innovation,
            by=request.user,
            clean=clean,
            caption=form.cleaned_data["caption"],
        )
    except ValidationError as error:
        messages.error(request, _messages_of(error))
    else:
        messages.success(
            request, _("“%(name)s” added.") % {"name": clean.original_name}
        )
    return redirect("innovations:staff_detail", pk=innovation.pk)


@login_required
@require_POST
def evidence_delete(request, pk: int, evidence_pk: int):
    innovation = selectors.innovation_get(request.user, pk, CHANGE)
    item = innovation.evidence.filter(pk=evidence_pk).first()
    if item is None:
        # A retried removal: the file is gone already, which is what was asked.
        messages.info(request, _("That evidence file was already removed."))
    else:
        services.evidence_remove(item, by=request.user)
        messages.success(
            request, _("“%(name)s” removed.") % {"name": item.original_name}
        )
    return redirect("innovations:staff_detail", pk=innovation.pk)


@login_required
def evidence_file(request, pk: int):
    item = selectors.evidence_get(request.user, pk)
    # Photos were re-encoded on upload, so they are safe to show inline; a PDF
    # is always downloaded rather than rendered by the browser.
    return stored_file_response(
        item.file,
        filename=item.original_name,
        content_type=item.content_type,
        inline=item.content_type != PDF,
    )


@login_required
def replicate(request, pk: int):
    _require(request.user)
    origin = get_object_or_404(
        Innovation.objects.published().select_related("pemda", "opd"), pk=pk
    )
    owners = selectors.owners_for(request.user, replication=True)
    form = ReplicateForm(
        request.POST or None, owners=owners, initial={"title": origin.title}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            copy = services.innovation_replicate(
                origin,
                by=request.user,
                pemda=data["opd"].pemda,
                opd=data["opd"],
                unit=data["unit"],
                title=data["title"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return _after_replication(request, copy)
    context = {"form": form, "origin": origin, "owners": owners}
    return TemplateResponse(request, "innovations/staff/replicate_form.html", context)


def _after_replication(request, copy: Innovation):
    messages.success(
        request,
        _("Replication started as a draft of %(owner)s.")
        % {"owner": copy.unit or copy.opd},
    )
    if Innovation.objects.editable_by(request.user).filter(pk=copy.pk).exists():
        return redirect("innovations:staff_edit", pk=copy.pk)
    # A Pemda administrator hands the draft to the OPD, which completes it.
    return redirect("innovations:staff_list")


def _coverage_pemda(request, action: str, data):
    """Return the Pemda the coverage is about (chosen among the user's), or 403."""
    pemdas = coverage.coverage_pemdas(request.user, action)
    chosen = text_param(data, "pemda", max_length=SLUG_MAX)
    if chosen:
        pemda = pemdas.filter(slug=chosen).first()
        if pemda is None:
            raise Http404
        return pemda, pemdas
    pemda = pemdas.order_by("name").first()
    if pemda is None:
        raise PermissionDenied
    return pemda, pemdas


def _year(data) -> int:
    form = CoverageForm(data)
    return form.cleaned_data["tahun"] if form.is_valid() else timezone.localdate().year


@login_required
def coverage_view(request):
    pemda, pemdas = _coverage_pemda(request, VIEW, request.GET)
    year = _year(request.GET)
    context = {
        "coverage": coverage.coverage_of(pemda, year),
        "pemdas": pemdas if len(pemdas) > 1 else [],
        "can_remind": coverage.coverage_pemdas(request.user, CHANGE)
        .filter(pk=pemda.pk)
        .exists(),
    }
    return TemplateResponse(request, "innovations/staff/coverage.html", context)


@login_required
@require_POST
def coverage_remind(request):
    pemda, _pemdas = _coverage_pemda(request, CHANGE, request.POST)
    year = _year(request.POST)
    result = coverage.coverage_remind(pemda, year, today=timezone.localdate())
    if result.already_sent:
        messages.warning(
            request,
            _("The reminder for %(year)s was already sent today; nothing was sent.")
            % {"year": year},
        )
    elif result.recipients:
        messages.success(
            request,
            ngettext(
                "Reminder e-mailed to %(people)d OPD administrator.",
                "Reminder e-mailed to %(people)d OPD administrators.",
                result.recipients,
            )
            % {"people": result.recipients},
        )
    else:
        messages.info(request, _("No OPD administrator to remind."))
    return redirect(
        f"{reverse('innovations:coverage')}?tahun={year}&pemda={pemda.slug}"
    )
