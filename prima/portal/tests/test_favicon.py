"""The site has an icon: pages link it, and /favicon.ico answers instead of a 404."""

from __future__ import annotations

import pytest
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_favicon_ico_redirects_to_the_static_icon(client):
    """/favicon.ico is a cached redirect to an icon the static finders publish."""
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"] == static("favicon.ico")
    assert "max-age=86400" in response["Cache-Control"]
    assert reverse("portal:favicon") == "/favicon.ico"
    icon = finders.find("favicon.ico")
    assert icon is not None
    with open(icon, "rb") as file:
        assert file.read(4) == b"\x00\x00\x01\x00", "not an ICO file"


@pytest.mark.parametrize("name", ["portal:home", "accounts:login"])
def test_pages_link_the_icons(client, name):
    """The base template links the ICO and the SVG icon, both published."""
    html = client.get(reverse(name)).content.decode()
    for path in ("favicon.ico", "favicon.svg"):
        assert f'<link rel="icon" href="{static(path)}"' in html
        assert finders.find(path) is not None, path


def test_error_page_links_the_icon(client, settings):
    """The stand-alone 500 page links the icon too, so an error logs no 404."""
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert f'<link rel="icon" href="{static("favicon.svg")}"' in html
