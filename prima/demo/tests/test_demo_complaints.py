"""The demo complaints step: a year of cases whose deadlines follow the real rules.

A small city (organisation and standards steps) is built once for the module with a
few hundred cases, inside a transaction rolled back at the end.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from prima.complaints import sla
from prima.complaints.models import Case, CaseEvent, Holiday, RejectReason, Status
from prima.demo import complaints, organisations, standards
from prima.demo.context import DemoContext

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 25)
CASES = 300


def build(count: int = CASES) -> DemoContext:
    with override_settings(PRIMA_DEMO_COMPLAINTS=count):
        ctx = DemoContext(today=TODAY, password_hash=make_password(None))
        for step in (
            organisations.create_pemda,
            organisations.create_opds,
            organisations.create_units,
            organisations.create_layanan,
            organisations.create_users,
            standards.create_standards,
            complaints.create_complaints,
        ):
            step(ctx)
    return ctx


@pytest.fixture(scope="module")
def city(django_db_setup, django_db_blocker):
    """Build a small demo city with CASES cases, rolled back afterwards."""
    with django_db_blocker.unblock(), transaction.atomic():
        try:
            yield build()
        finally:
            transaction.set_rollback(True)


def day(moment) -> date:
    return timezone.localtime(moment).date()


def test_creates_the_requested_cases_and_holidays(city):
    """Exactly the configured number of cases, with the 2025–2026 holidays."""
    assert Case.objects.filter(pemda=city.pemda).count() == CASES
    assert Holiday.objects.filter(pemda=city.pemda).count() == len(complaints.HOLIDAYS)
    assert Holiday.objects.filter(day=date(2026, 8, 17)).exists()


def test_every_state_and_outcome_is_present(city):
    """The cases cover every state, rejections, re-openings and ratings."""
    cases = Case.objects.filter(pemda=city.pemda)
    assert set(cases.values_list("status", flat=True)) == set(Status.values)
    forwarded = cases.filter(reject_reason=RejectReason.NOT_OUR_AUTHORITY)
    assert forwarded.exists() and not forwarded.filter(forwarded_to="").exists()
    assert not cases.filter(status=Status.REJECTED, reject_reason="").exists()
    assert cases.filter(reopen_count__gt=0).exists()
    ratings = list(cases.exclude(rating=None).values_list("rating", flat=True))
    assert sum(r >= 3 for r in ratings) > 0.7 * len(ratings)


def test_overdue_cases_are_the_stuck_ones_with_both_escalation_levels(city):
    """A few open cases are overdue now; some are escalated to level 1 and 2."""
    overdue = Case.objects.filter(pemda=city.pemda).overdue(today=TODAY)
    assert overdue.count() == 4
    levels = set(overdue.values_list("escalation_level", flat=True))
    assert levels == {0, 1, 2}


def test_deadlines_follow_the_working_day_rules(city):
    """Every deadline is what sla computes from the receipt or assignment date."""
    holidays = Holiday.objects.dates(city.pemda)
    standard_days = complaints._standard_days(city.pemda)
    for case in Case.objects.filter(pemda=city.pemda):
        assert case.verify_due == sla.verify_due(day(case.received_at), holidays)
        if case.assigned_at:
            assigned = day(case.assigned_at)
            assert case.first_response_due == sla.first_response_due(assigned, holidays)
            assert case.answer_due == sla.answer_due(
                assigned, holidays, standard_days.get(case.layanan_id)
            )
        assert re.fullmatch(r"PRM(-[B-Z2-9]{4}){3}", case.tracking_code)


def test_events_retrace_each_case_in_order(city):
    """Each case's events start at receipt, run in time order and end in its state."""
    events: dict[int, list[CaseEvent]] = {}
    for event in CaseEvent.objects.filter(case__pemda=city.pemda).order_by("at"):
        events.setdefault(event.case_id, []).append(event)
    for case in Case.objects.filter(pemda=city.pemda):
        steps = events[case.pk]
        assert steps[0].to_status == Status.RECEIVED and steps[0].at == case.received_at
        assert steps[-1].to_status == case.status
        for before, after in zip(steps, steps[1:], strict=False):
            assert after.from_status == before.to_status


def test_the_same_seed_gives_the_same_cases(city):
    """A second build with the same seed yields the same tracking codes and states."""
    first = list(
        Case.objects.filter(pemda=city.pemda)
        .order_by("pk")
        .values_list("tracking_code", "status")
    )
    complaints.delete_complaints(city.pemda)
    assert not Case.objects.filter(pemda=city.pemda).exists()
    with override_settings(PRIMA_DEMO_COMPLAINTS=CASES):
        complaints.create_complaints(city)
    again = list(
        Case.objects.filter(pemda=city.pemda)
        .order_by("pk")
        .values_list("tracking_code", "status")
    )
    assert again == first
