"""The intake baseline: a bare WSGI app (no Django) storing one survey response.

It parses the same form body the citizen form posts and runs the same INSERT into
``surveys_response`` with psycopg, one connection per worker process. Served by
gunicorn with the same settings as the app; see ``intake_bench.py``.
"""

from __future__ import annotations

import os
import uuid
from datetime import UTC, datetime
from urllib.parse import parse_qs

import psycopg

_CONNECTION = None
_LAYANAN = {}

INSERT = """
INSERT INTO surveys_response (
    pemda_id, unit_id, layanan_id, channel, service_date, submitted_at,
    idempotency_key, gender, age, education, occupation,
    u1, u2, u3, u4, u5, u6, u7, u8, u9, suggestion
) VALUES (%s, %s, %s, 'online', %s, %s, %s, %s, %s, %s, %s,
          %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)
"""


def _connection():
    global _CONNECTION
    if _CONNECTION is None or _CONNECTION.closed:
        _CONNECTION = psycopg.connect(os.environ["DATABASE_URL"], autocommit=True)
    return _CONNECTION


def _layanan(conn, pk: int) -> tuple[int, int]:
    if pk not in _LAYANAN:
        row = conn.execute(
            "SELECT pemda_id, unit_id FROM organisations_layanan WHERE id = %s", [pk]
        ).fetchone()
        _LAYANAN[pk] = row
    return _LAYANAN[pk]


def application(environ, start_response):
    if environ["REQUEST_METHOD"] != "POST":
        start_response("405 Method Not Allowed", [("Content-Length", "0")])
        return [b""]
    length = int(environ.get("CONTENT_LENGTH") or 0)
    form = {k: v[0] for k, v in parse_qs(environ["wsgi.input"].read(length)).items()}
    form = {k.decode(): v.decode() for k, v in form.items()}
    layanan = int(environ["PATH_INFO"].rstrip("/").rsplit("/", 1)[-1])
    conn = _connection()
    pemda_id, unit_id = _layanan(conn, layanan)
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
    start_response(
        "303 See Other", [("Location", "/s/terima-kasih/"), ("Content-Length", "0")]
    )
    return [b""]
