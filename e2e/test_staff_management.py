"""The Pemda administrator invites an OPD administrator, who sets a password from the
e-mailed link and invites an operator for one unit; the operator can give no role;
the Pemda administrator deactivates the operator, who can no longer sign in."""

from __future__ import annotations

import re

from django.core import mail
from playwright.sync_api import Browser, Page, expect

from prima.core.roles import Role
from prima.organisations.models import MemberEvent
from prima.organisations.testing import (
    TEST_PASSWORD,
    make_opd,
    make_pemda,
    make_unit,
    make_user,
)

from .conftest import DESKTOP, LOCALE, TIMEOUT_MS

LINK = re.compile(r"(http://\S+/akun/undangan/\S+/)")
OPD_ADMIN = "rina.opd@example.test"
OPERATOR = "budi.loket@example.test"
RINA_PASSWORD = "Kopi-Tubruk-Pagi-77"
BUDI_PASSWORD = "Sepeda-Ontel-Biru-42"


def new_page(browser: Browser, base_url: str) -> Page:
    context = browser.new_context(base_url=base_url, locale=LOCALE, **DESKTOP)
    context.set_default_timeout(TIMEOUT_MS)
    return context.new_page()


def log_in(page: Page, username: str, password: str) -> None:
    page.goto("/akun/masuk/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(password)
    page.locator("main form button[type=submit]").click()


def invite(page: Page, *, email: str, name: str, role: str, target: str) -> None:
    """Open the invitation form from the staff home and send it."""
    page.goto("/staf/")
    page.locator("a[href$='/staf/organisasi/pegawai/undang/']").first.click()
    form = page.locator("main form[method=post]")
    form.locator("input[name=email]").fill(email)
    form.locator("input[name=full_name]").fill(name)
    form.locator("select[name=role]").select_option(role)
    form.locator("select[name=target]").select_option(target)
    form.locator("button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/staf/organisasi/pegawai/\d+/$"))


def accept_invitation(page: Page, to: str, password: str) -> None:
    """Follow the link of the last e-mail to ``to`` and choose a password."""
    [message] = [m for m in mail.outbox if m.to == [to]]
    page.goto(LINK.search(message.body).group(1))
    # Django moves the token into the session and out of the address bar.
    expect(page).to_have_url(re.compile(r"/akun/undangan/[^/]+/set-password/$"))
    page.locator("input[name=new_password1]").fill(password)
    page.locator("input[name=new_password2]").fill(password)
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/akun/masuk/$"))


def test_staff_invite_each_other_and_an_operator_is_deactivated(
    desktop_page: Page, browser: Browser, live_server, settings
):
    """Each step is done in the browser; the operator ends unable to sign in."""
    settings.PRIMA_BASE_URL = live_server.url
    pemda = make_pemda(name="Kota Alpha", slug="kota-alpha")
    opd = make_opd(pemda=pemda, name="Dinas Kependudukan dan Pencatatan Sipil")
    unit = make_unit(opd=opd, name="Kantor Disdukcapil Pusat")
    make_unit(opd=make_opd(pemda=pemda, name="Dinas Kesehatan"), name="Puskesmas")
    make_user(username="admin", role=Role.ADMIN_PEMDA, pemda=pemda)

    # The Pemda administrator invites the OPD administrator.
    admin = desktop_page
    log_in(admin, "admin", TEST_PASSWORD)
    expect(admin).to_have_url(re.compile(r"/staf/$"))
    invite(
        admin,
        email=OPD_ADMIN,
        name="Rina Wati",
        role=Role.ADMIN_OPD,
        target=f"opd:{opd.pk}",
    )

    # She sets her password from the e-mailed link and signs in.
    rina = new_page(browser, live_server.url)
    accept_invitation(rina, OPD_ADMIN, RINA_PASSWORD)
    log_in(rina, OPD_ADMIN, RINA_PASSWORD)
    expect(rina).to_have_url(re.compile(r"/staf/$"))

    # Her menus hold only OPD and unit roles on her own OPD and its unit.
    rina.goto("/staf/organisasi/pegawai/undang/")
    roles = rina.locator("select[name=role] option").evaluate_all(
        "options => options.map(o => o.value)"
    )
    assert Role.ADMIN_PEMDA not in roles and Role.JURI not in roles
    targets = rina.locator("select[name=target] option").evaluate_all(
        "options => options.map(o => o.value)"
    )
    assert set(targets) == {f"opd:{opd.pk}", f"unit:{unit.pk}"}
    invite(
        rina,
        email=OPERATOR,
        name="Budi Santoso",
        role=Role.OPERATOR_UNIT,
        target=f"unit:{unit.pk}",
    )

    # The operator signs in and can give no role: no menu entry, and the page refuses.
    budi = new_page(browser, live_server.url)
    accept_invitation(budi, OPERATOR, BUDI_PASSWORD)
    log_in(budi, OPERATOR, BUDI_PASSWORD)
    expect(budi).to_have_url(re.compile(r"/staf/$"))
    expect(budi.locator("a[href*='/staf/organisasi/pegawai/']")).to_have_count(0)
    assert budi.goto("/staf/organisasi/pegawai/undang/").status == 403

    # The Pemda administrator finds the operator in the list and deactivates him.
    admin.goto("/staf/organisasi/pegawai/")
    admin.get_by_role("link", name="Budi Santoso").click()
    admin.locator("form[action$='/nonaktifkan/'] button[type=submit]").click()
    expect(admin.locator("form[action$='/aktifkan/']")).to_have_count(1)

    # His open session no longer counts, and he cannot sign in again.
    budi.goto("/staf/")
    expect(budi).to_have_url(re.compile(r"/akun/masuk/\?next=/staf/$"))
    log_in(budi, OPERATOR, BUDI_PASSWORD)
    expect(budi).to_have_url(re.compile(r"/akun/masuk/$"))
    expect(budi.locator("main form")).to_be_visible()

    actions = set(MemberEvent.objects.values_list("action", flat=True))
    assert actions == {"invited", "deactivated"}
