"""From a kiosk ticket to its one survey: a visitor takes a number at the kiosk; the
display board shows it called at a counter; the officer serves and finishes it; the
visitor opens the ticket's survey link on a phone and answers; the same link refuses
a second answer; the unit's SKM page counts the response and the served visit as its
population."""

from __future__ import annotations

from playwright.sync_api import Browser, expect

from e2e.conftest import LOCALE, PHONE, TIMEOUT_MS
from e2e.test_participant_path import fits, signed_in
from prima.core.periods import PeriodKind, period_containing
from prima.core.roles import Role
from prima.organisations.testing import (
    make_layanan,
    make_opd,
    make_pemda,
    make_unit,
    make_user,
)
from prima.queues import services
from prima.queues.models import Ticket
from prima.queues.testing import make_counter, make_service, make_venue

ANSWERS = (4, 3, 4, 4, 3, 4, 4, 3, 4)


def test_a_served_ticket_invites_exactly_one_survey(browser: Browser, live_server):
    pemda = make_pemda(name="Kota Alpha", slug="kota-alpha")
    unit = make_unit(opd=make_opd(pemda=pemda, name="Disdukcapil"), name="Gerai MPP")
    layanan = make_layanan(unit=unit, name="Penerbitan KTP-el")
    venue = make_venue(pemda=pemda)
    service = make_service(venue=venue, unit=unit, layanan=layanan, prefix="A")
    counter = make_counter(service=service, name="Loket 7")
    make_user(username="petugas", role=Role.PETUGAS_LOKET, unit=unit)
    make_user(username="operator", role=Role.OPERATOR_UNIT, unit=unit)
    _kiosk, token = services.kiosk_issue(venue=venue, name="Anjungan")
    base = live_server.url

    kiosk = browser.new_context(
        base_url=base, locale=LOCALE, viewport={"width": 800, "height": 1280}
    ).new_page()
    kiosk.set_default_timeout(TIMEOUT_MS)
    kiosk.goto(f"/mpp/kiosk/{token}/")
    kiosk.locator(f"button.kiosk-service[value='{service.pk}']").click()
    expect(kiosk.locator("#ticket-number")).to_have_text("A-001")
    ticket = Ticket.objects.get(venue=venue)

    board = browser.new_context(base_url=base, locale=LOCALE).new_page()
    board.set_default_timeout(TIMEOUT_MS)
    board.goto(f"/mpp/{venue.pk}/layar/")

    officer = signed_in(browser, base, "petugas")
    officer.goto(f"/staf/antrian/loket/{counter.pk}/")
    officer.locator("button.console-next").click()
    expect(board.locator("#board-number")).to_have_text("A-001", timeout=15_000)
    expect(board.locator("#board-counter")).to_have_text("Loket 7")
    officer.locator(f"form[action$='/{counter.pk}/start/'] button").click()
    officer.locator(f"form[action$='/{counter.pk}/finish/'] button").click()
    assert fits(officer)

    visitor = browser.new_context(base_url=base, locale=LOCALE, **PHONE).new_page()
    visitor.set_default_timeout(TIMEOUT_MS)
    visitor.goto(ticket.get_absolute_url())
    visitor.locator("#ticket-survey").click()
    survey_url = visitor.url
    for number, score in enumerate(ANSWERS, start=1):
        radio = visitor.locator(f"input[name=u{number}][value='{score}']")
        visitor.locator(f"label[for='{radio.get_attribute('id')}']").click()
    visitor.locator("form.survey-form button[type=submit]").click()
    expect(visitor.locator("main")).to_contain_text("Terima kasih")
    assert fits(visitor)
    visitor.goto(survey_url)
    expect(visitor.locator("main")).to_contain_text("sudah diisi")
    expect(visitor.locator("form.survey-form")).to_have_count(0)

    staff = signed_in(browser, base, "operator")
    running = period_containing(ticket.day, PeriodKind.TRIWULAN)
    staff.goto(f"/staf/skm/unit/{unit.pk}/?periode={running.key}")
    expect(staff.locator("#sample")).to_contain_text("n = 1")
    expect(staff.locator("#sample")).to_contain_text("N = 1")
    expect(staff.locator("#population-served")).to_be_visible()
