"""Staff pages of the participant's path: a team's path page (diagnosis, design,
rencana aksi with every report round and its review), the forms the team fills in,
the mentor's review, and the coaching clinic of the team's proposal.

Rows come through ``path_selectors`` (404 outside a user's reach); who may act is
``path_access`` (403 for those who see but may not act); changes go through
``path_services``.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from prima.core.forms import add_service_errors
from prima.core.http import stored_file_response
from prima.core.uploads import clean_upload
from prima.innovations.models import Innovation
from prima.programmes import path_selectors as selectors
from prima.programmes import path_services as services
from prima.programmes.path_forms import (
    ClinicReviewForm,
    DesignStartForm,
    DiagnosisForm,
    MilestoneForm,
    ProposalForm,
    ReportForm,
    ReviewForm,
)

FORM = "programmes/path/form.html"


def _member_team(user, pk: int):
    team = selectors.path_team_get(user, pk)
    if not selectors.path_access(user, team).member:
        raise PermissionDenied
    return team


def _to_path(team):
    return redirect("programmes:team_path", pk=team.pk)


@login_required
def team_path(request, pk: int):
    team = selectors.path_team_get(request.user, pk)
    powers = selectors.path_access(request.user, team)
    innovation = selectors.innovation_of(team)
    threads = selectors.plan_threads(team)
    if powers.mentor:
        for thread in threads:
            latest = thread.latest
            if latest is not None and latest.is_pending:
                latest.review_form = ReviewForm(auto_id=f"id_r{latest.pk}_%s")
    registry_link = innovation is not None and (
        Innovation.objects.visible_to(request.user).filter(pk=innovation.pk).exists()
    )
    context = {
        "team": team,
        "programme": team.programme,
        "powers": powers,
        "diagnosis": selectors.diagnosis_of(team),
        "facts": selectors.diagnosis_facts(team, today=timezone.localdate()),
        "innovation": innovation,
        "threads": threads,
        "registry_link": registry_link,
    }
    return TemplateResponse(request, "programmes/path/team_path.html", context)


@login_required
def diagnosis_edit(request, pk: int):
    team = _member_team(request.user, pk)
    today = timezone.localdate()
    facts = selectors.diagnosis_facts(team, today=today)
    current = selectors.diagnosis_of(team)
    initial = {}
    if current is not None:
        initial = {
            "unsur": current.unsur,
            "problem_statement": current.problem_statement,
            "root_causes": current.root_causes,
        }
    form = DiagnosisForm(request.POST or None, facts=facts, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.diagnosis_save(
                team, by=request.user, today=today, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Diagnosis saved."))
            return _to_path(team)
    context = {
        "team": team,
        "programme": team.programme,
        "form": form,
        "facts": facts,
        "heading": _("Diagnosis of the team"),
    }
    return TemplateResponse(request, FORM, context)


@login_required
def design_edit(request, pk: int):
    """Start the team's innovation draft, then write its proposal sections."""
    team = _member_team(request.user, pk)
    innovation = selectors.innovation_of(team)
    if innovation is None:
        form = DesignStartForm(request.POST or None)
    else:
        form = ProposalForm(request.POST or None, innovation=innovation)
    if request.method == "POST" and form.is_valid():
        try:
            if innovation is None:
                services.design_start(team, by=request.user, **form.cleaned_data)
            else:
                services.proposal_save(
                    innovation,
                    by=request.user,
                    title=form.cleaned_data["title"],
                    sections=form.sections(),
                )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Innovation draft saved."))
            return _to_path(team)
    context = {
        "team": team,
        "programme": team.programme,
        "form": form,
        "heading": _("Innovation proposal")
        if innovation
        else _("Start the innovation draft"),
    }
    return TemplateResponse(request, FORM, context)


@login_required
def milestone_add(request, pk: int):
    team = _member_team(request.user, pk)
    form = MilestoneForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.milestone_add(team, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Milestone added to the action plan."))
            return _to_path(team)
    context = {
        "team": team,
        "programme": team.programme,
        "form": form,
        "heading": _("Add a milestone"),
    }
    return TemplateResponse(request, FORM, context)


@login_required
def milestone_edit(request, pk: int):
    milestone = selectors.milestone_get(request.user, pk)
    team = _member_team(request.user, milestone.team_id)
    form = MilestoneForm(request.POST or None, instance=milestone)
    if request.method == "POST" and form.is_valid():
        try:
            services.milestone_update(milestone, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Milestone saved."))
            return _to_path(team)
    context = {
        "team": team,
        "programme": team.programme,
        "form": form,
        "heading": _("Change the milestone"),
    }
    return TemplateResponse(request, FORM, context)


@login_required
@require_POST
def milestone_remove(request, pk: int):
    milestone = selectors.milestone_get(request.user, pk)
    team = _member_team(request.user, milestone.team_id)
    try:
        services.milestone_remove(milestone)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Milestone removed."))
    return _to_path(team)


@login_required
def report_create(request, pk: int):
    milestone = selectors.milestone_get(request.user, pk)
    team = _member_team(request.user, milestone.team_id)
    form = ReportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            services.report_submit(
                milestone,
                by=request.user,
                text=form.cleaned_data["text"],
                clean=clean_upload(upload) if upload else None,
                link=form.cleaned_data["link"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Milestone reported; the mentor reviews it."))
            return _to_path(team)
    context = {
        "team": team,
        "programme": team.programme,
        "milestone": milestone,
        "form": form,
        "thread": next(
            t for t in selectors.plan_threads(team) if t.milestone.pk == milestone.pk
        ),
        "heading": _("Report a milestone"),
        "multipart": True,
    }
    return TemplateResponse(request, FORM, context)


@login_required
@require_POST
def report_review(request, pk: int):
    report = selectors.report_get(request.user, pk)
    team = report.milestone.team
    if not selectors.path_access(request.user, team).mentor:
        raise PermissionDenied
    form = ReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose accepted or needs revision."))
        return _to_path(team)
    try:
        services.report_review(
            report,
            by=request.user,
            accept=form.cleaned_data["outcome"] == "diterima",
            comment=form.cleaned_data["comment"],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Review saved."))
    return _to_path(team)


@login_required
def report_file(request, pk: int):
    report = selectors.report_get(request.user, pk)
    if not report.file:
        raise Http404
    return stored_file_response(
        report.file,
        filename=report.original_name,
        content_type=report.content_type,
        inline=False,
    )


# Coaching clinic ----------------------------------------------------------------------


@login_required
def clinic(request, pk: int):
    team = selectors.clinic_team_get(request.user, pk)
    powers = selectors.path_access(request.user, team)
    versions = selectors.clinic_versions(team)
    latest = versions[0] if versions else None
    may_advise = bool(
        powers.coach
        and latest
        and not any(r.reviewer_id == request.user.pk for r in latest.reviews)
    )
    context = {
        "team": team,
        "programme": team.programme,
        "powers": powers,
        "innovation": selectors.innovation_of(team),
        "versions": versions,
        "may_submit": powers.member and (latest is None or bool(latest.reviews)),
        "advice_form": ClinicReviewForm() if may_advise else None,
    }
    return TemplateResponse(request, "programmes/path/clinic.html", context)


@login_required
@require_POST
def version_submit(request, pk: int):
    team = selectors.clinic_team_get(request.user, pk)
    if not selectors.path_access(request.user, team).member:
        raise PermissionDenied
    try:
        version = services.version_submit(team, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Version %(number)d put to the coaching clinic.")
            % {"number": version.number},
        )
    return redirect("programmes:clinic", pk=team.pk)


@login_required
@require_POST
def clinic_review(request, pk: int):
    version = selectors.version_get(request.user, pk)
    team = version.team
    if not selectors.path_access(request.user, team).coach:
        raise PermissionDenied
    form = ClinicReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write advice on each of the five criteria."))
        return redirect("programmes:clinic", pk=team.pk)
    try:
        services.clinic_review(version, by=request.user, advice=form.advice())
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Advice saved with version %(number)d.") % {"number": version.number},
        )
    return redirect("programmes:clinic", pk=team.pk)
