"""Counting what one client, account or address does within a time window.

Used where a form must not be abused by repetition: tracking-code guesses, public
objections, logins and password resets. The counts live in the database
(``RateCounter``) and each one is taken with a single ``INSERT … ON CONFLICT DO
UPDATE … RETURNING`` statement, so concurrent workers on any number of hosts
never lose or share a count. A window starts at the first event and lasts
``window`` seconds; the next event after it starts a new one.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.db import connection
from django.db.models import F
from django.utils.crypto import salted_hmac

from prima.core.http import client_ip
from prima.core.models import RateCounter


def _now() -> int:
    return int(time.time())


def _hit_sql() -> str:
    q = connection.ops.quote_name
    table, key, hits, ends = (
        q(name) for name in (RateCounter._meta.db_table, "key", "hits", "window_ends")
    )
    expired = f"{table}.{ends} <= %s"
    # Only quoted names of the model are formatted in; every value is a parameter.
    return (
        f"INSERT INTO {table} ({key}, {hits}, {ends}) VALUES (%s, 1, %s) "  # noqa: S608
        f"ON CONFLICT ({key}) DO UPDATE SET "
        f"{hits} = CASE WHEN {expired} THEN 1 ELSE {table}.{hits} + 1 END, "
        f"{ends} = CASE WHEN {expired} THEN excluded.{ends} ELSE {table}.{ends} END "
        f"RETURNING {hits}"
    )


def counter_hit(key: str, window: int) -> int:
    """Count one event under ``key`` and return the window's count including it.

    One statement both creates the row and increments it, or restarts an expired
    window at 1: atomic on PostgreSQL and SQLite alike. Expired rows of every key
    are removed on the way, so the table holds only live windows.
    """
    now = _now()
    RateCounter.objects.filter(window_ends__lte=now).delete()
    with connection.cursor() as cursor:
        cursor.execute(_hit_sql(), [key, now + window, now, now])
        return cursor.fetchone()[0]


def counter_value(key: str) -> int:
    """Return the count of ``key`` in its current window (0 when none is open)."""
    row = RateCounter.objects.filter(key=key, window_ends__gt=_now()).first()
    return row.hits if row else 0


@dataclass(frozen=True)
class Limit:
    """At most ``limit`` counted events per subject per ``window`` seconds.

    The subject is whatever is being limited: a username, an e-mail address, a
    client address. ``allow`` counts first and decides after, so parallel
    requests cannot all slip in before any of them is counted.
    """

    name: str
    limit: int
    window: int

    def key(self, subject) -> str:
        digest = salted_hmac(
            "prima.core.ratelimit", f"{self.name}\0{subject}", algorithm="sha256"
        )
        return f"{self.name}:{digest.hexdigest()[:40]}"

    def allow(self, subject) -> bool:
        """Count one attempt and return whether it is within the limit."""
        return counter_hit(self.key(subject), self.window) <= self.limit

    def count(self, subject) -> None:
        """Count one event; the window starts at the first."""
        counter_hit(self.key(subject), self.window)

    def reached(self, subject) -> bool:
        """Return whether the subject used up its events for the window."""
        return counter_value(self.key(subject)) >= self.limit

    def seconds_left(self, subject) -> int:
        """Return how long the subject's current window still lasts (0 when none)."""
        row = RateCounter.objects.filter(key=self.key(subject)).first()
        return max(row.window_ends - _now(), 0) if row else 0

    def refund(self, subject) -> None:
        """Take back one counted attempt that turned out not to count (a success)."""
        RateCounter.objects.filter(
            key=self.key(subject), hits__gt=0, window_ends__gt=_now()
        ).update(hits=F("hits") - 1)

    def clear(self, subject) -> None:
        """Forget the subject's count, as if nothing had happened in the window."""
        RateCounter.objects.filter(key=self.key(subject)).delete()


class AddressLimit(Limit):
    """A ``Limit`` per client address: its methods take the request as subject."""

    def key(self, request) -> str:
        return super().key(client_ip(request))
