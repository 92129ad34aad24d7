"""A citizen sends a complaint with a photo from a phone; staff verify, assign and
answer it; the citizen reads the answer with the tracking code and rates it."""

from __future__ import annotations

import re

from django.utils import timezone
from PIL import Image
from playwright.sync_api import Page, expect

from prima.complaints.models import Attachment, Case, Status
from prima.complaints.stats_selectors import unit_complaint_summary
from prima.core.periods import PeriodKind, period_containing
from prima.core.roles import Role
from prima.organisations.testing import (
    TEST_PASSWORD,
    make_opd,
    make_pemda,
    make_unit,
    make_user,
)

ANSWER = "Loket tambahan dibuka mulai Senin."


def test_complaint_from_submission_to_rated_answer(
    page: Page, desktop_page: Page, tmp_path
):
    """The case ends closed with the citizen's rating stored."""
    pemda = make_pemda(name="Kota Alpha", slug="kota-alpha")
    unit = make_unit(opd=make_opd(pemda=pemda), name="Kantor Disdukcapil Pusat")
    make_user(username="admin", role=Role.ADMIN_PEMDA, pemda=pemda)
    photo = tmp_path / "antrean.png"
    Image.new("RGB", (8, 8), (200, 30, 30)).save(photo)

    # The citizen, on a phone, sends the complaint with a photo.
    page.goto("/kota-alpha/pengaduan/baru/")
    assert page.locator("script").count() == 0
    form = page.locator("form[enctype='multipart/form-data']")
    form.locator("input[name=subject]").fill("Antrean KTP terlalu lama")
    form.locator("textarea[name=description]").fill("Menunggu tiga jam di loket.")
    form.locator("input[name=files]").set_input_files(str(photo))
    form.locator("input[name=contact_name]").fill("Siti Aminah")
    form.locator("input[name=contact_email]").fill("siti@example.test")
    form.locator("button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/kota-alpha/pengaduan/terkirim/$"))
    shown = page.locator("[role=status]").inner_text()
    code = re.search(r"PRM(-[A-Z0-9]{4}){3}", shown).group(0)
    case = Case.objects.get()
    assert code == case.tracking_code
    assert Attachment.objects.filter(case=case).count() == 1

    # Staff sign in through the login form and move the case.
    staff = desktop_page
    staff.goto("/akun/masuk/?next=/staf/pengaduan/")
    staff.locator("input[name=username]").fill("admin")
    staff.locator("input[name=password]").fill(TEST_PASSWORD)
    staff.locator("input[name=password]").press("Enter")
    expect(staff).to_have_url(re.compile(r"/staf/pengaduan/$"))
    staff.get_by_role("link", name=f"#{case.number}").click()
    expect(staff.locator("a[href*='/staf/pengaduan/lampiran/']")).to_have_count(1)
    staff.locator("form[action$='/verifikasi/'] button[type=submit]").click()
    expect(staff.locator("form[action$='/verifikasi/']")).to_have_count(0)
    assign = staff.locator("form[action$='/disposisi/']")
    assign.locator("select[name=assign-unit]").select_option(str(unit.pk))
    assign.locator("button[type=submit]").click()
    answer = staff.locator("form[action$='/jawab/']")
    answer.locator("textarea[name=answer-answer]").fill(ANSWER)
    answer.locator("button[type=submit]").click()
    expect(staff.locator("form[action$='/jawab/']")).to_have_count(0)
    case.refresh_from_db()
    assert case.status == Status.ANSWERED and case.unit == unit

    # The citizen follows the case with the code, reads the answer and rates it.
    year = period_containing(timezone.localdate(), PeriodKind.TAHUN)
    before = unit_complaint_summary(unit, year)
    assert (before.answered, before.rating_count) == (1, 0)
    page.goto("/kota-alpha/pengaduan/lacak/")
    page.locator("input[name=code]").fill(code.lower())
    page.locator("main form button[type=submit]").first.click()
    expect(page).to_have_url(re.compile(r"/kota-alpha/pengaduan/lacak/kasus/$"))
    expect(page.get_by_text(ANSWER, exact=True)).to_be_visible()
    rate = page.locator("form[action$='/lacak/kasus/nilai/']")
    rate.locator("input[name=rating][value='4']").check()
    rate.locator("button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/kota-alpha/pengaduan/lacak/kasus/$"))

    case.refresh_from_db()
    assert case.status == Status.CLOSED
    assert case.rating == 4
    after = unit_complaint_summary(unit, year)
    assert (after.rating_count, after.rating_mean) == (1, 4)
