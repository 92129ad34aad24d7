"""A counter kiosk that loses its connection keeps taking answers and sends each one
exactly once when the connection returns."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from prima.organisations.testing import make_layanan, make_opd, make_pemda, make_unit
from prima.surveys.intake import kiosk_issue
from prima.surveys.models import Channel, Response

# The kiosk's queue, read and refilled as kiosk.js keeps it.
READ_QUEUE = """() => new Promise((resolve, reject) => {
  const open = indexedDB.open("prima-kiosk", 1);
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const get = open.result.transaction("answers").objectStore("answers").getAll();
    get.onsuccess = () => { open.result.close(); resolve(get.result); };
  };
})"""
REFILL_QUEUE = """(items) => new Promise((resolve, reject) => {
  const open = indexedDB.open("prima-kiosk", 1);
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const tx = open.result.transaction("answers", "readwrite");
    items.forEach((item) => tx.objectStore("answers").put(item));
    tx.oncomplete = () => { open.result.close(); resolve(items.length); };
  };
})"""


def expect_sent(page: Page) -> None:
    """Wait until kiosk.js reports no answer waiting on the tablet: it sends on page
    load and retries every 30 s (``RETRY_MS``), so a first attempt lost on a busy
    machine is covered by one retry."""
    expect(page.locator("html")).to_have_attribute(
        "data-kiosk-waiting", "0", timeout=40_000
    )


def answer(page: Page, layanan, score: int) -> None:
    """Answer the nine questions with ``score`` and choose the service."""
    for unsur in range(1, 10):
        page.locator(f"input[name=u{unsur}][value='{score}']").check()
    page.locator("select[name=layanan]").select_option(str(layanan.pk))


def test_kiosk_offline_answers_are_kept_and_stored_once(page: Page):
    """Three answers given offline are kept on the tablet, then stored exactly once
    each when the tablet is back online, however often the queue is sent."""
    pemda = make_pemda(name="Kota Alpha", slug="kota-alpha")
    unit = make_unit(opd=make_opd(pemda=pemda), name="Kantor Disdukcapil Pusat")
    layanan = make_layanan(unit=unit, name="Penerbitan KTP-el")
    device, token = kiosk_issue(unit=unit, name="Tablet loket 1")
    page.goto(f"/kiosk/{token}/")
    # The service worker holds the page and its assets before the network goes.
    # (Attribute checks, not wait_for_function: the CSP forbids evaluating strings.)
    expect(page.locator("html")).to_have_attribute(
        "data-kiosk-offline", "ready", timeout=15_000
    )

    # Reloaded without a connection, the kiosk still shows its form.
    page.context.set_offline(True)
    reloaded = page.reload()
    assert reloaded is not None and reloaded.from_service_worker
    expect(page.locator("form.survey-form")).to_be_visible()
    expect(page.locator("input[name=u1]")).to_have_count(4)
    # (Chromium's emulation does not tell a page loaded offline that the network
    # came back, so the answers below are given on a page loaded online.)
    page.context.set_offline(False)
    page.reload()
    page.context.set_offline(True)

    # Offline nobody else checks the answers: an incomplete form is not kept.
    page.locator("form.survey-form button[type=submit]").click()
    expect(page.locator("#kiosk-status")).to_contain_text("perlu Anda periksa")
    assert page.evaluate(READ_QUEUE) == []

    keys = []
    for number, score in enumerate([4, 3, 2], start=1):
        answer(page, layanan, score)
        keys.append(page.locator("input[name=key]").input_value())
        page.locator("form.survey-form button[type=submit]").click()
        expect(page.locator("#kiosk-status")).to_contain_text("tersimpan di tablet ini")
        # Screen readers and keyboards start again at the message, at the top.
        expect(page.locator("#kiosk-status")).to_be_focused()
        expect(page.locator("#kiosk-waiting span")).to_have_text(str(number))
        # Ready for the next citizen: empty answers and a new key.
        expect(page.locator("input[type=radio]:checked")).to_have_count(0)
        assert page.locator("input[name=key]").input_value() not in keys
    assert len(set(keys)) == 3
    assert Response.objects.count() == 0
    kept = page.evaluate(READ_QUEUE)
    assert sorted(item["key"] for item in kept) == sorted(keys)

    page.context.set_offline(False)
    expect_sent(page)
    expect(page.locator("#kiosk-status")).to_contain_text("sudah terkirim")
    stored = Response.objects.order_by("u1")
    assert sorted(str(r.idempotency_key) for r in stored) == sorted(keys)
    assert [r.u1 for r in stored] == [2, 3, 4]
    assert {(r.channel, r.kiosk_id) for r in stored} == {(Channel.KIOSK, device.pk)}

    # The same answers sent again (a retry after a lost reply) change nothing.
    for _ in range(2):
        assert page.evaluate(REFILL_QUEUE, kept) == 3
        page.reload()
        expect_sent(page)
        assert page.evaluate(READ_QUEUE) == []
        assert Response.objects.count() == 3


def test_kiosk_online_answer_is_stored_with_the_thank_you(page: Page):
    """Online, the script sends the answer and shows the server's thank-you."""
    pemda = make_pemda(name="Kota Alpha", slug="kota-alpha")
    unit = make_unit(opd=make_opd(pemda=pemda), name="Kantor Disdukcapil Pusat")
    layanan = make_layanan(unit=unit, name="Penerbitan KTP-el")
    _device, token = kiosk_issue(unit=unit, name="Tablet loket 1")
    page.goto(f"/kiosk/{token}/")
    answer(page, layanan, 4)
    key = page.locator("input[name=key]").input_value()
    page.locator("form.survey-form button[type=submit]").click()
    expect(page.locator("main .messages")).to_contain_text("Terima kasih")
    assert str(Response.objects.get().idempotency_key) == key
    assert page.locator("input[name=key]").input_value() != key


def test_kiosk_online_incomplete_answer_shows_the_servers_errors(page: Page):
    """Online, an answer the server refuses is shown with the server's errors and
    is neither stored nor kept on the tablet."""
    pemda = make_pemda(name="Kota Alpha", slug="kota-alpha")
    unit = make_unit(opd=make_opd(pemda=pemda), name="Kantor Disdukcapil Pusat")
    make_layanan(unit=unit, name="Penerbitan KTP-el")
    _device, token = kiosk_issue(unit=unit, name="Tablet loket 1")
    page.goto(f"/kiosk/{token}/")
    page.locator("input[name=u1][value='4']").check()
    page.locator("form.survey-form button[type=submit]").click()
    expect(page.locator(".question-error")).to_have_count(8)
    expect(page.locator("input[name=u1][value='4']")).to_be_checked()
    assert Response.objects.count() == 0
    assert page.evaluate(READ_QUEUE) == []
