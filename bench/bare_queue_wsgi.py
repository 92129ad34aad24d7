"""The queue baseline: a bare WSGI app (no Django) doing the queue's writes.

Served by gunicorn with the same settings as the app (see ``queue_bench.py``), one
psycopg connection per worker, it takes the same form bodies and, in one transaction
per request, writes the rows ``prima.queues.services`` writes:

``POST /issue``
    the service's number of the day (an upsert of ``queues_ticketsequence`` returning
    the number, which the row lock serialises), the ticket, its "issue" event and the
    day's rollup (issued and the hour's count); answers 303 like the kiosk.
``POST /counter/<id>/next``
    locks the counter, refuses while a ticket is at it, takes the first waiting
    ticket of its services in the queue's call order (``FOR UPDATE SKIP LOCKED``),
    marks it called there, adds the rollup's call and waiting minute, and its event.
``POST /counter/<id>/start``, ``/finish``, ``/skip`` (``ticket=<id>``)
    the ticket's move, its event and (finish, skip) the rollup; finishing a ticket
    of a Prima service also records its served visit with a survey token hash.

No validation beyond the state each update requires, no sessions, no ORM.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import uuid
from datetime import datetime
from urllib.parse import parse_qs
from zoneinfo import ZoneInfo

import psycopg

_CONNECTION = None
_SERVICES: dict[int, tuple] = {}
_COUNTERS: dict[int, tuple[str, list[int]]] = {}
ZONE = ZoneInfo(os.environ.get("PRIMA_TIME_ZONE", "Asia/Jakarta"))
OFFICER = int(os.environ.get("BENCH_OFFICER_ID", "0")) or None

TICKET_COLUMNS = (
    "pemda_id, venue_id, service_id, day, number, prefix, public_code, "
    "idempotency_key, priority, state, issued_at, arrived_at, survey_token"
)
INSERT_TICKET = (
    f"INSERT INTO queues_ticket ({TICKET_COLUMNS}) VALUES "  # noqa: S608 (constant)
    "(%s, %s, %s, %s, %s, %s, %s, %s, %s, 'waiting', %s, %s, '') RETURNING id"
)
NEXT_NUMBER = (
    "INSERT INTO queues_ticketsequence (service_id, day, last) VALUES (%s, %s, 1) "
    "ON CONFLICT (service_id, day) DO UPDATE "
    "SET last = queues_ticketsequence.last + 1 RETURNING last"
)
EVENT = (
    "INSERT INTO queues_ticketevent (ticket_id, action, at, counter_id, officer_id,"
    " note) VALUES (%s, %s, %s, %s, %s, '')"
)
NEXT_WAITING = (
    "SELECT id, service_id, arrived_at FROM queues_ticket WHERE service_id = ANY(%s)"
    " AND day = %s AND state = 'waiting'"
    " ORDER BY (priority = ''), arrived_at, number LIMIT 1 FOR UPDATE SKIP LOCKED"
)


def _rollup(column: str, histogram: str) -> str:
    """The upsert adding one to ``column`` and to one key of ``histogram``."""
    counts = ", ".join(
        "1" if name == column else "0"
        for name in ("issued", "called", "served", "no_show")
    )
    empty = ", ".join(
        "jsonb_build_object(%(key)s::text, 1)" if name == histogram else "'{}'"
        for name in ("wait_minutes", "service_minutes", "issued_by_hour")
    )
    # Identifiers are the constants above; values are bound parameters.
    return (
        "INSERT INTO queues_dailyservicecount AS d (venue_id, service_id, day, issued,"  # noqa: S608
        " called, served, no_show, wait_minutes, service_minutes, issued_by_hour)"
        f" VALUES (%(venue)s, %(service)s, %(day)s, {counts}, {empty})"
        f" ON CONFLICT (service_id, day) DO UPDATE SET {column} = d.{column} + 1"
        f", {histogram} = jsonb_set(d.{histogram}, ARRAY[%(key)s::text],"
        f" to_jsonb(COALESCE((d.{histogram} ->> %(key)s::text)::int, 0) + 1))"
    )


ROLLUP = {
    "issue": _rollup("issued", "issued_by_hour"),
    "call": _rollup("called", "wait_minutes"),
    "finish": _rollup("served", "service_minutes"),
}
NO_SHOW = (
    "INSERT INTO queues_dailyservicecount AS d (venue_id, service_id, day, issued,"
    " called, served, no_show, wait_minutes, service_minutes, issued_by_hour)"
    " VALUES (%s, %s, %s, 0, 0, 0, 1, '{}', '{}', '{}')"
    " ON CONFLICT (service_id, day) DO UPDATE SET no_show = d.no_show + 1"
)


def _connection():
    global _CONNECTION
    if _CONNECTION is None or _CONNECTION.closed:
        _CONNECTION = psycopg.connect(os.environ["DATABASE_URL"], autocommit=True)
    return _CONNECTION


def _service(conn, pk: int) -> tuple:
    """(venue, pemda, prefix, layanan, unit, venue name), loaded once per worker."""
    if pk not in _SERVICES:
        _SERVICES[pk] = conn.execute(
            "SELECT s.venue_id, s.pemda_id, s.prefix, s.layanan_id, l.unit_id, v.name"
            " FROM queues_service s JOIN queues_venue v ON v.id = s.venue_id"
            " LEFT JOIN organisations_layanan l ON l.id = s.layanan_id WHERE s.id = %s",
            [pk],
        ).fetchone()
    return _SERVICES[pk]


def _counter(conn, pk: int) -> tuple[str, list[int]]:
    if pk not in _COUNTERS:
        name = conn.execute(
            "SELECT name FROM queues_counter WHERE id = %s", [pk]
        ).fetchone()[0]
        served = conn.execute(
            "SELECT service_id FROM queues_counter_services WHERE counter_id = %s", [pk]
        ).fetchall()
        _COUNTERS[pk] = (name, [row[0] for row in served])
    return _COUNTERS[pk]


def _minutes(start: datetime, end: datetime) -> str:
    return str(max(0, int((end - start).total_seconds() // 60)))


def _issue(conn, form, now: datetime) -> tuple[str, bytes]:
    service = int(form["service"])
    venue, pemda, prefix, _layanan, _unit, _name = _service(conn, service)
    local = now.astimezone(ZONE)
    day = local.date()
    with conn.transaction():
        number = conn.execute(NEXT_NUMBER, [service, day]).fetchone()[0]
        ticket = conn.execute(
            INSERT_TICKET,
            [
                pemda,
                venue,
                service,
                day,
                number,
                prefix,
                secrets.token_urlsafe(12),
                uuid.UUID(form["key"]),
                form.get("priority", ""),
                now,
                now,
            ],
        ).fetchone()[0]
        conn.execute(EVENT, [ticket, "issue", now, None, None])
        conn.execute(
            ROLLUP["issue"],
            {"venue": venue, "service": service, "day": day, "key": str(local.hour)},
        )
    return "303 See Other", b""


def _call(conn, counter: int, now: datetime) -> tuple[str, bytes]:
    _name, served = _counter(conn, counter)
    day = now.astimezone(ZONE).date()
    with conn.transaction():
        conn.execute(
            "SELECT id FROM queues_counter WHERE id = %s FOR UPDATE", [counter]
        )
        busy = conn.execute(
            "SELECT 1 FROM queues_ticket WHERE counter_id = %s"
            " AND state IN ('called', 'serving') LIMIT 1",
            [counter],
        ).fetchone()
        found = None if busy else conn.execute(NEXT_WAITING, [served, day]).fetchone()
        if found is None:
            return "303 See Other", b""
        ticket, service, arrived = found
        # As Prima: the call's time is taken once the ticket is chosen, so a ticket
        # issued while the call waited for its locks is never called "before" it.
        now = datetime.now(ZONE)
        conn.execute(
            "UPDATE queues_ticket SET state = 'called', called_at = %s,"
            " last_called_at = %s, counter_id = %s, officer_id = %s WHERE id = %s",
            [now, now, counter, OFFICER, ticket],
        )
        conn.execute(
            ROLLUP["call"],
            {
                "venue": _service(conn, service)[0],
                "service": service,
                "day": day,
                "key": _minutes(arrived, now),
            },
        )
        conn.execute(EVENT, [ticket, "call", now, counter, OFFICER])
    return "303 See Other", str(ticket).encode()


def _act(conn, counter: int, action: str, form, now: datetime) -> tuple[str, bytes]:
    ticket = int(form["ticket"])
    with conn.transaction():
        if action == "start":
            moved = conn.execute(
                "UPDATE queues_ticket SET state = 'serving', started_at = %s"
                " WHERE id = %s AND counter_id = %s AND state = 'called' RETURNING id",
                [now, ticket, counter],
            ).fetchone()
        elif action == "skip":
            moved = conn.execute(
                "UPDATE queues_ticket SET state = 'no_show', skipped_at = %s"
                " WHERE id = %s AND counter_id = %s AND state = 'called'"
                " RETURNING service_id, day",
                [now, ticket, counter],
            ).fetchone()
            if moved:
                service, day = moved
                conn.execute(NO_SHOW, [_service(conn, service)[0], service, day])
        else:
            moved = conn.execute(
                "UPDATE queues_ticket SET state = 'done', finished_at = %s"
                " WHERE id = %s AND counter_id = %s AND state = 'serving'"
                " RETURNING service_id, day, started_at",
                [now, ticket, counter],
            ).fetchone()
            if moved:
                _finish(conn, counter, ticket, moved, now)
        if moved is None:
            return "409 Conflict", b""
        conn.execute(EVENT, [ticket, action, now, counter, OFFICER])
    return "303 See Other", b""


def _finish(conn, counter: int, ticket: int, moved, now: datetime) -> None:
    service, day, started = moved
    venue, pemda, _prefix, layanan, unit, place = _service(conn, service)
    conn.execute(
        ROLLUP["finish"],
        {
            "venue": venue,
            "service": service,
            "day": day,
            "key": _minutes(started, now),
        },
    )
    if layanan is None:
        return
    token = secrets.token_urlsafe(18)
    encounter = conn.execute(
        "INSERT INTO surveys_encounter (pemda_id, unit_id, layanan_id, token_hash,"
        " place, counter, officer_id, served_at) VALUES (%s, %s, %s, %s, %s, %s, %s,"
        " %s) RETURNING id",
        [
            pemda,
            unit,
            layanan,
            hashlib.sha256(token.encode()).hexdigest(),
            place,
            _counter(conn, counter)[0],
            OFFICER,
            now,
        ],
    ).fetchone()[0]
    conn.execute(
        "UPDATE queues_ticket SET encounter_id = %s, survey_token = %s WHERE id = %s",
        [encounter, token, ticket],
    )


def application(environ, start_response):
    length = int(environ.get("CONTENT_LENGTH") or 0)
    form = {k: v[0] for k, v in parse_qs(environ["wsgi.input"].read(length)).items()}
    form = {k.decode(): v.decode() for k, v in form.items()}
    parts = environ["PATH_INFO"].strip("/").split("/")
    conn = _connection()
    now = datetime.now(ZONE)
    if parts == ["issue"]:
        status, body = _issue(conn, form, now)
    elif len(parts) == 3 and parts[0] == "counter" and parts[2] == "next":
        status, body = _call(conn, int(parts[1]), now)
    elif len(parts) == 3 and parts[0] == "counter":
        status, body = _act(conn, int(parts[1]), parts[2], form, now)
    else:
        status, body = "404 Not Found", b""
    start_response(status, [("Content-Type", "text/plain"), ("Location", "/")])
    return [body]
