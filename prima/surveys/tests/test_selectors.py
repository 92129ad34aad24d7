"""Tests of reading the SKM from the daily and monthly rollups."""

import uuid
from datetime import date

import pytest
from django.db.models import Sum
from django.http import Http404

from prima.core.periods import Period, PeriodKind, period_number
from prima.surveys.models import (
    DailyCount,
    DailyProfileCount,
    MonthlyCount,
    SurveySettings,
)
from prima.surveys.selectors import (
    COUNT_FIELDS,
    Scope,
    month_split,
    results_by,
    scope_counts,
    settings_changeable,
    settings_pemda,
    settings_pemdas,
    survey_periods,
)
from prima.surveys.services import response_submit


@pytest.mark.parametrize(
    ("start", "end", "months", "edges"),
    [
        (date(2026, 1, 1), date(2026, 3, 31), (date(2026, 1, 1), date(2026, 3, 1)), []),
        (
            date(2026, 1, 15),
            date(2026, 4, 10),
            (date(2026, 2, 1), date(2026, 3, 1)),
            [
                (date(2026, 1, 15), date(2026, 1, 31)),
                (date(2026, 4, 1), date(2026, 4, 10)),
            ],
        ),
        (
            date(2026, 2, 3),
            date(2026, 2, 20),
            None,
            [(date(2026, 2, 3), date(2026, 2, 20))],
        ),
        (
            date(2025, 12, 31),
            date(2026, 2, 28),
            (date(2026, 1, 1), date(2026, 2, 1)),
            [(date(2025, 12, 31), date(2025, 12, 31))],
        ),
    ],
)
def test_month_split(start, end, months, edges):
    """A period splits into its whole months and the leftover days around them."""
    assert month_split(Period(start, end)) == (months, edges)


def answer(layanan, day, score, channel="online"):
    response_submit(
        layanan=layanan,
        scores={f"U{i}": score for i in range(1, 10)},
        idempotency_key=uuid.uuid4(),
        service_date=day,
        channel=channel,
    )


@pytest.mark.django_db
def test_monthly_and_daily_rollups_agree(org):
    """Each month's row equals the sum of its days' rows."""
    for day, score in [
        (date(2026, 1, 5), 4),
        (date(2026, 1, 31), 2),
        (date(2026, 2, 1), 3),
    ]:
        answer(org.layanan, day, score)
    for month in (date(2026, 1, 1), date(2026, 2, 1)):
        row = MonthlyCount.objects.get(layanan=org.layanan, month=month)
        days = DailyCount.objects.filter(
            layanan=org.layanan, day__year=month.year, day__month=month.month
        ).aggregate(**{f: Sum(f) for f in ["respondents", *COUNT_FIELDS]})
        assert {f: getattr(row, f) for f in days} == days


@pytest.mark.django_db
def test_custom_range_counts_only_its_days(org):
    """A range that cuts through months counts exactly the answers inside it."""
    answer(org.layanan, date(2026, 1, 14), 1)
    answer(org.layanan, date(2026, 1, 15), 4)
    answer(org.layanan, date(2026, 3, 2), 4)
    answer(org.layanan, date(2026, 3, 3), 1)
    counts = scope_counts(
        Scope.of(org.unit), Period(date(2026, 1, 15), date(2026, 3, 2))
    )
    assert counts["U1"].as_tuple() == (0, 0, 0, 2)


@pytest.mark.django_db
def test_results_by_unit_over_a_quarter(org):
    """Grouped results per unit sum whole months of a triwulan."""
    answer(org.layanan, date(2026, 4, 2), 4)
    answer(org.sibling_layanan, date(2026, 6, 30), 2)
    quarter = period_number(2026, PeriodKind.TRIWULAN, 2)
    results = results_by(quarter, pemda=org.pemda, group="unit")
    assert results[org.unit.pk].respondents == 1
    assert str(results[org.sibling_unit.pk].ikm_display) == "50.00"


@pytest.mark.django_db
def test_channel_is_a_profile_dimension(org):
    """Each response is counted under its channel."""
    answer(org.layanan, date(2026, 5, 1), 3, channel="kiosk")
    answer(org.layanan, date(2026, 5, 1), 3, channel="kiosk")
    row = DailyProfileCount.objects.get(dimension="channel", category="kiosk")
    assert row.count == 2


@pytest.mark.django_db
def test_survey_periods_follow_the_pemdas_setting(org):
    """The periods offered are the current one and those before, in the Pemda's kind."""
    today = date(2026, 5, 12)
    quarters = survey_periods(org.pemda, today=today, count=3)
    assert [p.key for p in quarters] == ["2026-T2", "2026-T1", "2025-T4"]
    SurveySettings.objects.create(pemda=org.pemda, period_kind=PeriodKind.SEMESTER)
    assert [p.key for p in survey_periods(org.pemda, today=today, count=2)] == [
        "2026-S1",
        "2025-S2",
    ]
    assert survey_periods(None, today=today, count=1)[0].key == "2026-T2"


@pytest.mark.django_db
def test_settings_pemda_of_staff_and_of_a_platform_operator(org, users):
    """Staff get their Pemda (another's slug is 404); an operator must choose one,
    and a deactivated operator reaches none."""
    assert settings_pemda(users["operator_unit"]) == org.pemda
    with pytest.raises(Http404):
        settings_pemda(users["operator_unit"], org.other_pemda.slug)
    root = users["superuser"]
    assert settings_pemda(root) is None
    assert settings_pemda(root, org.other_pemda.slug) == org.other_pemda
    assert settings_changeable(root, org.other_pemda)
    assert settings_changeable(users["admin_pemda"], org.pemda)
    assert not settings_changeable(users["admin_pemda"], org.other_pemda)
    assert not settings_changeable(users["admin_opd"], org.pemda)
    root.is_active = False
    assert not settings_pemdas(root).exists()
    assert not settings_changeable(root, org.other_pemda)


def test_the_whole_from_its_groups_equals_the_whole_read_alone(org):
    """``results_with_total`` sums the groups' counts: the same IkmResult as the
    scope's own query, with the per-unit results of ``results_by``."""
    from datetime import date

    from prima.core.periods import PeriodKind, period_containing
    from prima.surveys import selectors
    from prima.surveys.testing import submit_four, submit_scores

    day = date(2025, 2, 10)
    submit_four(org.layanan, day=day)
    submit_scores(org.other_opd_layanan, [4, 3, 2, 4, 3, 2, 4, 3, 2], day=day)
    period = period_containing(day, PeriodKind.TRIWULAN)
    total, per_unit = selectors.results_with_total(
        period, pemda=org.pemda, group="unit"
    )
    assert total == selectors.scope_result(selectors.Scope(org.pemda), period)
    assert per_unit == selectors.results_by(period, pemda=org.pemda, group="unit")
    assert total.respondents == 5
    empty = period_containing(date(2020, 1, 1), PeriodKind.TRIWULAN)
    assert selectors.results_with_total(empty, pemda=org.pemda, group="unit") == (
        None,
        {},
    )


def test_the_trend_from_one_read_equals_each_period_read_alone(org):
    from datetime import date

    from prima.core.periods import PeriodKind, period_containing, previous
    from prima.surveys import selectors
    from prima.surveys.testing import submit_four, submit_scores

    submit_four(org.layanan, day=date(2025, 2, 10))
    submit_scores(org.layanan, [4] * 9, day=date(2025, 5, 31))
    last = period_containing(date(2025, 6, 1), PeriodKind.TRIWULAN)
    periods = [previous(previous(last)), previous(last), last]
    scope = selectors.Scope(org.pemda)
    trend = selectors.trend_results(scope, periods)
    assert trend == [(p, selectors.scope_result(scope, p)) for p in periods]
    assert trend[0][1] is None and trend[1][1].respondents == 4


def test_a_mostly_whole_month_is_read_as_the_month_less_its_other_days(org):
    """The 365-day window's partial months: most of a month is the month's row less
    the other days' rows; the figures equal those of the days alone, and a unit
    answered only on the subtracted days is absent, not empty."""
    from datetime import date

    from prima.core.periods import Period
    from prima.surveys import selectors
    from prima.surveys.testing import submit_four, submit_scores

    submit_four(org.layanan, day=date(2025, 1, 20))  # inside
    submit_scores(org.layanan, [4] * 9, day=date(2025, 1, 2))  # subtracted
    submit_scores(org.other_opd_layanan, [2] * 9, day=date(2025, 1, 3))  # subtracted
    submit_scores(org.layanan, [1] * 9, day=date(2025, 3, 2))  # inside, 2 of 31 days
    period = Period(date(2025, 1, 5), date(2025, 3, 2))
    assert selectors.rollup_plan(period) == (
        (date(2025, 1, 1), date(2025, 2, 1)),
        [(date(2025, 3, 1), date(2025, 3, 2))],
        [(date(2025, 1, 1), date(2025, 1, 4))],
    )
    total, per_unit = selectors.results_with_total(
        period, pemda=org.pemda, group="unit"
    )
    assert total.respondents == 5
    assert set(per_unit) == {org.unit.pk}
    assert selectors.scope_result(selectors.Scope(org.pemda), period) == total
