"""Tests of the measured impact read from hand-made SKM daily rollups."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from prima.innovations.impact import Verdict
from prima.innovations.impact_selectors import (
    Missing,
    impact_for_query,
    measured_impact,
)
from prima.innovations.models import Stage
from prima.innovations.testing import AFTER, APPLIED, BEFORE, make_innovation, rollup

LATER = date(2025, 6, 1)

pytestmark = pytest.mark.django_db


def applied(org, **fields):
    return make_innovation(unit=org.unit, applied_on=APPLIED, **fields)


def test_worked_example_from_the_rollups(org):
    """The inovasi.md example: +0.35 with 95% interval [0.112, 0.588], improved."""
    rollup(org.layanan, APPLIED - timedelta(days=30), BEFORE)
    rollup(org.layanan, APPLIED + timedelta(days=30), AFTER)
    result = measured_impact(applied(org), today=LATER)
    (row,) = result.rows
    assert row.unsur == "U3"
    assert (row.n_before, row.n_after) == (100, 100)
    assert (row.nrr_before, row.nrr_after) == (Decimal("2.70"), Decimal("3.05"))
    assert row.difference == Decimal("0.35")
    assert (row.low, row.high) == (Decimal("0.112"), Decimal("0.588"))
    assert row.verdict == Verdict.IMPROVED
    assert row.verdict_label == "Improved"
    assert result.before == (APPLIED - timedelta(days=180), APPLIED - timedelta(days=1))
    assert result.after == (APPLIED, APPLIED + timedelta(days=179))
    assert not result.clipped and result.days_compared == 180


def test_ikm_of_both_windows_from_the_same_counts(org):
    """The unit's IKM before and after is computed from the same rollup counts."""
    rollup(org.layanan, APPLIED - timedelta(days=1), BEFORE)
    rollup(org.layanan, APPLIED, AFTER)
    result = measured_impact(applied(org), today=LATER)
    # Eight unsur at 3.00 and U3 at 2.70 → (24 + 2.70) / 9 × 25 = 74.17.
    assert result.ikm_before == Decimal("74.17")
    # (24 + 3.05) / 9 × 25 = 75.14.
    assert result.ikm_after == Decimal("75.14")


def test_days_outside_both_windows_are_ignored(org):
    """Answers older than the before window or later than the after window count not."""
    rollup(org.layanan, APPLIED - timedelta(days=1), BEFORE)
    rollup(org.layanan, APPLIED - timedelta(days=181), {1: 500})
    rollup(org.layanan, APPLIED, AFTER)
    rollup(org.layanan, APPLIED + timedelta(days=180), {1: 500})
    (row,) = measured_impact(applied(org), today=LATER).rows
    assert (row.n_before, row.n_after) == (100, 100)


def test_fewer_than_thirty_answers_is_not_enough_data(org):
    """29 answers after the applied date: "not enough data", no interval."""
    rollup(org.layanan, APPLIED - timedelta(days=10), BEFORE)
    rollup(org.layanan, APPLIED + timedelta(days=10), {3: 20, 4: 9})
    (row,) = measured_impact(applied(org), today=LATER).rows
    assert row.n_after == 29
    assert row.verdict == Verdict.NOT_ENOUGH_DATA
    assert row.low is None and row.high is None
    assert row.verdict_label == "Not enough data"


def test_ramp_up_days_are_skipped(org):
    """With a 30-day ramp-up the after window starts 30 days after the applied date."""
    rollup(org.layanan, APPLIED - timedelta(days=10), BEFORE)
    rollup(org.layanan, APPLIED + timedelta(days=5), {1: 100})
    rollup(org.layanan, APPLIED + timedelta(days=40), AFTER)
    result = measured_impact(applied(org), 90, 30, today=LATER)
    assert result.after == (APPLIED + timedelta(days=30), APPLIED + timedelta(days=119))
    assert result.before == (APPLIED - timedelta(days=90), APPLIED - timedelta(days=1))
    (row,) = result.rows
    assert row.nrr_after == Decimal("3.05")
    assert result.ramp_days == 30


def test_windows_shrink_when_the_after_window_would_pass_today(org):
    """Applied 40 days ago: both windows are 41 days, ending today, and say so."""
    today = APPLIED + timedelta(days=40)
    rollup(org.layanan, APPLIED - timedelta(days=41), BEFORE)
    rollup(org.layanan, APPLIED - timedelta(days=42), {1: 100})
    rollup(org.layanan, today, AFTER)
    result = measured_impact(applied(org), today=today)
    assert result.clipped and result.days_compared == 41
    assert result.after == (APPLIED, today)
    assert result.before == (APPLIED - timedelta(days=41), APPLIED - timedelta(days=1))
    (row,) = result.rows
    assert (row.n_before, row.n_after) == (100, 100)


def test_after_window_not_started(org):
    """Applied in the future (or still in ramp-up): nothing to compare yet."""
    result = measured_impact(applied(org), 180, 10, today=APPLIED + timedelta(days=5))
    assert result.missing == Missing.NOT_STARTED
    assert "has not started" in result.missing_text


def test_only_the_innovations_services_are_counted(org):
    """An innovation naming services counts only their rollups, not the whole unit."""
    from prima.organisations.testing import make_layanan

    other = make_layanan(unit=org.unit, name="Legalisir")
    rollup(org.layanan, APPLIED - timedelta(days=3), BEFORE)
    rollup(org.layanan, APPLIED + timedelta(days=3), AFTER)
    rollup(other, APPLIED + timedelta(days=3), {1: 100})
    innovation = applied(org)
    assert measured_impact(innovation, today=LATER).rows[0].n_after == 200
    innovation.layanan.set([org.layanan])
    result = measured_impact(innovation, today=LATER)
    assert result.rows[0].n_after == 100
    assert result.scope_label == org.layanan.name


def test_an_opd_level_innovation_counts_the_whole_opd(org):
    """Without a unit the OPD's rollups are used."""
    rollup(org.layanan, APPLIED - timedelta(days=3), BEFORE)
    rollup(org.sibling_layanan, APPLIED + timedelta(days=3), AFTER)
    rollup(org.other_opd_layanan, APPLIED + timedelta(days=3), {1: 100})
    innovation = make_innovation(opd=org.opd, applied_on=APPLIED)
    (row,) = measured_impact(innovation, today=LATER).rows
    assert (row.n_before, row.n_after) == (100, 100)


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"stage": Stage.UJI_COBA}, Missing.NOT_APPLIED),
        ({"targets": ()}, Missing.NO_TARGETS),
        ({}, Missing.NO_DATA),
    ],
)
def test_why_no_impact_is_shown(org, fields, reason):
    """Not applied, no targets, or no answers: the result names the reason."""
    result = measured_impact(applied(org, **fields), today=LATER)
    assert result.missing == reason
    assert result.missing_text and not result.rows


def test_an_innovation_of_another_region_has_no_scope(org):
    """An innovation recorded from another region links to no survey answers."""
    innovation = make_innovation(pemda=org.pemda, applied_on=APPLIED)
    assert measured_impact(innovation, today=LATER).missing == Missing.NO_SCOPE


def test_no_query_reads_raw_responses(org):
    """Every figure comes from the rollups: no SQL touches the responses table."""
    rollup(org.layanan, APPLIED - timedelta(days=30), BEFORE)
    rollup(org.layanan, APPLIED + timedelta(days=30), AFTER)
    innovation = applied(org)
    with CaptureQueriesContext(connection) as queries:
        measured_impact(innovation, today=LATER)
    assert queries.captured_queries
    assert not [q for q in queries if "surveys_response" in q["sql"]]
    assert any("surveys_dailycount" in q["sql"] for q in queries)


def test_chart_draws_both_means_and_the_interval(org):
    """The SVG has a before and an after dot and an interval bar per unsur."""
    rollup(org.layanan, APPLIED - timedelta(days=30), BEFORE)
    rollup(org.layanan, APPLIED + timedelta(days=30), AFTER)
    chart = measured_impact(applied(org), today=LATER).chart
    assert chart.startswith("<svg")
    assert chart.count('class="before"') == chart.count('class="after"') == 1
    assert 'class="interval"' in chart
    assert "U3 Waktu Penyelesaian" in chart


@pytest.mark.parametrize(
    ("query", "window", "ramp", "noted"),
    [
        ("jendela=90&jeda=14", 90, 14, False),
        ("", 180, 0, False),
        ("jendela=5", 180, 0, True),
        ("jendela=9999&jeda=abc", 180, 0, True),
        ("jendela=60&jeda=91", 60, 0, True),
    ],
)
def test_window_from_the_query(org, query, window, ramp, noted):
    """Bounded whole numbers are used; anything else falls back with a note."""
    result = impact_for_query(applied(org), QueryDict(query), today=LATER)
    assert (result.window_days, result.ramp_days) == (window, ramp)
    assert bool(result.notes) == noted


def test_nonsense_window_is_refused(org):
    """A negative ramp-up is a programming error, not a reader's choice."""
    with pytest.raises(ValueError):
        measured_impact(applied(org), 30, -1, today=LATER)
