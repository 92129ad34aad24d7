"""A service user on a phone answers the PEKPPP user form (F-03) from the link the
evaluator issued; sending again through the back button is stored once."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from prima.evaluations import selectors, services, testing
from prima.evaluations.models import UserAnswer
from prima.organisations.testing import make_opd, make_pemda, make_unit


def test_user_answers_f03_on_a_phone_once(page: Page):
    pemda = make_pemda(name="Kota Alpha", slug="kota-alpha")
    unit = make_unit(opd=make_opd(pemda=pemda), name="Kantor Disdukcapil Pusat")
    admin = testing.make_admin(pemda)
    evaluator = testing.make_evaluator(pemda)
    cycle_unit = testing.make_cycle(pemda, unit, by=admin).units.get()
    services.evaluator_assign(cycle_unit, evaluator=evaluator, by=admin)
    link = services.user_form_issue(cycle_unit, by=evaluator)
    codes = [s.code for s in cycle_unit.cycle.instrument.parsed().statements]

    page.goto(f"/pekppp/f03/{link.token}/")
    assert page.locator("script").count() == 0
    for code in codes:
        radio = page.locator(f"input[name={code}][value='4']")
        page.locator(f"label[for='{radio.get_attribute('id')}']").click()
        expect(radio).to_be_checked()
    key = page.locator("input[name=key]").input_value()
    page.locator("form.survey-form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/terima-kasih/$"))
    assert UserAnswer.objects.count() == 1

    page.go_back()
    page.locator("form.survey-form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/terima-kasih/$"))

    stored = UserAnswer.objects.get()
    assert str(stored.idempotency_key) == key
    assert selectors.user_form_counts(cycle_unit) == (1, dict.fromkeys(codes, 1))
