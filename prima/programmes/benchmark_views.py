"""Benchmarking visits of a programme: the visit, the innovations seen there
(recorded into the replication library) and the replication drafts started
from them."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from prima.core.forms import add_service_errors
from prima.core.roles import CHANGE
from prima.innovations.models import Innovation
from prima.programmes import benchmark_services, selectors
from prima.programmes.closing_forms import ObservationForm, VisitForm
from prima.programmes.models import BenchmarkVisit, Observation, Programme


def _visit_get(user, pk: int, action: str = "view") -> BenchmarkVisit:
    """Return a visit of a programme the user sees (404) or organises (403)."""
    visit = (
        BenchmarkVisit.objects.select_related("programme")
        .filter(pk=pk, programme__in=Programme.objects.visible_to(user))
        .first()
    )
    if visit is None:
        raise Http404
    if action != "view":
        selectors.programme_get(user, visit.programme_id, action)
    return visit


@login_required
def visit_create(request, pk: int):
    programme = selectors.programme_get(request.user, pk, CHANGE)
    form = VisitForm(request.POST or None, participants=selectors.accepted(programme))
    if request.method == "POST" and form.is_valid():
        try:
            visit = benchmark_services.visit_save(
                programme=programme, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Benchmarking visit recorded."))
            return redirect("programmes:visit_detail", pk=visit.pk)
    context = {"programme": programme, "form": form}
    return TemplateResponse(request, "programmes/benchmark/visit_form.html", context)


@login_required
def visit_detail(request, pk: int):
    visit = _visit_get(request.user, pk)
    powers = selectors.access(request.user, visit.programme)
    editable = set(
        Innovation.objects.editable_by(request.user).values_list("pk", flat=True)
    )
    observations = visit.observations.select_related(
        "innovation", "adopting_opd", "replication"
    )
    context = {
        "visit": visit,
        "programme": visit.programme,
        "powers": powers,
        "went": visit.participants.select_related("user", "opd"),
        "observations": [(o, o.innovation_id in editable) for o in observations],
    }
    return TemplateResponse(request, "programmes/benchmark/visit_detail.html", context)


@login_required
def observation_add(request, pk: int):
    visit = _visit_get(request.user, pk, CHANGE)
    form = ObservationForm(request.POST or None, pemda=visit.programme.pemda)
    if request.method == "POST" and form.is_valid():
        try:
            benchmark_services.observation_add(
                visit, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("Innovation recorded into the replication library.")
            )
            return redirect("programmes:visit_detail", pk=visit.pk)
    context = {"visit": visit, "programme": visit.programme, "form": form}
    return TemplateResponse(
        request, "programmes/benchmark/observation_form.html", context
    )


@login_required
@require_POST
def observation_replicate(request, pk: int):
    observation = (
        Observation.objects.select_related("visit")
        .filter(pk=pk, visit__programme__in=Programme.objects.visible_to(request.user))
        .first()
    )
    if observation is None:
        raise Http404
    selectors.programme_get(request.user, observation.visit.programme_id, CHANGE)
    try:
        copy = benchmark_services.observation_replicate(observation, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Replication started as a draft of %(owner)s.") % {"owner": copy.opd},
        )
    return redirect("programmes:visit_detail", pk=observation.visit_id)
