"""Every public page of the demo city fits a 390 px phone without scrolling sideways.

The pages are the URLs the access matrix lets an anonymous visitor GET (tests/
access_cases_*.py), each filled with real ids and slugs of the demo city; a guard test
fails when a public URL appears that this module does not know how to visit.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from types import SimpleNamespace

from django.test import override_settings
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from playwright.sync_api import Browser

from tests.matrix import CASES as MATRIX

PHONE_WIDTH = 390
PHONE_390 = {
    "viewport": {"width": PHONE_WIDTH, "height": 844},
    "screen": {"width": PHONE_WIDTH, "height": 844},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}
# Public URLs that answer with something other than a page to lay out.
NOT_PAGES = {
    "portal:healthz": "plain text for monitoring",
    "innovations:public_evidence": "an uploaded file",
    "innovations:public_proposal_pdf": "a PDF",
    "surveys:kiosk-worker": "the kiosk's service worker script",
}
# Enough of the demo city for every page to show real rows, loaded in seconds.
DEMO_SIZE = override_settings(
    PRIMA_DEMO_SURVEY_RESPONSES=3000, PRIMA_DEMO_COMPLAINTS=300
)


def public_url_names() -> set[str]:
    """Return the URL names the access matrix lets an anonymous visitor GET."""
    return {
        case.name
        for case in MATRIX
        if case.method == "get" and case.expected.get("anonymous") == 200
    }


@dataclass
class Demo:
    """The demo city's objects the public pages are filled with."""

    pemda: object
    opds: list
    units: list
    layanan: list
    innovations: list
    calls: list
    kiosk_token: str
    shortlist_call: object
    shortlisted_entry: object
    invitation: dict


def load_demo() -> Demo:
    from prima.accounts.tokens import invitation_token
    from prima.competitions.models import Call
    from prima.competitions.testing import shortlisted_call
    from prima.demo.services import demo_city_load
    from prima.innovations.models import Innovation
    from prima.organisations.models import Layanan, PerangkatDaerah, Unit
    from prima.surveys.intake import kiosk_issue

    with DEMO_SIZE:
        ctx = demo_city_load()
    pemda = ctx.pemda
    units = list(Unit.objects.filter(pemda=pemda).order_by("pk"))
    # The demo's competition is over; a second call with its objection window open
    # today gives the uji publik pages something to show.
    unit = units[0]
    call, entries = shortlisted_call(
        SimpleNamespace(pemda=pemda, unit=unit), ctx.users["admin.pemda"]
    )
    _device, token = kiosk_issue(unit=unit, name="Tablet loket")
    invited = ctx.users["admin.pemda"]
    invitation = {
        "uidb64": urlsafe_base64_encode(force_bytes(invited.pk)),
        "token": invitation_token.make_token(invited),
    }
    return Demo(
        pemda=pemda,
        opds=list(PerangkatDaerah.objects.filter(pemda=pemda).order_by("pk")),
        units=units,
        layanan=list(Layanan.objects.filter(pemda=pemda).order_by("pk")),
        innovations=list(Innovation.objects.published().order_by("pk")),
        calls=list(Call.objects.published().order_by("pk")),
        kiosk_token=token,
        shortlist_call=call,
        shortlisted_entry=entries[0],
        invitation=invitation,
    )


def slug(demo: Demo) -> list[dict]:
    return [{"pemda_slug": demo.pemda.slug}]


def nothing(demo: Demo) -> list[dict]:
    return [{}]


# How to fill each public URL from the demo. Pages listing one object are visited
# for every object the demo has, so a long name or a wide table anywhere shows up.
PAGES: dict[str, Callable[[Demo], list[dict]]] = {
    "portal:home": nothing,
    "portal:pemda": slug,
    "portal:directory": slug,
    "portal:service-detail": lambda d: [
        {"pemda_slug": d.pemda.slug, "pk": x.pk} for x in d.layanan
    ],
    "portal:unit-detail": lambda d: [
        {"pemda_slug": d.pemda.slug, "pk": x.pk} for x in d.units
    ],
    "accounts:login": nothing,
    "accounts:password_reset": nothing,
    "accounts:password_reset_done": nothing,
    "accounts:password_reset_complete": nothing,
    "accounts:password_reset_confirm": lambda d: [
        {"uidb64": "MQ", "token": "bad-token"}
    ],
    # A demo member's real invitation (the set-password form), and a spoilt link.
    "accounts:invitation-accept": lambda d: [
        d.invitation,
        {"uidb64": "MQ", "token": "bad-token"},
    ],
    "competitions:results_list": nothing,
    "competitions:results": lambda d: [{"pk": x.pk} for x in d.calls],
    "competitions:public_shortlist": lambda d: [{"pk": d.shortlist_call.pk}],
    "competitions:objection_submit": lambda d: [{"pk": d.shortlisted_entry.pk}],
    "complaints:submit": slug,
    "complaints:submitted": slug,
    "complaints:track": slug,
    "complaints:public-stats": slug,
    "innovations:library": nothing,
    "innovations:public_detail": lambda d: [{"pk": x.pk} for x in d.innovations],
    "surveys:survey-unit": lambda d: [{"unit_pk": x.pk} for x in d.units],
    "surveys:survey-service": lambda d: [{"layanan_pk": x.pk} for x in d.layanan],
    "surveys:survey-thanks": nothing,
    "surveys:kiosk": lambda d: [{"token": d.kiosk_token}],
    "surveys:public-pemda": slug,
    "surveys:public-opd": lambda d: [
        {"pemda_slug": d.pemda.slug, "opd_pk": x.pk} for x in d.opds
    ],
    "surveys:public-unit": lambda d: [
        {"pemda_slug": d.pemda.slug, "unit_pk": x.pk} for x in d.units
    ],
}


def test_every_public_url_is_visited():
    """Each URL an anonymous visitor may GET is either laid out here or not a page."""
    public = public_url_names()
    unknown = sorted(public - set(PAGES) - set(NOT_PAGES))
    assert not unknown, f"public URLs the phone-width test does not visit: {unknown}"
    stale = sorted((set(PAGES) | set(NOT_PAGES)) - public)
    assert not stale, f"no longer public in the access matrix: {stale}"


def demo_urls(demo: Demo) -> list[str]:
    urls = []
    for name in sorted(PAGES):
        urls += [reverse(name, kwargs=kwargs) for kwargs in PAGES[name](demo)]
    return urls


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
