"""A unit operator changes a published Standar Pelayanan and submits it; the citizen
page keeps showing the old version and its decree while the OPD administrator first
returns the change with a comment the operator reads, then approves it with a new
decree; only then does the citizen page show the new version and its own decree."""

from __future__ import annotations

import re
from datetime import date

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from prima.core.roles import Role
from prima.organisations.testing import (
    TEST_PASSWORD,
    make_layanan,
    make_opd,
    make_pemda,
    make_unit,
    make_user,
)
from prima.standards.models import StandarPelayanan
from prima.standards.testing import make_standard

DESKTOP = {"viewport": {"width": 1280, "height": 800}}
OLD_PRODUCT = "Kartu Tanda Penduduk elektronik (KTP-el)"
NEW_PRODUCT = "KTP-el dan Identitas Kependudukan Digital (IKD)"
OLD_DECREE = "188.4/012/DKC/2024"
NEW_DECREE = "188.4/031/DKC/2026"
SIGNATORY = "Drs. Bambang Sutrisno, Kepala Dinas Kependudukan dan Pencatatan Sipil"
RETURN_COMMENT = "Sebutkan juga cara mengaktifkan IKD di produk layanan."


def staff_page(browser: Browser, base_url: str, username: str) -> Page:
    """Return a desktop page of ``username``, signed in, in the English UI."""
    context = browser.new_context(base_url=base_url, locale="en-US", **DESKTOP)
    context.set_default_timeout(10_000)
    context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": "en", "url": base_url}]
    )
    page = context.new_page()
    home = reverse("standards:standard-list")
    page.goto(f"/akun/masuk/?next={home}")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(TEST_PASSWORD)
    page.locator("input[name=password]").press("Enter")
    expect(page).to_have_url(re.compile(re.escape(home) + "$"))
    return page


def setup_world():
    """Kota Alpha's KTP-el service, published as version 1 under the old decree,
    with the unit's operator and the OPD's administrator."""
    pemda = make_pemda(name="Kota Alpha", slug="kota-alpha")
    opd = make_opd(pemda=pemda, name="Dinas Kependudukan dan Pencatatan Sipil")
    unit = make_unit(opd=opd, name="Kantor Disdukcapil Pusat")
    layanan = make_layanan(unit=unit, name="Penerbitan KTP-el")
    make_standard(
        layanan=layanan,
        produk=OLD_PRODUCT,
        decree_number=OLD_DECREE,
        decree_date=date(2024, 3, 4),
        decree_signatory=SIGNATORY,
    )
    make_user(username="operator.dukcapil", role=Role.OPERATOR_UNIT, unit=unit)
    make_user(username="admin.disdukcapil", role=Role.ADMIN_OPD, opd=opd)
    return pemda, layanan


def citizen_sees(page: Page, url: str, *, version: int, decree: str, product: str):
    page.goto(url)
    standard = page.locator("section[aria-labelledby=sp-title]")
    expect(standard).to_contain_text(f"Versi {version}")
    expect(standard).to_contain_text(f"Surat Keputusan No. {decree}")
    expect(standard).to_contain_text(product)


def test_a_changed_standard_goes_live_only_with_its_own_decree(
    browser: Browser, live_server, page: Page
):
    """Old version and decree stay public until the OPD administrator approves the
    change with a new decree; the return comment reaches the operator."""
    pemda, layanan = setup_world()
    public_url = reverse(
        "portal:service-detail", kwargs={"pemda_slug": pemda.slug, "pk": layanan.pk}
    )
    detail_url = reverse("standards:standard-detail", args=[layanan.pk])
    citizen_sees(page, public_url, version=1, decree=OLD_DECREE, product=OLD_PRODUCT)

    # The operator changes the product and submits version 2 for approval.
    operator = staff_page(browser, live_server.url, "operator.dukcapil")
    operator.goto(detail_url)
    operator.get_by_role("link", name="Revise the standard").click()
    expect(operator.locator("input[name=decree_number]")).to_have_count(0)
    operator.locator("textarea[name=produk]").fill(NEW_PRODUCT)
    operator.get_by_role("button", name="Save draft").click()
    expect(operator.locator("body")).to_contain_text("Draft version 2 was saved.")
    operator.get_by_role("button", name="Submit version 2 for approval").click()
    expect(operator.locator("body")).to_contain_text(
        "Version 2 was submitted to the OPD administrator for approval."
    )
    expect(operator.get_by_role("link", name="Edit the draft")).to_have_count(0)

    # Submitted, not approved: citizens still read version 1 under the old decree.
    citizen_sees(page, public_url, version=1, decree=OLD_DECREE, product=OLD_PRODUCT)
    expect(page.locator("body")).not_to_contain_text(NEW_PRODUCT)

    # The OPD administrator finds it waiting and returns it with a comment.
    admin = staff_page(browser, live_server.url, "admin.disdukcapil")
    queue = admin.locator("section[aria-labelledby=queue-title]")
    queue.get_by_role("link", name="Penerbitan KTP-el, version 2").click()
    expect(admin.locator("body")).to_contain_text(NEW_PRODUCT)
    expect(admin.locator("body")).to_contain_text(OLD_DECREE)
    admin.locator("textarea[name=return-comment]").fill(RETURN_COMMENT)
    admin.get_by_role("button", name="Return version 2").click()
    expect(admin.locator("body")).to_contain_text(
        "Version 2 was returned for revision."
    )

    # The operator reads the comment, completes the product and submits again.
    operator.goto(detail_url)
    expect(operator.locator("body")).to_contain_text("Returned for revision")
    expect(operator.locator("body")).to_contain_text(RETURN_COMMENT)
    operator.get_by_role("link", name="Edit the draft").click()
    product = f"{NEW_PRODUCT}; IKD diaktifkan di loket"
    operator.locator("textarea[name=produk]").fill(product)
    operator.get_by_role("button", name="Save draft").click()
    operator.get_by_role("button", name="Submit version 2 for approval").click()
    citizen_sees(page, public_url, version=1, decree=OLD_DECREE, product=OLD_PRODUCT)

    # The administrator approves with the decree that sets version 2.
    admin.goto(reverse("standards:standard-list"))
    admin.locator("section[aria-labelledby=queue-title]").get_by_role(
        "link", name="Penerbitan KTP-el, version 2"
    ).click()
    expect(admin.locator("input[name=decree_signatory]")).to_have_value(SIGNATORY)
    admin.locator("input[name=decree_number]").fill(OLD_DECREE)
    admin.locator("input[name=decree_date]").fill(timezone.localdate().isoformat())
    admin.get_by_role("button", name="Approve and publish version 2").click()
    expect(admin.locator("body")).to_contain_text(
        "a changed standard needs a decree of its own"
    )
    citizen_sees(page, public_url, version=1, decree=OLD_DECREE, product=OLD_PRODUCT)
    admin.locator("input[name=decree_number]").fill(NEW_DECREE)
    admin.get_by_role("button", name="Approve and publish version 2").click()
    expect(admin.locator("body")).to_contain_text(
        "Version 2 is approved and published."
    )

    # Now citizens read version 2 with its own decree, and the old one is gone.
    citizen_sees(page, public_url, version=2, decree=NEW_DECREE, product=product)
    expect(page.locator("body")).not_to_contain_text(OLD_DECREE)
    expect(page.locator("body")).not_to_contain_text(OLD_PRODUCT)
    assert list(
        StandarPelayanan.objects.filter(layanan=layanan)
        .order_by("version")
        .values_list("status", "decree_number")
    ) == [("superseded", OLD_DECREE), ("published", NEW_DECREE)]
