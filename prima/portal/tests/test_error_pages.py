"""Tests of the project's 403, 404 and 500 pages."""

import pytest
from django.template.loader import get_template
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_not_found_page(client):
    """An unknown address renders the 404 page without JavaScript."""
    response = client.get("/tidak-ada/layanan/999999/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "Page not found" in page
    assert "<script" not in page


def test_forbidden_page(org, users, client):
    """A refused action renders the 403 page."""
    client.force_login(users["pimpinan"])
    response = client.get(
        reverse("organisations:layanan-edit", kwargs={"pk": org.layanan.pk})
    )
    assert response.status_code == 403
    assert "You may not do this" in response.content.decode()


def test_server_error_page_needs_no_context():
    """The 500 page renders with no request and no context at all."""
    html = get_template("500.html").render()
    assert "Something went wrong" in html
    assert "<script" not in html
