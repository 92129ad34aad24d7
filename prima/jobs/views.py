"""Background jobs: start a large export, watch its progress, download its file.
A job is its owner's alone."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_POST

from prima.core.roles import CHANGE, Area
from prima.core.scoping import get_for_user, user_has_any_role
from prima.jobs import services
from prima.jobs.forms import ExportForm, ImportForm
from prima.jobs.models import Job
from prima.organisations.models import Unit

# The progress page reloads itself this often (seconds) until the job is finished.
REFRESH_SECONDS = 2


def _form(user, data=None, initial=None) -> ExportForm:
    pemdas = services.export_pemdas(user)
    if not pemdas.exists():
        raise PermissionDenied
    return ExportForm(
        data,
        initial=initial,
        pemdas=pemdas,
        kinds=services.export_kinds(user),
        pemdas_for_kind=lambda kind: services.export_pemdas(user, kind),
    )


@login_required
def job_list(request):
    """The user's jobs, and the export form when they may export something."""
    if not user_has_any_role(request.user):
        raise PermissionDenied
    form = None
    if services.export_pemdas(request.user).exists():
        form = _form(request.user, initial={"year": timezone.localdate().year})
    jobs = Job.objects.filter(owner=request.user).select_related("pemda")[:50]
    return TemplateResponse(request, "jobs/job_list.html", {"form": form, "jobs": jobs})


@login_required
@require_POST
def job_start(request):
    form = _form(request.user, request.POST)
    if not form.is_valid():
        jobs = Job.objects.filter(owner=request.user).select_related("pemda")[:50]
        context = {"form": form, "jobs": jobs}
        return TemplateResponse(request, "jobs/job_list.html", context, status=400)
    job = services.job_start(
        owner=request.user,
        pemda=form.cleaned_data["pemda"],
        year=form.cleaned_data["year"],
        kind=form.cleaned_data["kind"],
    )
    return redirect("jobs:detail", pk=job.pk)


@login_required
@require_POST
def import_start(request, unit_pk: int):
    """Queue a large paper-form import into a unit whose survey the user changes."""
    unit = get_for_user(
        Unit.objects, request.user, CHANGE, area=Area.SURVEY, pk=unit_pk
    )
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        context = {"unit": unit, "form": form}
        return TemplateResponse(
            request, "jobs/import_refused.html", context, status=400
        )
    job = services.import_start(
        owner=request.user, unit=unit, upload=form.cleaned_data["file"]
    )
    return redirect("jobs:detail", pk=job.pk)


@login_required
def job_detail(request, pk: int):
    job = get_object_or_404(
        Job.objects.select_related("pemda"), pk=pk, owner=request.user
    )
    context = {"job": job, "refresh": None if job.finished else REFRESH_SECONDS}
    return TemplateResponse(request, "jobs/job_detail.html", context)


@login_required
def job_download(request, pk: int):
    job = get_object_or_404(Job, pk=pk, owner=request.user)
    if job.status != Job.Status.DONE or not job.file:
        raise Http404
    return FileResponse(job.file.open("rb"), as_attachment=True, filename=job.filename)
