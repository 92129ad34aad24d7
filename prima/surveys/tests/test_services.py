"""Tests of storing responses with their rollups and reading them back."""

import uuid
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from prima.core.periods import PeriodKind, period_containing
from prima.surveys import ikm
from prima.surveys.models import Channel, DailyCount, DailyProfileCount, Response
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
    from prima.surveys.services import COUNT_COLUMNS, month_of, profile_categories

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
    from prima.surveys.services import COUNT_COLUMNS

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


def test_submission_statement_fits_psycopgs_query_cache():
    """The PostgreSQL statement stays within what psycopg caches the parsing of."""
    from psycopg import _queries

    from prima.surveys.services import _submit_sql

    sql, fields = _submit_sql()
    assert len(sql.encode()) <= _queries.MAX_CACHED_STATEMENT_LENGTH
    assert sql.count("%s") == len(fields) + 3 <= _queries.MAX_CACHED_STATEMENT_PARAMS


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


def test_plain_rules_cover_every_cleaned_field():
    """The model's fields have only rules the quick check knows, so it is used."""
    from prima.surveys.services import _plain_rules

    assert _plain_rules() is not None


_ANY_VALUE = st.one_of(
    st.none(),
    st.just(""),
    st.integers(-3, 130),
    st.booleans(),
    st.sampled_from(["P", "L", "X", "sma", "s1", "swasta", "online", "kiosk", "3"]),
    st.text(max_size=3),
    st.dates(date(2026, 1, 1), date(2026, 12, 31)),
    st.datetimes(datetime(2026, 1, 1), datetime(2026, 12, 31), timezones=st.just(UTC)),
)
_CLEANED = [
    "channel", "service_date", "submitted_at", "gender", "age", "education",
    "occupation", *(f"u{i}" for i in range(1, 10)), "suggestion",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(
    base=st.fixed_dictionaries(
        {
            "channel": st.sampled_from(["online", Channel.KIOSK]),
            "service_date": st.just(DAY),
            "submitted_at": st.just(datetime(2026, 5, 12, 8, tzinfo=UTC)),
            "gender": st.sampled_from(["", "P"]),
            "age": st.sampled_from([None, 34]),
            "education": st.just("sma"),
            "occupation": st.just(""),
            "suggestion": st.sampled_from(["", "Cepat."]),
            **{f"u{i}": st.integers(1, 4) for i in range(1, 10)},
        }
    ),
    changes=st.dictionaries(st.sampled_from(_CLEANED), _ANY_VALUE, max_size=3),
)
def test_quick_check_accepts_only_what_full_clean_keeps(base, changes):
    """Whatever the quick check passes, full_clean passes and leaves unchanged."""
    from prima.surveys.services import _NOT_CLEANED, _plainly_valid

    response = Response(**{**base, **changes})
    if not changes:
        assert _plainly_valid(response)
    if not _plainly_valid(response):
        return
    before = {name: getattr(response, name) for name in _CLEANED}
    response.full_clean(
        exclude=_NOT_CLEANED, validate_unique=False, validate_constraints=False
    )
    after = {name: getattr(response, name) for name in _CLEANED}
    assert after == before
    assert all(type(after[name]) is type(before[name]) for name in _CLEANED)


@pytest.mark.django_db(transaction=True)
def test_broken_reused_connection_is_replaced_and_the_response_stored(org):
    """Without the health check's SELECT 1 a lost connection still costs no answer."""
    from django.db import connection, connections

    if connection.vendor != "postgresql":
        pytest.skip("the statement that checks the connection is PostgreSQL's")
    submit(org.layanan, FOUR_RESPONDENTS[0])
    old_pid = connection.connection.info.backend_pid
    # As at the start of a request on a reused connection (``request_started``).
    connection.close_if_unusable_or_obsolete()
    assert connection.health_check_enabled and not connection.health_check_done
    other = connections["default"].copy()  # a second connection
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s)", [old_pid])
    finally:
        other.close()
    response, created = submit(org.layanan, FOUR_RESPONDENTS[1])
    assert created and response.pk
    assert connection.connection.info.backend_pid != old_pid
    assert connection.health_check_done
    assert Response.objects.count() == 2
    assert DailyCount.objects.get().respondents == 2


@pytest.mark.django_db(transaction=True)
def test_healthy_reused_connection_sends_no_select_1(org, monkeypatch):
    """On a working reused connection the submission is the only statement sent."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("the statement that checks the connection is PostgreSQL's")
    submit(org.layanan, FOUR_RESPONDENTS[0])
    connection.close_if_unusable_or_obsolete()
    checks = []
    monkeypatch.setattr(connection, "is_usable", lambda: checks.append(1) or True)
    pid = connection.connection.info.backend_pid
    submit(org.layanan, FOUR_RESPONDENTS[1])
    assert not checks and connection.health_check_done
    assert connection.connection.info.backend_pid == pid
    assert Response.objects.count() == 2
