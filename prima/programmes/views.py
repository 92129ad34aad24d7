"""Staff pages of programmes: the list, the programme form and page, stages,
facilitators, nominating and deciding participants, teams and their mentors.

Every row is fetched through a scoped accessor of ``selectors``; every change goes
through ``services``.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from prima.core.forms import add_service_errors
from prima.core.roles import CHANGE, Area, Level
from prima.core.scoping import is_platform_operator, targets_where, user_can
from prima.organisations.models import Pemda, PerangkatDaerah
from prima.programmes import selectors, services
from prima.programmes.forms import (
    DecideForm,
    FacilitatorForm,
    MentorForm,
    NominateForm,
    ProgrammeForm,
    StageForm,
    TeamForm,
    TeamMemberForm,
)
from prima.programmes.models import Facilitator, Stage


def _problem(request, error: ValidationError) -> None:
    messages.error(request, " ".join(error.messages))


def _organisers(user) -> list[tuple[str, str, Pemda, PerangkatDaerah | None]]:
    """Return whom the user may organise a programme as: a Pemda's Bagian
    Organisasi (Pemda administrators) or an OPD (its administrator)."""
    if is_platform_operator(user):
        pemdas, opds = Pemda.objects.all(), PerangkatDaerah.objects.none()
    else:
        pemda_ids = targets_where(user, Area.PROGRAMMES, CHANGE, level=Level.PEMDA)
        opd_ids = targets_where(user, Area.PROGRAMMES, CHANGE, level=Level.OPD)
        pemdas = Pemda.objects.filter(pk__in=sorted(pemda_ids))
        opds = PerangkatDaerah.objects.filter(pk__in=sorted(opd_ids))
    choices = [
        (f"p{p.pk}", _("Bagian Organisasi, %(pemda)s") % {"pemda": p}, p, None)
        for p in pemdas.order_by("name")
    ]
    choices += [
        (f"o{o.pk}", str(o), o.pemda, o)
        for o in opds.select_related("pemda").order_by("name")
    ]
    return choices


@login_required
def programme_list(request):
    if not user_can(request.user, Area.PROGRAMMES):
        raise PermissionDenied
    context = {
        "programmes": selectors.programmes_for(request.user),
        "can_create": bool(_organisers(request.user)),
    }
    return TemplateResponse(request, "programmes/programme_list.html", context)


def _targets(form: ProgrammeForm) -> dict:
    return {
        "target_opds": form.cleaned_data["target_opds"],
        "target_units": form.cleaned_data["target_units"],
    }


@login_required
def programme_create(request):
    organisers = _organisers(request.user)
    if not organisers:
        raise PermissionDenied
    form = ProgrammeForm(request.POST or None, organisers=organisers)
    if request.method == "POST" and form.is_valid():
        pemda, opd = form.organiser_choice()
        data = {k: v for k, v in form.cleaned_data.items() if k != "organiser"}
        try:
            programme = services.programme_create(
                pemda=pemda, organiser_opd=opd, by=request.user, **data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Programme created with its five stages."))
            return redirect("programmes:programme_detail", pk=programme.pk)
    return TemplateResponse(
        request, "programmes/programme_form.html", {"form": form, "programme": None}
    )


@login_required
def programme_edit(request, pk: int):
    programme = selectors.programme_get(request.user, pk, CHANGE)
    form = ProgrammeForm(
        request.POST or None, instance=programme, pemda=programme.pemda
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.programme_update(programme, by=request.user, **data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Programme saved."))
            return redirect("programmes:programme_detail", pk=programme.pk)
    return TemplateResponse(
        request,
        "programmes/programme_form.html",
        {"form": form, "programme": programme},
    )


@login_required
def programme_detail(request, pk: int):
    programme = selectors.programme_get(request.user, pk)
    powers = selectors.access(request.user, programme)
    context = {
        "programme": programme,
        "powers": powers,
        "own": programme.participants.filter(user=request.user).first(),
        "stages": programme.stages.all(),
        "facilitators": programme.facilitators.all(),
        "sessions": programme.sessions.select_related("facilitator"),
        "participants": selectors.participants_for(request.user, programme, powers),
        "teams": selectors.teams_for(request.user, programme, powers),
        "facilitator_form": FacilitatorForm() if powers.change else None,
        "team_form": TeamForm(programme=programme) if powers.change else None,
    }
    return TemplateResponse(request, "programmes/programme_detail.html", context)


@login_required
def stage_edit(request, pk: int):
    stage = get_object_or_404(Stage, pk=pk)
    programme = selectors.programme_get(request.user, stage.programme_id, CHANGE)
    form = StageForm(request.POST or None, instance=stage)
    if request.method == "POST" and form.is_valid():
        services.stage_update(stage, **form.cleaned_data)
        messages.success(request, _("Stage saved."))
        return redirect("programmes:programme_detail", pk=programme.pk)
    context = {"form": form, "stage": stage, "programme": programme}
    return TemplateResponse(request, "programmes/stage_form.html", context)


@login_required
@require_POST
def facilitator_add(request, pk: int):
    programme = selectors.programme_get(request.user, pk, CHANGE)
    form = FacilitatorForm(request.POST)
    if form.is_valid():
        services.facilitator_add(programme, **form.cleaned_data)
        messages.success(request, _("Facilitator added."))
    else:
        messages.error(request, _("Give the facilitator's name and institution."))
    return redirect("programmes:programme_detail", pk=programme.pk)


@login_required
@require_POST
def facilitator_remove(request, pk: int):
    facilitator = get_object_or_404(Facilitator, pk=pk)
    programme = selectors.programme_get(request.user, facilitator.programme_id, CHANGE)
    services.facilitator_remove(facilitator)
    messages.success(request, _("Facilitator removed."))
    return redirect("programmes:programme_detail", pk=programme.pk)


# Participants -------------------------------------------------------------------------


@login_required
def participant_nominate(request, pk: int):
    programme = selectors.programme_get(request.user, pk)
    memberships = selectors.nominable_memberships(programme, request.user)
    if not memberships.exists():
        raise PermissionDenied
    taken = set(programme.participants.values_list("user_id", flat=True))
    form = NominateForm(request.POST or None, memberships=memberships, exclude=taken)
    if request.method == "POST" and form.is_valid():
        user = get_user_model().objects.get(pk=form.cleaned_data["user"])
        try:
            services.participant_nominate(
                programme=programme, user=user, by=request.user
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Participant nominated."))
            return redirect("programmes:participant_nominate", pk=programme.pk)
    powers = selectors.access(request.user, programme)
    context = {
        "programme": programme,
        "form": form,
        "nominees": selectors.participants_for(request.user, programme, powers),
    }
    return TemplateResponse(request, "programmes/nominate_form.html", context)


@login_required
@require_POST
def participant_decide(request, pk: int):
    participant = selectors.participant_get_for_change(request.user, pk)
    form = DecideForm(request.POST)
    form.is_valid()
    accept = bool(form.cleaned_data.get("accept"))
    services.participant_decide(participant, by=request.user, accept=accept)
    done = _("Participant accepted.") if accept else _("Participant declined.")
    messages.success(request, done)
    return redirect("programmes:programme_detail", pk=participant.programme_id)


# Teams --------------------------------------------------------------------------------


@login_required
@require_POST
def team_create(request, pk: int):
    programme = selectors.programme_get(request.user, pk, CHANGE)
    form = TeamForm(request.POST, programme=programme)
    if not form.is_valid():
        messages.error(request, _("Give the team a name and its unit."))
        return redirect("programmes:programme_detail", pk=programme.pk)
    try:
        team = services.team_create(programme=programme, **form.cleaned_data)
    except ValidationError as error:
        _problem(request, error)
        return redirect("programmes:programme_detail", pk=programme.pk)
    messages.success(request, _("Team created."))
    return redirect("programmes:team_detail", pk=team.pk)


@login_required
def team_detail(request, pk: int):
    team = selectors.team_get(request.user, pk)
    powers = selectors.access(request.user, team.programme)
    context = {"team": team, "programme": team.programme, "powers": powers}
    context["members"] = team.members.select_related("user", "unit")
    if powers.change:
        context["member_form"] = TeamMemberForm(
            participants=selectors.accepted(team.programme).exclude(team=team)
        )
        context["mentor_form"] = MentorForm(
            initial={"mentor": team.mentor_id},
            mentors=selectors.mentor_candidates(team.programme),
        )
    return TemplateResponse(request, "programmes/team_detail.html", context)


@login_required
@require_POST
def team_member_add(request, pk: int):
    team = selectors.team_get_for_change(request.user, pk)
    form = TeamMemberForm(request.POST, participants=selectors.accepted(team.programme))
    if not form.is_valid():
        messages.error(request, _("Choose an accepted participant."))
        return redirect("programmes:team_detail", pk=team.pk)
    try:
        services.team_member_set(form.cleaned_data["participant"], team=team)
    except ValidationError as error:
        _problem(request, error)
    else:
        messages.success(request, _("Participant added to the team."))
    return redirect("programmes:team_detail", pk=team.pk)


@login_required
@require_POST
def team_member_remove(request, pk: int):
    """Take a participant out of their team: they work alone."""
    participant = selectors.participant_get_for_change(request.user, pk)
    team_pk = participant.team_id
    if team_pk is None:
        messages.info(request, _("The participant is in no team."))
        return redirect("programmes:programme_detail", pk=participant.programme_id)
    services.team_member_set(participant, team=None)
    messages.success(request, _("Participant taken out of the team."))
    return redirect("programmes:team_detail", pk=team_pk)


@login_required
@require_POST
def team_mentor(request, pk: int):
    team = selectors.team_get_for_change(request.user, pk)
    mentors = selectors.mentor_candidates(team.programme)
    form = MentorForm(request.POST, mentors=mentors)
    if not form.is_valid():
        messages.error(request, _("Choose a mentor of the Pemda."))
        return redirect("programmes:team_detail", pk=team.pk)
    try:
        services.team_assign_mentor(team, mentor=form.cleaned_data["mentor"])
    except ValidationError as error:
        _problem(request, error)
    else:
        messages.success(request, _("Mentor saved."))
    return redirect("programmes:team_detail", pk=team.pk)
