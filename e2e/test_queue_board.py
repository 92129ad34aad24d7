"""The display board of a service hall shows a new call without a reload: its
script polls the board's JSON, redraws the number and counter, and flashes."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from prima.organisations.testing import make_opd, make_pemda, make_unit
from prima.queues import services
from prima.queues.testing import make_counter, make_service, make_venue


def test_board_shows_a_new_call_and_flashes(desktop_page: Page):
    """A number called after the board opened appears on it within seconds, with
    its counter, the board flashes, and the previous call moves to the list."""
    pemda = make_pemda(name="Kota Alpha", slug="kota-alpha")
    unit = make_unit(opd=make_opd(pemda=pemda), name="Gerai Disdukcapil")
    venue = make_venue(pemda=pemda)
    service = make_service(venue=venue, unit=unit, prefix="A")
    counter = make_counter(service=service, name="Loket 7")
    for _ in range(2):
        services.ticket_issue(service=service)
    first = services.counter_call_next(counter)
    services.ticket_act(first, "skip", counter=counter)

    desktop_page.goto(f"/mpp/{venue.pk}/layar/")
    expect(desktop_page.locator("#board-number")).to_have_text("A-001")
    expect(desktop_page.locator("#board")).not_to_have_class("board board-flash")

    services.counter_call_next(counter)
    expect(desktop_page.locator("#board-number")).to_have_text("A-002", timeout=15_000)
    expect(desktop_page.locator("#board-counter")).to_have_text("Loket 7")
    expect(desktop_page.locator("#board")).to_have_class("board board-flash")
    expect(desktop_page.locator("#board-recent")).to_contain_text("A-001")
