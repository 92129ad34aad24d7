import pytest

from prima.api.tokens import token_issue


@pytest.fixture(autouse=True)
def _generous_limits(settings):
    """Tests make many calls from one address; test_ratelimit.py sets its own."""
    settings.PRIMA_API_RATE_PER_ADDRESS = 10_000
    settings.PRIMA_API_RATE_PER_TOKEN = 10_000


@pytest.fixture
def bearer():
    """Return a function giving the Authorization header of a new token of a user."""

    def header(user) -> dict[str, str]:
        _, secret = token_issue(user=user, name="test")
        return {"Authorization": f"Bearer {secret}"}

    return header
