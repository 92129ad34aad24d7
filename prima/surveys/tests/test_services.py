"""Tests of storing responses with their rollups and reading them back."""

import uuid
from datetime import date
from decimal import Decimal

import pytest

from prima.core.periods import PeriodKind, period_containing
from prima.surveys import ikm
from prima.surveys.models import DailyCount, DailyProfileCount, Response
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


def _expected_rollups():
    """The daily, monthly and profile rows recounted from the stored responses."""
    from collections import Counter

    from prima.surveys.models import age_group
    from prima.surveys.rollups import COUNT_COLUMNS, month_of, profile_categories

    daily: Counter = Counter()
    monthly: Counter = Counter()
    profile: Counter = Counter()
    for response in Response.objects.select_related("layanan__unit"):
        scores = {u.value.lower(): s for u, s in response.scores().items()}
        base = (response.pemda_id, response.layanan.unit.opd_id, response.unit_id)
        for bucket, counter in (
            (response.service_date, daily),
            (month_of(response.service_date), monthly),
        ):
            key = (*base, response.layanan_id, bucket)
            counter[(*key, "respondents")] += 1
            for column in COUNT_COLUMNS:
                unsur, score = column.split("_")
                counter[(*key, column)] += int(scores[unsur] == int(score))
        assert profile_categories(response)["age"] == age_group(response.age)
        for dimension, category in profile_categories(response).items():
            if category:
                key = (*base, response.layanan_id, response.service_date)
                profile[(*key, dimension, category)] += 1
    return daily, monthly, profile


def _stored_rollups():
    from collections import Counter

    from prima.surveys.models import MonthlyCount
    from prima.surveys.rollups import COUNT_COLUMNS

    found = []
    for model, bucket in ((DailyCount, "day"), (MonthlyCount, "month")):
        counter: Counter = Counter()
        for row in model.objects.all():
            key = (row.pemda_id, row.opd_id, row.unit_id, row.layanan_id)
            for column in ["respondents", *COUNT_COLUMNS]:
                counter[(*key, getattr(row, bucket), column)] = getattr(row, column)
        found.append(+counter)
    profile = Counter(
        {
            (
                r.pemda_id,
                r.opd_id,
                r.unit_id,
                r.layanan_id,
                r.day,
                r.dimension,
                r.category,
            ): r.count
            for r in DailyProfileCount.objects.all()
        }
    )
    return (*found, profile)


def test_rollups_equal_a_recount_of_the_responses(org):
    """Whatever the profile (blank, partial, every age group), the rollups written with
    each response (one statement on PostgreSQL) equal a recount of the responses."""
    from prima.surveys.intake import kiosk_issue

    kiosk, _token = kiosk_issue(unit=org.unit, name="Tablet")
    profiles = [
        {},
        {"gender": "P"},
        {"gender": "L", "age": 19, "education": "sma", "occupation": "pns"},
        {"age": 20},
        {"age": 59, "occupation": "lainnya"},
        {"age": 60, "education": "s2"},
        {"age": 120, "gender": ""},
    ]
    for i, profile in enumerate(profiles):
        submit(org.layanan, FOUR_RESPONDENTS[i % 4], profile=profile)
    submit(org.layanan, FOUR_RESPONDENTS[2], channel="kiosk", kiosk=kiosk)
    response_submit(
        layanan=org.sibling_layanan,
        scores={f"U{i}": 2 for i in range(1, 10)},
        idempotency_key=uuid.uuid4(),
        service_date=date(2026, 6, 1),
    )
    expected = [+counter for counter in _expected_rollups()]
    assert list(_stored_rollups()) == expected
    assert Response.objects.count() == len(profiles) + 2


def test_submission_statement_stays_short():
    """The PostgreSQL statement stays within 4 096 bytes and 50 parameters, the
    statements whose conversion psycopg 3 caches (it says so in its source, not in its
    API, so the bench is what shows the effect)."""
    from prima.surveys.rollups import submission_fields, submission_sql

    sql = submission_sql()
    assert len(sql.encode()) <= 4096
    assert sql.count("%s") == len(submission_fields()) + 2 <= 50


def test_submission_statement_is_prepared_on_postgresql(org):
    """After a few submissions PostgreSQL holds the statement prepared."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("prepared statements are PostgreSQL's")
    if connection.settings_dict["OPTIONS"].get("prepare_threshold") is None:
        pytest.skip("DATABASE_PREPARE_THRESHOLD switches them off")
    for row in FOUR_RESPONDENTS * 2:
        submit(org.layanan, row)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_prepared_statements "
            "WHERE statement LIKE %s AND generic_plans + custom_plans > 1",
            ['WITH r AS (INSERT INTO "surveys_response"%'],
        )
        assert cursor.fetchone()[0] >= 1
    key = Response.objects.first().idempotency_key
    _again, created = submit(org.layanan, FOUR_RESPONDENTS[0], idempotency_key=key)
    assert not created and Response.objects.count() == 8


@pytest.mark.django_db(transaction=True)
def test_broken_reused_connection_is_replaced_and_the_response_stored(org):
    """A reused connection whose server went away is replaced by Django's health
    check before the submission statement, so the response is stored."""
    from django.db import connection, connections

    if connection.vendor != "postgresql":
        pytest.skip("the submission statement is PostgreSQL's")
    submit(org.layanan, FOUR_RESPONDENTS[0])
    old_pid = connection.connection.info.backend_pid
    # As at the start of a request on a reused connection (``request_started``).
    connection.close_if_unusable_or_obsolete()
    other = connections["default"].copy()  # a second connection
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s)", [old_pid])
    finally:
        other.close()
    response, created = submit(org.layanan, FOUR_RESPONDENTS[1])
    assert created and response.pk
    assert connection.connection.info.backend_pid != old_pid
    assert Response.objects.count() == 2
    assert DailyCount.objects.get().respondents == 2


def test_repeated_key_inside_a_callers_transaction_keeps_it_usable(org):
    """A key used before returns the stored response and the caller's transaction
    goes on (the statement runs in a savepoint there)."""
    from django.db import transaction

    key = uuid.uuid4()
    first, _created = submit(org.layanan, FOUR_RESPONDENTS[0], idempotency_key=key)
    with transaction.atomic():
        again, created = submit(org.layanan, FOUR_RESPONDENTS[1], idempotency_key=key)
        submit(org.layanan, FOUR_RESPONDENTS[2])
    assert not created and again.pk == first.pk
    assert DailyCount.objects.get().respondents == 2
