"""The interactive docs run under the site's strict Content-Security-Policy."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db


def test_docs_page_loads_swagger_from_this_site(client):
    """Every script of the docs page is a file served from 'self' under the CSP."""
    response = client.get("/api/v1/docs")
    assert response["Content-Security-Policy"] == settings.PRIMA_CONTENT_SECURITY_POLICY
    html = response.content.decode()
    sources = re.findall(r'<script[^>]*\bsrc="([^"]+)"', html)
    assert sources, "the page loads Swagger UI"
    for source in sources:
        assert source.startswith("/static/")
        assert finders.find(source.split("/static/", 1)[1]), source
    # The only inline script is Swagger's JSON settings, which never runs.
    inline = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", html)
    assert inline == [' type="application/json" id="swagger-settings"']
