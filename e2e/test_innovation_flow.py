"""An OPD registers an innovation aimed at its unit's weakest SKM unsur, publishes it
and submits it to a competition; the Pemda admin screens it and assigns two juri, who
score it; the admin closes the stage and publishes the results, where the innovation
ranks with its per-criterion scores; an OPD of another Pemda finds it in the public
library and replicates it, and both innovations show the lineage."""

from __future__ import annotations

import re
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from prima.competitions import services
from prima.competitions.models import Call, CallStatus, Entry, Screening
from prima.core.roles import Role
from prima.innovations.models import Innovation, Status
from prima.organisations.testing import (
    TEST_PASSWORD,
    make_layanan,
    make_opd,
    make_pemda,
    make_unit,
    make_user,
)
from prima.surveys.ikm import CODE_ORDER
from prima.surveys.models import DailyCount, MonthlyCount, count_field_name
from prima.surveys.services import month_of

TITLE = "Antrean daring KTP-el dengan notifikasi dokumen jadi"
DESKTOP = {"viewport": {"width": 1280, "height": 800}}
# The worked example of inovasi.md: totals 76.00 and 73.00, proposal score 74.50.
SCORES = {
    "juri.satu": {
        "kebaruan": 8,
        "efektif": 7,
        "bermanfaat": 9,
        "mudah_disebarkan": 6,
        "berkelanjutan": 7,
    },
    "juri.dua": {
        "kebaruan": 7,
        "efektif": 8,
        "bermanfaat": 8,
        "mudah_disebarkan": 7,
        "berkelanjutan": 6,
    },
}
MEANS = ["7.50", "7.50", "8.50", "6.50", "6.50"]
SECTIONS = {
    "ringkasan": "Warga memesan jadwal kedatangan dan menerima pesan saat KTP-el jadi.",
    "latar_belakang": "Antrean KTP-el rata-rata tiga jam; unsur waktu terendah.",
    "kebaruan": "Kuota per jam mengikuti kapasitas loket.",
    "implementasi": "Uji coba tiga bulan, lalu semua loket.",
    "signifikansi": "Waktu tunggu turun dari 180 menjadi 50 menit.",
    "adaptabilitas": "Dapat dipakai kantor pelayanan lain.",
    "sumber_daya": "Tiga operator dan anggaran Rp25 juta.",
    "keberlanjutan": "Ditetapkan dengan keputusan kepala dinas.",
}


def weak_on_u3(layanan, day) -> None:
    """Store a day of SKM answers in the daily and monthly rollups: U3 clearly weak,
    every other unsur good."""
    weak, good = {1: 15, 2: 45, 3: 30, 4: 10}, {3: 40, 4: 60}
    columns = {
        count_field_name(code.value, score): (weak if code == "U3" else good).get(
            score, 0
        )
        for code in CODE_ORDER
        for score in (1, 2, 3, 4)
    }
    owners = {
        "pemda": layanan.pemda,
        "opd": layanan.unit.opd,
        "unit": layanan.unit,
        "layanan": layanan,
        "respondents": 100,
        **columns,
    }
    DailyCount.objects.create(day=day, **owners)
    MonthlyCount.objects.create(month=month_of(day), **owners)


def english_page(browser: Browser, base_url: str) -> Page:
    """Return a desktop page of a new visitor, in the English UI."""
    context = browser.new_context(base_url=base_url, locale="en-US", **DESKTOP)
    context.set_default_timeout(10_000)
    context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": "en", "url": base_url}]
    )
    return context.new_page()


def signed_in(browser: Browser, base_url: str, username: str, next_url: str) -> Page:
    """Return a desktop page of ``username``, signed in, in the English UI."""
    page = english_page(browser, base_url)
    page.goto(f"/akun/masuk/?next={next_url}")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(TEST_PASSWORD)
    page.locator("input[name=password]").press("Enter")
    expect(page).to_have_url(re.compile(re.escape(next_url) + "$"))
    return page


def form_with(page: Page, field: str):
    """Return the page's POST form holding the field named ``field``."""
    return page.locator("form[method=post]").filter(has=page.locator(f"[name={field}]"))


def setup_world():
    """Two Pemda; the first with a weak unit, an open call and two juri."""
    today = timezone.localdate()
    alpha = make_pemda(name="Kota Alpha", slug="kota-alpha")
    opd = make_opd(pemda=alpha, name="Dinas Kependudukan dan Pencatatan Sipil")
    unit = make_unit(opd=opd, name="Kantor Disdukcapil Pusat")
    layanan = make_layanan(unit=unit, name="Penerbitan KTP-el")
    weak_on_u3(layanan, today - timedelta(days=40))
    make_user(username="opd.alpha", role=Role.ADMIN_OPD, opd=opd)
    admin = make_user(username="admin.alpha", role=Role.ADMIN_PEMDA, pemda=alpha)
    juri = [
        make_user(username=name, role=Role.JURI, pemda=alpha, full_name=name.title())
        for name in SCORES
    ]
    call = services.call_create(
        pemda=alpha,
        by=admin,
        title="Kompetisi Inovasi Kota Alpha",
        year=today.year,
        deadline=timezone.now() + timedelta(days=14),
        categories=[("Inovasi Perangkat Daerah", "umum")],
        stages=[("Penilaian Proposal", 3)],
    )
    for member in juri:
        services.panel_add(call, juri=member, by=admin, affiliation="Akademisi")
    services.call_open(call, by=admin)

    beta = make_pemda(name="Kabupaten Beta", slug="kabupaten-beta")
    beta_opd = make_opd(pemda=beta, name="Dinas Dukcapil Kabupaten Beta")
    make_unit(opd=beta_opd, name="Kantor Dukcapil Beta")
    make_user(username="opd.beta", role=Role.ADMIN_OPD, opd=beta_opd)
    return call, unit, layanan, juri


def register_and_publish(page: Page, unit, layanan) -> Innovation:
    """The OPD admin registers the innovation on its weakest unsur and publishes it."""
    applied = timezone.localdate() - timedelta(days=3 * 365)
    form = form_with(page, "title")
    targets = form.locator("input[name=targets]")
    expect(targets).to_have_count(1)
    expect(targets.first).to_have_attribute("value", "U3")
    expect(targets.first).to_be_checked()
    form.locator("select[name=unit]").select_option(str(unit.pk))
    form.locator("input[name=title]").fill(TITLE)
    form.locator("select[name=group]").select_option("umum")
    form.locator("select[name=stage]").select_option("diterapkan")
    form.locator("select[name=sector]").select_option("adminduk")
    form.locator("input[name=started_on]").fill(applied.isoformat())
    form.locator("input[name=applied_on]").fill(applied.isoformat())
    form.locator(f"input[name=layanan][value='{layanan.pk}']").check()
    for name, text in SECTIONS.items():
        form.locator(f"textarea[name={name}]").fill(text)
    form.locator("button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/staf/inovasi/\d+/$"))
    page.locator("form[action$='/terbitkan/'] button[type=submit]").click()
    expect(page.locator("form[action$='/terbitkan/']")).to_have_count(0)
    innovation = Innovation.objects.get(title=TITLE)
    assert innovation.status == Status.PUBLISHED
    assert innovation.target_codes() == ["U3"]
    return innovation


def submit_to_call(page: Page, call: Call, innovation: Innovation) -> Entry:
    page.goto(f"/staf/kompetisi/{call.pk}/ajukan/")
    row = page.locator("form").filter(
        has=page.locator(f"input[name=innovation][value='{innovation.pk}']")
    )
    row.locator("button[type=submit]").click()
    expect(page.locator("#entries")).to_contain_text(TITLE)
    return Entry.objects.get(call=call, innovation=innovation)


def screen_and_assign(page: Page, call: Call, entry: Entry, juri) -> None:
    page.locator("form[action$='/mulai-penilaian/'] button[type=submit]").click()
    expect(page.locator("#call-status")).to_have_text("Screening and judging")
    accept = page.locator(f"form[action$='/entri/{entry.pk}/seleksi/']").first
    accept.locator("button[type=submit]").click()
    expect(page.locator("#screening-accepted")).to_contain_text(TITLE)
    for member in juri:
        assign = page.locator(f"form[action$='/entri/{entry.pk}/juri/']")
        assign.locator("select").select_option(str(member.pk))
        assign.locator("button[type=submit]").click()
        expect(page.locator("table[id^=progress-]")).to_contain_text(member.full_name)
    entry.refresh_from_db()
    assert entry.screening == Screening.ACCEPTED
    assert entry.assignments.count() == 2


def score(page: Page, username: str) -> None:
    page.get_by_role("link", name=TITLE).click()
    expect(page).to_have_url(re.compile(r"/staf/penilaian/\d+/$"))
    form = page.locator("#score-form")
    for criterion, value in SCORES[username].items():
        form.locator(f"input[name={criterion}]").fill(str(value))
    form.locator("button[type=submit]").click()
    expect(page.locator("#locked")).to_be_visible()


def test_innovation_from_registration_to_ranking_and_replication(
    browser: Browser, live_server
):
    """The innovation wins the call with the worked example's scores and is copied
    by another Pemda; both pages show the lineage."""
    call, unit, layanan, juri = setup_world()
    base = live_server.url

    opd = signed_in(browser, base, "opd.alpha", "/staf/inovasi/baru/")
    innovation = register_and_publish(opd, unit, layanan)
    entry = submit_to_call(opd, call, innovation)

    admin = signed_in(browser, base, "admin.alpha", f"/staf/kompetisi/{call.pk}/")
    screen_and_assign(admin, call, entry, juri)

    for member in juri:
        page = signed_in(browser, base, member.username, "/staf/penilaian/")
        score(page, member.username)
        page.context.close()

    admin.reload()
    admin.locator("form[action$='/tutup/'] button[type=submit]").click()
    expect(admin.locator("table[id^=results-]")).to_contain_text(TITLE)
    admin.locator("form[action$='/umumkan/'] button[type=submit]").click()
    expect(admin.locator("#call-status")).to_have_text("Results published")
    call.refresh_from_db()
    assert call.status == CallStatus.FINISHED

    # Anyone reads the ranking with the per-criterion means.
    visitor = english_page(browser, base)
    visitor.goto(f"/inovasi/kompetisi/{call.pk}/")
    row = visitor.locator("table.ranking tbody tr").first
    expect(row.locator("td").nth(0)).to_have_text("1")
    expect(row).to_contain_text(TITLE)
    expect(row.locator("td").nth(3)).to_have_text("74.50")
    expect(row.locator("td").nth(4)).to_have_text(MEANS[0])
    assert [row.locator("td").nth(4 + i).inner_text() for i in range(5)] == MEANS

    # An OPD of another Pemda finds it in the library and replicates it.
    beta = signed_in(browser, base, "opd.beta", "/staf/inovasi/")
    beta.goto("/inovasi/?q=notifikasi")
    beta.get_by_role("link", name=TITLE).click()
    expect(beta).to_have_url(re.compile(rf"/inovasi/{innovation.pk}/$"))
    beta.locator(f"a[href$='/staf/inovasi/{innovation.pk}/replikasi/']").click()
    form = form_with(beta, "title")
    form.locator("input[name=title]").fill(f"{TITLE} Beta")
    form.locator("button[type=submit]").click()
    expect(beta).to_have_url(re.compile(r"/staf/inovasi/\d+/ubah/$"))
    copy = Innovation.objects.get(origin=innovation)
    assert copy.pemda.slug == "kabupaten-beta"
    assert copy.status == Status.DRAFT

    # It completes the replication sections and publishes the copy.
    edit = form_with(beta, "faktor_pembeda")
    edit.locator("textarea[name=signifikansi]").fill("Waktu tunggu turun 40 menit.")
    edit.locator("textarea[name=proses_replikasi]").fill("Studi tiru dua hari.")
    edit.locator("textarea[name=faktor_pembeda]").fill("Notifikasi lewat SMS.")
    edit.locator("button[type=submit]").click()
    expect(beta).to_have_url(re.compile(rf"/staf/inovasi/{copy.pk}/$"))
    expect(beta.locator("#silsilah")).to_contain_text(TITLE)
    beta.locator("form[action$='/terbitkan/'] button[type=submit]").click()
    expect(beta.locator("form[action$='/terbitkan/']")).to_have_count(0)

    # Both public pages show the lineage: the copy names its origin, the original
    # lists the copy.
    beta.goto(f"/inovasi/{copy.pk}/")
    lineage = beta.locator("#silsilah")
    expect(lineage.get_by_role("link", name=TITLE, exact=True)).to_be_visible()
    beta.goto(f"/inovasi/{innovation.pk}/")
    lineage = beta.locator("#silsilah")
    expect(lineage).to_contain_text(f"{TITLE} Beta")
    expect(lineage).to_contain_text("Kabupaten Beta")
