"""Tests of the public objection window's services: submitting objections to a
shortlist, deciding them, and the steps that wait for them."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from prima.competitions import services
from prima.competitions.models import Assignment, Objection, ObjectionStatus
from prima.competitions.selectors import published_results
from prima.competitions.testing import (
    judging_call,
    make_juri,
    objection,
    score,
    seat,
    shortlisted_call,
)

pytestmark = pytest.mark.django_db

CLOSED = timezone.make_aware(datetime(2026, 7, 3, 10, 0))  # a Friday morning
INSIDE = CLOSED + timedelta(days=5, hours=13)  # 23:00 on the last day
AFTER = CLOSED + timedelta(days=6)


@pytest.fixture
def shortlisted(org, users):
    """A call whose Top 2 closed at ``CLOSED`` with a 5-day objection window."""
    return shortlisted_call(org, users["admin_pemda"], closed_at=CLOSED)


def test_call_stores_objection_days_of_each_stage(org, users):
    """A stage given as (name, advance, days) keeps its days; (name, advance) has 0."""
    call, _entries = judging_call(
        org, users["admin_pemda"], stages=[("Top 2", 2, 5), ("Pemenang", 1)]
    )
    assert [s.objection_days for s in call.stages_in_order()] == [5, 0]


def test_objection_inside_the_window_is_stored_pending(shortlisted):
    """An objection to a shortlisted entry on the window's last day is stored."""
    call, (first, _second, _third) = shortlisted
    stored = objection(first, now=INSIDE, email="warga@example.org")
    assert stored.status == ObjectionStatus.PENDING
    assert stored.stage == call.stages_in_order().first()
    assert stored.email == "warga@example.org"


def test_objection_outside_the_window_is_refused(shortlisted):
    """The day after the window ends, and before the stage closed, no objection."""
    _call, (first, _second, _third) = shortlisted
    for moment in (AFTER, CLOSED - timedelta(days=1)):
        with pytest.raises(ValidationError):
            objection(first, now=moment)
    assert not Objection.objects.exists()


def test_objection_to_an_entry_not_on_the_shortlist_is_refused(shortlisted):
    """The third entry did not advance: it cannot be objected to."""
    _call, (_first, _second, third) = shortlisted
    with pytest.raises(ValidationError):
        objection(third, now=INSIDE)


def test_a_stage_without_objection_days_has_no_window(org, users):
    """A stage with 0 objection days opens nothing when it closes."""
    _call, (first, *_rest) = shortlisted_call(
        org, users["admin_pemda"], days=0, closed_at=CLOSED
    )
    with pytest.raises(ValidationError):
        objection(first, now=CLOSED)


def test_submitting_twice_with_one_key_stores_one_objection(shortlisted):
    """A retried submission with the same key returns the stored objection."""
    _call, (first, _second, _third) = shortlisted
    key = uuid.uuid4()
    one, created = services.objection_submit(
        entry=first, text="Data palsu.", submission_key=key, now=INSIDE
    )
    again, created_again = services.objection_submit(
        entry=first, text="Data palsu.", submission_key=key, now=INSIDE
    )
    assert (created, created_again) == (True, False)
    assert one.pk == again.pk and Objection.objects.count() == 1


def test_objection_text_is_required(shortlisted):
    """An empty objection is refused, naming the text."""
    _call, (first, _second, _third) = shortlisted
    with pytest.raises(ValidationError) as error:
        objection(first, now=INSIDE, text="  ")
    assert "text" in error.value.message_dict


def test_only_the_pemda_admin_decides(shortlisted, users):
    """Other roles of the Pemda and another Pemda's admin are refused."""
    _call, (first, _second, _third) = shortlisted
    pending = objection(first, now=INSIDE)
    for name in ("admin_opd", "pimpinan", "juri", "other_pemda_admin"):
        with pytest.raises(PermissionDenied):
            services.objection_decide(
                pending, by=users[name], uphold=False, answer="Tidak terbukti."
            )
    pending.refresh_from_db()
    assert pending.is_pending


def test_a_decision_needs_an_answer(shortlisted, users):
    """Deciding without an answer is refused, naming the answer."""
    _call, (first, _second, _third) = shortlisted
    pending = objection(first, now=INSIDE)
    with pytest.raises(ValidationError) as error:
        services.objection_decide(
            pending, by=users["admin_pemda"], uphold=False, answer=" "
        )
    assert "answer" in error.value.message_dict


def test_dismissing_keeps_the_entry_in_the_competition(shortlisted, users):
    """A dismissed objection records the answer; the entry competes on."""
    call, (first, _second, _third) = shortlisted
    decided = services.objection_decide(
        objection(first, now=INSIDE),
        by=users["admin_pemda"],
        uphold=False,
        answer="Inovasi sudah diterapkan sejak 2021.",
        now=AFTER,
    )
    first.refresh_from_db()
    assert decided.status == ObjectionStatus.DISMISSED
    assert decided.decided_by == users["admin_pemda"] and decided.decided_at == AFTER
    assert not first.eliminated
    assert first.stage == call.stages_in_order().last()


def test_upholding_eliminates_the_entry(shortlisted, users):
    """An upheld objection eliminates the entry in the objected stage; it cannot be
    decided twice, and the entry takes no further objections."""
    call, (first, _second, _third) = shortlisted
    admin = users["admin_pemda"]
    pending = objection(first, now=INSIDE)
    services.objection_decide(pending, by=admin, uphold=True, answer="Terbukti.")
    first.refresh_from_db()
    pending.refresh_from_db()
    assert pending.status == ObjectionStatus.UPHELD
    assert first.eliminated and first.stage == call.stages_in_order().first()
    with pytest.raises(ValidationError):
        services.objection_decide(pending, by=admin, uphold=False, answer="Batal.")
    with pytest.raises(ValidationError):
        objection(first, now=INSIDE)


def test_upholding_removes_open_assignments(shortlisted, users):
    """Assignments in the entry's open stage go when it is eliminated."""
    call, (first, _second, _third) = shortlisted
    admin = users["admin_pemda"]
    stage_two = call.stages_in_order().last()
    juri = call.panel.get().juri
    services.assign_juri(first, juri=juri, by=admin, now=AFTER)
    # An objection decided late (stored directly: the window has ended).
    late = Objection.objects.create(
        entry=first,
        stage=call.stages_in_order().first(),
        text="Terlambat.",
        submission_key=uuid.uuid4(),
        submitted_at=INSIDE,
    )
    services.objection_decide(late, by=admin, uphold=True, answer="Terbukti.")
    assert not Assignment.objects.filter(entry=first, stage=stage_two).exists()


def test_assigning_the_next_stage_waits_for_the_window_and_decisions(
    shortlisted, users
):
    """Juri for the next stage: refused while the window is open, then while an
    objection is pending, allowed once it is decided."""
    call, (first, _second, _third) = shortlisted
    admin = users["admin_pemda"]
    juri = call.panel.get().juri
    with pytest.raises(ValidationError, match="open to public objection"):
        services.assign_juri(first, juri=juri, by=admin, now=INSIDE)
    pending = objection(first, now=INSIDE)
    with pytest.raises(ValidationError, match="await a decision"):
        services.assign_juri(first, juri=juri, by=admin, now=AFTER)
    services.objection_decide(pending, by=admin, uphold=False, answer="Tidak.")
    assert services.assign_juri(first, juri=juri, by=admin, now=AFTER)


def test_publishing_waits_for_the_window_and_decisions(org, users):
    """With a window after the last stage, publishing is refused while it is open
    and while an objection is pending."""
    admin = users["admin_pemda"]
    call, (entry,) = judging_call(org, admin, stages=[("Pemenang", 1, 3)])
    juri = make_juri(org.pemda)
    seat(call, admin, juri)
    score(entry, admin, [(juri, (8, 8, 8, 8, 8))])
    services.stage_close(call.stages_in_order().first(), by=admin, now=CLOSED)
    pending = objection(entry, now=CLOSED + timedelta(days=1))
    with pytest.raises(ValidationError, match="still open"):
        services.results_publish(call, by=admin, now=CLOSED + timedelta(days=2))
    with pytest.raises(ValidationError, match="Decide every public objection"):
        services.results_publish(call, by=admin, now=AFTER)
    services.objection_decide(pending, by=admin, uphold=False, answer="Tidak.")
    assert services.results_publish(call, by=admin, now=AFTER).published_at


def test_published_ranking_marks_an_upheld_objection(shortlisted, users):
    """The stage's ranking keeps the upheld entry's rank but no longer shows it as
    advanced: it is marked as eliminated after the objection."""
    call, (first, second, _third) = shortlisted
    pending = objection(first, now=INSIDE)
    services.objection_decide(
        pending, by=users["admin_pemda"], uphold=True, answer="Terbukti."
    )
    rows = {row.entry.pk: row for row in published_results(call)[0].rows}
    assert rows[first.pk].disqualified and not rows[first.pk].advanced
    assert rows[second.pk].advanced and not rows[second.pk].disqualified
