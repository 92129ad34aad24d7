"""Personal tokens: issued on the account page and shown once, stored as a hash,
revoked by their owner only, refused once revoked or when the owner is inactive."""

from __future__ import annotations

import pytest
from django.urls import reverse

from prima.api.models import ApiToken
from prima.api.tokens import token_hash, token_issue, token_revoke

pytestmark = pytest.mark.django_db


def _me(client, secret):
    return client.get("/api/v1/me", headers={"Authorization": f"Bearer {secret}"})


def test_token_page_shows_a_new_token_once(client, users):
    """The token appears on the page after issuing it, and never again."""
    client.force_login(users["admin_opd"])
    url = reverse("api-tokens:list")
    response = client.post(url, {"name": "Dasbor Bappeda"}, follow=True)
    token = ApiToken.objects.get(user=users["admin_opd"])
    page = response.content.decode()
    secret = page.split('<code class="token">')[1].split("</code>")[0]
    assert token.token_hash == token_hash(secret)
    assert secret not in client.get(url).content.decode()
    assert _me(client, secret).json()["token"] == "Dasbor Bappeda"


def test_only_the_hash_is_stored(users):
    """No column holds the token itself."""
    token, secret = token_issue(user=users["admin_opd"], name="x")
    values = ApiToken.objects.filter(pk=token.pk).values().get()
    assert secret not in {str(v) for v in values.values()}
    assert token.prefix == secret[: len(token.prefix)]


def test_me_names_the_owner_and_grants(client, users):
    """A token acts as its owner, with the owner's grants."""
    _, secret = token_issue(user=users["admin_opd"], name="x")
    body = _me(client, secret).json()
    assert body["username"] == "admin_opd"
    assert [(g["role"], g["level"]) for g in body["grants"]] == [("admin_opd", "opd")]


def test_revoked_or_inactive_owner_tokens_are_refused(client, users):
    """A revoked token, or one of a deactivated account, answers 401."""
    token, secret = token_issue(user=users["admin_opd"], name="x")
    assert _me(client, secret).status_code == 200
    token_revoke(token)
    assert _me(client, secret).status_code == 401
    _, other = token_issue(user=users["operator_unit"], name="y")
    users["operator_unit"].is_active = False
    users["operator_unit"].save()
    refused = _me(client, other)
    assert refused.status_code == 401
    assert refused["WWW-Authenticate"].startswith("Bearer")
    assert _me(client, "prima_not-a-token").status_code == 401


def test_nobody_revokes_another_users_token(client, users):
    """Revoking someone else's token answers 404 and leaves it working."""
    token, secret = token_issue(user=users["admin_opd"], name="x")
    client.force_login(users["admin_pemda"])
    url = reverse("api-tokens:revoke", kwargs={"pk": token.pk})
    assert client.post(url).status_code == 404
    assert _me(client, secret).status_code == 200
    client.force_login(users["admin_opd"])
    assert client.post(url).status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
