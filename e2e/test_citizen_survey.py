"""A citizen on a phone answers the SKM from a unit's short link; a double submit
through the back button is stored once."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from prima.core.periods import PeriodKind, period_containing
from prima.organisations.testing import make_layanan, make_opd, make_pemda, make_unit
from prima.surveys.ikm import QUESTIONNAIRE_ORDER
from prima.surveys.models import DailyCount, Response
from prima.surveys.selectors import Scope, scope_result

SCORES = {
    "U1": 4,
    "U2": 4,
    "U3": 3,
    "U4": 4,
    "U5": 4,
    "U6": 4,
    "U7": 4,
    "U8": 3,
    "U9": 3,
}


def test_citizen_answers_survey_and_double_submit_is_stored_once(page: Page):
    """Submitting, going back and submitting the same page again stores one response."""
    pemda = make_pemda(name="Kota Alpha", slug="kota-alpha")
    unit = make_unit(opd=make_opd(pemda=pemda), name="Kantor Disdukcapil Pusat")
    layanan = make_layanan(unit=unit, name="Penerbitan KTP-el")
    make_layanan(unit=unit, name="Penerbitan Akta Kelahiran")

    page.goto(f"/s/u/{unit.pk}/")
    assert page.locator("script").count() == 0
    radios = page.locator("input[type=radio]")
    names = []
    for i in range(radios.count()):
        name = radios.nth(i).get_attribute("name")
        if name not in names:
            names.append(name)
    assert names == [u.value.lower() for u in QUESTIONNAIRE_ORDER]
    for unsur, score in SCORES.items():
        radio = page.locator(f"input[name={unsur.lower()}][value='{score}']")
        page.locator(f"label[for='{radio.get_attribute('id')}']").click()
        expect(radio).to_be_checked()
    page.locator("select[name=layanan]").select_option(str(layanan.pk))
    key = page.locator("input[name=key]").input_value()

    page.locator("form.survey-form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/s/terima-kasih/$"))
    assert Response.objects.count() == 1

    page.go_back()
    expect(page).to_have_url(re.compile(rf"/s/u/{unit.pk}/$"))
    # The page shown again (restored or re-rendered) still carries the used key.
    assert page.locator("input[name=key]").input_value() == key
    page.locator("form.survey-form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/s/terima-kasih/$"))

    stored = Response.objects.get()
    assert str(stored.idempotency_key) == key
    assert DailyCount.objects.get().respondents == 1
    period = period_containing(stored.service_date, PeriodKind.TRIWULAN)
    assert scope_result(Scope.of(unit), period).respondents == 1
