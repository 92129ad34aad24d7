"""The dashboard page per role, its scope and period choice."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db
URL = "/staf/dasbor/"


def test_the_url_is_the_dashboard():
    assert reverse("dashboard:home") == URL


def test_leadership_sees_the_pemda_dashboard_for_the_last_closed_period(
    client, org, users
):
    client.force_login(users["pimpinan"])
    response = client.get(URL)
    assert response.status_code == 200
    board = response.context["board"]
    assert board.scope.pemda == org.pemda and board.scope.opd is None
    assert response.context["period"] == response.context["selection"].choices[0]
    assert 'id="tile-ikm"' in response.content.decode()


def test_roles_without_the_dashboard_are_refused(client, users):
    for name in ("operator_unit", "mentor", "juri", "evaluator", "no_role"):
        client.force_login(users[name])
        assert client.get(URL).status_code == 403, name


def test_a_scope_that_is_not_the_users_is_not_found(client, org, users):
    client.force_login(users["admin_pemda"])
    other = f"pemda-{org.other_pemda.pk}"
    assert client.get(URL, {"cakupan": other}).status_code == 404
    assert client.get(URL, {"cakupan": "x" * 500}).status_code == 404


def test_the_platform_operator_chooses_the_pemda(client, org, users):
    client.force_login(users["superuser"])
    response = client.get(URL, {"cakupan": f"pemda-{org.other_pemda.pk}"})
    assert response.context["board"].scope.pemda == org.other_pemda
    assert 'id="cakupan"' in response.content.decode()


def test_a_bad_period_key_shows_the_default_with_a_message(client, users):
    client.force_login(users["admin_opd"])
    response = client.get(URL, {"periode": "2026-T9"})
    assert response.status_code == 200
    assert response.context["selection"].error
