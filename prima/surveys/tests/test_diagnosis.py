"""Tests of the diagnosis of a unit in a period, read from the rollups."""

import uuid
from datetime import date
from decimal import Decimal

import pytest

from prima.core.periods import parse_key
from prima.surveys import ikm
from prima.surveys.diagnosis import diagnose
from prima.surveys.followups import followup_create, population_declare
from prima.surveys.selectors import Scope
from prima.surveys.services import response_submit

pytestmark = pytest.mark.django_db

FOUR_RESPONDENTS = [
    [4, 4, 4, 4, 4, 4, 4, 4, 4],
    [3, 3, 3, 3, 3, 3, 3, 3, 3],
    [2, 3, 2, 4, 3, 3, 3, 3, 2],
    [3, 2, 1, 4, 3, 4, 4, 3, 3],
]
PERIOD = parse_key("2026-T2")
DAY = date(2026, 5, 12)
U = ikm.Unsur


def submit(layanan, row, day=DAY):
    scores = {f"U{i}": v for i, v in enumerate(row, start=1)}
    response_submit(
        layanan=layanan, scores=scores, idempotency_key=uuid.uuid4(), service_date=day
    )


def test_worked_example_weak_and_weakest(org):
    """The four respondents of skm.md give IKM 79.86 B, weak U1 U2 U3 U9, weakest U3."""
    for row in FOUR_RESPONDENTS:
        submit(org.layanan, row)
    diagnosis = diagnose(Scope.of(org.unit), PERIOD)
    assert diagnosis.result.ikm_display == Decimal("79.86")
    assert diagnosis.result.mutu is ikm.Mutu.B
    assert [line.unsur for line in diagnosis.lines if line.weak] == [
        U.U1,
        U.U2,
        U.U3,
        U.U9,
    ]
    assert [line.unsur for line in diagnosis.lines if line.weakest] == [U.U3]
    assert [line.unsur for line in diagnosis.weak_lines][0] is U.U3
    converted = {line.unsur: line.converted_display for line in diagnosis.lines}
    assert converted[U.U3] == Decimal("62.50")
    assert converted[U.U4] == Decimal("93.75")


def test_change_against_previous_period(org):
    """Each unsur's change is its NRR now minus its NRR in the previous triwulan."""
    submit(org.layanan, [3] * 9, day=date(2026, 2, 10))
    for row in FOUR_RESPONDENTS:
        submit(org.layanan, row)
    diagnosis = diagnose(Scope.of(org.unit), PERIOD)
    assert diagnosis.previous_period.key == "2026-T1"
    change = {line.unsur: line.change_display for line in diagnosis.lines}
    assert change[U.U3] == Decimal("-0.50")
    assert change[U.U4] == Decimal("0.75")
    assert change[U.U1] == Decimal("0.00")
    assert ikm.display_round(diagnosis.ikm_change) == Decimal("4.86")


def test_no_previous_period_means_no_change(org):
    """Without responses in the previous period the change is unknown, not zero."""
    submit(org.layanan, FOUR_RESPONDENTS[0])
    diagnosis = diagnose(Scope.of(org.unit), PERIOD)
    assert all(line.change is None for line in diagnosis.lines)
    assert diagnosis.ikm_change is None


def test_sample_progress_with_declared_population(org):
    """A declared population of 1 000 needs 278 respondents; four are far short."""
    for row in FOUR_RESPONDENTS:
        submit(org.layanan, row)
    assert diagnose(Scope.of(org.unit), PERIOD).sample is None
    population_declare(unit=org.unit, period=PERIOD, population=1000)
    sample = diagnose(Scope.of(org.unit), PERIOD).sample
    assert (sample.population, sample.required, sample.obtained) == (1000, 278, 4)
    assert not sample.reached
    assert sample.shortfall == 274


def test_follow_ups_of_this_and_previous_period(org):
    """The diagnosis lists the RTL of its period and, separately, of the previous one."""
    before = parse_key("2026-T1")
    followup_create(
        unit=org.unit,
        period=before,
        unsur="U3",
        action="Tambah loket",
        due_on=date(2026, 6, 1),
        responsible="Kepala Unit",
    )
    diagnosis = diagnose(Scope.of(org.unit), PERIOD)
    assert diagnosis.follow_ups == []
    assert [f.action for f in diagnosis.previous_follow_ups] == ["Tambah loket"]
