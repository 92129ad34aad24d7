"""Playwright fixtures: Debian's Chromium against pytest-django's live server.

``page`` is a phone (360×740, touch) because most citizens reach public services from
a phone; ``desktop_page`` is a 1280×800 desktop. The browser starts once per session;
each test gets a fresh context, so no cookie leaks from one test to the next.
Set PRIMA_CHROMIUM to use another Chromium binary; a browser is never downloaded.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

# Playwright's sync API runs an event loop in this thread, and Django refuses
# database access from a thread with a running loop unless told it is safe here.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

from playwright.sync_api import Browser, Page, sync_playwright  # noqa: E402

CHROMIUM = os.environ.get("PRIMA_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {
    "viewport": {"width": 360, "height": 740},
    "screen": {"width": 360, "height": 740},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}
DESKTOP = {"viewport": {"width": 1280, "height": 800}}
# Citizens' browsers ask for Indonesian, the platform's default language.
LOCALE = "id-ID"
TIMEOUT_MS = 10_000


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Launch Chromium once for the whole session."""
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} not found: apt-get install chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=CHROMIUM_ARGS,
            headless=True,
            chromium_sandbox=False,
        )
        yield browser
        browser.close()


def _page(browser: Browser, base_url: str, device: dict) -> Iterator[Page]:
    context = browser.new_context(base_url=base_url, locale=LOCALE, **device)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()


@pytest.fixture
def page(browser: Browser, live_server) -> Iterator[Page]:
    """Return a phone-sized page whose relative URLs point at the live server."""
    yield from _page(browser, live_server.url, PHONE)


@pytest.fixture
def desktop_page(browser: Browser, live_server) -> Iterator[Page]:
    """Return a desktop-sized page whose relative URLs point at the live server."""
    yield from _page(browser, live_server.url, DESKTOP)
