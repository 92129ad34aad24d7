"""Calls are limited per client address and per token (prima.core.ratelimit)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_an_address_over_its_limit_gets_429(client, settings, org):
    """The third call in a minute from one address is refused with Retry-After."""
    settings.PRIMA_API_RATE_PER_ADDRESS = 2
    statuses = [client.get("/api/v1/pemda").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    refused = client.get("/api/v1/pemda")
    assert refused["Content-Type"] == "application/problem+json"
    assert 0 < int(refused["Retry-After"]) <= 60
    # Another address is still served.
    assert client.get("/api/v1/pemda", REMOTE_ADDR="10.0.0.9").status_code == 200


def test_a_token_over_its_limit_gets_429_from_any_address(
    client, settings, users, bearer
):
    """A token's calls count together, whichever address they come from."""
    settings.PRIMA_API_RATE_PER_TOKEN = 2
    headers = bearer(users["admin_opd"])
    statuses = [
        client.get("/api/v1/me", headers=headers, REMOTE_ADDR=f"10.0.0.{n}").status_code
        for n in range(3)
    ]
    assert statuses == [200, 200, 429]
    other = bearer(users["admin_pemda"])
    assert client.get("/api/v1/me", headers=other).status_code == 200
