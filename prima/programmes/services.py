"""Every change to a programme: creating it with its default stages, facilitators,
nominating and deciding participants, teams and mentors, sessions, attendance
(taken by the organiser or by QR check-in) and session materials.

Views fetch the rows through the scoped accessors of ``selectors`` first; the rules
of the domain (whom an OPD administrator may nominate, a team of one unit, a mentor
of the Pemda, check-in only inside the session window) are enforced here.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from prima.core.uploads import CleanFile, save_clean_file
from prima.organisations.models import Pemda, PerangkatDaerah, Unit
from prima.programmes import checkin
from prima.programmes.models import (
    DEFAULT_DELIVERABLES,
    Attendance,
    AttendanceStatus,
    Facilitator,
    Material,
    Participant,
    ParticipantStatus,
    Programme,
    Session,
    Stage,
    StageKind,
    Team,
)
from prima.programmes.selectors import mentor_candidates, nominable_memberships, opd_of

PROGRAMME_FIELDS = (
    "kind",
    "title",
    "description",
    "starts_on",
    "ends_on",
    "venue",
    "online_link",
    "attendance_threshold",
    "late_after_minutes",
)


def default_due_dates(starts_on: date, ends_on: date, count: int) -> list[date]:
    """Return ``count`` due dates splitting the programme's days evenly; the last is
    its last day."""
    days = (ends_on - starts_on).days
    return [starts_on + timedelta(days=days * (i + 1) // count) for i in range(count)]


def _set_targets(programme: Programme, opds, units) -> None:
    for item in [*opds, *units]:
        if item.pemda_id != programme.pemda_id:
            raise ValidationError(
                {"target_opds": _("A target belongs to another Pemda.")}
            )
    programme.target_opds.set(opds)
    programme.target_units.set(units)


@transaction.atomic
def programme_create(
    *,
    pemda: Pemda,
    organiser_opd: PerangkatDaerah | None,
    by,
    target_opds: Iterable[PerangkatDaerah] = (),
    target_units: Iterable[Unit] = (),
    **fields,
) -> Programme:
    """Create a programme with the five Labinov stages due evenly over its days."""
    programme = Programme(
        pemda=pemda,
        organiser_opd=organiser_opd,
        created_by=by,
        **{k: v for k, v in fields.items() if k in PROGRAMME_FIELDS},
    )
    programme.full_clean()
    programme.save()
    _set_targets(programme, list(target_opds), list(target_units))
    kinds = list(StageKind)
    dues = default_due_dates(programme.starts_on, programme.ends_on, len(kinds))
    Stage.objects.bulk_create(
        Stage(
            programme=programme,
            order=order,
            kind=kind,
            due_on=due,
            deliverable=str(DEFAULT_DELIVERABLES[kind]),
        )
        for order, (kind, due) in enumerate(zip(kinds, dues, strict=True), start=1)
    )
    return programme


@transaction.atomic
def programme_update(
    programme: Programme,
    *,
    by,
    target_opds: Iterable[PerangkatDaerah] = (),
    target_units: Iterable[Unit] = (),
    **fields,
) -> Programme:
    """Change a programme's facts and targets; its organiser stays."""
    for name in PROGRAMME_FIELDS:
        if name in fields:
            setattr(programme, name, fields[name])
    programme.full_clean()
    programme.save()
    _set_targets(programme, list(target_opds), list(target_units))
    return programme


def stage_update(stage: Stage, *, due_on: date, deliverable: str) -> Stage:
    """Change a stage's due date and expected deliverable."""
    stage.due_on = due_on
    stage.deliverable = deliverable
    stage.full_clean()
    stage.save(update_fields=["due_on", "deliverable"])
    return stage


def facilitator_add(
    programme: Programme, *, name: str, institution: str, institution_name: str = ""
) -> Facilitator:
    """Add a facilitator and their institution to a programme."""
    item = Facilitator(
        programme=programme,
        name=name,
        institution=institution,
        institution_name=institution_name,
    )
    item.full_clean()
    item.save()
    return item


def facilitator_remove(facilitator: Facilitator) -> None:
    """Remove a facilitator; their sessions keep no facilitator."""
    facilitator.delete()


# Participants -------------------------------------------------------------------------


@transaction.atomic
def participant_nominate(*, programme: Programme, user, by) -> Participant:
    """Nominate a staff member of ``by``'s reach; nominating again changes nothing."""
    existing = Participant.objects.filter(programme=programme, user=user).first()
    if existing is not None:
        return existing
    held = list(nominable_memberships(programme, by).filter(user=user))
    if not held:
        raise ValidationError(
            _(
                "Only staff of your own OPD and its units whom the programme targets can be nominated."
            )
        )
    # A unit membership places the participant in that unit (teams are per unit).
    held.sort(key=lambda m: m.unit_id is None)
    membership = held[0]
    participant = Participant(
        programme=programme,
        user=user,
        opd=opd_of(membership),
        unit=membership.unit,
        nominated_by=by,
    )
    participant.full_clean()
    participant.save()
    return participant


@transaction.atomic
def participant_decide(participant: Participant, *, by, accept: bool) -> Participant:
    """Accept or decline a nominated participant (a decision may be changed)."""
    participant = Participant.objects.select_for_update().get(pk=participant.pk)
    participant.status = (
        ParticipantStatus.ACCEPTED if accept else ParticipantStatus.DECLINED
    )
    participant.decided_by = by
    participant.decided_at = timezone.now()
    if not accept:
        participant.team = None
    participant.save(update_fields=["status", "decided_by", "decided_at", "team"])
    return participant


# Teams --------------------------------------------------------------------------------


def team_create(*, programme: Programme, name: str, unit: Unit) -> Team:
    """Create a team of one unit of the programme's Pemda."""
    if unit.pemda_id != programme.pemda_id:
        raise ValidationError({"unit": _("The unit belongs to another Pemda.")})
    team = Team(programme=programme, name=name, unit=unit)
    team.full_clean()
    team.save()
    return team


def team_member_set(participant: Participant, *, team: Team | None) -> Participant:
    """Put an accepted participant of the team's unit into ``team`` (None: alone)."""
    if team is not None:
        if team.programme_id != participant.programme_id:
            raise ValidationError(_("The team belongs to another programme."))
        if not participant.is_accepted:
            raise ValidationError(_("Only accepted participants join a team."))
        same_unit = participant.unit_id == team.unit_id or (
            participant.unit_id is None and participant.opd_id == team.unit.opd_id
        )
        if not same_unit:
            raise ValidationError(
                _("A team works in one unit: %(name)s is not staff of %(unit)s.")
                % {"name": participant.display_name, "unit": team.unit}
            )
    participant.team = team
    participant.save(update_fields=["team"])
    return participant


def team_assign_mentor(team: Team, *, mentor) -> Team:
    """Assign a mentor of the programme's Pemda to a team, or none."""
    if (
        mentor is not None
        and not mentor_candidates(team.programme).filter(pk=mentor.pk).exists()
    ):
        raise ValidationError(
            {"mentor": _("Only a mentor of the programme's Pemda can be assigned.")}
        )
    team.mentor = mentor
    team.save(update_fields=["mentor"])
    return team


# Sessions and attendance --------------------------------------------------------------

SESSION_FIELDS = (
    "title",
    "method",
    "starts_at",
    "ends_at",
    "place",
    "online_link",
    "facilitator",
)


def session_save(session: Session | None = None, *, programme: Programme, **fields):
    """Create a session of ``programme`` or change ``session``."""
    session = session or Session(programme=programme)
    for name in SESSION_FIELDS:
        if name in fields:
            setattr(session, name, fields[name])
    session.full_clean()
    session.save()
    return session


@transaction.atomic
def attendance_record(
    session: Session,
    *,
    by,
    rows: Iterable[tuple[Participant, str, str]],
) -> int:
    """Record the organiser's attendance sheet: one (participant, status, remark) per
    row, an empty status leaving the row as it is. Return how many rows changed."""
    changed = 0
    for participant, status, remark in rows:
        if participant.programme_id != session.programme_id:
            raise ValidationError(_("The participant belongs to another programme."))
        if not status:
            continue
        current = Attendance.objects.filter(
            session=session, participant=participant
        ).first()
        if current and (current.status, current.remark) == (status, remark):
            continue
        item = current or Attendance(session=session, participant=participant)
        item.status, item.remark = status, remark
        item.via = Attendance.Via.ORGANISER
        item.recorded_by = by
        item.full_clean()
        item.save()
        changed += 1
    return changed


REFUSALS = {
    checkin.Refusal.TOO_EARLY: lambda: _(
        "Check-in for this session has not opened yet: it opens 15 minutes before"
        " the session starts."
    ),
    checkin.Refusal.ENDED: lambda: _(
        "This session has ended; check-in is closed. Ask the organiser to record"
        " your attendance."
    ),
    checkin.Refusal.BAD_CODE: lambda: _(
        "This QR code has expired. Scan the code shown in the room now."
    ),
}


def check_in_outcome(
    session: Session, *, code: str, secret: str, now: datetime
) -> checkin.Outcome:
    """Judge a check-in to ``session`` with ``code`` at ``now`` (records nothing)."""
    return checkin.check_in(
        secret=secret,
        session_id=session.pk,
        code=code,
        starts_at=session.starts_at,
        ends_at=session.ends_at,
        late_after_minutes=session.programme.late_after_minutes,
        now=now,
    )


def check_in_refusal(session: Session, *, code: str, secret: str, now: datetime):
    """Return the message refusing a check-in now, or None if it would be taken."""
    outcome = check_in_outcome(session, code=code, secret=secret, now=now)
    return None if outcome.refusal is None else REFUSALS[outcome.refusal]()


@transaction.atomic
def attendance_check_in(
    session: Session, *, user, code: str, secret: str, now: datetime | None = None
) -> Attendance:
    """Check an accepted participant in by the session's current QR code.

    Refused with a ``ValidationError`` outside the session window or with an
    expired code; a second check-in (or one after the organiser recorded the
    participant) returns the stored row unchanged.
    """
    now = now or timezone.now()
    participant = Participant.objects.filter(
        programme=session.programme_id, user=user, status=ParticipantStatus.ACCEPTED
    ).first()
    if participant is None:
        raise ValidationError(
            _("You are not an accepted participant of this programme.")
        )
    outcome = check_in_outcome(session, code=code, secret=secret, now=now)
    if outcome.refusal is not None:
        raise ValidationError(REFUSALS[outcome.refusal](), code=outcome.refusal.value)
    item, _created = Attendance.objects.get_or_create(
        session=session,
        participant=participant,
        defaults={
            "status": AttendanceStatus.TERLAMBAT
            if outcome.late
            else AttendanceStatus.HADIR,
            "via": Attendance.Via.QR,
            "checked_in_at": now,
            "recorded_by": user,
        },
    )
    return item


# Materials ----------------------------------------------------------------------------


def material_add(
    session: Session,
    *,
    by,
    title: str,
    clean: CleanFile | None = None,
    link: str = "",
) -> Material:
    """Add a cleaned file or a link to a session's materials (exactly one of them)."""
    if (clean is None) == (not link):
        raise ValidationError(_("Give either a file or a link."))
    item = Material(session=session, title=title, link=link, uploaded_by=by)
    item.full_clean(exclude=["file"])
    if clean is None:
        item.save()
        return item
    item.original_name = clean.original_name
    item.content_type = clean.content_type
    item.size = clean.size
    save_clean_file(item.file, clean)
    return item


def material_remove(material: Material) -> None:
    """Remove a material and its stored file."""
    if material.file:
        material.file.delete(save=False)
    material.delete()
