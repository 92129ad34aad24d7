"""Insert many generated rows with one ``executemany`` per batch.

``QuerySet.bulk_create`` compiles every value of every row through the field API
(``get_db_prep_save`` and the SQL compiler), which was most of the demo SKM step's
time: 50 000 responses and some 250 000 rollup rows. The demo's rows are generated
and known valid, so here each column is converted once per value only when its field
needs it (dates, times, UUIDs) and the rows go to the database driver as they are.
The demo every-model test still ``full_clean``s samples of every model.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from django.db import connection, models

BATCH = 20_000

# Fields whose Python value the driver takes as it is, on SQLite and PostgreSQL.
_PLAIN = (
    models.IntegerField,
    models.CharField,
    models.TextField,
    models.BooleanField,
    models.ForeignKey,
)


def _converter(field: models.Field) -> Callable[[Any], Any] | None:
    if isinstance(field, models.ForeignKey):
        target = field.target_field
        if isinstance(target, models.AutoField | models.IntegerField):
            return None
        return lambda value: field.get_db_prep_save(value, connection)
    if isinstance(field, _PLAIN) and not isinstance(field, models.JSONField):
        return None
    if isinstance(field, models.DateTimeField):
        return _datetime_converter(field)
    if isinstance(field, models.DateField):
        # A few hundred distinct days among hundreds of thousands of rows.
        return functools.cache(lambda value: field.get_db_prep_save(value, connection))
    return lambda value: field.get_db_prep_save(value, connection)


def _datetime_converter(field: models.Field) -> Callable[[Any], Any] | None:
    """PostgreSQL's driver takes an aware datetime as it is; SQLite stores the UTC
    wall time as text (what Django's SQLite backend does, without its per-value
    setting look-ups, which were most of the demo queue step's time)."""
    if connection.vendor == "postgresql":
        return None

    def convert(value):
        if value.tzinfo is None:
            return field.get_db_prep_save(value, connection)
        return str(value.astimezone(datetime.UTC).replace(tzinfo=None))

    return convert


def insert_values(model: type[models.Model], rows: Sequence[Mapping[str, Any]]) -> int:
    """Insert ``rows`` (dicts of attribute name to value, all with the same keys)."""
    if not rows:
        return 0
    names = list(rows[0])
    fields = [model._meta.get_field(name) for name in names]
    converters = [_converter(f) for f in fields]
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    # Identifiers come from model metadata; values are bound parameters.
    sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"  # noqa: S608
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH):
            batch = rows[start : start + BATCH]
            cursor.executemany(sql, [_params(row, names, converters) for row in batch])
    return len(rows)


def _params(row, names, converters) -> list[Any]:
    return [
        value if convert is None or value is None else convert(value)
        for value, convert in zip((row[n] for n in names), converters, strict=True)
    ]


def insert_objects(model: type[models.Model], objects: Iterable[models.Model]) -> int:
    """Insert unsaved ``objects`` of ``model``; their primary keys stay unset.

    Every concrete field but an auto primary key is written from the attribute as
    the object holds it (defaults were filled in when it was built).
    """
    fields = [
        f
        for f in model._meta.concrete_fields
        if not (f.primary_key and isinstance(f, models.AutoField))
    ]
    attnames = [f.attname for f in fields]
    rows = [{a: getattr(o, a) for a in attnames} for o in objects]
    return insert_values(model, rows)
