"""On a phone: a team member writes the diagnosis (prefilled with the unit's weakest
SKM unsur), starts the innovation draft and an action plan, reports a milestone;
the mentor asks for a revision, the member reports again and the mentor accepts.
Both rounds stay on the page as a thread. The mentor advises on the proposal put to
the coaching clinic; axe finds no serious WCAG violation on these pages."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from e2e.conftest import LOCALE, PHONE, TIMEOUT_MS
from e2e.test_accessibility import audit
from prima.accounts.testing import TEST_PASSWORD
from prima.core.roles import Role
from prima.innovations.testing import answer_weakly
from prima.organisations.testing import (
    make_layanan,
    make_opd,
    make_pemda,
    make_unit,
    make_user,
)
from prima.programmes import services
from prima.programmes.testing import make_participant, make_programme

ADVICE = {
    "kebaruan": "Bandingkan dengan kota lain.",
    "efektif": "Ukur waktu tunggu sebelum dan sesudah.",
    "bermanfaat": "Kaitkan dengan U3.",
    "mudah_disebarkan": "Tulis panduan.",
    "berkelanjutan": "Anggarkan tahun depan.",
}


def signed_in(browser: Browser, base_url: str, username: str) -> Page:
    context = browser.new_context(base_url=base_url, locale=LOCALE, **PHONE)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    page.goto("/akun/masuk/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(TEST_PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    return page


def fits(page: Page) -> bool:
    width = page.evaluate("() => document.documentElement.scrollWidth")
    return width <= PHONE["viewport"]["width"]


def test_diagnosis_plan_report_revision_and_acceptance(browser: Browser, live_server):
    pemda = make_pemda(name="Kota Alpha", slug="kota-alpha")
    unit = make_unit(opd=make_opd(pemda=pemda, name="Disdukcapil"), name="Kantor Pusat")
    answer_weakly(make_layanan(unit=unit, name="Penerbitan KTP-el"))
    member = make_user(username="siti", role=Role.OPERATOR_UNIT, unit=unit)
    mentor = make_user(username="mentor.budi", role=Role.MENTOR, pemda=pemda)
    programme = make_programme(pemda=pemda)
    team = services.team_create(programme=programme, name="Tim KTP", unit=unit)
    services.team_member_set(make_participant(programme, member, unit=unit), team=team)
    services.team_assign_mentor(team, mentor=mentor)
    path = f"/staf/program/tim/{team.pk}/jalur/"
    base = live_server.url

    siti = signed_in(browser, base, "siti")
    siti.goto(f"/staf/program/tim/{team.pk}/diagnosis/")
    expect(siti.locator("input[name=unsur][value=U3]")).to_be_checked()
    siti.locator("textarea[name=problem_statement]").fill("Antrean KTP-el tiga jam.")
    siti.locator("textarea[name=root_causes]").fill("Satu loket.")
    siti.locator("main form button[type=submit]").click()
    expect(siti.locator("#team-diagnosis")).to_contain_text("U3")
    expect(siti.locator("#weak-unsur")).to_contain_text("U3")

    siti.locator(f"a[href$='/tim/{team.pk}/desain/']").click()
    siti.locator("input[name=title]").fill("Antrean daring KTP-el")
    siti.locator("select[name=sector]").select_option("adminduk")
    siti.locator("main form button[type=submit]").click()
    expect(siti.locator("#team-design")).to_contain_text("Antrean daring KTP-el")

    siti.locator(f"a[href$='/tim/{team.pk}/tonggak/']").click()
    siti.locator("input[name=title]").fill("Uji coba antrean daring")
    siti.locator("input[name=due_on]").fill("2026-12-31")
    siti.locator("input[name=evidence_expected]").fill("Rekap antrean")
    siti.locator("input[name=responsible]").fill("Siti")
    siti.locator("main form button[type=submit]").click()
    siti.locator("a[href$='/lapor/']").click()
    siti.locator("textarea[name=text]").fill("Uji coba selesai.")
    siti.locator("input[name=link]").fill("https://example.org/rekap")
    siti.locator("main form button[type=submit]").click()
    assert fits(siti)

    budi = signed_in(browser, base, "mentor.budi")
    problems: list[str] = []
    audit(budi, Axe(), path, problems)  # with the review form
    budi.goto(path)
    budi.locator("input[value=perlu_perbaikan]").check()
    budi.locator("textarea[name=comment]").fill("Lampirkan rekap harian.")
    budi.locator("main form button[type=submit]").click()
    expect(budi.locator("ol.thread")).to_contain_text("Lampirkan rekap harian.")
    assert fits(budi)

    siti.goto(path)
    siti.locator("a[href$='/lapor/']").click()
    siti.locator("textarea[name=text]").fill("Rekap harian terlampir.")
    siti.locator("input[name=link]").fill("https://example.org/rekap-harian")
    siti.locator("main form button[type=submit]").click()

    budi.goto(path)
    budi.locator("input[value=diterima]").check()
    budi.locator("main form button[type=submit]").click()
    thread = budi.locator("ol.thread > li")
    expect(thread).to_have_count(2)
    expect(thread.nth(0)).to_contain_text("Perlu perbaikan")
    expect(thread.nth(1)).to_contain_text("Diterima")
    siti.goto(path)
    expect(siti.locator("a[href$='/lapor/']")).to_have_count(0)
    for url in (path, f"/staf/program/tim/{team.pk}/diagnosis/"):
        audit(siti, Axe(), url, problems)
    # The coaching clinic: version 1 put by the member, advised on per criterion.
    clinic = f"/staf/program/tim/{team.pk}/klinik/"
    siti.goto(clinic)
    siti.locator("main form button[type=submit]").click()
    expect(siti.locator("#version-1")).to_be_visible()
    audit(budi, Axe(), clinic, problems)  # with the advice form
    for name in ADVICE:
        budi.locator(f"textarea[name={name}]").fill(ADVICE[name])
    budi.locator("#version-1 form button[type=submit]").click()
    expect(budi.locator("#version-1 .advice")).to_contain_text(ADVICE["efektif"])
    assert not problems, "\n".join(problems)
