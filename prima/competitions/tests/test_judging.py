"""Tests of competition entries and juri score sheets (``judging.py``)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from prima.competitions import judging, services
from prima.competitions.models import Entry, ScoreChange, Screening
from prima.competitions.testing import (
    category,
    judged_entries,
    open_call,
    scores,
    submitted_entry,
)
from prima.innovations.models import Group
from prima.innovations.testing import make_innovation

pytestmark = pytest.mark.django_db


def _messages(error: ValidationError) -> str:
    return " ".join(error.messages)


# --- Entries --------------------------------------------------------------------


def test_entry_submit_stores_a_pending_entry(call, org, users):
    """An eligible published innovation of an OPD enters the call awaiting screening."""
    innovation = make_innovation(unit=org.unit, applied_on=date(2020, 1, 6))
    entry = judging.entry_submit(
        call=call, innovation=innovation, category=category(call), by=users["admin_opd"]
    )
    assert entry.screening == Screening.PENDING
    assert entry.submitted_by == users["admin_opd"]


def test_entry_submit_twice_stores_one_entry(call, org, users):
    """Re-submitting the same innovation returns the entry the first POST stored."""
    innovation = make_innovation(unit=org.unit, applied_on=date(2020, 1, 6))
    first = judging.entry_submit(
        call=call, innovation=innovation, category=category(call), by=users["admin_opd"]
    )
    again = judging.entry_submit(
        call=call,
        innovation=innovation,
        category=category(call),
        by=users["operator_unit"],
    )
    assert again == first
    assert Entry.objects.filter(call=call).count() == 1


def test_entry_refused_when_not_applied_long_enough(call, org, users):
    """An innovation applied for less than the call's minimum by the deadline is
    refused, naming the innovation."""
    deadline = timezone.localtime(call.deadline).date()
    recent = make_innovation(unit=org.unit, applied_on=deadline - timedelta(days=300))
    with pytest.raises(ValidationError) as error:
        judging.entry_submit(
            call=call, innovation=recent, category=category(call), by=users["admin_opd"]
        )
    assert "Not applied long enough" in _messages(error.value)
    assert "innovation" in error.value.message_dict


def test_replication_needs_only_its_own_minimum(call, org, users):
    """A replication applied for one year is eligible where a general one is not."""
    deadline = timezone.localtime(call.deadline).date()
    innovation = make_innovation(
        unit=org.unit,
        group=Group.REPLIKASI,
        applied_on=deadline.replace(year=deadline.year - 1) - timedelta(days=1),
    )
    entry = judging.entry_submit(
        call=call,
        innovation=innovation,
        category=category(call, Group.REPLIKASI),
        by=users["admin_opd"],
    )
    assert entry.category.group == Group.REPLIKASI


def test_idea_without_applied_date_is_refused(call, org, users):
    """An innovation never applied cannot meet a minimum of years."""
    idea = make_innovation(unit=org.unit, stage="ide", applied_on=None)
    problems = judging.entry_problems(call=call, innovation=idea)
    assert any("Not applied long enough" in m for m in problems["innovation"])


def test_entry_refused_on_group_mismatch(call, org, users):
    """A general innovation cannot enter the replication category."""
    innovation = make_innovation(unit=org.unit, applied_on=date(2020, 1, 6))
    with pytest.raises(ValidationError) as error:
        judging.entry_submit(
            call=call,
            innovation=innovation,
            category=category(call, Group.REPLIKASI),
            by=users["admin_opd"],
        )
    assert "category" in error.value.message_dict


def test_entry_refused_once_the_quota_is_reached(org, users):
    """An OPD's general quota counts its special proposals too."""
    call = open_call(pemda=org.pemda, admin=users["admin_pemda"], max_umum_per_opd=1)
    khusus = make_innovation(
        unit=org.unit, group=Group.KHUSUS, title="Lama", applied_on=date(2019, 1, 1)
    )
    judging.entry_submit(
        call=call,
        innovation=khusus,
        category=category(call, Group.KHUSUS),
        by=users["admin_opd"],
    )
    umum = make_innovation(unit=org.sibling_unit, applied_on=date(2019, 1, 1))
    with pytest.raises(ValidationError) as error:
        judging.entry_submit(
            call=call, innovation=umum, category=category(call), by=users["admin_opd"]
        )
    assert "quota" in _messages(error.value)
    other_opd = make_innovation(unit=org.other_opd_unit, applied_on=date(2019, 1, 1))
    assert judging.entry_submit(
        call=call,
        innovation=other_opd,
        category=category(call),
        by=users["admin_pemda"],
    )


def test_entry_refused_after_the_deadline(call, org, users):
    """After the deadline the call takes no proposals."""
    innovation = make_innovation(unit=org.unit, applied_on=date(2020, 1, 6))
    later = call.deadline + timedelta(minutes=1)
    with pytest.raises(ValidationError) as error:
        judging.entry_submit(
            call=call,
            innovation=innovation,
            category=category(call),
            by=users["admin_opd"],
            now=later,
        )
    assert "deadline has passed" in _messages(error.value)


def test_entry_refused_when_the_call_is_not_open(call, org, users):
    """Once judging starts, registration is over."""
    services.call_start_judging(call, by=users["admin_pemda"])
    innovation = make_innovation(unit=org.unit, applied_on=date(2020, 1, 6))
    with pytest.raises(ValidationError) as error:
        judging.entry_submit(
            call=call,
            innovation=innovation,
            category=category(call),
            by=users["admin_opd"],
        )
    assert "not open" in _messages(error.value)


def test_entry_refused_for_a_draft_or_external_innovation(call, org, users):
    """Drafts and innovations recorded from other regions cannot enter."""
    draft = make_innovation(unit=org.unit, published=False, applied_on=date(2020, 1, 6))
    external = make_innovation(pemda=org.pemda, applied_on=date(2020, 1, 6))
    assert "published" in " ".join(
        judging.entry_problems(call=call, innovation=draft)["innovation"]
    )
    assert "of an OPD" in " ".join(
        judging.entry_problems(call=call, innovation=external)["innovation"]
    )


@pytest.mark.parametrize(
    ("who", "may"),
    [
        ("operator_unit", True),
        ("admin_opd", True),
        ("admin_pemda", True),
        ("superuser", True),
        ("juri", False),
        ("other_pemda_admin", False),
        ("no_role", False),
    ],
)
def test_who_may_submit_to_a_call(call, users, who, may):
    """Whoever registers innovations anywhere in the call's Pemda may submit."""
    assert judging.can_submit_to(users[who], call) is may


def test_a_deactivated_superuser_may_not_submit(call, users):
    """A superuser submits only while active."""
    users["superuser"].is_active = False
    assert not judging.can_submit_to(users["superuser"], call)


def test_entry_of_another_opd_is_not_the_users_to_submit(call, org, users):
    """An OPD admin cannot submit another OPD's innovation."""
    foreign = make_innovation(unit=org.other_opd_unit, applied_on=date(2020, 1, 6))
    with pytest.raises(PermissionDenied):
        judging.entry_submit(
            call=call,
            innovation=foreign,
            category=category(call),
            by=users["admin_opd"],
        )


def test_years_count_to_the_deadline_day(org, users):
    """Applied exactly the minimum number of years before the deadline is enough."""
    deadline = datetime(2030, 3, 1, 10, tzinfo=UTC)
    call = open_call(pemda=org.pemda, admin=users["admin_pemda"], deadline=deadline)
    local = timezone.localtime(deadline).date()
    just = make_innovation(unit=org.unit, applied_on=local.replace(year=2028))
    short = make_innovation(
        unit=org.unit, applied_on=local.replace(year=2028) + timedelta(days=1)
    )
    now = deadline - timedelta(days=1)
    assert judging.entry_problems(call=call, innovation=just, now=now) == {}
    assert "innovation" in judging.entry_problems(call=call, innovation=short, now=now)


# --- Score sheets ---------------------------------------------------------------


@pytest.fixture
def judged(org, users, second_juri):
    return judged_entries(
        pemda=org.pemda,
        admin=users["admin_pemda"],
        units=[org.unit, org.other_opd_unit],
        juries=[users["juri"], second_juri],
    )


def test_sheet_submit_locks_the_sheet(judged, users):
    """A second submit of the same assignment is refused: the sheet is locked."""
    _call, entries, assignments = judged
    mine = assignments[entries[0].pk][0]
    sheet = judging.sheet_submit(mine, scores=scores(8, 7, 9, 6, 7), by=users["juri"])
    assert sheet.scores == scores(8, 7, 9, 6, 7)
    with pytest.raises(ValidationError) as error:
        judging.sheet_submit(mine, scores=scores(1, 1, 1, 1, 1), by=users["juri"])
    assert "locked" in _messages(error.value)
    sheet.refresh_from_db()
    assert sheet.scores == scores(8, 7, 9, 6, 7)


def test_sheet_submit_names_each_faulty_criterion(judged, users):
    """Scores off the scale or missing are refused, each naming its criterion."""
    _call, entries, assignments = judged
    bad = {"kebaruan": 11, "efektif": 7, "bermanfaat": 0, "mudah_disebarkan": 5}
    with pytest.raises(ValidationError) as error:
        judging.sheet_submit(
            assignments[entries[0].pk][0], scores=bad, by=users["juri"]
        )
    assert set(error.value.message_dict) == {
        "kebaruan",
        "bermanfaat",
        "berkelanjutan",
    }
    assert "Novelty" in error.value.message_dict["kebaruan"][0]


@pytest.mark.parametrize(
    "who", ["juri2", "admin_pemda", "admin_opd", "other_pemda_admin", "superuser"]
)
def test_only_the_assigned_juri_submits(judged, users, second_juri, who):
    """Nobody but the assignment's juri may submit its sheet."""
    _call, entries, assignments = judged
    by = second_juri if who == "juri2" else users[who]
    with pytest.raises(PermissionDenied):
        judging.sheet_submit(
            assignments[entries[0].pk][0], scores=scores(8, 7, 9, 6, 7), by=by
        )


def test_sheet_change_requires_a_reason(judged, users):
    """A change without a reason is refused, naming the reason field."""
    _call, entries, assignments = judged
    sheet = judging.sheet_submit(
        assignments[entries[0].pk][0], scores=scores(8, 7, 9, 6, 7), by=users["juri"]
    )
    with pytest.raises(ValidationError) as error:
        judging.sheet_change(
            sheet, scores=scores(8, 8, 9, 6, 7), by=users["juri"], reason="  "
        )
    assert "reason" in error.value.message_dict
    assert not ScoreChange.objects.exists()


def test_sheet_change_is_audited(judged, users):
    """A change records who, when, why, and the scores before and after."""
    _call, entries, assignments = judged
    sheet = judging.sheet_submit(
        assignments[entries[0].pk][0], scores=scores(8, 7, 9, 6, 7), by=users["juri"]
    )
    before = timezone.now()
    change = judging.sheet_change(
        sheet, scores=scores(8, 8, 9, 6, 7), by=users["juri"], reason="Salah ketik"
    )
    sheet.refresh_from_db()
    assert sheet.scores == scores(8, 8, 9, 6, 7)
    assert change.changed_by == users["juri"]
    assert change.changed_at >= before
    assert change.reason == "Salah ketik"
    assert change.before == scores(8, 7, 9, 6, 7)
    assert change.after == scores(8, 8, 9, 6, 7)


def test_admin_pemda_may_correct_but_others_may_not(judged, users, second_juri):
    """The call's Pemda admin may change a sheet; another juri or OPD admin may not."""
    _call, entries, assignments = judged
    sheet = judging.sheet_submit(
        assignments[entries[0].pk][0], scores=scores(8, 7, 9, 6, 7), by=users["juri"]
    )
    for outsider in (second_juri, users["admin_opd"], users["other_pemda_admin"]):
        with pytest.raises(PermissionDenied):
            judging.sheet_change(
                sheet, scores=scores(9, 7, 9, 6, 7), by=outsider, reason="Koreksi"
            )
    change = judging.sheet_change(
        sheet, scores=scores(9, 7, 9, 6, 7), by=users["admin_pemda"], reason="Koreksi"
    )
    assert change.changed_by == users["admin_pemda"]


def test_sheet_change_refuses_unchanged_scores(judged, users):
    """A change that changes nothing is refused rather than audited."""
    _call, entries, assignments = judged
    sheet = judging.sheet_submit(
        assignments[entries[0].pk][0], scores=scores(8, 7, 9, 6, 7), by=users["juri"]
    )
    with pytest.raises(ValidationError):
        judging.sheet_change(
            sheet, scores=scores(8, 7, 9, 6, 7), by=users["juri"], reason="Cek"
        )


def _score_all(assignments, users, second_juri):
    by = {users["juri"].pk: users["juri"], second_juri.pk: second_juri}
    sheets = {}
    for entry_assignments in assignments.values():
        for assignment in entry_assignments:
            sheets[assignment.pk] = judging.sheet_submit(
                assignment,
                scores=scores(8, 7, 9, 6, 7),
                by=by[assignment.juri_id],
            )
    return sheets


def test_scores_are_final_once_the_stage_closes(judged, users, second_juri):
    """After the stage closes neither submit nor change is possible."""
    call, entries, assignments = judged
    sheets = _score_all(assignments, users, second_juri)
    services.stage_close(call.stages_in_order().first(), by=users["admin_pemda"])
    with pytest.raises(ValidationError):
        judging.sheet_change(
            next(iter(sheets.values())),
            scores=scores(1, 1, 1, 1, 1),
            by=users["admin_pemda"],
            reason="Terlambat",
        )


def test_other_juri_sheets_hidden_until_the_stage_closes(judged, users, second_juri):
    """Before the stage closes a juri sees only their own sheet, and the admin none;
    afterwards both see every sheet of the entry."""
    call, entries, assignments = judged
    _score_all(assignments, users, second_juri)
    entry = entries[0]
    stage = call.stages_in_order().first()
    own = judging.sheets_visible_to(users["juri"], entry, stage)
    assert [s.assignment.juri for s in own] == [users["juri"]]
    assert judging.sheets_visible_to(users["admin_pemda"], entry, stage) == []
    assert set(judging.submitted_juri(entry, stage)) == {users["juri"], second_juri}

    services.stage_close(stage, by=users["admin_pemda"])
    stage.refresh_from_db()
    for reader in (users["juri"], second_juri, users["admin_pemda"]):
        visible = judging.sheets_visible_to(reader, entry, stage)
        assert {s.assignment.juri for s in visible} == {users["juri"], second_juri}
    for outsider in (users["admin_opd"], users["other_pemda_admin"], None):
        assert judging.sheets_visible_to(outsider, entry, stage) == []


def test_submitted_entry_helper_is_eligible(call, org, users):
    """The test builder makes an entry the rules accept (guards the other tests)."""
    entry = submitted_entry(call, admin=users["admin_pemda"], unit=org.unit)
    assert entry.pk
