"""Tests of the competition reads: calls per user, the call dashboard, stage progress
and results, assignable juri, an entry's score-change trail, a juri's work list and
the published results."""

from __future__ import annotations

from decimal import Decimal

import pytest

from prima.competitions import judging, selectors, services
from prima.competitions.models import CallStatus, ScoreChange
from prima.competitions.testing import (
    FIRST,
    judged_entries,
    judging_call,
    make_call,
    make_entry,
    make_juri,
    score,
    scores,
    seat,
    submit_sheet,
)
from prima.innovations.testing import make_innovation

pytestmark = pytest.mark.django_db


def test_calls_for_follows_the_pemda(org, users):
    """Kota Alpha's staff see its calls with their entry count; Beta's admin does not."""
    call = make_call(org.pemda, users["admin_pemda"])
    make_entry(call, make_innovation(unit=org.unit))
    for name in ("admin_pemda", "admin_opd", "operator_unit", "pimpinan"):
        rows = list(selectors.calls_for(users[name]))
        assert [(c.pk, c.entry_count) for c in rows] == [(call.pk, 1)]
    assert not selectors.calls_for(users["other_pemda_admin"]).exists()
    assert not selectors.calls_for(users["juri"]).exists()


def test_opd_staff_see_only_their_own_entries(org, users):
    """The OPD admin sees their OPD's entry, not another OPD's; the Pemda sees both."""
    call = make_call(org.pemda, users["admin_pemda"])
    own = make_entry(call, make_innovation(unit=org.unit, title="Milik sendiri"))
    other = make_entry(call, make_innovation(unit=org.other_opd_unit, title="OPD lain"))
    assert list(selectors.visible_entries(users["admin_opd"], call)) == [own]
    assert set(selectors.visible_entries(users["admin_pemda"], call)) == {own, other}


def test_dashboard_reports_progress_without_scores(org, users):
    """An open stage reports juri and submissions; no results exist before closing."""
    admin = users["admin_pemda"]
    done, waiting = make_juri(org.pemda, "done"), make_juri(org.pemda, "waiting")
    call, (entry,) = judging_call(org, admin)
    seat(call, admin, done)
    seat(call, admin, waiting)
    score(entry, admin, [(done, FIRST[0])])
    services.assign_juri(entry, juri=waiting, by=admin)
    board = selectors.call_dashboard(admin, call)
    current, later = board.stages
    assert (current.state, later.state) == (selectors.CURRENT, selectors.UPCOMING)
    (row,) = current.progress
    assert (row.submitted_count, row.assigned_count) == (1, 2)
    assert {(s.juri, s.submitted) for s in row.seats} == {
        (done, True),
        (waiting, False),
    }
    assert current.results == [] and current.ready_to_close
    assert [e for _v, _l, entries in board.screening for e in entries] == [entry]


def test_dashboard_shows_results_after_closing(org, users):
    """After closing, the stage lists its results and the next stage is current."""
    admin = users["admin_pemda"]
    juri = make_juri(org.pemda)
    call, (entry,) = judging_call(org, admin)
    seat(call, admin, juri)
    score(entry, admin, [(juri, FIRST[0])])
    services.stage_close(call.stages_in_order().first(), by=admin)
    closed, current = selectors.call_dashboard(admin, call).stages
    assert closed.state == selectors.CLOSED and current.state == selectors.CURRENT
    assert [(r.entry, r.score, r.rank) for r in closed.results] == [
        (entry, Decimal("76.0000"), 1)
    ]
    assert [row.entry for row in current.progress] == [entry]
    assert current.progress[0].seats == []


def test_dashboard_results_hide_other_opds(org, users):
    """OPD staff see the closed stage's results of their own OPD only."""
    admin = users["admin_pemda"]
    juri = make_juri(org.pemda)
    call, (own,) = judging_call(org, admin)
    other = make_entry(call, make_innovation(unit=org.other_opd_unit, title="Lain"))
    services.entry_screen(other, by=admin, accept=True)
    seat(call, admin, juri)
    score(own, admin, [(juri, FIRST[0])])
    score(other, admin, [(juri, FIRST[1])])
    services.stage_close(call.stages_in_order().first(), by=admin)
    closed = selectors.call_dashboard(users["admin_opd"], call).stages[0]
    assert [r.entry for r in closed.results] == [own]


def test_assignable_panel_excludes_conflicted_and_assigned_juri(org, users):
    """Only panel juri free of conflict and not yet assigned are offered."""
    admin = users["admin_pemda"]
    free, same_opd, assigned = (
        make_juri(org.pemda, "free"),
        make_juri(org.pemda, "same_opd"),
        make_juri(org.pemda, "assigned"),
    )
    call, (entry,) = judging_call(org, admin)
    seat(call, admin, free, affiliation_opd=org.other_opd)
    seat(call, admin, same_opd, affiliation_opd=org.opd)
    seat(call, admin, assigned)
    services.assign_juri(entry, juri=assigned, by=admin)
    assert [m.juri for m in selectors.assignable_panel(entry)] == [free]


def test_juri_candidates_are_unseated_juri_of_the_pemda(org, users):
    """Candidates hold the juri role in the call's Pemda and are not yet seated."""
    admin = users["admin_pemda"]
    call = make_call(org.pemda, admin)
    extra = make_juri(org.pemda, "extra")
    seat(call, admin, extra)
    assert list(selectors.juri_candidates(call)) == [users["juri"]]


def test_score_changes_appear_only_after_the_stage_closes(org, users):
    """The audit trail of a sheet is listed once its stage has closed."""
    admin = users["admin_pemda"]
    juri = make_juri(org.pemda)
    call, (entry,) = judging_call(org, admin)
    seat(call, admin, juri)
    assignment = services.assign_juri(entry, juri=juri, by=admin)
    sheet = submit_sheet(assignment, FIRST[0])
    ScoreChange.objects.create(
        sheet=sheet,
        changed_by=juri,
        reason="Salah ketik",
        before=dict(sheet.scores),
        after=dict(sheet.scores, kebaruan=9),
    )
    assert selectors.score_changes(entry) == []
    services.stage_close(call.stages_in_order().first(), by=admin)
    ((change, diffs),) = selectors.score_changes(entry)
    assert change.reason == "Salah ketik"
    assert [(d.criterion, d.before, d.after) for d in diffs] == [("Novelty", 8, 9)]


def test_sheet_rows_carry_the_weighted_total(org, users):
    """A sheet row shows each criterion's score and the juri's total."""
    admin = users["admin_pemda"]
    juri = make_juri(org.pemda)
    call, (entry,) = judging_call(org, admin)
    seat(call, admin, juri)
    sheet = submit_sheet(services.assign_juri(entry, juri=juri, by=admin), FIRST[0])
    (row,) = selectors.sheet_rows([sheet], call)
    assert row.total == Decimal("76.00")
    assert row.scores[0] == ("Novelty", 8)


# --- A juri's work list and the published results ---------------------------------


def test_juri_worklist_groups_by_call_and_stage(org, users, second_juri):
    """The work list separates what is left to score from what is submitted."""
    _call, entries, assignments = judged_entries(
        pemda=org.pemda,
        admin=users["admin_pemda"],
        units=[org.unit, org.other_opd_unit],
        juries=[users["juri"], second_juri],
    )
    judging.sheet_submit(
        assignments[entries[0].pk][0], scores=scores(8, 7, 9, 6, 7), by=users["juri"]
    )
    (work,) = selectors.juri_worklist(users["juri"])
    assert [a.entry for a in work.submitted] == [entries[0]]
    assert [a.entry for a in work.to_score] == [entries[1]]
    assert selectors.juri_worklist(users["admin_opd"]) == []


def test_published_results_show_criterion_means(org, users, second_juri):
    """The results carry each entry's score and criterion means, rounded half up."""
    call, entries, assignments = judged_entries(
        pemda=org.pemda,
        admin=users["admin_pemda"],
        units=[org.unit],
        juries=[users["juri"], second_juri],
        titles=["Satu"],
    )
    (first, second) = assignments[entries[0].pk]
    judging.sheet_submit(first, scores=scores(8, 7, 9, 6, 7), by=users["juri"])
    judging.sheet_submit(second, scores=scores(7, 8, 8, 7, 6), by=second_juri)
    for stage in call.stages_in_order():
        services.stage_close(stage, by=users["admin_pemda"])
        if stage.order == 1:
            for assignment in _reassign(entries[0], users, second_juri):
                judging.sheet_submit(
                    assignment,
                    scores=scores(8, 7, 9, 6, 7),
                    by=assignment.juri,
                )
    services.results_publish(call, by=users["admin_pemda"])
    call.refresh_from_db()
    assert call.status == CallStatus.FINISHED
    top, final = selectors.published_results(call)
    (row,) = top.rows
    assert str(row.score) == "74.50"
    assert dict(row.means)["Beneficial"] == pytest.approx(8.5)
    assert str(dict(row.means)["Novelty"]) == "7.50"
    assert final.rows[0].winner


def _reassign(entry, users, second_juri):
    entry.refresh_from_db()
    return [services.assign_juri(entry, juri=users["juri"], by=users["admin_pemda"])]
