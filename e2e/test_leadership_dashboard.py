"""The leadership dashboard on a phone: the Pemda administrator uploads the
letterhead and logo; a pimpinan signs in, sees the dashboard of the last closed
period, follows the weakest unit to its unsur table, and downloads the Pemda's SKM
report, whose first page carries the letterhead."""

from __future__ import annotations

from datetime import timedelta

from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from playwright.sync_api import Browser, expect
from pypdf import PdfReader

from e2e.test_accessibility import audit
from e2e.test_participant_path import fits, signed_in
from prima.core.periods import PeriodKind, period_containing, previous
from prima.core.roles import Role
from prima.core.testing import png_bytes
from prima.organisations.testing import (
    make_layanan,
    make_opd,
    make_pemda,
    make_unit,
    make_user,
)
from prima.surveys.testing import submit_four, submit_scores

KOP = "PEMERINTAH KOTA ALPHA"


def test_pimpinan_follows_the_weakest_unit_and_downloads_the_report(
    browser: Browser, live_server, tmp_path
):
    pemda = make_pemda(name="Kota Alpha", slug="kota-alpha")
    opd = make_opd(pemda=pemda, name="Disdukcapil")
    weak = make_unit(opd=opd, name="Kantor Pusat")
    strong = make_unit(opd=opd, name="Loket Timur")
    closed = previous(period_containing(timezone.localdate(), PeriodKind.TRIWULAN))
    day = closed.start + timedelta(days=5)
    submit_four(make_layanan(unit=weak, name="Penerbitan KTP-el"), day=day)
    submit_scores(make_layanan(unit=strong, name="Akta"), [4] * 9, day=day)
    make_user(username="admin.kota", role=Role.ADMIN_PEMDA, pemda=pemda)
    make_user(username="walikota", role=Role.PIMPINAN, pemda=pemda)
    logo = tmp_path / "logo.png"
    logo.write_bytes(png_bytes())
    base = live_server.url

    admin = signed_in(browser, base, "admin.kota")
    admin.goto("/staf/organisasi/kop-surat/")
    admin.locator("textarea[name=lines]").fill(f"{KOP}\nSEKRETARIAT DAERAH")
    admin.locator("input[name=signatory_name]").fill("Drs. Hendra Gunawan")
    admin.locator("input[name=logo_upload]").set_input_files(str(logo))
    admin.locator("main form[enctype] button[type=submit]").click()
    expect(admin.locator("#letterhead-preview img")).to_be_visible()

    mayor = signed_in(browser, base, "walikota")
    mayor.locator("a[href='/staf/dasbor/']").first.click()
    expect(mayor.locator("#dashboard-period")).to_have_text(closed.label)
    expect(mayor.locator("#tile-ikm")).to_contain_text("IKM")
    assert fits(mayor)
    problems: list[str] = []
    audit(mayor, Axe(), "/staf/dasbor/", problems)
    assert not problems, "\n".join(problems)
    mayor.locator("#tile-lowest a").first.click()
    expect(mayor.locator("h1")).to_contain_text("Kantor Pusat")
    unsur = mayor.locator("main table").first
    expect(unsur).to_contain_text("U3")
    expect(unsur).to_contain_text("terlemah")

    mayor.go_back()
    with mayor.expect_download() as download:
        mayor.locator("#report-pdf").click()
    pdf = PdfReader(download.value.path())
    first = pdf.pages[0]
    assert first.extract_text().startswith(KOP)
    assert len(first.images) >= 1  # the uploaded logo
