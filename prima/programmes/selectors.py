"""Reads of programmes, each starting from the user so scope cannot be forgotten.

Who may do what inside a visible programme:
- organisers change it (``Programme.objects.editable_by``);
- overseers (organisers, and the Pemda administrator for every programme of the
  Pemda) see every participant, team and the attendance sheet;
- OPD administrators of a targeted OPD nominate their staff and see their nominees;
- accepted participants and the mentors of its teams see its sessions' materials;
- a team's page is for overseers, its members and its mentor.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q
from django.http import Http404

from prima.core.roles import CHANGE, VIEW, Area, Role
from prima.core.scoping import get_for_user, is_platform_operator, user_can
from prima.organisations import reach
from prima.organisations.models import Membership, PerangkatDaerah
from prima.programmes.models import (
    Attendance,
    AttendanceStatus,
    Material,
    Participant,
    ParticipantStatus,
    Programme,
    Session,
    Team,
)


def programmes_for(user):
    """Return the programmes the user sees, newest first."""
    return (
        Programme.objects.visible_to(user)
        .select_related("pemda", "organiser_opd")
        .annotate(
            accepted_count=Count(
                "participants",
                filter=Q(participants__status=ParticipantStatus.ACCEPTED),
            )
        )
    )


def programme_get(user, pk: int, action: str = VIEW) -> Programme:
    """Return a programme the user sees (404) and, for ``change``, organises (403)."""
    return get_for_user(
        Programme.objects.select_related("pemda", "organiser_opd"),
        user,
        action,
        pk=pk,
    )


@dataclass(frozen=True)
class Access:
    """What one user may do in one visible programme."""

    change: bool
    oversee: bool
    nominate: bool
    materials: bool


def access(user, programme: Programme) -> Access:
    """Return the user's powers in ``programme``."""
    change = Programme.objects.editable_by(user).filter(pk=programme.pk).exists()
    oversee = (
        change or Programme.objects.overseen_by(user).filter(pk=programme.pk).exists()
    )
    nominate = _may_nominate(user) and nominable_memberships(programme, user).exists()
    materials = (
        oversee
        or programme.participants.filter(
            user=user, status=ParticipantStatus.ACCEPTED
        ).exists()
        or programme.teams.filter(mentor=user).exists()
    )
    return Access(
        change=change, oversee=oversee, nominate=nominate, materials=materials
    )


def targeted_staff_q(programme: Programme) -> Q:
    """Select the memberships of the staff a programme targets: of its target OPD
    (the OPD itself or a unit of it) or of its target units; everyone when it
    names no target."""
    opds = list(programme.target_opds.values_list("pk", flat=True))
    units = list(programme.target_units.values_list("pk", flat=True))
    if not opds and not units:
        return Q()
    return Q(opd__in=opds) | Q(unit__opd__in=opds) | Q(unit__in=units)


def nominable_memberships(programme: Programme, by):
    """Return the active OPD and unit memberships of staff ``by`` may nominate: their
    own OPD's and units' staff (``organisations.reach``), within the programme's
    Pemda and targets."""
    return (
        reach.managed_memberships(by)
        .filter(active=True, user__is_active=True, pemda=programme.pemda)
        .exclude(opd__isnull=True, unit__isnull=True)
        .filter(targeted_staff_q(programme))
        .select_related("user", "opd", "unit", "unit__opd")
        .order_by("pk")
    )


def opd_of(membership: Membership) -> PerangkatDaerah:
    return membership.opd if membership.unit_id is None else membership.unit.opd


def mentor_candidates(programme: Programme):
    """Return the users holding the mentor role in the programme's Pemda."""
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            memberships__active=True,
            memberships__role=Role.MENTOR,
            memberships__pemda=programme.pemda,
        )
        .distinct()
        .order_by("full_name", "username")
    )


def _may_nominate(user) -> bool:
    return user_can(user, Area.PROGRAMMES, CHANGE)


def participants_for(user, programme: Programme, powers: Access):
    """Return the participants the user sees: all for overseers, those of the OPD
    the user administers for a nominator, else none."""
    rows = programme.participants.select_related("user", "opd", "unit", "team")
    if powers.oversee:
        return rows
    if powers.nominate:
        staff = reach.managed_memberships(user).values("user")
        return rows.filter(user__in=staff)
    return rows.none()


def teams_for(user, programme: Programme, powers: Access):
    """Return the teams the user sees: all for overseers, else those the user is a
    member or the mentor of."""
    rows = programme.teams.select_related("unit", "mentor").annotate(
        member_count=Count("members")
    )
    if powers.oversee:
        return rows
    return rows.filter(Q(mentor=user) | Q(members__user=user)).distinct()


def team_get(user, pk: int) -> Team:
    """Return a team its overseers, members or mentor see; 404 for anyone else."""
    team = Team.objects.select_related("programme", "unit", "mentor").filter(pk=pk)
    team = team.first()
    if team is None or not (
        Programme.objects.overseen_by(user).filter(pk=team.programme_id).exists()
        or team.mentor_id == getattr(user, "pk", None)
        or team.members.filter(user=user).exists()
        or is_platform_operator(user)
    ):
        raise Http404
    return team


def team_get_for_change(user, pk: int) -> Team:
    team = team_get(user, pk)
    programme_get(user, team.programme_id, CHANGE)
    return team


def participant_get_for_change(user, pk: int) -> Participant:
    """Return a participant of a programme the user organises."""
    participant = (
        Participant.objects.filter(
            programme__in=Programme.objects.visible_to(user).values("pk")
        )
        .select_related("programme", "user")
        .filter(pk=pk)
        .first()
    )
    if participant is None:
        raise Http404
    programme_get(user, participant.programme_id, CHANGE)
    return participant


def session_get(user, pk: int, action: str = VIEW) -> Session:
    """Return a session of a programme the user sees (404) or organises (403)."""
    session = Session.objects.select_related("programme", "facilitator").filter(
        programme__in=Programme.objects.visible_to(user).values("pk"), pk=pk
    )
    session = session.first()
    if session is None:
        raise Http404
    if action != VIEW:
        programme_get(user, session.programme_id, action)
    return session


def material_get(user, pk: int) -> Material:
    """Return a material the user may open: 404 unless the user sees its
    programme's materials (accepted participants, mentors, overseers)."""
    material = (
        Material.objects.select_related("session__programme")
        .filter(pk=pk, session__programme__in=Programme.objects.visible_to(user))
        .first()
    )
    if material is None or not access(user, material.session.programme).materials:
        raise Http404
    return material


def accepted(programme: Programme):
    return programme.participants.filter(
        status=ParticipantStatus.ACCEPTED
    ).select_related("user", "opd", "unit", "team")


def attendance_by_participant(session: Session) -> dict[int, Attendance]:
    return {a.participant_id: a for a in session.attendance.all()}


def session_marks(session: Session) -> list[tuple[Participant, Attendance | None]]:
    """Return each accepted participant with their attendance of the session."""
    marks = attendance_by_participant(session)
    return [(p, marks.get(p.pk)) for p in accepted(session.programme)]


def own_attendance(user, session: Session) -> Attendance | None:
    return session.attendance.filter(participant__user=user).first()


@dataclass(frozen=True)
class SheetRow:
    participant: Participant
    cells: list[Attendance | None]
    attended_minutes: int
    attended_share: int  # percent of sessions present or late


PRESENT = (AttendanceStatus.HADIR, AttendanceStatus.TERLAMBAT)


def attendance_sheet(programme: Programme) -> tuple[list[Session], list[SheetRow]]:
    """Return the programme's sessions and, per accepted participant, the attendance
    of each session with the minutes and share of sessions attended."""
    sessions = list(programme.sessions.all())
    marks = {
        (a.session_id, a.participant_id): a
        for a in Attendance.objects.filter(session__programme=programme)
    }
    rows = []
    for participant in accepted(programme):
        cells = [marks.get((s.pk, participant.pk)) for s in sessions]
        present = [
            s
            for s, cell in zip(sessions, cells, strict=True)
            if cell and cell.status in PRESENT
        ]
        share = round(100 * len(present) / len(sessions)) if sessions else 0
        rows.append(
            SheetRow(participant, cells, sum(s.minutes for s in present), share)
        )
    return sessions, rows
