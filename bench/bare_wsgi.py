"""The intake baselines: bare WSGI apps (no Django) storing one survey response.

Both parse the same form body the citizen form posts and write with psycopg, one
connection per worker process, served by gunicorn with the same settings as the app
(see ``intake_bench.py``):

``application``
    One ``INSERT INTO surveys_response`` in a transaction: the response row only.
``application_same_writes``
    The same SQL writes as one Prima submission (``prima.surveys.services.
    response_submit``) in one transaction: the response ``INSERT … RETURNING id``,
    then the upserts of ``surveys_dailycount`` and ``surveys_monthlycount``
    (respondents and the 36 columns u1_1..u9_4) and one multi-row upsert of
    ``surveys_dailyprofilecount`` for the non-empty profile dimensions. The values
    are computed here in plain Python; the SQL text is spelled the way
    ``rollups.upsert_sql`` spells it (Prima, on PostgreSQL, writes the same rows
    with one statement, ``rollups.submission_sql``). psycopg's defaults: parameters
    bound on the server, each statement prepared after five runs. No validation, no
    questionnaire, no ORM.
"""

from __future__ import annotations

import os
import uuid
from datetime import UTC, date, datetime
from urllib.parse import parse_qs

import psycopg

_CONNECTION = None
# layanan id -> (pemda_id, unit_id, opd_id), loaded once per worker.
_LAYANAN: dict[int, tuple[int, int, int]] = {}

INSERT = """
INSERT INTO surveys_response (
    pemda_id, unit_id, layanan_id, channel, service_date, submitted_at,
    idempotency_key, gender, age, education, occupation,
    u1, u2, u3, u4, u5, u6, u7, u8, u9, suggestion
) VALUES (%s, %s, %s, 'online', %s, %s, %s, %s, %s, %s, %s,
          %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)
"""

# The response row as Prima inserts it: every column, kiosk_id NULL, id returned.
INSERT_RETURNING = """
INSERT INTO surveys_response (
    pemda_id, unit_id, layanan_id, channel, service_date, submitted_at,
    idempotency_key, kiosk_id, gender, age, education, occupation,
    u1, u2, u3, u4, u5, u6, u7, u8, u9, suggestion
) VALUES (%s, %s, %s, %s, %s, %s, %s, NULL, %s, %s, %s, %s,
          %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)
RETURNING id
"""

# respondents, then u1_1, u1_2, u1_3, u1_4, u2_1, … u9_4.
COUNT_COLUMNS = ["respondents"] + [
    f"u{unsur}_{score}" for unsur in range(1, 10) for score in range(1, 5)
]


def _counts_upsert(table: str, bucket: str) -> str:
    names = ["pemda_id", "opd_id", "unit_id", "layanan_id", bucket, *COUNT_COLUMNS]
    additions = ", ".join(
        f'{name} = "{table}".{name} + EXCLUDED.{name}' for name in COUNT_COLUMNS
    )
    placeholders = ", ".join(["%s"] * len(names))
    # Identifiers are the constants above; values are bound parameters.
    return (
        f'INSERT INTO "{table}" ({", ".join(names)}) VALUES ({placeholders})'  # noqa: S608
        f" ON CONFLICT (layanan_id, {bucket}) DO UPDATE SET {additions}"
    )


DAILY_UPSERT = _counts_upsert("surveys_dailycount", "day")
MONTHLY_UPSERT = _counts_upsert("surveys_monthlycount", "month")

PROFILE_COLUMNS = (
    "pemda_id, opd_id, unit_id, layanan_id, day, dimension, category, count"
)


def _profile_upsert(rows: int) -> str:
    values = ", ".join(["(%s, %s, %s, %s, %s, %s, %s, %s)"] * rows)
    return (
        f'INSERT INTO "surveys_dailyprofilecount" ({PROFILE_COLUMNS}) VALUES {values}'  # noqa: S608
        + " ON CONFLICT (layanan_id, day, dimension, category) DO UPDATE SET "
        'count = "surveys_dailyprofilecount".count + EXCLUDED.count'
    )


PROFILE_UPSERT = {rows: _profile_upsert(rows) for rows in range(1, 6)}


def age_group(age: int | None) -> str | None:
    """The AgeGroup value of ``prima.surveys.models.age_group``."""
    if age is None:
        return None
    if age < 20:
        return "lt20"
    if age >= 60:
        return "60plus"
    return ["20_29", "30_39", "40_49", "50_59"][age // 10 - 2]


def _connection():
    global _CONNECTION
    if _CONNECTION is None or _CONNECTION.closed:
        _CONNECTION = psycopg.connect(os.environ["DATABASE_URL"], autocommit=True)
    return _CONNECTION


def _layanan(conn, pk: int) -> tuple[int, int, int]:
    if pk not in _LAYANAN:
        _LAYANAN[pk] = conn.execute(
            "SELECT l.pemda_id, l.unit_id, u.opd_id FROM organisations_layanan l "
            "JOIN organisations_unit u ON u.id = l.unit_id WHERE l.id = %s",
            [pk],
        ).fetchone()
    return _LAYANAN[pk]


def _parse(environ) -> tuple[int, dict[str, str]]:
    length = int(environ.get("CONTENT_LENGTH") or 0)
    form = {k: v[0] for k, v in parse_qs(environ["wsgi.input"].read(length)).items()}
    form = {k.decode(): v.decode() for k, v in form.items()}
    layanan = int(environ["PATH_INFO"].rstrip("/").rsplit("/", 1)[-1])
    return layanan, form


def _redirect(start_response):
    start_response(
        "303 See Other", [("Location", "/s/terima-kasih/"), ("Content-Length", "0")]
    )
    return [b""]


def _not_allowed(start_response):
    start_response("405 Method Not Allowed", [("Content-Length", "0")])
    return [b""]


def application(environ, start_response):
    """One INSERT of the response row, nothing else."""
    if environ["REQUEST_METHOD"] != "POST":
        return _not_allowed(start_response)
    layanan, form = _parse(environ)
    conn = _connection()
    pemda_id, unit_id, _opd_id = _layanan(conn, layanan)
    with conn.transaction():
        conn.execute(
            INSERT,
            [
                pemda_id,
                unit_id,
                layanan,
                form["service_date"],
                datetime.now(UTC),
                uuid.UUID(form["key"]),
                form.get("gender", ""),
                int(form["age"]) if form.get("age") else None,
                form.get("education", ""),
                form.get("occupation", ""),
                *(int(form[f"u{i}"]) for i in range(1, 10)),
                form.get("suggestion", ""),
            ],
        )
    return _redirect(start_response)


def application_same_writes(environ, start_response):
    """The writes of one Prima submission: the response and its three rollups."""
    if environ["REQUEST_METHOD"] != "POST":
        return _not_allowed(start_response)
    layanan, form = _parse(environ)
    conn = _connection()
    pemda_id, unit_id, opd_id = _layanan(conn, layanan)
    day = date.fromisoformat(form["service_date"])
    channel = "online"
    gender = form.get("gender", "")
    age = int(form["age"]) if form.get("age") else None
    education = form.get("education", "")
    occupation = form.get("occupation", "")
    scores = [int(form[f"u{i}"]) for i in range(1, 10)]
    counts = [1] + [int(s == score) for s in scores for score in range(1, 5)]
    base = [pemda_id, opd_id, unit_id, layanan]
    profile = [
        (dimension, category)
        for dimension, category in (
            ("gender", gender),
            ("age", age_group(age)),
            ("education", education),
            ("occupation", occupation),
            ("channel", channel),
        )
        if category
    ]
    with conn.transaction():
        conn.execute(
            INSERT_RETURNING,
            [
                pemda_id,
                unit_id,
                layanan,
                channel,
                day,
                datetime.now(UTC),
                uuid.UUID(form["key"]),
                gender,
                age,
                education,
                occupation,
                *scores,
                form.get("suggestion", "").strip(),
            ],
        ).fetchone()
        conn.execute(DAILY_UPSERT, [*base, day, *counts])
        conn.execute(MONTHLY_UPSERT, [*base, day.replace(day=1), *counts])
        conn.execute(
            PROFILE_UPSERT[len(profile)],
            [
                value
                for dimension, category in profile
                for value in (*base, day, dimension, category, 1)
            ],
        )
    return _redirect(start_response)


def application_same_statement(environ, start_response):
    """Prima's own submission statement, run bare: the one PostgreSQL statement of
    data-modifying CTEs (``rollups.submission_sql``) that stores the response and adds
    it to the three rollups. The bench passes its text and parameter order in
    ``PRIMA_SUBMIT_SQL`` and ``PRIMA_SUBMIT_FIELDS``; one statement in autocommit is
    one transaction and one round trip, prepared by psycopg after five runs."""
    if environ["REQUEST_METHOD"] != "POST":
        return _not_allowed(start_response)
    layanan, form = _parse(environ)
    conn = _connection()
    pemda_id, unit_id, opd_id = _layanan(conn, layanan)
    age = int(form["age"]) if form.get("age") else None
    values = {
        "pemda_id": pemda_id,
        "unit_id": unit_id,
        "layanan_id": layanan,
        "channel": "online",
        "service_date": date.fromisoformat(form["service_date"]),
        "submitted_at": datetime.now(UTC),
        "idempotency_key": uuid.UUID(form["key"]),
        "kiosk_id": None,
        "gender": form.get("gender", ""),
        "age": age,
        "education": form.get("education", ""),
        "occupation": form.get("occupation", ""),
        "suggestion": form.get("suggestion", "").strip(),
        **{f"u{i}": int(form[f"u{i}"]) for i in range(1, 10)},
    }
    fields = os.environ["PRIMA_SUBMIT_FIELDS"].split(",")
    params = [values[name] for name in fields] + [opd_id, age_group(age)]
    conn.execute(os.environ["PRIMA_SUBMIT_SQL"], params).fetchone()
    return _redirect(start_response)
