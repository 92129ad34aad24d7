"""Tests of the windowed counters in the database behind every rate limit."""

import threading

import pytest
from django.db import connection, connections
from django.test import RequestFactory

from prima.core import ratelimit
from prima.core.models import RateCounter
from prima.core.ratelimit import AddressLimit, Limit

pytestmark = pytest.mark.django_db

LIMIT = AddressLimit("test:limit", 3, 60)


def request_from(address: str):
    return RequestFactory().post("/", REMOTE_ADDR=address)


@pytest.fixture
def clock(monkeypatch):
    """A settable clock for the counters, starting at one fixed second."""
    now = [1_800_000_000]
    monkeypatch.setattr(ratelimit, "_now", lambda: now[0])
    return now


def test_limit_is_reached_after_the_counted_events_per_address():
    """Three events from one address reach the limit; another address is untouched."""
    one, other = request_from("10.0.0.1"), request_from("10.0.0.2")
    for _ in range(2):
        LIMIT.count(one)
    assert not LIMIT.reached(one)
    LIMIT.count(one)
    assert LIMIT.reached(one) and not LIMIT.reached(other)


def test_limits_of_different_names_do_not_share_a_count():
    one = request_from("10.0.0.3")
    for _ in range(3):
        LIMIT.count(one)
    assert not AddressLimit("test:other", 3, 60).reached(one)


def test_allow_counts_first_and_refuses_beyond_the_limit():
    """The first three attempts are allowed, the fourth is not, and it counts too."""
    limit = Limit("test:allow", 3, 60)
    assert [limit.allow("budi") for _ in range(4)] == [True, True, True, False]
    assert ratelimit.counter_value(limit.key("budi")) == 4


def test_a_new_window_starts_after_the_old_one_ends(clock):
    """Counts expire with their window; the next event starts again at one."""
    limit = Limit("test:window", 2, 60)
    limit.count("x")
    clock[0] += 30
    limit.count("x")
    assert limit.reached("x")
    clock[0] += 30
    assert not limit.reached("x")
    assert ratelimit.counter_hit(limit.key("x"), 60) == 1


def test_expired_windows_are_removed(clock):
    """Counting anything removes the rows whose windows ended."""
    Limit("test:old", 2, 60).count("x")
    clock[0] += 61
    Limit("test:new", 2, 60).count("y")
    assert RateCounter.objects.count() == 1


def test_refund_and_clear():
    """A refund takes back one attempt; clearing forgets the subject's count."""
    limit = Limit("test:refund", 2, 60)
    limit.count("x")
    limit.count("x")
    limit.refund("x")
    assert not limit.reached("x")
    limit.count("x")
    limit.clear("x")
    assert ratelimit.counter_value(limit.key("x")) == 0


def test_keys_do_not_hold_the_subject_in_the_clear():
    """The stored key is a digest: neither the address nor the e-mail appears."""
    key = Limit("test:privacy", 2, 60).key("budi@example.test")
    assert "budi" not in key and len(key) <= 100


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the in-memory SQLite test database cannot be shared between threads; "
    "tests/test_sqlite_concurrency.py counts in parallel on a SQLite file",
)
@pytest.mark.django_db(transaction=True)
def test_parallel_hits_are_each_counted_once():
    """Forty threads hitting one key at once see the counts 1 to 40, each once.

    The file cache this replaced could give two workers the same count or lose
    one (``add`` then ``incr``); one upsert statement cannot.
    """
    results: list[int] = []
    start = threading.Barrier(40)

    def hit():
        try:
            start.wait()
            results.append(ratelimit.counter_hit("test:parallel", 60))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=hit) for _ in range(40)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == list(range(1, 41))
