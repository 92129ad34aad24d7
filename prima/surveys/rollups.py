"""The SKM rollups, declared once (ADR 0002).

Which additive tables exist, what one response adds to each and how the key of the
row it adds to is formed are stated here and nowhere else. Every writer is derived
from this declaration:

- ``increments``: the rows and counts of one response, for ``services.rollup_add``
  (one ``INSERT … ON CONFLICT … DO UPDATE`` per table);
- ``summed_values``: the rows of many responses summed in memory, as column values,
  for bulk loaders (the demo city);
- ``submission_sql``: the one PostgreSQL statement that inserts a response and adds
  it to every table.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from django.db import connection, models

from prima.surveys.ikm import CODE_ORDER
from prima.surveys.models import (
    DailyCount,
    DailyProfileCount,
    MonthlyCount,
    ProfileDimension,
    Response,
    age_group,
    count_field_name,
)

# The owners every rollup row carries, so a scope (Pemda, OPD, unit, service) sums
# its rows without a join. The OPD is the service's unit's, not a response field.
OWNER_COLUMNS = ("pemda_id", "opd_id", "unit_id", "layanan_id")


def month_of(day: date) -> date:
    """Return the first day of ``day``'s month, the key of its MonthlyCount row."""
    return day.replace(day=1)


@dataclass(frozen=True)
class Bucket:
    """The time key of a rollup row: the service date as a day or as its month."""

    column: str
    of: Callable[[date], date]
    # The same rule in SQL, over the response's ``service_date`` column.
    sql: str


DAY = Bucket("day", lambda day: day, "service_date")
MONTH = Bucket("month", month_of, "date_trunc('month',service_date)::date")


@dataclass(frozen=True)
class Dimension:
    """A profile dimension: the response field it reads and how it is grouped."""

    name: str
    field: str
    group: Callable[[Any], Any] | None = None

    def category(self, response: Response) -> str | None:
        value = getattr(response, self.field)
        return self.group(value) if self.group else value


@dataclass(frozen=True)
class AnswerRollup:
    """Respondents and the 36 answer counts of a service per time bucket."""

    model: type[models.Model]
    bucket: Bucket

    @property
    def key(self) -> tuple[str, ...]:
        return ("layanan_id", self.bucket.column)


@dataclass(frozen=True)
class ProfileRollup:
    """Respondents of a service per time bucket and profile category."""

    model: type[models.Model]
    bucket: Bucket
    dimensions: tuple[Dimension, ...]

    @property
    def key(self) -> tuple[str, ...]:
        return ("layanan_id", self.bucket.column, "dimension", "category")


# (column, response field, score): ``u3_4`` counts the answers 4 to U3.
ANSWER_COLUMNS = tuple(
    (count_field_name(u.value, score), u.value.lower(), score)
    for u in CODE_ORDER
    for score in (1, 2, 3, 4)
)
COUNT_COLUMNS = [column for column, _field, _score in ANSWER_COLUMNS]

PROFILE_DIMENSIONS = (
    Dimension(ProfileDimension.GENDER, "gender"),
    Dimension(ProfileDimension.AGE, "age", age_group),
    Dimension(ProfileDimension.EDUCATION, "education"),
    Dimension(ProfileDimension.OCCUPATION, "occupation"),
    Dimension(ProfileDimension.CHANNEL, "channel"),
)

ANSWER_ROLLUPS = (AnswerRollup(DailyCount, DAY), AnswerRollup(MonthlyCount, MONTH))
PROFILE_ROLLUPS = (ProfileRollup(DailyProfileCount, DAY, PROFILE_DIMENSIONS),)
ROLLUPS = (*ANSWER_ROLLUPS, *PROFILE_ROLLUPS)


def profile_categories(response: Response) -> dict[str, str | None]:
    """Return the profile category of ``response`` in each counted dimension."""
    return {d.name: d.category(response) for d in PROFILE_DIMENSIONS}


@dataclass(frozen=True)
class Increment:
    """What one response adds to one rollup row: its key, owners and counts."""

    rollup: AnswerRollup | ProfileRollup
    values: dict[str, Any]
    counts: dict[str, int]

    @property
    def key(self) -> tuple:
        return tuple(self.values[column] for column in self.rollup.key)


def increments(response: Response, opd_id: int) -> Iterator[Increment]:
    """Yield what ``response`` adds to each rollup row; a blank category adds none."""
    owners = {
        "pemda_id": response.pemda_id,
        "opd_id": opd_id,
        "unit_id": response.unit_id,
        "layanan_id": response.layanan_id,
    }
    counts = {"respondents": 1} | {
        column: int(getattr(response, field) == score)
        for column, field, score in ANSWER_COLUMNS
    }
    for rollup in ANSWER_ROLLUPS:
        bucket = {rollup.bucket.column: rollup.bucket.of(response.service_date)}
        yield Increment(rollup, owners | bucket, counts)
    for profile in PROFILE_ROLLUPS:
        bucket = {profile.bucket.column: profile.bucket.of(response.service_date)}
        for dimension in profile.dimensions:
            category = dimension.category(response)
            if category:
                values = owners | bucket
                values |= {"dimension": str(dimension.name), "category": str(category)}
                yield Increment(profile, values, {"count": 1})


def summed_values(
    responses: Iterable[Response], opd_of_unit: dict[int, int]
) -> dict[type[models.Model], list[dict[str, Any]]]:
    """Return the rollup rows of ``responses`` as column values, per rollup model.

    The same rows ``services.rollup_add`` leaves after adding the responses one at a
    time; every row holds its key and all its counts, for loaders that insert rows
    without building model instances (the demo city).
    """
    zeros = {rollup.model: _zero_counts(rollup.model) for rollup in ROLLUPS}
    rows: dict[tuple, dict[str, Any]] = {}
    for response in responses:
        for inc in increments(response, opd_of_unit[response.unit_id]):
            model = inc.rollup.model
            row = rows.get((model, inc.key))
            if row is None:
                row = rows[(model, inc.key)] = inc.values | zeros[model]
            for column, n in inc.counts.items():
                row[column] += n
    found: dict[type[models.Model], list[dict[str, Any]]] = {
        rollup.model: [] for rollup in ROLLUPS
    }
    for (model, _key), row in rows.items():
        found[model].append(row)
    return found


def _zero_counts(model: type[models.Model]) -> dict[str, int]:
    return {
        f.attname: 0
        for f in model._meta.concrete_fields
        if isinstance(f, models.PositiveIntegerField)
    }


def upsert_sql(model, columns: list[str], key: tuple[str, ...], counts, rows=1) -> str:
    """Return an INSERT of ``rows`` rows that adds ``counts`` to a row with ``key``.

    ``INSERT … ON CONFLICT … DO UPDATE`` is one statement on both PostgreSQL and
    SQLite, so concurrent responses for the same service and day never lose a count
    and never need a retry.
    """
    table = connection.ops.quote_name(model._meta.db_table)
    placeholders = "(" + ", ".join(["%s"] * len(columns)) + ")"
    additions = ", ".join(f"{c} = {table}.{c} + EXCLUDED.{c}" for c in counts)
    # Identifiers come from model metadata and values are bound parameters.
    return (
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES "  # noqa: S608
        + ", ".join([placeholders] * rows)
        + f" ON CONFLICT ({', '.join(key)}) DO UPDATE SET {additions}"
    )


def upserts(response: Response, opd_id: int) -> list[tuple[str, list[Any]]]:
    """Return one upsert per rollup table adding ``response`` to its rows."""
    grouped: dict[AnswerRollup | ProfileRollup, list[Increment]] = {}
    for inc in increments(response, opd_id):
        grouped.setdefault(inc.rollup, []).append(inc)
    statements = []
    for rollup, incs in grouped.items():
        columns = [*incs[0].values, *incs[0].counts]
        sql = upsert_sql(rollup.model, columns, rollup.key, incs[0].counts, len(incs))
        params = [
            v for inc in incs for v in (*inc.values.values(), *inc.counts.values())
        ]
        statements.append((sql, params))
    return statements


@cache
def submission_fields() -> tuple[models.Field, ...]:
    """Return the response fields ``submission_sql`` binds, in parameter order."""
    return tuple(f for f in Response._meta.concrete_fields if not f.primary_key)


@cache
def submission_sql() -> str:
    """Return the one PostgreSQL statement storing a response with its rollups.

    Data-modifying CTEs run as one atomic statement: one round trip instead of six
    (BEGIN, INSERT, an upsert per table, COMMIT). The response's row ``r`` and its
    counts ``c`` (``(u3=4)::int`` for each answer column) are computed once and
    every upsert selects from them, so the text stays short (under 4 096 bytes and
    50 parameters: psycopg caches its conversion of such statements only) and needs
    no parameter per count.

    Parameters: the fields of ``submission_fields()``, the OPD, then one value per
    profile dimension grouped in Python (the age group), in declaration order.
    """
    # Identifiers come from model metadata and constants; values are bound parameters.
    quote = connection.ops.quote_name
    fields = submission_fields()
    counts = ["respondents", *COUNT_COLUMNS]
    expressions = ["1"] + [f"({f}={s})::int" for _c, f, s in ANSWER_COLUMNS]
    parts = [
        f"r AS (INSERT INTO {quote(Response._meta.db_table)} "  # noqa: S608
        f"({','.join(quote(f.column) for f in fields)}) "
        f"VALUES ({','.join(['%s'] * len(fields))}) RETURNING *)",
        # Columns in the order of OWNER_COLUMNS, then the counts.
        "c AS (SELECT pemda_id,%s AS opd_id,unit_id,layanan_id,"  # noqa: S608
        f"{','.join(expressions)} FROM r)",
    ]
    for n, rollup in enumerate(ANSWER_ROLLUPS):
        additions = ",".join(f"{c}=t.{c}+EXCLUDED.{c}" for c in counts)
        parts.append(
            f"a{n} AS (INSERT INTO {quote(rollup.model._meta.db_table)} AS t "  # noqa: S608
            f"({','.join(OWNER_COLUMNS)},{','.join(counts)},{rollup.bucket.column}) "
            f"SELECT c.*,{rollup.bucket.sql} FROM c,r "
            f"ON CONFLICT ({','.join(rollup.key)}) DO UPDATE SET {additions})"
        )
    for n, profile in enumerate(PROFILE_ROLLUPS):
        values = ",".join(
            f"('{d.name}',{'%s' if d.group else d.field})" for d in profile.dimensions
        )
        owners = ",".join(f"c.{column}" for column in OWNER_COLUMNS)
        # A blank or NULL category is not counted, as in ``increments``.
        parts.append(
            f"p{n} AS (INSERT INTO {quote(profile.model._meta.db_table)} AS t "  # noqa: S608
            f"({','.join(OWNER_COLUMNS)},{profile.bucket.column},dimension,category,"
            f"count) SELECT {owners},{profile.bucket.sql},k,v,1 "
            f"FROM c,r,LATERAL (VALUES {values}) x(k,v) WHERE v<>'' "
            f"ON CONFLICT ({','.join(profile.key)}) DO UPDATE "
            "SET count=t.count+EXCLUDED.count)"
        )
    return "WITH " + ",".join(parts) + " SELECT id FROM r"  # noqa: S608


def submission_params(response: Response, opd_id: int, db) -> list[Any]:
    """Return the parameters of ``submission_sql`` for ``response`` on ``db``."""
    return [
        *(
            f.get_db_prep_save(getattr(response, f.attname), db)
            for f in submission_fields()
        ),
        opd_id,
        *(
            d.group(getattr(response, d.field))
            for profile in PROFILE_ROLLUPS
            for d in profile.dimensions
            if d.group
        ),
    ]
