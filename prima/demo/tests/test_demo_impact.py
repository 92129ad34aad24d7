"""The full demo city shows measured impact on several applied innovations.

The one test that loads the demo at its real size (``surveys.DEFAULT_RESPONSES``
over two years), as ``prima demo-data`` does; the other demo tests load a smaller
city. Rolled back at the end.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.db import transaction
from django.test import override_settings

from prima.demo import innovations, surveys
from prima.demo.services import demo_city_load
from prima.innovations import impact
from prima.innovations.impact_selectors import measured_impact
from prima.innovations.models import APPLIED_STAGES, Innovation

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite_part_only]

TODAY = date(2026, 11, 25)
SIGNIFICANT = {impact.Verdict.IMPROVED, impact.Verdict.WORSENED}


@pytest.fixture(scope="module")
def verdicts(django_db_setup, django_db_blocker):
    """Load the full demo city and return {innovation key: verdicts of its unsur}."""
    full_size = override_settings(PRIMA_DEMO_SURVEY_RESPONSES=surveys.DEFAULT_RESPONSES)
    with django_db_blocker.unblock(), full_size, transaction.atomic():
        try:
            ctx = demo_city_load(today=TODAY)
            applied = Innovation.objects.filter(
                pemda=ctx.pemda, stage__in=APPLIED_STAGES
            ).prefetch_related("layanan")
            keys = {inn.pk: key for key, inn in ctx.innovations.items()}
            yield {
                keys[inn.pk]: [
                    r.verdict for r in measured_impact(inn, today=TODAY).rows
                ]
                for inn in applied
            }
        finally:
            transaction.set_rollback(True)


def test_at_least_three_innovations_have_a_significant_impact(verdicts):
    significant = {k for k, v in verdicts.items() if SIGNIFICANT & set(v)}
    assert len(significant) >= 3, verdicts


def test_the_moved_unsur_move_the_declared_way_and_not_all_improve(verdicts):
    """Each ``surveys.IMPACTS`` innovation measures the direction its answers took."""
    expected = {
        key: impact.Verdict.IMPROVED if i.change > 0 else impact.Verdict.WORSENED
        for key, i in surveys.IMPACTS.items()
    }
    assert {key: verdicts[key][0] for key in expected} == expected
    assert impact.Verdict.WORSENED in expected.values()


def test_impacts_match_their_innovations():
    """The applied date and target of each impact are its innovation's own."""
    specs = {spec.key: spec for spec in innovations.SPECS}
    for key, moved in surveys.IMPACTS.items():
        spec = specs[key]
        assert spec.stage in APPLIED_STAGES
        assert (spec.unit, spec.since) == (moved.unit, moved.days_ago)
        assert moved.unsur in spec.targets
