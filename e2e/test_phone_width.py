"""Every public page of the demo city fits a 390 px phone without scrolling sideways.

The pages are the URLs the access matrix lets an anonymous visitor GET, each filled
with real ids and slugs of the demo city (e2e/demo_city.py); a guard test fails when
a public URL appears that the demo city does not know how to visit.
"""

from __future__ import annotations

import os

from django.urls import reverse
from playwright.sync_api import Browser

from e2e.demo_city import NOT_PAGES, PAGES, demo_urls, load_demo, public_url_names

PHONE_WIDTH = 390
PHONE_390 = {
    "viewport": {"width": PHONE_WIDTH, "height": 844},
    "screen": {"width": PHONE_WIDTH, "height": 844},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}


def test_every_public_url_is_visited():
    """Each URL an anonymous visitor may GET is either laid out here or not a page."""
    public = public_url_names()
    unknown = sorted(public - set(PAGES) - set(NOT_PAGES))
    assert not unknown, f"public URLs the phone-width test does not visit: {unknown}"
    stale = sorted((set(PAGES) | set(NOT_PAGES)) - public)
    assert not stale, f"no longer public in the access matrix: {stale}"


# The page's width, and the tables that scroll sideways inside their frame: the page
# then fits, but a citizen would find the figures cut off at the edge.
MEASURE = """() => ({
  width: document.documentElement.scrollWidth,
  cut: Array.from(document.querySelectorAll('.table-wrap'))
    .filter(e => e.scrollWidth > e.clientWidth + 1)
    .map(e => (e.querySelector('caption, table') || e).textContent.trim().slice(0, 40)),
})"""
SCREENSHOTS = os.environ.get("PRIMA_E2E_SCREENSHOTS", "")


def measure(page, label: str, problems: dict[str, str]) -> None:
    """Record the page as a problem if it is too wide or a table of it is cut off."""
    found = page.evaluate(MEASURE)
    if found["width"] > PHONE_WIDTH:
        problems[label] = f"{found['width']} px wide"
    elif found["cut"]:
        problems[label] = f"table cut off: {found['cut']}"
    if SCREENSHOTS:
        name = label.strip("/").replace("/", "_") or "home"
        page.screenshot(path=f"{SCREENSHOTS}/{name}.png", full_page=True)


def visit(page, url: str, problems: dict[str, str]) -> None:
    response = page.goto(url)
    assert response is not None, url
    assert response.status == 200, f"{url}: {response.status}"
    assert response.headers["content-type"].startswith("text/html"), url
    measure(page, url, problems)


def test_every_public_page_fits_a_390px_phone(browser: Browser, live_server):
    """No public page of the demo city is wider than a 390 px phone screen."""
    from prima.complaints.models import Case

    demo = load_demo()
    context = browser.new_context(base_url=live_server.url, locale="id-ID", **PHONE_390)
    context.set_default_timeout(20_000)
    page = context.new_page()
    problems: dict[str, str] = {}
    try:
        for url in demo_urls(demo):
            visit(page, url, problems)
        # The citizen's own case, reached with its tracking code, and a missing page.
        case = Case.objects.filter(pemda=demo.pemda).order_by("-pk").first()
        page.goto(reverse("complaints:track", kwargs={"pemda_slug": demo.pemda.slug}))
        page.locator("input[name=code]").fill(case.tracking_code)
        page.locator("main form button[type=submit]").click()
        page.wait_for_load_state()
        assert "/lacak/kasus/" in page.url, page.url
        measure(page, page.url.removeprefix(live_server.url), problems)
        page.goto("/tidak-ada/halaman/")
        measure(page, "/tidak-ada/halaman/ (404)", problems)
    finally:
        context.close()
    assert not problems, "public pages that do not fit a 390 px phone: " + "; ".join(
        f"{url}: {problem}" for url, problem in sorted(problems.items())
    )
