"""The demo programmes step, built by the real services: a finished workshop of 29
participants in ten teams, with two applied innovations, and a diklat of 40
kecamatan and kelurahan staff in progress."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from prima.demo import innovations, organisations, programmes, surveys
from prima.demo.context import DemoContext
from prima.programmes import certificate_services
from prima.programmes.models import (
    Attendance,
    MilestoneReport,
    Programme,
    ProposalVersion,
    Team,
)

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 25)


@pytest.fixture(scope="module")
def ctx(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        try:
            ctx = DemoContext(today=TODAY, password_hash=make_password(None))
            for step in (
                organisations.create_pemda,
                organisations.create_opds,
                organisations.create_units,
                organisations.create_layanan,
                organisations.create_users,
                surveys.create_responses,
                innovations.create_innovations,
                programmes.create_programmes,
            ):
                step(ctx)
            yield ctx
        finally:
            transaction.set_rollback(True)


def workshop(ctx) -> Programme:
    return Programme.objects.get(pemda=ctx.pemda, kind="workshop")


def diklat(ctx) -> Programme:
    return Programme.objects.get(pemda=ctx.pemda, kind="diklat")


def test_the_workshop_had_29_participants_in_ten_unit_teams(ctx):
    participants = list(workshop(ctx).participants.select_related("team"))
    assert len(participants) == 29
    assert all(p.is_accepted and p.team.unit_id == p.unit_id for p in participants)
    assert workshop(ctx).teams.count() == 10
    assert workshop(ctx).stages.count() == 5
    marks = Attendance.objects.filter(session__programme=workshop(ctx))
    assert marks.count() == 8 * 29


def test_the_workshop_is_closed_with_certificates_of_its_year(ctx):
    """Everyone whose plan was accepted and who attended enough has a certificate
    numbered in the closing year; the unfinished team's members have none."""
    programme = workshop(ctx)
    rows = certificate_services.eligibility_rows(programme)
    assert certificate_services.is_closed(programme)
    for row in rows:
        assert (row.certificate is not None) == row.eligible
        if row.participant.unit.code == programmes.WORKSHOP_UNFINISHED:
            assert not row.plan_accepted
    certificates = programme.certificates.all()
    assert {c.year for c in certificates} == {programme.ends_on.year}
    assert certificates.filter(revoked_at__isnull=False).count() == 1
    assert programme.closure.closed_at.date() == programme.ends_on
    scored = programme.teams.filter(plan_score__isnull=False)
    assert scored.count() == 9
    assert not scored.filter(unit__code=programmes.WORKSHOP_UNFINISHED).exists()


def test_two_innovations_born_in_the_workshop_are_applied_ones_with_impact(ctx):
    """They are among the innovations whose impact the demo SKM makes measurable
    (``test_demo_impact`` measures it on the full-size city)."""
    from prima.innovations.models import APPLIED_STAGES

    designs = Team.objects.filter(programme=workshop(ctx)).values_list(
        "design__innovation", flat=True
    )
    applied = [
        ctx.innovations[key]
        for key in programmes.WORKSHOP_BORN.values()
        if ctx.innovations[key].pk in designs
    ]
    assert len(applied) == 2
    assert all(innovation.stage in APPLIED_STAGES for innovation in applied)
    assert set(programmes.WORKSHOP_BORN.values()) <= set(surveys.IMPACTS)


def test_every_workshop_team_walked_the_path_with_a_review_round(ctx):
    for team in Team.objects.filter(programme=workshop(ctx)):
        assert team.diagnosis.problem_statement
        assert ProposalVersion.objects.get(team=team).reviews.count() == 1
        first = team.milestones.order_by("due_on").first()
        assert [r.outcome for r in first.reports.all()] == [
            "perlu_perbaikan",
            "diterima",
        ]


def test_workshop_history_is_dated_in_the_past(ctx):
    programme = workshop(ctx)
    reports = MilestoneReport.objects.filter(milestone__team__programme=programme)
    assert max(r.reported_at.date() for r in reports) <= programme.ends_on
    issued = programme.certificates.values_list("issued_at", flat=True)
    assert all(moment.date() == programme.ends_on for moment in issued)


def test_the_diklat_runs_with_40_kecamatan_and_kelurahan_staff(ctx):
    programme = diklat(ctx)
    participants = list(programme.participants.select_related("unit"))
    assert len(participants) == 40
    assert {p.unit.kind for p in participants} == {"kecamatan", "kelurahan"}
    assert programme.teams.count() == 10
    assert not certificate_services.is_closed(programme)


def test_a_diklat_session_runs_today_during_office_hours(ctx):
    """The check-in QR code can be tried during a demo held in working hours."""
    moment = timezone.make_aware(datetime(2026, 11, 25, 10, 0))
    assert (
        diklat(ctx).sessions.filter(starts_at__lte=moment, ends_at__gte=moment).exists()
    )


def test_the_mentors_diklat_teams_await_a_review(ctx):
    teams = Team.objects.filter(programme=diklat(ctx), mentor=ctx.users["mentor"])
    assert teams.count() == 3
    for team in teams:
        assert team.design.innovation.status == "draft"
        assert MilestoneReport.objects.filter(
            milestone__team=team, outcome="menunggu"
        ).exists()


def test_zz_delete_removes_the_programmes(ctx):
    """(Runs last: it empties the module's shared city.)"""
    programmes.delete_programmes(ctx.pemda)
    assert not Programme.objects.filter(pemda=ctx.pemda).exists()
