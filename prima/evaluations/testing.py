"""Builders of PEKPPP test data, through the real services."""

from __future__ import annotations

from datetime import date

from prima.core.roles import Role
from prima.evaluations import instrument
from prima.evaluations.models import Cycle, Instrument, ServiceKind
from prima.evaluations.services import cycle_open, instrument_load
from prima.organisations.testing import make_user

TIMELINE = {
    "self_assessment_deadline": date(2026, 3, 31),
    "visits_start": date(2026, 4, 6),
    "visits_end": date(2026, 5, 29),
    "verification_start": date(2026, 6, 1),
    "verification_end": date(2026, 6, 8),
}


def shipped_instrument() -> Instrument:
    """Return the stored 2023 instrument, loading it when needed."""
    text = instrument.shipped()["2023"].read_text(encoding="utf-8")
    return instrument_load(definition=text)[0]


def make_admin(pemda):
    return make_user(role=Role.ADMIN_PEMDA, pemda=pemda)


def make_evaluator(pemda, **extra):
    return make_user(role=Role.EVALUATOR, pemda=pemda, **extra)


def make_cycle(pemda, *units, by=None, year: int = 2026, **changes) -> Cycle:
    """Open a cycle of ``pemda`` over ``units`` (all giving services, jasa)."""
    return cycle_open(
        pemda=pemda,
        by=by or make_admin(pemda),
        year=year,
        instrument=shipped_instrument(),
        cohort_by=changes.pop("cohort_by", "pemda"),
        units=changes.pop("units", {ServiceKind.JASA: list(units)}),
        **(TIMELINE | changes),
    )


def submit_sheet(cycle_unit, evaluator, score=3, *, now=None):
    """Score every indicator of the unit (``score``: one value, or a mapping of
    indicator number → score) and submit the F-02 as ``evaluator``."""
    from django.utils import timezone

    from prima.evaluations import services

    for indicator in cycle_unit.cycle.instrument.parsed().indicators:
        value = score.get(indicator.number, 3) if isinstance(score, dict) else score
        services.evaluator_score_save(
            cycle_unit, by=evaluator, indicator=indicator.number, score=value
        )
    return services.evaluation_submit(
        cycle_unit, by=evaluator, now=now or timezone.now()
    )
