"""The demo programmes step: a workshop halfway through, built by the real services."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from prima.demo import organisations, programmes
from prima.demo.context import DemoContext
from prima.programmes.models import Attendance, Programme

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 25)


@pytest.fixture
def ctx() -> DemoContext:
    ctx = DemoContext(today=TODAY, password_hash=make_password(None))
    for step in (
        organisations.create_pemda,
        organisations.create_opds,
        organisations.create_units,
        organisations.create_users,
        programmes.create_programmes,
    ):
        step(ctx)
    return ctx


def test_workshop_with_accepted_operators_in_teams_and_attendance(ctx):
    """Every demo operator takes part, in a team of their unit, with five sessions'
    attendance; the mentor coaches three teams."""
    workshop = Programme.objects.get(pemda=ctx.pemda, kind="workshop")
    operators = [u for u in ctx.memberships if u.role == "operator_unit"]
    participants = list(workshop.participants.select_related("team"))
    assert len(participants) == len(operators)
    assert all(p.is_accepted and p.team.unit_id == p.unit_id for p in participants)
    assert workshop.teams.filter(mentor=ctx.users["mentor"]).count() == 3
    assert workshop.stages.count() == 5
    marks = Attendance.objects.filter(session__programme=workshop)
    assert marks.count() == 5 * len(participants)
    assert marks.filter(status="hadir").exists()


def test_a_session_runs_today_during_office_hours(ctx):
    """The check-in QR code can be tried during a demo held in working hours."""
    workshop = Programme.objects.get(pemda=ctx.pemda, kind="workshop")
    moment = timezone.make_aware(datetime(2026, 11, 25, 10, 0))
    assert workshop.sessions.filter(starts_at__lte=moment, ends_at__gte=moment).exists()


def test_delete_removes_the_programmes(ctx):
    programmes.delete_programmes(ctx.pemda)
    assert not Programme.objects.filter(pemda=ctx.pemda).exists()


def test_mentored_teams_walk_the_path_with_review_rounds(ctx):
    """The three mentored teams each have a diagnosis, a draft advised on in the
    clinic, and a plan whose first milestone was revised once then accepted."""
    from prima.programmes.models import MilestoneReport, ProposalVersion, Team

    teams = Team.objects.filter(mentor=ctx.users["mentor"])
    assert teams.count() == 3
    for team in teams:
        assert team.diagnosis.problem_statement
        assert team.design.innovation.status == "draft"
        assert ProposalVersion.objects.get(team=team).reviews.count() == 1
        first, second = team.milestones.all()
        assert [r.outcome for r in first.reports.all()] == [
            "perlu_perbaikan",
            "diterima",
        ]
        assert [r.outcome for r in second.reports.all()] == ["menunggu"]
    assert MilestoneReport.objects.filter(milestone__team__mentor=None).count() == 0
