"""Tests of the per-address counter in the shared cache."""

from django.test import RequestFactory

from prima.core.ratelimit import AddressLimit

LIMIT = AddressLimit("test:limit", 3, 60)


def request_from(address: str):
    return RequestFactory().post("/", REMOTE_ADDR=address)


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
