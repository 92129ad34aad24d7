"""Every public page and the main staff pages pass axe-core's WCAG 2.1 AA rules.

axe-core runs in Chromium on one page of each public type of the demo city (a
unit's page stands for every unit's), then on the main staff pages of the Pemda
administrator: one load per URL, one browser context for the whole walk. A serious or critical violation fails
the test, listed per page with the elements that break the rule.
"""

from __future__ import annotations

import re

from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.urls import reverse
from playwright.sync_api import Browser, Page, expect

from e2e.conftest import PHONE
from e2e.demo_city import Demo, demo_page_types, load_demo

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": WCAG_21_AA},
    "resultTypes": ["violations"],
}
BLOCKING = {"serious", "critical"}
STAFF_USER = "admin.pemda"


def staff_urls(demo: Demo) -> list[str]:
    """Return the main staff pages, filled with the demo city's objects."""
    from prima.competitions.models import Call
    from prima.complaints.models import Case

    case = Case.objects.filter(pemda=demo.pemda).order_by("pk").first()
    call = Call.objects.filter(pemda=demo.pemda).order_by("pk").first()
    return [
        reverse("portal:staff-home"),
        reverse("complaints:worklist"),
        reverse("complaints:case-detail", kwargs={"pk": case.pk}),
        reverse("surveys:unit-results", kwargs={"unit_pk": demo.units[0].pk}),
        reverse("standards:standard-edit", kwargs={"layanan_pk": demo.layanan[0].pk}),
        reverse("innovations:staff_list"),
        reverse("innovations:staff_create"),
        reverse("organisations:member-list"),
        reverse("competitions:call_list"),
        reverse("competitions:call_detail", kwargs={"pk": call.pk}),
    ]


def describe(url: str, violation: dict) -> str:
    """Return one violation as readable lines: the rule, then each element."""
    lines = [
        f"{url}: {violation['id']} ({violation['impact']}): {violation['help']}"
        f" [{', '.join(t for t in violation['tags'] if t.startswith('wcag'))}]"
    ]
    for node in violation["nodes"][:5]:
        lines.append(f"    at {', '.join(map(str, node['target']))}: {node['html']}")
        summary = " ".join(node.get("failureSummary", "").split())
        if summary:
            lines.append(f"      {summary}")
    if len(violation["nodes"]) > 5:
        lines.append(f"    … and {len(violation['nodes']) - 5} more elements")
    return "\n".join(lines)


def blocking(page: Page, axe: Axe) -> list[dict]:
    """Return the serious and critical WCAG violations of the page shown."""
    results = axe.run(page, options=AXE_OPTIONS)
    return [v for v in results.response["violations"] if v["impact"] in BLOCKING]


# A help text or label that names an element the page lacks is never read out; axe
# only lists it as "needs review", so the walk checks the references itself.
DANGLING_REFERENCES = """() => Array.from(
  document.querySelectorAll('[aria-describedby], [aria-labelledby], label[for]')
).flatMap((el) => ['aria-describedby', 'aria-labelledby', 'for']
  .flatMap((name) => (el.getAttribute(name) || '').split(/\\s+/))
  .filter((id) => id && !document.getElementById(id))
  .map((id) => `#${id} named by ${el.outerHTML.slice(0, 100)}`))"""


def audit(page: Page, axe: Axe, url: str, problems: list[str]) -> None:
    """Open ``url`` and record its serious and critical WCAG violations."""
    response = page.goto(url)
    assert response is not None and response.status == 200, f"{url}: {response}"
    problems += [describe(url, violation) for violation in blocking(page, axe)]
    problems += [f"{url}: missing {ref}" for ref in page.evaluate(DANGLING_REFERENCES)]


def test_axe_finds_a_serious_violation(page: Page):
    """The check fails a page that breaks a rule: an image without a text and a
    field without a label (a control for the walk below)."""
    page.set_content(
        '<html lang="id"><body><main><img src="/x.png"><input name="q"></main>'
    )
    found = {violation["id"] for violation in blocking(page, Axe())}
    assert {"image-alt", "label"} <= found


def log_in(page: Page, username: str) -> None:
    home = reverse("portal:staff-home")
    page.goto(f"{reverse('accounts:login')}?next={home}")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(settings.PRIMA_DEMO_PASSWORD)
    page.locator("input[name=password]").press("Enter")
    expect(page).to_have_url(re.compile(re.escape(home) + "$"))


def test_pages_have_no_serious_wcag_21_aa_violation(browser: Browser, live_server):
    """No public page and no main staff page breaks a serious or critical
    WCAG 2.1 A/AA rule of axe-core."""
    demo = load_demo()
    context = browser.new_context(base_url=live_server.url, locale="id-ID", **PHONE)
    context.set_default_timeout(20_000)
    page = context.new_page()
    axe = Axe()
    problems: list[str] = []
    try:
        for url in demo_page_types(demo):
            audit(page, axe, url, problems)
        log_in(page, STAFF_USER)
        for url in staff_urls(demo):
            audit(page, axe, url, problems)
    finally:
        context.close()
    assert not problems, "WCAG 2.1 AA violations:\n" + "\n".join(problems)


# Tab through the page: each stop's place in the document and its focus outline.
TAB_STOP = """() => {
  const el = document.activeElement;
  const all = Array.from(document.querySelectorAll('*'));
  const ring = el.closest('.answer') || el;
  const style = getComputedStyle(ring);
  return {
    index: all.indexOf(el),
    name: el.name || el.id || el.textContent.trim().slice(0, 30),
    submit: el.type === 'submit' && el.closest('form.survey-form') !== null,
    outline: style.outlineStyle + ' ' + style.outlineWidth,
  };
}"""


def tab_through(page: Page) -> list[dict]:
    """Press Tab until the survey's submit button; return every stop on the way."""
    stops = []
    for _ in range(60):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(TAB_STOP))
        if stops[-1]["submit"]:
            return stops
    raise AssertionError(f"the submit button is not reached by Tab: {stops}")


def test_survey_and_kiosk_focus_follows_the_page_and_is_visible(page: Page):
    """On the survey and the kiosk, Tab visits the controls in reading order (every
    question on the way to the submit button) and each shows a 3 px focus ring."""
    from prima.organisations.testing import (
        make_layanan,
        make_opd,
        make_pemda,
        make_unit,
    )
    from prima.surveys.intake import kiosk_issue

    pemda = make_pemda(name="Kota Alpha", slug="kota-alpha")
    unit = make_unit(opd=make_opd(pemda=pemda), name="Kantor Disdukcapil Pusat")
    make_layanan(unit=unit, name="Penerbitan KTP-el")
    _device, token = kiosk_issue(unit=unit, name="Tablet loket 1")
    for url in [f"/s/u/{unit.pk}/", f"/kiosk/{token}/"]:
        page.goto(url)
        stops = tab_through(page)
        order = [stop["index"] for stop in stops]
        assert order == sorted(order), f"{url}: {[s['name'] for s in stops]}"
        names = {stop["name"] for stop in stops}
        assert {f"u{n}" for n in range(1, 10)} <= names, f"{url}: {names}"
        unseen = [s for s in stops if not s["outline"].startswith("solid 3px")]
        assert not unseen, f"{url}: focus not visible on {unseen}"
