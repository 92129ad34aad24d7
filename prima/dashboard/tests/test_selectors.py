"""The dashboard's scopes, periods and tiles, on a Kota Alpha whose first unit
answered the SKM's worked example (U3 its weakest unsur) last triwulan."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from prima.core.periods import PeriodKind, period_containing, previous
from prima.dashboard import selectors
from prima.innovations.testing import make_innovation
from prima.surveys.models import FollowUp, Population
from prima.surveys.testing import submit_four

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 20)
LAST_TRIWULAN = previous(period_containing(TODAY, PeriodKind.TRIWULAN))


@pytest.fixture
def answered(org):
    submit_four(org.layanan, day=LAST_TRIWULAN.start + timedelta(days=10))
    return org


def test_scopes_follow_the_dashboard_grant(org, users):
    scopes = {name: selectors.dashboard_scopes(user) for name, user in users.items()}
    assert [s.key for s in scopes["admin_pemda"]] == [f"pemda-{org.pemda.pk}"]
    assert [s.key for s in scopes["pimpinan"]] == [f"pemda-{org.pemda.pk}"]
    assert [s.key for s in scopes["admin_opd"]] == [f"opd-{org.opd.pk}"]
    assert [s.pemda for s in scopes["other_pemda_admin"]] == [org.other_pemda]
    for name in ("operator_unit", "petugas_loket", "evaluator", "juri", "mentor"):
        assert scopes[name] == [], name
    assert len(scopes["superuser"]) == 2


def test_the_default_period_is_the_last_closed_one_of_the_pemda_kind(org):
    periods = selectors.closed_periods(org.pemda, TODAY)
    assert periods[0] == LAST_TRIWULAN
    assert all(period.end < TODAY for period in periods)
    assert {p.kind for p in periods} == {
        PeriodKind.TRIWULAN,
        PeriodKind.SEMESTER,
        PeriodKind.TAHUN,
    }


def board(org, user, period=LAST_TRIWULAN):
    scope = selectors.DashboardScope(org.pemda)
    return selectors.dashboard(user, scope, period, TODAY)


def test_tiles_from_the_rollups(answered, users):
    shown = board(answered, users["pimpinan"])
    assert shown.ikm.result.respondents == 4
    assert "<svg" in shown.ikm.trend_svg
    assert 'class="cell grade-' in shown.heat_map
    [low] = shown.lowest
    assert low.unit == answered.unit
    assert [w.code for w in low.weakest] == [u.value for u in low.result.weakest]
    assert shown.complaints is None  # no case in the period
    assert shown.coverage.coverage.year == LAST_TRIWULAN.end.year


def test_an_empty_period_shows_no_figures(answered, users):
    earlier = previous(previous(LAST_TRIWULAN))
    shown = board(answered, users["pimpinan"], earlier)
    assert shown.ikm is None and shown.heat_map is None and shown.lowest == []


def test_the_lowest_unit_says_what_addresses_its_weakest_unsur(answered, users):
    weakest = board(answered, users["pimpinan"]).lowest[0].weakest[0]
    assert not weakest.rtl and not weakest.innovations
    FollowUp.objects.create(
        pemda=answered.pemda,
        unit=answered.unit,
        period_start=LAST_TRIWULAN.start,
        period_end=LAST_TRIWULAN.end,
        unsur=weakest.code,
        action="Tambah loket",
        due_on=TODAY - timedelta(days=1),
        responsible="Kepala unit",
    )
    make_innovation(unit=answered.unit, targets=(weakest.code,))
    again = board(answered, users["pimpinan"])
    addressed = again.lowest[0].weakest[0]
    assert addressed.rtl and len(addressed.innovations) == 1
    assert (again.rtl.total, again.rtl.done, again.rtl.overdue_count) == (1, 0, 1)


def test_sample_adequacy_compares_with_the_declared_population(answered, users):
    Population.objects.create(
        pemda=answered.pemda,
        unit=answered.unit,
        period_start=LAST_TRIWULAN.start,
        period_end=LAST_TRIWULAN.end,
        population=100,
    )
    sample = board(answered, users["pimpinan"]).sample
    assert sample.declared == 1
    [short] = sample.short
    assert (short.unit, short.obtained, short.required) == (answered.unit, 4, 80)


def test_an_opd_dashboard_covers_its_units_only(answered, users):
    scope = selectors.DashboardScope(answered.pemda, answered.other_opd)
    shown = selectors.dashboard(users["admin_pemda"], scope, LAST_TRIWULAN, TODAY)
    assert shown.ikm is None and shown.lowest == []
    own = selectors.DashboardScope(answered.pemda, answered.opd)
    shown = selectors.dashboard(users["admin_opd"], own, LAST_TRIWULAN, TODAY)
    assert shown.lowest[0].unit == answered.unit
    assert shown.coverage.opd_count == 0


def test_the_newest_published_pekppp_cycle_shows_categories_and_the_lowest(org, users):
    from prima.evaluations import services as evaluations
    from prima.evaluations import testing

    admin = users["admin_pemda"]
    cycle = testing.make_cycle(org.pemda, org.unit, org.other_opd_unit, by=admin)
    scores = {org.unit: 4, org.other_opd_unit: 2}
    for cycle_unit in cycle.units.select_related("unit"):
        evaluations.evaluator_assign(cycle_unit, evaluator=users["evaluator"], by=admin)
        testing.submit_sheet(cycle_unit, users["evaluator"], scores[cycle_unit.unit])
    scope = selectors.DashboardScope(org.pemda)
    assert selectors.dashboard(admin, scope, LAST_TRIWULAN, TODAY).pekppp is None
    evaluations.cycle_publish(cycle, by=admin, now=timezone.now())
    tile = selectors.dashboard(admin, scope, LAST_TRIWULAN, TODAY).pekppp
    assert tile.evaluated == 2
    assert [row.unit for row in tile.lowest] == [org.other_opd_unit, org.unit]
    own = selectors.DashboardScope(org.pemda, org.opd)
    tile = selectors.dashboard(admin, own, LAST_TRIWULAN, TODAY).pekppp
    assert [row.unit for row in tile.lowest] == [org.unit]
