"""A complaint keeps its promises: Back and Send again files one case, and the note
staff write when assigning it never reaches the citizen's tracking page."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from prima.complaints.models import Case, CaseEvent, Status
from prima.core.roles import Role
from prima.organisations.testing import (
    TEST_PASSWORD,
    make_opd,
    make_pemda,
    make_unit,
    make_user,
)

SUBJECT = "Antrean KTP terlalu lama"
DESCRIPTION = "Menunggu tiga jam di loket nomor dua."
STAFF_NOTE = "Cek rekaman CCTV loket 2 sebelum menjawab."


def fill_complaint(page: Page) -> None:
    form = page.locator("form[enctype='multipart/form-data']")
    form.locator("input[name=subject]").fill(SUBJECT)
    form.locator("textarea[name=description]").fill(DESCRIPTION)
    form.locator("input[name=contact_name]").fill("Siti Aminah")


def test_back_and_send_again_is_one_case_and_staff_notes_stay_with_staff(
    page: Page, desktop_page: Page
):
    """One case after Back and Send again; the assignment note is not on the
    citizen's tracking page, though staff see it on theirs."""
    pemda = make_pemda(name="Kota Alpha", slug="kota-alpha")
    unit = make_unit(opd=make_opd(pemda=pemda), name="Kantor Disdukcapil Pusat")
    make_user(username="admin", role=Role.ADMIN_PEMDA, pemda=pemda)

    # The citizen sends the complaint and is shown the tracking code once.
    page.goto("/kota-alpha/pengaduan/baru/")
    first_key = page.locator("input[name=key]").input_value()
    fill_complaint(page)
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/kota-alpha/pengaduan/terkirim/$"))
    shown = page.locator("[role=status]").inner_text()
    code = re.search(r"PRM(-[A-Z0-9]{4}){3}", shown).group(0)

    # Back brings the form again, with a fresh key; the citizen sends it again.
    page.go_back()
    expect(page).to_have_url(re.compile(r"/kota-alpha/pengaduan/baru/$"))
    assert page.locator("input[name=key]").input_value() != first_key
    if not page.locator("input[name=subject]").input_value():
        fill_complaint(page)  # the browser did not restore the text: typed again
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/kota-alpha/pengaduan/terkirim/$"))
    expect(page.locator("main")).not_to_contain_text(code)
    case = Case.objects.get()
    assert case.tracking_code == code and case.subject == SUBJECT

    # Staff assign the case to the unit with an internal note.
    staff = desktop_page
    staff.goto("/akun/masuk/?next=/staf/pengaduan/")
    staff.locator("input[name=username]").fill("admin")
    staff.locator("input[name=password]").fill(TEST_PASSWORD)
    staff.locator("input[name=password]").press("Enter")
    expect(staff).to_have_url(re.compile(r"/staf/pengaduan/$"))
    expect(staff.locator("main")).not_to_contain_text(code)
    staff.get_by_role("link", name=f"#{case.number}").click()
    assign = staff.locator("form[action$='/disposisi/']")
    assign.locator("select[name=assign-unit]").select_option(str(unit.pk))
    assign.locator("textarea[name=assign-staff_note]").fill(STAFF_NOTE)
    assign.locator("button[type=submit]").click()
    expect(staff.locator("main")).to_contain_text(STAFF_NOTE)
    expect(staff.locator("main")).not_to_contain_text(code)
    case.refresh_from_db()
    assert case.status == Status.ASSIGNED
    assert CaseEvent.objects.filter(case=case, staff_note=STAFF_NOTE).exists()

    # The citizen follows the case: assigned to the unit, and no staff note.
    page.goto("/kota-alpha/pengaduan/lacak/")
    page.locator("input[name=code]").fill(code)
    page.locator("main form button[type=submit]").first.click()
    expect(page).to_have_url(re.compile(r"/kota-alpha/pengaduan/lacak/kasus/$"))
    expect(page.locator("main")).to_contain_text(unit.name)
    expect(page.locator("main")).to_contain_text(SUBJECT)
    expect(page.locator("main")).not_to_contain_text(STAFF_NOTE)
