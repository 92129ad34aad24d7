"""A PEKPPP cycle from start to public result: the unit's operator fills its F-01 by
accepting Prima's proposals, a service user answers the F-03 on a phone, the
evaluator scores the F-02 and submits it, the Pemda admin publishes, and the public
results page shows the unit with its category."""

from __future__ import annotations

import re
from datetime import timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from prima.core.roles import Role
from prima.evaluations import services, testing
from prima.evaluations.models import SelfScore, UserAnswer
from prima.organisations.testing import (
    TEST_PASSWORD,
    make_layanan,
    make_opd,
    make_pemda,
    make_unit,
    make_user,
)
from prima.standards.testing import make_standard

DESKTOP = {"viewport": {"width": 1280, "height": 800}}


def staff_page(browser: Browser, base_url: str, username: str) -> Page:
    """Return a desktop page of ``username``, signed in."""
    context = browser.new_context(base_url=base_url, locale="en-US", **DESKTOP)
    context.set_default_timeout(10_000)
    context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": "en", "url": base_url}]
    )
    page = context.new_page()
    home = reverse("evaluations:cycle_list")
    page.goto(f"/akun/masuk/?next={home}")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(TEST_PASSWORD)
    page.locator("input[name=password]").press("Enter")
    expect(page).to_have_url(re.compile(re.escape(home) + "$"))
    return page


def test_cycle_from_self_assessment_to_public_ranking(
    browser: Browser, live_server, page: Page
):
    pemda = make_pemda(name="Kota Alpha", slug="kota-alpha")
    unit = make_unit(opd=make_opd(pemda=pemda), name="Kantor Disdukcapil Pusat")
    make_standard(layanan=make_layanan(unit=unit, name="Penerbitan KTP-el"))
    admin = testing.make_admin(pemda)
    evaluator = testing.make_evaluator(pemda)
    operator = make_user(role=Role.OPERATOR_UNIT, pemda=pemda, unit=unit)
    today = timezone.localdate()
    cycle = testing.make_cycle(
        pemda,
        unit,
        by=admin,
        year=today.year,
        self_assessment_deadline=today + timedelta(days=1),
        visits_start=today + timedelta(days=1),
        visits_end=today + timedelta(days=2),
        verification_start=today + timedelta(days=3),
        verification_end=today + timedelta(days=4),
    )
    cycle_unit = cycle.units.get()
    services.evaluator_assign(cycle_unit, evaluator=evaluator, by=admin)
    numbers = [i.number for i in cycle.instrument.parsed().indicators]

    # The operator saves every indicator as offered: Prima's proposal where it has
    # one, then submits the F-01.
    unit_page = staff_page(browser, live_server.url, operator.username)
    f01 = reverse("evaluations:self_assessment", args=[cycle_unit.pk])
    unit_page.goto(f01)
    for number in numbers:
        unit_page.locator(f"#i{number} form button[type=submit]").click()
        expect(unit_page).to_have_url(re.compile(f"#i{number}$"))
    submit = reverse("evaluations:self_assessment_submit", args=[cycle_unit.pk])
    unit_page.locator(f"form[action='{submit}'] button").click()
    expect(unit_page.get_by_text("Self-assessment submitted")).to_be_visible()
    accepted = SelfScore.objects.filter(proposed_score__isnull=False)
    assert accepted.exists()
    assert all(row.score == row.proposed_score for row in accepted)

    # The evaluator issues the F-03 link; a user answers it on a phone.
    evaluator_page = staff_page(browser, live_server.url, evaluator.username)
    f02 = reverse("evaluations:evaluation", args=[cycle_unit.pk])
    evaluator_page.goto(f02)
    issue = reverse("evaluations:user_form_issue", args=[cycle_unit.pk])
    evaluator_page.locator(f"form[action='{issue}'] button").click()
    link = evaluator_page.locator("a[href*='/pekppp/f03/']").first
    page.goto(link.get_attribute("href"))
    for statement in page.locator("fieldset.question").all():
        statement.locator("label.answer").nth(4).click()
    page.locator("form.survey-form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/terima-kasih/$"))
    assert UserAnswer.objects.count() == 1

    # The evaluator scores every indicator 4 and submits the F-02.
    for number in numbers:
        evaluator_page.locator(f"#score-{number}").select_option("4")
        evaluator_page.locator(f"#i{number} form button[type=submit]").click()
        expect(evaluator_page.locator(f"#score-{number}")).to_have_value("4")
    sheet_submit = reverse("evaluations:evaluation_submit", args=[cycle_unit.pk])
    evaluator_page.locator(f"form[action='{sheet_submit}'] button").click()
    expect(evaluator_page.get_by_text("Evaluation submitted")).to_be_visible()

    # Before publication nobody sees the public page; the admin publishes.
    public = reverse("pekppp:results", args=[pemda.slug, cycle.pk])
    assert page.goto(public).status == 404
    admin_page = staff_page(browser, live_server.url, admin.username)
    admin_page.goto(cycle.get_absolute_url())
    publish = reverse("evaluations:cycle_publish", args=[cycle.pk])
    admin_page.locator(f"form[action='{publish}'] button").click()
    expect(admin_page.get_by_text("The results are published.")).to_be_visible()

    page.goto(public)
    row = page.locator("tr", has_text="Kantor Disdukcapil Pusat")
    expect(row).to_contain_text("4,00")
    expect(row).to_contain_text("B")
    expect(row).to_contain_text("Baik")
