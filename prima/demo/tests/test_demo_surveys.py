"""The demo SKM step: a year of responses whose rollups match the raw rows.

A small city (organisation steps only) is built once for the module with a few
thousand responses, inside a transaction rolled back at the end.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import pytest
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import Case, Count, F, IntegerField, Sum, When
from django.db.models.functions import TruncMonth
from django.test import override_settings

from prima.core.periods import Period, PeriodKind, period_containing
from prima.demo import organisations, surveys
from prima.demo.context import DemoContext
from prima.organisations.models import Unit
from prima.surveys import sampling
from prima.surveys.ikm import Mutu, Unsur
from prima.surveys.models import (
    DailyCount,
    DailyProfileCount,
    FollowUp,
    MonthlyCount,
    Population,
    Response,
    SurveySettings,
    age_group,
    count_field_name,
)
from prima.surveys.selectors import COUNT_FIELDS, Scope, scope_result
from prima.surveys.services import rollup_add

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 25)
RESPONSES = 4_000
HISTORY = Period(
    TODAY - timedelta(days=surveys.HISTORY_DAYS), TODAY - timedelta(days=1)
)


@pytest.fixture(scope="module")
def city(django_db_setup, django_db_blocker):
    """Build a small demo city with RESPONSES responses, rolled back afterwards."""
    with (
        django_db_blocker.unblock(),
        transaction.atomic(),
        override_settings(PRIMA_DEMO_SURVEY_RESPONSES=RESPONSES),
    ):
        ctx = DemoContext(today=TODAY, password_hash=make_password(None))
        try:
            for step in (
                organisations.create_pemda,
                organisations.create_opds,
                organisations.create_units,
                organisations.create_layanan,
                organisations.create_users,
                surveys.create_responses,
                surveys.create_survey_setup,
            ):
                step(ctx)
            yield ctx
        finally:
            transaction.set_rollback(True)


def result_of(code: str, period: Period = HISTORY):
    return scope_result(Scope.of(Unit.objects.get(code=code)), period)


def test_creates_the_requested_number_of_responses_in_the_last_two_years(city):
    """Exactly the configured number of responses, dated in the two years to yesterday."""
    responses = Response.objects.filter(pemda=city.pemda)
    assert responses.count() == RESPONSES
    assert responses.filter(service_date__lt=HISTORY.start).count() == 0
    assert responses.filter(service_date__gt=HISTORY.end).count() == 0
    weekend = responses.filter(service_date__week_day__in=(1, 7)).count()
    assert weekend < RESPONSES * 0.1
    assert DailyCount.objects.aggregate(n=Sum("respondents"))["n"] == RESPONSES


def aggregated_responses(bucket) -> dict[tuple, dict]:
    """Return respondents and score counts per (service, ``bucket``) from responses."""
    sums = {
        count_field_name(f"U{i}", s): Sum(
            Case(When(**{f"u{i}": s}, then=1), default=0, output_field=IntegerField())
        )
        for i in range(1, 10)
        for s in (1, 2, 3, 4)
    }
    rows = (
        Response.objects.annotate(bucket=bucket)
        .values("layanan_id", "bucket")
        .annotate(respondents=Count("pk"), **sums)
    )
    return {(row.pop("layanan_id"), row.pop("bucket")): row for row in rows}


def stored_counts(model) -> dict[tuple, dict]:
    """Return the rows of a count table keyed by (service, day or month)."""
    bucket = model.bucket
    rows = model.objects.values("layanan_id", bucket, "respondents", *COUNT_FIELDS)
    return {(row.pop("layanan_id"), row.pop(bucket)): row for row in rows}


def test_daily_counts_equal_an_aggregation_of_the_responses(city):
    """Each DailyCount row equals the responses of its service and day, summed."""
    assert stored_counts(DailyCount) == aggregated_responses(F("service_date"))


def test_monthly_counts_equal_an_aggregation_of_the_responses(city):
    """Each MonthlyCount row equals the responses of its service and month, summed."""
    expected = aggregated_responses(TruncMonth("service_date"))
    assert len(expected) > len(city.layanan) / 2
    assert all(month.day == 1 for _, month in expected)
    assert stored_counts(MonthlyCount) == expected
    assert MonthlyCount.objects.aggregate(n=Sum("respondents"))["n"] == RESPONSES


def test_profile_counts_equal_a_tally_of_the_responses(city):
    """Each DailyProfileCount row equals the non-blank profile answers, counted."""
    expected: Counter = Counter()
    rows = Response.objects.values_list(
        "layanan_id",
        "service_date",
        "gender",
        "age",
        "education",
        "occupation",
        "channel",
    )
    for layanan, day, gender, age, education, occupation, channel in rows:
        for dimension, category in (
            ("gender", gender),
            ("age", age_group(age)),
            ("education", education),
            ("occupation", occupation),
            ("channel", channel),
        ):
            if category:
                expected[(layanan, day, dimension, str(category))] += 1
    actual = {
        (r.layanan_id, r.day, r.dimension, r.category): r.count
        for r in DailyProfileCount.objects.all()
    }
    assert actual == dict(expected)
    channels = DailyProfileCount.objects.filter(dimension="channel")
    assert set(channels.values_list("category", flat=True)) == {
        "online",
        "kiosk",
        "paper",
    }
    assert channels.aggregate(n=Sum("count"))["n"] == RESPONSES


def test_rollups_match_what_rollup_add_builds(city):
    """Re-adding one busy service's responses one by one gives the same rows in the
    daily, monthly and profile tables."""
    layanan_id = (
        Response.objects.values("layanan_id")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()["layanan_id"]
    )
    keep = ("respondents", *COUNT_FIELDS)
    tables = {
        DailyCount: ("day", *keep),
        MonthlyCount: ("month", *keep),
        DailyProfileCount: ("day", "dimension", "category", "count"),
    }

    def snapshot():
        return {
            model: sorted(
                tuple(str(v) for v in row)
                for row in model.objects.filter(layanan_id=layanan_id).values_list(
                    *fields
                )
            )
            for model, fields in tables.items()
        }

    before = snapshot()
    with transaction.atomic():
        for model in tables:
            model.objects.filter(layanan_id=layanan_id).delete()
        for response in Response.objects.filter(layanan_id=layanan_id):
            rollup_add(response)
        after = snapshot()
        transaction.set_rollback(True)

    assert all(before[model] for model in tables)
    assert after == before


def test_delete_surveys_removes_every_rollup(city):
    """The reset undo removes responses and all three rollup tables."""
    with transaction.atomic():
        surveys.delete_surveys(city.pemda)
        left = {
            model.__name__: model.objects.filter(pemda=city.pemda).count()
            for model in (Response, DailyCount, MonthlyCount, DailyProfileCount)
        }
        transaction.set_rollback(True)
    assert left == dict.fromkeys(left, 0)
    assert MonthlyCount.objects.filter(pemda=city.pemda).exists()


@pytest.mark.parametrize(
    ("code", "unsur"),
    [
        ("DKC-KTR", Unsur.U3),
        ("RSUD-UTAMA", Unsur.U4),
        ("DISHUB-PKB", Unsur.U4),
        ("PKM-06", Unsur.U9),
    ],
)
def test_weak_units_are_graded_c_or_d_on_their_weak_unsur(city, code, unsur):
    """The designated units are clearly weak (C or D) on one unsur over the year."""
    result = result_of(code)
    assert result.unsur_mutu[unsur] in (Mutu.C, Mutu.D)
    assert unsur in result.weak


def test_most_units_are_b_and_some_are_a(city):
    """Most units score B over the year, a few score A."""
    grades = Counter(
        r.mutu for r in (result_of(code) for code in city.units) if r is not None
    )
    assert grades[Mutu.B] > sum(grades.values()) / 2
    assert grades[Mutu.A] >= 2


def test_the_improving_unit_gets_better_over_the_year(city):
    """The DPMPTSP front office scores higher in its last quarter than its first."""
    first = Period(HISTORY.start, HISTORY.start + timedelta(days=90))
    last = Period(HISTORY.end - timedelta(days=90), HISTORY.end)
    assert (
        result_of(surveys.IMPROVING, last).ikm
        > result_of(surveys.IMPROVING, first).ikm + 5
    )


def test_populations_rtl_and_settings(city):
    """Populations for two triwulan, some under-sampled; RTL items done and open."""
    assert SurveySettings.objects.get(pemda=city.pemda).period_kind == "triwulan"
    current = period_containing(HISTORY.end, PeriodKind.TRIWULAN)
    populations = Population.objects.filter(period_start=current.start)
    assert populations.count() == len(city.units)
    assert Population.objects.count() == 2 * len(city.units)
    under = set()
    for population in populations.select_related("unit"):
        n = (
            Response.objects.filter(unit=population.unit)
            .between(current.start, current.end)
            .count()
        )
        assert population.population >= n
        if n < sampling.required_sample(population.population):
            under.add(population.unit.kind)
    assert Unit.Kind.KELURAHAN in under
    statuses = set(FollowUp.objects.values_list("status", flat=True))
    assert {FollowUp.Status.DONE, FollowUp.Status.IN_PROGRESS} <= statuses
    done = FollowUp.objects.filter(status=FollowUp.Status.DONE)
    assert not done.filter(completed_on__isnull=True).exists()
    weak = {(code, u) for code, u in surveys.WEAK}
    assert weak <= set(FollowUp.objects.values_list("unit__code", "unsur"))
