"""Concurrent writers on a SQLite database file, as gunicorn's workers are.

SQLite has one writer at a time. Django's default transaction starts as a reader
and asks for the write lock at its first write; two such transactions that both
read first cannot both upgrade, and SQLite answers "database is locked" at once
instead of waiting. The settings open SQLite in WAL mode with ``BEGIN IMMEDIATE``
and a busy timeout (config/settings/base.py), so writers queue instead.

The test database is in memory, where threads cannot run side by side; these
tests copy it, with the organisation tree, into a file that each thread opens
with the project's own connection settings.
"""

from __future__ import annotations

import copy
import sqlite3
import threading
import uuid

import pytest
from django.db import connection, connections
from django.db.utils import load_backend
from django.test import Client
from django.urls import reverse

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "sqlite",
        reason="SQLite's locking only; see test_ratelimit",
    ),
    pytest.mark.django_db(transaction=True),
]

THREADS = 20


@pytest.fixture
def database_file(org, tmp_path):
    """Return the connection settings of a file holding a copy of the test database."""
    path = tmp_path / "prima.sqlite3"
    connection.ensure_connection()
    target = sqlite3.connect(path)
    connection.connection.backup(target)
    target.close()
    settings_dict = copy.deepcopy(connection.settings_dict)
    settings_dict["NAME"] = str(path)
    return settings_dict


def all_at_once(settings_dict, work) -> tuple[list, list[Exception]]:
    """Run ``work(n)`` in ``THREADS`` threads released together, each on its own
    connection to the file; return the results and the exceptions raised."""
    results, errors = [], []
    start = threading.Barrier(THREADS)
    backend = load_backend(settings_dict["ENGINE"])

    def run(n):
        connections["default"] = backend.DatabaseWrapper(settings_dict, "default")
        try:
            start.wait()
            results.append(work(n))
        except Exception as error:  # noqa: BLE001 - every failure is the finding
            errors.append(error)
        finally:
            connections["default"].close()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, errors


def count_rows(path: str, table: str) -> int:
    with sqlite3.connect(path) as db:
        return db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]  # noqa: S608


def test_concurrent_first_submissions_of_one_complaint_store_one_case(
    org, database_file
):
    """Twenty citizens' browsers sending one complaint key at once all get an answer,
    without "database is locked", and one case is stored."""
    url = reverse("complaints:submit", kwargs={"pemda_slug": org.pemda.slug})
    data = {
        "key": str(uuid.uuid4()),
        "kind": "pengaduan",
        "subject": "Petugas tidak ada",
        "description": "Loket tutup pada jam layanan.",
        "privacy": "open",
        "contact_name": "Siti",
        "contact_email": "siti@example.org",
        "contact_phone": "0812",
    }

    def submit(_n):
        return Client(raise_request_exception=True).post(url, data).status_code

    statuses, errors = all_at_once(database_file, submit)
    assert errors == []
    assert statuses == [302] * THREADS  # each to the page with the tracking code
    assert count_rows(database_file["NAME"], "complaints_case") == 1
    with sqlite3.connect(database_file["NAME"]) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_concurrent_counts_are_each_taken_once(database_file):
    """Twenty workers counting one limit at once see the counts 1 to 20, each once."""
    from prima.core.ratelimit import counter_hit

    counts, errors = all_at_once(
        database_file, lambda _n: counter_hit("test:sqlite", 60)
    )
    assert errors == []
    assert sorted(counts) == list(range(1, THREADS + 1))
