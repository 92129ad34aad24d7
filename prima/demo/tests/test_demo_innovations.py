"""The demo innovations step and the finished demo competition.

A small city (organisation and SKM steps, with the test settings' few thousand
responses) is built once for the module, inside a transaction rolled back at the end.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from django.contrib.auth.hashers import make_password
from django.db import transaction

from prima.competitions.models import (
    Assignment,
    Call,
    CallStatus,
    Entry,
    Objection,
    ObjectionStatus,
    PanelMember,
    ScoreSheet,
    Screening,
    StageResult,
)
from prima.competitions.scoring import CRITERIA
from prima.demo import competitions, innovations, organisations, surveys
from prima.demo.context import DemoContext
from prima.innovations import impact
from prima.innovations.impact_selectors import measured_impact
from prima.innovations.models import (
    APPLIED_STAGES,
    SECTIONS,
    Group,
    Innovation,
    Stage,
    Status,
)
from prima.organisations.models import PerangkatDaerah

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 25)


@pytest.fixture(scope="module")
def city(django_db_setup, django_db_blocker):
    """Build a small demo city with innovations and a competition, rolled back."""
    with django_db_blocker.unblock(), transaction.atomic():
        ctx = DemoContext(today=TODAY, password_hash=make_password(None))
        try:
            for step in (
                organisations.create_pemda,
                organisations.create_opds,
                organisations.create_units,
                organisations.create_layanan,
                organisations.create_users,
                surveys.create_responses,
                surveys.create_survey_setup,
                innovations.create_innovations,
                competitions.create_competition,
            ):
                step(ctx)
            yield ctx
        finally:
            transaction.set_rollback(True)


def test_about_sixty_innovations_in_every_stage_drafts_and_published(city):
    """About sixty innovations, every stage present, most published, some drafts."""
    rows = Innovation.objects.filter(pemda=city.pemda)
    assert 55 <= rows.count() <= 70
    assert set(rows.values_list("stage", flat=True)) == set(Stage.values)
    assert set(rows.values_list("group", flat=True)) == set(Group.values)
    drafts = rows.filter(status=Status.DRAFT).count()
    assert 5 <= drafts <= rows.count() // 4
    assert not rows.filter(stage__in=APPLIED_STAGES, applied_on=None).exists()


def test_published_innovations_have_every_section_and_a_target(city):
    """A published innovation has all its group's sections written and targets an
    unsur; those of the demo's weak units target the unsur the unit is weak on."""
    for innovation in Innovation.objects.filter(status=Status.PUBLISHED):
        assert all(getattr(innovation, s).strip() for s in SECTIONS[innovation.group])
        assert innovation.target_codes()
    weak = dict(surveys.WEAK)
    for innovation in Innovation.objects.filter(unit__code__in=weak):
        assert weak[innovation.unit.code] in innovation.target_codes()


def test_some_opd_have_no_innovation(city):
    """Several OPD have none, for the One Agency One Innovation reminder list."""
    without = PerangkatDaerah.objects.filter(pemda=city.pemda, innovations=None)
    assert 3 <= without.count() <= 8


def test_recorded_innovations_of_other_regions(city):
    """A few innovations were recorded from other regions, without an OPD."""
    external = Innovation.objects.filter(pemda=city.pemda, opd=None)
    assert external.count() >= 3
    assert not external.filter(origin_region="").exists()
    assert not external.filter(origin_agency="").exists()


def test_replications_with_a_chain_two_generations_deep(city):
    """Replications record their origin; one was itself copied again."""
    copies = Innovation.objects.filter(origin__isnull=False)
    assert copies.count() >= 4
    assert not copies.exclude(group=Group.REPLIKASI).exists()
    assert copies.filter(origin__origin__isnull=False).exists()
    grandchild = city.innovations["skm-paten-keliling"]
    assert grandchild.origin.origin == city.innovations["ext-jemput-bola"]
    assert grandchild.origin.origin.is_external
    assert "Sumber Makmur" in grandchild.inspirasi or grandchild.origin.inspirasi


def test_the_competition_is_finished_with_published_results(city):
    """One finished call: two stages closed, three winners ranked 1 to 3."""
    call = Call.objects.get(pemda=city.pemda)
    assert call.status == CallStatus.FINISHED and call.published_at
    assert call.categories.count() == 2
    stages = list(call.stages_in_order())
    assert [s.advance for s in stages] == [10, 3]
    assert [s.objection_days for s in stages] == [5, 0]
    assert all(s.is_closed for s in stages)
    ranks = sorted(
        call.entries.exclude(final_rank=None).values_list("final_rank", flat=True)
    )
    assert ranks == [1, 2, 3]
    assert StageResult.objects.filter(stage=stages[1], advanced=True).count() == 3
    first = StageResult.objects.filter(stage=stages[0])
    assert first.count() == call.entries.filter(screening=Screening.ACCEPTED).count()
    assert first.filter(advanced=True).count() == 10
    assert set(first.first().criterion_means) == set(CRITERIA)


def test_one_public_objection_was_dismissed_with_an_answer(city):
    """The Top 10's objection window received one objection, answered and dismissed
    within the window; the entry went on competing."""
    call = Call.objects.get(pemda=city.pemda)
    (objection,) = Objection.objects.filter(stage__call=call)
    first = call.stages_in_order().first()
    assert objection.stage == first
    assert objection.status == ObjectionStatus.DISMISSED and objection.answer
    assert first.closed_at < objection.submitted_at < objection.decided_at
    assert objection.decided_at.date() <= first.objection_end()
    assert objection.entry.results.filter(stage__order=2).exists()


def test_screening_rejected_entries_with_a_reason(city):
    """At least one entry was rejected at screening, always with a reason."""
    rejected = Entry.objects.filter(screening=Screening.REJECTED)
    assert rejected.count() >= 1
    assert not rejected.filter(reject_reason="").exists()
    assert not Entry.objects.filter(screening=Screening.PENDING).exists()


def test_every_assigned_juri_scored_and_no_conflicts(city):
    """Three juri sit on the panel; every assignment has a sheet; no juri works for
    the OPD of an entry they scored."""
    call = Call.objects.get(pemda=city.pemda)
    panel = PanelMember.objects.filter(call=call)
    assert sorted(panel.values_list("juri__username", flat=True)) == [
        "juri1",
        "juri2",
        "juri3",
    ]
    assignments = Assignment.objects.filter(entry__call=call)
    assert assignments.exists()
    assert ScoreSheet.objects.filter(assignment__in=assignments).count() == (
        assignments.count()
    )
    per_entry = Counter(assignments.values_list("entry_id", "stage_id"))
    assert set(per_entry.values()) == {3}


def test_the_impact_innovation_shows_an_improvement(city):
    """The queue innovation's targeted unsur improved, with 30+ answers a window."""
    innovation = city.innovations[innovations.IMPACT_KEY]
    assert innovation.unit.code == surveys.IMPACT_UNIT
    assert innovation.target_codes() == [surveys.IMPACT_UNSUR]
    result = measured_impact(innovation, today=TODAY)
    assert not result.clipped
    (row,) = result.rows
    assert row.n_before >= impact.MIN_RESPONSES
    assert row.n_after >= impact.MIN_RESPONSES
    assert row.verdict == impact.Verdict.IMPROVED


def test_delete_removes_the_competition_and_the_innovations(city):
    """The reset undo steps delete calls and innovations of the Pemda."""
    with transaction.atomic():
        competitions.delete_competition(city.pemda)
        innovations.delete_innovations(city.pemda)
        left = (
            Call.objects.filter(pemda=city.pemda).count(),
            Innovation.objects.filter(pemda=city.pemda).count(),
        )
        transaction.set_rollback(True)
    assert left == (0, 0)
