"""Writes of the SKM: storing a response together with its rollup counts."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from contextlib import contextmanager, nullcontext
from datetime import date, datetime
from functools import cache
from typing import Any

from django.core import validators
from django.core.exceptions import ValidationError
from django.db import (
    DEFAULT_DB_ALIAS,
    IntegrityError,
    InterfaceError,
    OperationalError,
    connection,
    connections,
    models,
    transaction,
)
from django.db.models import Field
from django.utils import timezone
from django.utils.translation import gettext as _

from prima.organisations.models import Layanan
from prima.surveys.ikm import CODE_ORDER
from prima.surveys.models import (
    Channel,
    DailyCount,
    DailyProfileCount,
    ExtraAnswer,
    ExtraQuestion,
    KioskDevice,
    MonthlyCount,
    ProfileDimension,
    Response,
    age_group,
    count_field_name,
)

COUNT_COLUMNS = [
    count_field_name(u.value, score) for u in CODE_ORDER for score in (1, 2, 3, 4)
]


def month_of(day: date) -> date:
    """Return the first day of ``day``'s month, the key of its MonthlyCount row."""
    return day.replace(day=1)


def _upsert_sql(model, keys: list[str], columns: list[str], rows: int = 1) -> str:
    """Return an INSERT that adds ``columns`` to an existing row with the same keys.

    ``INSERT … ON CONFLICT … DO UPDATE`` is one statement on both PostgreSQL and
    SQLite, so concurrent responses for the same service and day never lose a count
    and never need a retry.
    """
    table = connection.ops.quote_name(model._meta.db_table)
    names = ["pemda_id", "opd_id", "unit_id", *keys, *columns]
    placeholders = "(" + ", ".join(["%s"] * len(names)) + ")"
    additions = ", ".join(
        f"{name} = {table}.{name} + EXCLUDED.{name}" for name in columns
    )
    # Identifiers come from model metadata and values are bound parameters.
    return (
        f"INSERT INTO {table} ({', '.join(names)}) VALUES "  # noqa: S608
        + ", ".join([placeholders] * rows)
        + f" ON CONFLICT ({', '.join(keys)}) DO UPDATE SET {additions}"
    )


def _rollup_statements(response: Response) -> list[tuple[str, list[Any]]]:
    """Return the upserts adding one response to its daily, monthly and profile rows."""
    base = [response.pemda_id, response.layanan.unit.opd_id, response.unit_id]
    scores = response.scores()
    counts = [1] + [
        int(scores[u] == score) for u in CODE_ORDER for score in (1, 2, 3, 4)
    ]
    columns = ["respondents", *COUNT_COLUMNS]
    day = response.service_date
    statements = [
        (
            _upsert_sql(model, ["layanan_id", bucket], columns),
            [*base, response.layanan_id, key, *counts],
        )
        for model, bucket, key in (
            (DailyCount, "day", day),
            (MonthlyCount, "month", month_of(day)),
        )
    ]
    profile = [
        (dimension, category)
        for dimension, category in profile_categories(response).items()
        if category
    ]
    statements.append(
        (
            _upsert_sql(
                DailyProfileCount,
                ["layanan_id", "day", "dimension", "category"],
                ["count"],
                rows=len(profile),
            ),
            [
                value
                for dimension, category in profile
                for value in (*base, response.layanan_id, day, dimension, category, 1)
            ],
        )
    )
    return statements


def rollup_add(response: Response) -> None:
    """Add one response to the daily, monthly and profile counts of its service."""
    with connection.cursor() as cursor:
        for sql, params in _rollup_statements(response):
            cursor.execute(sql, params)


# The counts of a response as SQL over the inserted row: 1 for the respondent, then
# ``(u3 = 4)::int`` for each rollup column, so the statement needs no parameter per
# column and stays one short text (see ``_submit_sql``).
_COUNT_EXPRESSIONS = ["1"] + [
    f"({u.value.lower()}={score})::int" for u in CODE_ORDER for score in (1, 2, 3, 4)
]


@cache
def _submit_sql() -> tuple[str, tuple[Field, ...]]:
    """Return the one PostgreSQL statement storing a response with its rollups.

    Data-modifying CTEs run as one atomic statement: one round trip instead of six
    (BEGIN, INSERT, three upserts, COMMIT), which is most of a submission's time. The
    upserts take their values from the inserted row, so the statement has about 25
    parameters and under 4 096 characters: psycopg then caches its parsing of the
    text (``psycopg._queries``: only statements up to 4 096 bytes and 50 parameters
    are cached), which otherwise costs more than building the response.
    Parameters: the response's fields (returned second), then the OPD, the OPD again
    and the age group.
    """
    # Identifiers come from model metadata and constants; values are bound parameters.
    quote = connection.ops.quote_name
    fields = tuple(f for f in Response._meta.concrete_fields if not f.primary_key)
    columns = ["respondents", *COUNT_COLUMNS]
    base = "pemda_id,opd_id,unit_id,layanan_id"

    def counts(name: str, model, bucket: str, value: str) -> str:
        additions = ",".join(f"{c}=t.{c}+EXCLUDED.{c}" for c in columns)
        return (
            f"{name} AS (INSERT INTO {quote(model._meta.db_table)} AS t "  # noqa: S608
            f"({base},{','.join(columns)},{bucket}) SELECT c.*,{value} FROM c,r "
            f"ON CONFLICT (layanan_id,{bucket}) DO UPDATE SET {additions})"
        )

    dimensions = {
        ProfileDimension.GENDER: "r.gender",
        ProfileDimension.AGE: "%s",
        ProfileDimension.EDUCATION: "r.education",
        ProfileDimension.OCCUPATION: "r.occupation",
        ProfileDimension.CHANNEL: "r.channel",
    }
    # The dimensions of ``profile_categories``; a blank or NULL category is not
    # counted there either.
    profile_values = ",".join(
        f"('{dimension.value}',{value})" for dimension, value in dimensions.items()
    )
    parts = [
        f"r AS (INSERT INTO {quote(Response._meta.db_table)} "  # noqa: S608
        f"({','.join(quote(f.column) for f in fields)}) "
        f"VALUES ({','.join(['%s'] * len(fields))}) RETURNING *)",
        "c AS (SELECT pemda_id,%s,unit_id,layanan_id,"  # noqa: S608
        f"{','.join(_COUNT_EXPRESSIONS)} FROM r)",
        counts("d", DailyCount, "day", "service_date"),
        counts("m", MonthlyCount, "month", "date_trunc('month',service_date)::date"),
        f"p AS (INSERT INTO {quote(DailyProfileCount._meta.db_table)} AS t "  # noqa: S608
        f"({base},day,dimension,category,count) "
        "SELECT pemda_id,%s,unit_id,layanan_id,service_date,k,v,1 "
        f"FROM r,LATERAL (VALUES {profile_values}) x(k,v) WHERE v<>'' "
        "ON CONFLICT (layanan_id,day,dimension,category) DO UPDATE "
        "SET count=t.count+EXCLUDED.count)",
    ]
    return "WITH " + ",".join(parts) + " SELECT id FROM r", fields  # noqa: S608


def _save_with_rollups_in_one_statement(response: Response) -> None:
    """Insert the response and add it to its rollups in one PostgreSQL statement."""
    sql, fields = _submit_sql()
    # The connection itself: every attribute read through the ``connection`` proxy
    # looks it up again, which added up to a tenth of a submission's time.
    db = connections[DEFAULT_DB_ALIAS]
    opd_id = response.layanan.unit.opd_id
    params = [
        *(f.get_db_prep_save(getattr(response, f.attname), db) for f in fields),
        opd_id,
        opd_id,
        age_group(response.age),
    ]
    response.pk = _run_submission(db, sql, params)
    response._state.adding = False


def _run_submission(db, sql: str, params: list) -> int:
    """Run the submission statement; return the new response's id.

    With ``CONN_HEALTH_CHECKS`` Django sends ``SELECT 1`` before the first query of
    each request on a reused connection, a round trip that cost a submission about a
    tenth of its time. On such a connection, outside any transaction, the statement
    itself is the check instead: when it fails and the connection no longer answers
    ``SELECT 1``, the connection is replaced and the statement run again, as after a
    failed health check. That is safe because the statement is atomic: it either
    stored nothing, or it stored the response and the second run finds its key taken
    (``IntegrityError``: ``response_submit`` returns the stored one).
    """
    if (
        db.connection is not None
        and db.health_check_enabled
        and not db.health_check_done
        and not db.in_atomic_block
        and not db.queries_logged
        and not db.pool
    ):
        try:
            with _server_binding_cursor(db, health_check=False) as cursor:
                cursor.execute(sql, params)
                pk = cursor.fetchone()[0]
        except (OperationalError, InterfaceError):
            if db.is_usable():
                raise
            db.close()
        else:
            db.health_check_done = True
            return pk
    with _server_binding_cursor(db) as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]


@contextmanager
def _server_binding_cursor(db, *, health_check: bool = True):
    """Return a cursor that binds parameters on the server (PostgreSQL, psycopg 3).

    Django's cursors merge parameters into the SQL text, so PostgreSQL parses and
    plans every statement anew; planning the submission statement costs the server
    more than running it. With server-side binding psycopg prepares a statement once
    it has run ``prepare_threshold`` times on a connection (``DATABASES`` option,
    set from ``DATABASE_PREPARE_THRESHOLD``; None, Django's default, never
    prepares). Only this cursor binds on the server, so no other query is prepared.

    While queries are logged (DEBUG, ``CaptureQueriesContext``) Django's own cursor
    is used: the log cannot show a prepared statement's SQL. ``health_check=False``
    skips Django's health check of a reused connection (see ``_run_submission``).
    """
    if db.queries_logged:
        with db.cursor() as cursor:
            yield cursor
        return
    from django.db.backends.postgresql.base import ServerBindingCursor

    if health_check:
        db.close_if_health_check_failed()
    db.ensure_connection()
    db.validate_thread_sharing()
    with db.wrap_database_errors:
        raw = ServerBindingCursor(db.connection)
    with db.make_cursor(raw) as cursor:
        yield cursor


def profile_categories(response: Response) -> dict[str, str | None]:
    """Return the profile category of ``response`` in each counted dimension."""
    return {
        ProfileDimension.GENDER: response.gender,
        ProfileDimension.AGE: age_group(response.age),
        ProfileDimension.EDUCATION: response.education,
        ProfileDimension.OCCUPATION: response.occupation,
        ProfileDimension.CHANNEL: response.channel,
    }


# Fields ``response_submit`` leaves to its caller (the related rows, which the caller
# looked up) or to the database (the unique key).
_NOT_CLEANED = ("idempotency_key", "pemda", "unit", "layanan", "kiosk")
# The Python type each kind of field holds once cleaned; a value of another type
# (a string of digits, a datetime for a date) is left to ``full_clean``.
_PLAIN_TYPES = (
    (models.DateTimeField, datetime),
    (models.DateField, date),
    (models.IntegerField, int),
    (models.CharField, str),
    (models.TextField, str),
)


def _plain_rule(field: Field) -> tuple | None:
    """Return what ``Field.clean`` requires of a plain value, or None if unsure.

    (attname, blank, type, choices, min, max, max length, no NUL): enough to decide
    without calling the field, as long as it has no validator other than these.
    """
    kind = next((t for cls, t in _PLAIN_TYPES if isinstance(field, cls)), None)
    if kind is None or not field.editable:
        return None
    low = high = length = None
    no_nul = False
    for validator in field.validators:
        limit = getattr(validator, "limit_value", None)
        if callable(limit):
            return None
        if type(validator) is validators.MinValueValidator:
            low = limit if low is None else max(low, limit)
        elif type(validator) is validators.MaxValueValidator:
            high = limit if high is None else min(high, limit)
        elif type(validator) is validators.MaxLengthValidator:
            length = limit if length is None else min(length, limit)
        elif type(validator) is validators.ProhibitNullCharactersValidator:
            no_nul = True
        else:
            return None
    choices = frozenset(k for k, _label in field.flatchoices) if field.choices else None
    return (field.attname, field.blank, kind, choices, low, high, length, no_nul)


@cache
def _plain_rules() -> tuple[tuple, ...] | None:
    rules = []
    for field in Response._meta.fields:
        if field.name in _NOT_CLEANED or field.generated:
            continue
        rule = _plain_rule(field)
        if rule is None:
            return None
        rules.append(rule)
    return tuple(rules)


def _plainly_valid(response: Response) -> bool:
    """Whether ``full_clean`` would accept ``response`` and leave its values as they are.

    It would for the values the citizen form and the importers pass (ints, dates,
    strings out of the choices), and checking that costs a tenth of ``full_clean``'s
    17 field cleanings. Anything else (a wrong type, an empty required field, a value
    out of range or choices, or a model whose fields have other validators) gets
    ``full_clean``, so a bad response fails with the model's own messages.
    """
    rules = _plain_rules()
    if rules is None:
        return False
    for attname, blank, kind, choices, low, high, length, no_nul in rules:
        value = getattr(response, attname)
        if value is None or value == "":
            if blank:
                continue
            return False
        # ``CharField.to_python`` keeps any str (a choices enum member too); the
        # others convert a subclass (a bool, a datetime for a date).
        if type(value) is not kind and not (kind is str and isinstance(value, str)):
            return False
        if choices is not None and value not in choices:
            return False
        if low is not None and value < low:
            return False
        if high is not None and value > high:
            return False
        if length is not None and len(value) > length:
            return False
        if no_nul and "\x00" in value:
            return False
    return True


def response_submit(
    *,
    layanan: Layanan,
    scores: Mapping[str, int],
    idempotency_key: uuid.UUID,
    channel: str = Channel.ONLINE,
    service_date: date | None = None,
    profile: Mapping[str, Any] | None = None,
    suggestion: str = "",
    extra_answers: Mapping[int, str] | None = None,
    kiosk: KioskDevice | None = None,
    now: datetime | None = None,
) -> tuple[Response, bool]:
    """Store one response and its rollups; return (response, created).

    ``scores`` maps unsur codes ("U1".."U9") to 1–4. A key already used returns
    the stored response with ``created`` False, so a retried submission is stored
    once. Extra answers are stored beside the response and never enter the IKM.
    """
    now = now or timezone.now()
    response = Response(
        pemda_id=layanan.pemda_id,
        unit_id=layanan.unit_id,
        layanan=layanan,
        channel=channel,
        service_date=service_date or timezone.localdate(now),
        submitted_at=now,
        idempotency_key=idempotency_key,
        kiosk=kiosk,
        suggestion=suggestion.strip(),
        **(profile or {}),
        **{u.value.lower(): scores.get(u.value) for u in CODE_ORDER},
    )
    if _plainly_valid(response):
        response.clean()
    else:
        # The related rows come from the caller's own lookups; checking that they
        # exist again would cost a query each on every submission.
        response.full_clean(
            exclude=_NOT_CLEANED, validate_unique=False, validate_constraints=False
        )
    try:
        if connection.vendor == "postgresql" and not extra_answers:
            # A savepoint only when a caller's transaction must survive a retry.
            with transaction.atomic() if connection.in_atomic_block else nullcontext():
                _save_with_rollups_in_one_statement(response)
        else:
            with transaction.atomic():
                response.save(force_insert=True)
                rollup_add(response)
                _store_extra_answers(response, extra_answers or {})
    except IntegrityError:
        # The key was used before (a retry, a double tap): the first one counts.
        existing = Response.objects.filter(idempotency_key=idempotency_key).first()
        if existing is None:
            raise
        return existing, False
    return response, True


def _store_extra_answers(response: Response, answers: Mapping[int, str]) -> None:
    if not any(text and text.strip() for text in answers.values()):
        return
    questions = ExtraQuestion.objects.active().filter(
        unit_id=response.unit_id, pk__in=list(answers)
    )
    valid = {q.pk for q in questions}
    unknown = set(answers) - valid
    if unknown:
        raise ValidationError({"extra": _("This question is not part of the survey.")})
    ExtraAnswer.objects.bulk_create(
        ExtraAnswer(response=response, question_id=pk, text=text.strip())
        for pk, text in answers.items()
        if text and text.strip()
    )
