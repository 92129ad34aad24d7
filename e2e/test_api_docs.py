"""The API's interactive docs run in Chromium under the site's strict
Content-Security-Policy: Swagger UI, served from Prima's static files, renders every
operation of the OpenAPI document."""

from __future__ import annotations

from playwright.sync_api import Page

from e2e.test_content_security_policy import violations_on


def test_swagger_ui_renders_the_operations(desktop_page: Page):
    """The docs list the API's operations and raise no policy violation."""
    found = violations_on(desktop_page)
    desktop_page.goto("/api/v1/docs")
    desktop_page.locator(".opblock").first.wait_for()
    assert desktop_page.locator(".opblock").count() >= 12
    assert desktop_page.get_by_text("/api/v1/ikm", exact=True).count() >= 1
    assert found == []
