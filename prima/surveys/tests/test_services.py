"""Tests of storing responses with their rollups and reading them back."""

import uuid
from datetime import date
from decimal import Decimal

import pytest

from prima.surveys import ikm
from prima.surveys.models import DailyCount, DailyProfileCount, Response
from prima.surveys.periods import PeriodKind, period_containing
from prima.surveys.selectors import Scope, results_by, scope_profile, scope_result
from prima.surveys.services import response_submit

pytestmark = pytest.mark.django_db

FOUR_RESPONDENTS = [
    [4, 4, 4, 4, 4, 4, 4, 4, 4],
    [3, 3, 3, 3, 3, 3, 3, 3, 3],
    [2, 3, 2, 4, 3, 3, 3, 3, 2],
    [3, 2, 1, 4, 3, 4, 4, 3, 3],
]
DAY = date(2026, 5, 12)


def submit(layanan, row, **kwargs):
    scores = {f"U{i}": v for i, v in enumerate(row, start=1)}
    kwargs.setdefault("idempotency_key", uuid.uuid4())
    return response_submit(layanan=layanan, scores=scores, service_date=DAY, **kwargs)


def test_rollups_reproduce_worked_example(org):
    """The four-respondent example of skm.md read back from rollups gives IKM 79.86 B."""
    for row in FOUR_RESPONDENTS:
        submit(org.layanan, row)
    period = period_containing(DAY, PeriodKind.TRIWULAN)
    result = scope_result(Scope.of(org.unit), period)
    assert result.respondents == 4
    assert result.ikm_display == Decimal("79.86")
    assert result.mutu is ikm.Mutu.B
    assert result.weakest == (ikm.Unsur.U3,)
    assert scope_result(Scope.of(org.pemda), period).respondents == 4
    assert scope_result(Scope.of(org.other_opd), period) is None


def test_retried_submission_is_stored_once(org):
    """Submitting twice with the same key stores one response and counts it once."""
    key = uuid.uuid4()
    first, created = submit(org.layanan, FOUR_RESPONDENTS[0], idempotency_key=key)
    again, created_again = submit(org.layanan, FOUR_RESPONDENTS[1], idempotency_key=key)
    assert created and not created_again and first.pk == again.pk
    assert Response.objects.count() == 1
    assert DailyCount.objects.get().respondents == 1


def test_invalid_score_stores_nothing(org):
    """A score outside 1–4 is refused and neither response nor rollup is stored."""
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        submit(org.layanan, [5, 4, 4, 4, 4, 4, 4, 4, 4])
    assert "u1" in error.value.message_dict
    assert not Response.objects.exists() and not DailyCount.objects.exists()


def test_profile_counts_and_grouped_results(org):
    """Profile categories are counted per day and results group per unit."""
    submit(org.layanan, FOUR_RESPONDENTS[0], profile={"gender": "P", "age": 34})
    submit(org.sibling_layanan, FOUR_RESPONDENTS[1], profile={"gender": "L"})
    period = period_containing(DAY, PeriodKind.TAHUN)
    assert scope_profile(Scope.of(org.opd), period)["gender"] == {"P": 1, "L": 1}
    assert DailyProfileCount.objects.filter(dimension="age", category="30_39").exists()
    by_unit = results_by(period, pemda=org.pemda, group="unit")
    assert by_unit[org.unit.pk].ikm_display == Decimal("100.00")
    assert by_unit[org.sibling_unit.pk].ikm_display == Decimal("75.00")
