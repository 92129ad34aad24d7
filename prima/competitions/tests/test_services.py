"""Tests of the competition services: call rules and transitions, screening, the panel,
conflicts of interest, assignments, closing stages and publishing."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from fractions import Fraction

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from prima.competitions import scoring, services
from prima.competitions.models import (
    Assignment,
    Call,
    CallStatus,
    Category,
    Entry,
    PanelMember,
    RejectReason,
    Screening,
    StageResult,
)
from prima.competitions.testing import (
    FIRST,
    SECOND,
    THIRD,
    judging_call,
    make_call,
    make_entry,
    make_juri,
    score,
    seat,
)
from prima.core.roles import Role
from prima.innovations.services import innovation_unpublish
from prima.innovations.testing import make_innovation
from prima.organisations.models import Membership

pytestmark = pytest.mark.django_db

# --- Call rules -----------------------------------------------------------------------


def test_call_create_stores_categories_and_stages_in_order(org, users):
    """A new call is being prepared, with its categories and numbered stages."""
    call = make_call(
        org.pemda,
        users["admin_pemda"],
        stages=[("Top 99", 99), ("Top 45", 45), ("Pemenang", 3)],
        min_years_umum=3,
    )
    assert call.status == CallStatus.DRAFT
    assert [(s.order, s.name, s.advance) for s in call.stages_in_order()] == [
        (1, "Top 99", 99),
        (2, "Top 45", 45),
        (3, "Pemenang", 3),
    ]
    assert [(c.name, c.group) for c in call.categories.all()] == [
        ("Inovasi umum", "umum"),
        ("Replikasi", "replikasi"),
        ("Inovasi khusus", "khusus"),
    ]
    assert call.min_years_umum == 3
    assert call.rules() == scoring.DEFAULT_RULES


def test_call_weights_must_sum_to_one(org, users):
    """Weights summing to 0.95 are refused with the error on the weight fields."""
    weights = {c: Decimal("0.19") for c in scoring.CRITERIA}
    with pytest.raises(ValidationError) as raised:
        make_call(org.pemda, users["admin_pemda"], weights=weights)
    errors = raised.value.message_dict
    assert set(errors) == {f"weight_{c}" for c in scoring.CRITERIA}
    assert "sum to 1" in errors["weight_kebaruan"][0]


def test_call_custom_weights_scale_and_tie_order_feed_the_rules(org, users):
    """The call's rules carry the given weights, scale and tie order."""
    weights = {c: Decimal("0.2") for c in scoring.CRITERIA}
    order = tuple(reversed(scoring.CRITERIA))
    call = make_call(
        org.pemda, users["admin_pemda"], weights=weights, scale=(1, 5), tie_order=order
    )
    rules = call.rules()
    assert set(rules.weights.values()) == {Fraction(1, 5)}
    assert rules.scale == (1, 5) and rules.tie_order == order


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"tie_order": ("bermanfaat", "efektif")}, "tie_order"),
        ({"scale": (5, 5)}, "scale_max"),
        ({"scale": (-1, 5)}, "scale_min"),
        (
            {"weights": {**dict.fromkeys(scoring.CRITERIA, "0.2"), "efektif": "1.2"}},
            "weight_efektif",
        ),
        (
            {"weights": {**dict.fromkeys(scoring.CRITERIA, "0.2"), "efektif": "x"}},
            "weight_efektif",
        ),
        ({"stages": []}, "stages"),
        ({"stages": [("Top 10", 10), ("Top 20", 20)]}, "stages"),
        ({"stages": [("Top 10", 0)]}, "stages"),
        ({"categories": []}, "categories"),
        ({"title": "  "}, "title"),
    ],
)
def test_call_invalid_rules_name_the_field(org, users, overrides, field):
    """Each invalid rule is refused with an error on its own field."""
    with pytest.raises(ValidationError) as raised:
        make_call(org.pemda, users["admin_pemda"], **overrides)
    assert field in raised.value.message_dict


def test_weights_off_one_name_every_weight_with_the_sum(org, users, english_messages):
    """Weights that are each fine but sum to 1.05 put the sum on all five fields."""
    weights = {**dict.fromkeys(scoring.CRITERIA, "0.2"), "efektif": "0.25"}
    with pytest.raises(ValidationError) as raised:
        make_call(org.pemda, users["admin_pemda"], weights=weights)
    errors = raised.value.message_dict
    assert set(errors) == {f"weight_{c}" for c in scoring.CRITERIA}
    assert errors["weight_kebaruan"] == [
        "The five weights must sum to 1; they sum to 1.05."
    ]


def test_an_update_checks_the_new_rules_with_the_stored_ones(org, users):
    """Changing only the tie order is checked against the call's stored weights and
    scale, and a valid change keeps them."""
    admin = users["admin_pemda"]
    call = make_call(org.pemda, admin, scale=(1, 5))
    order = tuple(reversed(scoring.CRITERIA))
    services.call_update(call, by=admin, tie_order=order)
    call.refresh_from_db()
    assert (call.rules().tie_order, call.rules().scale) == (order, (1, 5))
    with pytest.raises(ValidationError) as raised:
        services.call_update(call, by=admin, tie_order=order[:4] + order[:1])
    assert set(raised.value.message_dict) == {"tie_order"}


def test_only_the_pemda_admin_creates_calls(org, users):
    """An OPD admin or another Pemda's admin may not create a Kota Alpha call."""
    for name in ("admin_opd", "other_pemda_admin", "evaluator"):
        with pytest.raises(PermissionDenied):
            make_call(org.pemda, users[name])


def test_only_an_active_superuser_creates_calls_anywhere(org, users):
    """A superuser creates a call in any Pemda; deactivated, not even in one."""
    superuser = users["superuser"]
    assert make_call(org.other_pemda, superuser).pemda == org.other_pemda
    superuser.is_active = False
    with pytest.raises(PermissionDenied):
        make_call(org.pemda, superuser)


def test_call_update_only_while_prepared(org, users):
    """Rules change while the call is prepared; once open they are fixed."""
    admin = users["admin_pemda"]
    call = make_call(org.pemda, admin)
    services.call_update(call, by=admin, title="KIPP 2026", stages=[("Final", 3)])
    assert call.title == "KIPP 2026"
    assert list(call.stages.values_list("name", flat=True)) == ["Final"]
    services.call_open(call, by=admin)
    with pytest.raises(ValidationError):
        services.call_update(call, by=admin, title="Later")


def test_call_transitions_in_order(org, users):
    """DRAFT → OPEN → JUDGING; skipping or repeating a step is refused."""
    admin = users["admin_pemda"]
    call = make_call(org.pemda, admin)
    with pytest.raises(ValidationError):
        services.call_start_judging(call, by=admin)
    services.call_open(call, by=admin)
    assert call.status == CallStatus.OPEN
    with pytest.raises(ValidationError):
        services.call_open(call, by=admin)
    services.call_start_judging(call, by=admin)
    assert call.status == CallStatus.JUDGING


def test_call_open_refuses_a_past_deadline(org, users):
    """A call whose deadline has passed cannot open."""
    admin = users["admin_pemda"]
    call = make_call(org.pemda, admin, deadline=timezone.now() - timedelta(days=1))
    with pytest.raises(ValidationError) as raised:
        services.call_open(call, by=admin)
    assert "deadline" in raised.value.message_dict


# --- Screening ------------------------------------------------------------------------


def test_accepting_puts_the_entry_into_the_first_stage(org, users):
    """An accepted entry competes in the call's first stage."""
    call, (entry,) = judging_call(org, users["admin_pemda"])
    assert entry.screening == Screening.ACCEPTED
    assert entry.stage == call.stages_in_order().first()
    assert entry.screened_by == users["admin_pemda"]


def test_rejection_requires_a_reason(org, users):
    """Rejecting without a reason, or "other" without a note, is refused."""
    admin = users["admin_pemda"]
    call = make_call(org.pemda, admin)
    services.call_open(call, by=admin)
    entry = make_entry(call, make_innovation(unit=org.unit))
    with pytest.raises(ValidationError) as raised:
        services.entry_screen(entry, by=admin, accept=False)
    assert "reason" in raised.value.message_dict
    with pytest.raises(ValidationError) as raised:
        services.entry_screen(entry, by=admin, accept=False, reason=RejectReason.OTHER)
    assert "note" in raised.value.message_dict
    services.entry_screen(
        entry,
        by=admin,
        accept=False,
        reason=RejectReason.TOO_YOUNG,
        note="Baru diterapkan 2025.",
    )
    entry.refresh_from_db()
    assert entry.screening == Screening.REJECTED
    assert entry.reject_reason == RejectReason.TOO_YOUNG
    assert entry.stage is None


def test_screening_is_refused_once_the_first_stage_closed(org, users):
    """After the first stage closes, screening decisions are final."""
    admin = users["admin_pemda"]
    juri = make_juri(org.pemda)
    call, (entry,) = judging_call(org, admin)
    seat(call, admin, juri)
    score(entry, admin, [(juri, (8, 7, 9, 6, 7))])
    services.stage_close(call.stages_in_order().first(), by=admin)
    with pytest.raises(ValidationError):
        services.entry_screen(
            entry, by=admin, accept=False, reason=RejectReason.DUPLICATE
        )


# --- Panel ----------------------------------------------------------------------------


def test_panel_add_requires_the_juri_role_in_the_pemda(org, users):
    """Only a holder of the juri role in the call's Pemda joins the panel."""
    admin = users["admin_pemda"]
    call = make_call(org.pemda, admin)
    with pytest.raises(ValidationError) as raised:
        services.panel_add(call, juri=users["evaluator"], by=admin)
    assert "juri" in raised.value.message_dict
    member = services.panel_add(
        call, juri=users["juri"], by=admin, affiliation="Universitas Alpha"
    )
    assert services.panel_add(call, juri=users["juri"], by=admin) == member
    assert PanelMember.objects.filter(call=call).count() == 1


def test_panel_remove_refused_once_the_juri_scored(org, users):
    """A juri with a submitted sheet stays; one without is removed with assignments."""
    admin = users["admin_pemda"]
    scored, idle = make_juri(org.pemda, "scored"), make_juri(org.pemda, "idle")
    call, (entry,) = judging_call(org, admin)
    member_scored, member_idle = seat(call, admin, scored), seat(call, admin, idle)
    score(entry, admin, [(scored, (8, 7, 9, 6, 7))])
    services.assign_juri(entry, juri=idle, by=admin)
    with pytest.raises(ValidationError):
        services.panel_remove(member_scored, by=admin)
    services.panel_remove(member_idle, by=admin)
    assert not Assignment.objects.filter(juri=idle).exists()
    assert not PanelMember.objects.filter(pk=member_idle.pk).exists()


# --- Conflicts of interest and assignments --------------------------------------------


def test_conflict_by_panel_affiliation_is_refused(org, users):
    """A juri seated as belonging to the innovation's OPD cannot be assigned."""
    admin = users["admin_pemda"]
    juri = make_juri(org.pemda)
    call, (entry,) = judging_call(org, admin)
    seat(call, admin, juri, affiliation_opd=org.opd)
    assert services.conflict_of_interest(juri, entry)
    with pytest.raises(ValidationError) as raised:
        services.assign_juri(entry, juri=juri, by=admin)
    assert "juri" in raised.value.message_dict
    assert not Assignment.objects.exists()


def test_conflict_by_membership_on_a_unit_of_the_opd_is_refused(org, users):
    """A juri holding any active role on a unit of the OPD cannot be assigned."""
    admin = users["admin_pemda"]
    juri = make_juri(org.pemda)
    Membership.objects.create(
        user=juri, role=Role.OPERATOR_UNIT, pemda=org.pemda, unit=org.sibling_unit
    )
    call, (entry,) = judging_call(org, admin)
    seat(call, admin, juri)
    assert services.conflict_of_interest(juri, entry)
    with pytest.raises(ValidationError):
        services.assign_juri(entry, juri=juri, by=admin)


def test_inactive_membership_is_no_conflict(org, users):
    """A role the juri no longer holds does not block the assignment."""
    admin = users["admin_pemda"]
    juri = make_juri(org.pemda)
    Membership.objects.create(
        user=juri, role=Role.ADMIN_OPD, pemda=org.pemda, opd=org.opd, active=False
    )
    call, (entry,) = judging_call(org, admin)
    seat(call, admin, juri, affiliation_opd=org.other_opd)
    assert services.conflict_of_interest(juri, entry) is None
    assert services.assign_juri(entry, juri=juri, by=admin).juri == juri


def test_conflict_by_authorship_is_refused(org, users):
    """A juri who registered the innovation cannot score it."""
    admin = users["admin_pemda"]
    juri = make_juri(org.pemda)
    call = make_call(org.pemda, admin)
    services.call_open(call, by=admin)
    entry = make_entry(call, make_innovation(unit=org.unit, by=juri))
    services.call_start_judging(call, by=admin)
    services.entry_screen(entry, by=admin, accept=True)
    seat(call, admin, juri)
    with pytest.raises(ValidationError):
        services.assign_juri(entry, juri=juri, by=admin)


def test_assignment_is_idempotent(org, users):
    """Assigning the same juri twice keeps one assignment."""
    admin = users["admin_pemda"]
    juri = make_juri(org.pemda)
    call, (entry,) = judging_call(org, admin)
    seat(call, admin, juri)
    first = services.assign_juri(entry, juri=juri, by=admin)
    assert services.assign_juri(entry, juri=juri, by=admin) == first
    assert Assignment.objects.count() == 1


def test_assignment_needs_a_panel_juri_and_an_accepted_entry(org, users):
    """Juri off the panel, and entries not accepted, cannot be assigned."""
    admin = users["admin_pemda"]
    juri = make_juri(org.pemda)
    call, (entry,) = judging_call(org, admin)
    with pytest.raises(ValidationError):
        services.assign_juri(entry, juri=juri, by=admin)
    seat(call, admin, juri)
    pending = make_entry(call, make_innovation(unit=org.unit, title="Lain"))
    with pytest.raises(ValidationError):
        services.assign_juri(pending, juri=juri, by=admin)


# --- Closing stages -------------------------------------------------------------------


@pytest.fixture
def three_juri(org):
    return [make_juri(org.pemda, name) for name in ("juri_a", "juri_b", "juri_c")]


@pytest.fixture
def scored_call(org, users, three_juri):
    """A judging call whose three entries are scored by three juri in stage one."""
    admin = users["admin_pemda"]
    call, entries = judging_call(org, admin, titles=("Pertama", "Kedua", "Ketiga"))
    for juri in three_juri:
        seat(call, admin, juri)
    for entry, sheets in zip(entries, (FIRST, SECOND, THIRD), strict=True):
        score(entry, admin, list(zip(three_juri, sheets, strict=True)))
    return call, entries


def test_stage_close_ranks_the_worked_example(org, users, scored_call):
    """The bermanfaat tie rule puts the second proposal first; the third is out."""
    call, (first, second, third) = scored_call
    stage_one, stage_two = call.stages_in_order()
    results = services.stage_close(stage_one, by=users["admin_pemda"])
    by_entry = {r.entry_id: r for r in results}
    assert [r.entry_id for r in sorted(results, key=lambda r: r.rank)] == [
        second.pk,
        first.pk,
        third.pk,
    ]
    assert by_entry[first.pk].score == Decimal("75.0000")
    assert by_entry[second.pk].score == Decimal("75.0000")
    assert by_entry[first.pk].criterion_means["bermanfaat"] == "8.0000"
    assert by_entry[second.pk].criterion_means["bermanfaat"] == "8.3333"
    assert by_entry[second.pk].juri_count == 3
    for entry in (first, second, third):
        entry.refresh_from_db()
    assert first.stage == second.stage == stage_two
    assert not first.eliminated and not second.eliminated
    assert third.eliminated and third.stage == stage_one
    stage_one.refresh_from_db()
    assert stage_one.is_closed


def test_last_stage_gives_final_ranks_and_publish(org, users, scored_call, three_juri):
    """Closing the last stage ranks the winners; then the results can be published."""
    admin = users["admin_pemda"]
    call, (first, second, _third) = scored_call
    stage_one, stage_two = call.stages_in_order()
    with pytest.raises(ValidationError):
        services.results_publish(call, by=admin)
    services.stage_close(stage_one, by=admin)
    juri_a = three_juri[0]
    score(first, admin, [(juri_a, (9, 9, 9, 9, 9))], stage=stage_two)
    score(second, admin, [(juri_a, (7, 7, 7, 7, 7))], stage=stage_two)
    services.stage_close(stage_two, by=admin)
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.final_rank == 1 and not first.eliminated
    assert second.final_rank is None and second.eliminated
    services.results_publish(call, by=admin)
    assert call.status == CallStatus.FINISHED and call.published_at


def test_stage_close_requires_a_sheet_for_every_entry(org, users, three_juri):
    """An entry without any submitted sheet blocks closing, and is named."""
    admin = users["admin_pemda"]
    call, (scored, unscored) = judging_call(
        org, admin, titles=("Dinilai", "Belum dinilai")
    )
    seat(call, admin, three_juri[0])
    score(scored, admin, [(three_juri[0], FIRST[0])])
    services.assign_juri(unscored, juri=three_juri[0], by=admin)
    with pytest.raises(ValidationError) as raised:
        services.stage_close(call.stages_in_order().first(), by=admin)
    assert "Belum dinilai" in raised.value.messages[0]
    assert not StageResult.objects.exists()


def test_stages_close_in_order_and_once(org, users, scored_call):
    """The second stage cannot close first; a closed stage cannot close again."""
    admin = users["admin_pemda"]
    call, _entries = scored_call
    stage_one, stage_two = call.stages_in_order()
    with pytest.raises(ValidationError):
        services.stage_close(stage_two, by=admin)
    services.stage_close(stage_one, by=admin)
    with pytest.raises(ValidationError):
        services.stage_close(stage_one, by=admin)
    assert StageResult.objects.filter(stage=stage_one).count() == 3


def test_assignment_refused_in_a_closed_stage(org, users, scored_call, three_juri):
    """No juri can be added to a stage once it has closed."""
    admin = users["admin_pemda"]
    call, (first, _second, _third) = scored_call
    stage_one = call.stages_in_order().first()
    services.stage_close(stage_one, by=admin)
    extra = make_juri(org.pemda, "late")
    seat(call, admin, extra)
    with pytest.raises(ValidationError):
        services.assign_juri(first, juri=extra, by=admin, stage=stage_one)


# --- What a competition holds in the registry -----------------------------------------


def test_unpublish_refused_once_in_a_competition(org):
    """An innovation submitted to a call stays published."""
    innovation = make_innovation(unit=org.unit)
    call = Call.objects.create(
        pemda=org.pemda, title="KIPP", year=2026, deadline=timezone.now()
    )
    Entry.objects.create(
        call=call,
        innovation=innovation,
        category=Category.objects.create(call=call, name="Umum"),
        submitted_at=timezone.now(),
    )
    with pytest.raises(ValidationError):
        innovation_unpublish(innovation, by=None)
    innovation.refresh_from_db()
    assert innovation.is_published
