"""Programme services: default stages, nomination reach, teams, mentors, attendance
taken by the organiser or by QR check-in, and materials."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from prima.core.roles import Role
from prima.core.uploads import CleanFile
from prima.organisations.testing import make_user
from prima.programmes import checkin, services
from prima.programmes.models import (
    Attendance,
    AttendanceStatus,
    Participant,
    ParticipantStatus,
    StageKind,
)
from prima.programmes.testing import make_participant, make_programme, make_session

SECRET = "test-secret"


def test_programme_gets_the_five_labinov_stages_spread_over_its_days(org):
    """2 March – 1 June 2026 (91 days): stages due after 18, 36, 54, 72 and 91 days."""
    programme = make_programme(
        pemda=org.pemda, starts_on=date(2026, 3, 2), ends_on=date(2026, 6, 1)
    )
    stages = list(programme.stages.all())
    assert [s.kind for s in stages] == list(StageKind)
    assert [s.due_on for s in stages] == [
        date(2026, 3, 20),
        date(2026, 4, 7),
        date(2026, 4, 25),
        date(2026, 5, 13),
        date(2026, 6, 1),
    ]
    assert all(s.deliverable for s in stages)


def test_programme_refuses_an_opd_of_another_pemda_and_reversed_dates(org):
    """The organising OPD is of the programme's Pemda; the dates run forwards."""
    with pytest.raises(ValidationError) as error:
        make_programme(pemda=org.pemda, organiser_opd=org.other_pemda_opd)
    assert "organiser_opd" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        make_programme(
            pemda=org.pemda, starts_on=date(2026, 5, 1), ends_on=date(2026, 4, 1)
        )
    assert "ends_on" in error.value.message_dict


def test_programme_refuses_targets_of_another_pemda(org):
    with pytest.raises(ValidationError):
        make_programme(pemda=org.pemda, target_opds=[org.other_pemda_opd])


def test_opd_admin_nominates_own_staff_only(org, users):
    """An OPD admin nominates staff of its OPD and units, never another OPD's."""
    programme = make_programme(pemda=org.pemda)
    mine = make_user(role=Role.OPERATOR_UNIT, unit=org.sibling_unit)
    theirs = make_user(role=Role.OPERATOR_UNIT, unit=org.other_opd_unit)
    admin = users["admin_opd"]
    participant = services.participant_nominate(
        programme=programme, user=mine, by=admin
    )
    assert participant.status == ParticipantStatus.NOMINATED
    assert (participant.opd, participant.unit) == (org.opd, org.sibling_unit)
    with pytest.raises(ValidationError):
        services.participant_nominate(programme=programme, user=theirs, by=admin)
    assert not Participant.objects.filter(user=theirs).exists()


def test_nominating_twice_changes_nothing(org, users):
    programme = make_programme(pemda=org.pemda)
    staff = users["operator_unit"]
    first = services.participant_nominate(
        programme=programme, user=staff, by=users["admin_opd"]
    )
    again = services.participant_nominate(
        programme=programme, user=staff, by=users["admin_opd"]
    )
    assert first.pk == again.pk
    assert programme.participants.count() == 1


def test_nomination_respects_the_programmes_target(org, users):
    """A programme for the health OPD only takes no Disdukcapil staff."""
    programme = make_programme(pemda=org.pemda, target_opds=[org.other_opd])
    with pytest.raises(ValidationError):
        services.participant_nominate(
            programme=programme, user=users["operator_unit"], by=users["admin_pemda"]
        )
    health = make_user(role=Role.OPERATOR_UNIT, unit=org.other_opd_unit)
    services.participant_nominate(
        programme=programme, user=health, by=users["admin_pemda"]
    )


def test_unit_operator_cannot_nominate(org, users):
    programme = make_programme(pemda=org.pemda)
    with pytest.raises(ValidationError):
        services.participant_nominate(
            programme=programme, user=users["petugas_loket"], by=users["operator_unit"]
        )


def test_organiser_accepts_and_declines(org, users):
    programme = make_programme(pemda=org.pemda)
    participant = services.participant_nominate(
        programme=programme, user=users["operator_unit"], by=users["admin_opd"]
    )
    services.participant_decide(participant, by=users["admin_pemda"], accept=True)
    participant.refresh_from_db()
    assert participant.status == ParticipantStatus.ACCEPTED
    assert participant.decided_by == users["admin_pemda"]
    services.participant_decide(participant, by=users["admin_pemda"], accept=False)
    participant.refresh_from_db()
    assert participant.status == ParticipantStatus.DECLINED


def test_team_is_of_one_unit(org, users):
    """Only accepted participants of the team's unit join it."""
    programme = make_programme(pemda=org.pemda)
    team = services.team_create(programme=programme, name="Tim A", unit=org.unit)
    here = make_participant(programme, users["operator_unit"], unit=org.unit)
    there = make_participant(
        programme,
        make_user(role=Role.OPERATOR_UNIT, unit=org.sibling_unit),
        unit=org.sibling_unit,
    )
    waiting = make_participant(
        programme, users["petugas_loket"], unit=org.unit, accepted=False
    )
    services.team_member_set(here, team=team)
    assert list(team.members.all()) == [here]
    with pytest.raises(ValidationError):
        services.team_member_set(there, team=team)
    with pytest.raises(ValidationError):
        services.team_member_set(waiting, team=team)


def test_team_unit_of_the_programmes_pemda(org):
    programme = make_programme(pemda=org.pemda)
    with pytest.raises(ValidationError):
        services.team_create(programme=programme, name="X", unit=org.other_pemda_unit)


def test_only_a_mentor_of_the_pemda_is_assigned(org, users):
    programme = make_programme(pemda=org.pemda)
    team = services.team_create(programme=programme, name="Tim A", unit=org.unit)
    services.team_assign_mentor(team, mentor=users["mentor"])
    assert team.mentor == users["mentor"]
    other_mentor = make_user(role=Role.MENTOR, pemda=org.other_pemda)
    for wrong in (users["juri"], other_mentor):
        with pytest.raises(ValidationError):
            services.team_assign_mentor(team, mentor=wrong)


def _running_session(org, users, *, late_after=15, started_minutes_ago=0):
    programme = make_programme(pemda=org.pemda, late_after_minutes=late_after)
    session = make_session(
        programme,
        starts_at=timezone.now() - timedelta(minutes=started_minutes_ago),
    )
    participant = make_participant(programme, users["operator_unit"], unit=org.unit)
    return session, participant


def _check_in(session, user, *, now=None, code=None):
    now = now or timezone.now()
    code = code or checkin.current_code(SECRET, session.pk, now)
    return services.attendance_check_in(
        session, user=user, code=code, secret=SECRET, now=now
    )


def test_check_in_records_present_then_changes_nothing(org, users):
    """A check-in on time is hadir; a second one returns the same row unchanged."""
    session, participant = _running_session(org, users)
    first = _check_in(session, users["operator_unit"])
    assert first.status == AttendanceStatus.HADIR
    assert first.via == Attendance.Via.QR
    again = _check_in(session, users["operator_unit"], now=timezone.now())
    assert again.pk == first.pk
    assert again.checked_in_at == first.checked_in_at
    assert Attendance.objects.filter(participant=participant).count() == 1


def test_late_check_in_records_terlambat(org, users):
    """Thirty minutes into a session with a 15-minute allowance is terlambat."""
    session, _participant = _running_session(org, users, started_minutes_ago=30)
    assert _check_in(session, users["operator_unit"]).status == "terlambat"


def test_check_in_outside_the_window_is_refused(org, users):
    session, participant = _running_session(org, users)
    with pytest.raises(ValidationError) as early:
        _check_in(
            session,
            users["operator_unit"],
            now=session.starts_at - timedelta(minutes=20),
        )
    assert early.value.code == "too_early"
    with pytest.raises(ValidationError) as ended:
        _check_in(
            session, users["operator_unit"], now=session.ends_at + timedelta(minutes=1)
        )
    assert ended.value.code == "ended"
    assert "presensi ditutup" in ended.value.messages[0]
    assert not Attendance.objects.filter(participant=participant).exists()


def test_check_in_with_an_expired_code_is_refused(org, users):
    session, participant = _running_session(org, users)
    now = timezone.now()
    old = checkin.current_code(SECRET, session.pk, now - timedelta(minutes=7))
    with pytest.raises(ValidationError) as error:
        _check_in(session, users["operator_unit"], now=now, code=old)
    assert error.value.code == "bad_code"
    assert not Attendance.objects.filter(participant=participant).exists()


def test_only_accepted_participants_check_in(org, users):
    session, _participant = _running_session(org, users)
    make_participant(
        session.programme, users["petugas_loket"], unit=org.unit, accepted=False
    )
    for user in (users["petugas_loket"], users["admin_pemda"]):
        with pytest.raises(ValidationError):
            _check_in(session, user)
    assert (
        not Attendance.objects.filter(session=session)
        .exclude(participant__user=users["operator_unit"])
        .exists()
    )


def test_organiser_sheet_records_and_counts_changes(org, users):
    session, participant = _running_session(org, users)
    rows = [(participant, AttendanceStatus.IZIN, "Dinas luar")]
    assert services.attendance_record(session, by=users["admin_pemda"], rows=rows) == 1
    assert services.attendance_record(session, by=users["admin_pemda"], rows=rows) == 0
    mark = Attendance.objects.get(participant=participant)
    assert (mark.status, mark.remark, mark.via) == ("izin", "Dinas luar", "organiser")
    # A QR check-in after the organiser recorded the participant changes nothing.
    assert _check_in(session, users["operator_unit"]).status == "izin"


def test_material_is_a_file_or_a_link(org, users):
    session, _participant = _running_session(org, users)
    clean = CleanFile("modul.pdf", "application/pdf", b"%PDF-1.4 modul")
    item = services.material_add(
        session, by=users["admin_pemda"], title="Modul", clean=clean
    )
    assert item.file.read() == b"%PDF-1.4 modul"
    assert item.original_name == "modul.pdf"
    link = services.material_add(
        session, by=users["admin_pemda"], title="Video", link="https://example.org/v"
    )
    assert link.link and not link.file
    for kwargs in ({}, {"clean": clean, "link": "https://example.org/v"}):
        with pytest.raises(ValidationError):
            services.material_add(session, by=users["admin_pemda"], title="X", **kwargs)
    services.material_remove(item)
    assert session.materials.count() == 1


def test_nomination_to_a_programme_for_one_unit(org, users):
    """A programme for the Timur counter takes its staff, not the Pusat office's."""
    programme = make_programme(pemda=org.pemda, target_units=[org.sibling_unit])
    timur = make_user(role=Role.PETUGAS_LOKET, unit=org.sibling_unit)
    services.participant_nominate(
        programme=programme, user=timur, by=users["admin_opd"]
    )
    with pytest.raises(ValidationError):
        services.participant_nominate(
            programme=programme, user=users["operator_unit"], by=users["admin_opd"]
        )
