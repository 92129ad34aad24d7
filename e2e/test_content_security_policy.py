"""Chromium enforces the Content-Security-Policy on real pages and finds nothing on
them to block: no inline style or script is left to refuse."""

from __future__ import annotations

from datetime import date

from playwright.sync_api import Page

from prima.core.roles import Role
from prima.organisations.testing import (
    TEST_PASSWORD,
    make_layanan,
    make_opd,
    make_pemda,
    make_unit,
    make_user,
)
from prima.surveys.testing import submit_four


def violations_on(page: Page) -> list[str]:
    """Collect the policy violations Chromium reports on ``page`` from now on."""
    found: list[str] = []
    page.on(
        "console",
        lambda message: (
            found.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    return found


def test_pages_break_no_rule_of_the_policy(page: Page):
    """Public and staff pages raise no violation; a style attribute put in on
    purpose does, so the listener is heard."""
    pemda = make_pemda(name="Kota Alpha", slug="kota-alpha")
    unit = make_unit(opd=make_opd(pemda=pemda), name="Kantor Disdukcapil Pusat")
    layanan = make_layanan(unit=unit, name="Penerbitan KTP-el")
    submit_four(layanan, day=date.today())
    admin = make_user(role=Role.ADMIN_PEMDA, pemda=pemda)
    found = violations_on(page)

    for path in (
        "/",
        "/kota-alpha/",
        f"/kota-alpha/skm/unit/{unit.pk}/",
        "/akun/masuk/",
    ):
        page.goto(path)
        assert page.locator("link[rel=stylesheet]").count() >= 1
    page.locator("input[name=username]").fill(admin.username)
    page.locator("input[name=password]").fill(TEST_PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/staf/")
    page.goto("/staf/organisasi/pegawai/")
    assert found == []

    page.evaluate(
        "document.body.insertAdjacentHTML('beforeend', '<p style=\"color: red\">x</p>')"
    )
    page.wait_for_timeout(200)
    assert found, "a violation should have been reported"
