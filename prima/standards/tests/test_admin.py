"""Tests of the platform-operator admin pages for standards."""

from __future__ import annotations

import pytest
from django.urls import reverse

from prima.standards.testing import make_maklumat, make_standard

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "name",
    [
        "admin:standards_standarpelayanan_changelist",
        "admin:standards_maklumat_changelist",
    ],
)
def test_admin_lists_render_with_filters_and_search(org, users, client, name):
    """The admin lists render, filtered and searched, for a superuser."""
    make_standard(layanan=org.layanan)
    make_maklumat(unit=org.unit)
    client.force_login(users["superuser"])
    url = reverse(name)
    assert client.get(url).status_code == 200
    assert client.get(url, {"q": "Disdukcapil"}).status_code == 200


def test_admin_change_page_shows_reviews(org, users, client):
    """A version's admin page renders with its review inline."""
    standard = make_standard(layanan=org.layanan)
    client.force_login(users["superuser"])
    url = reverse("admin:standards_standarpelayanan_change", args=[standard.pk])
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "Standard reviews" in response.content.decode()
