"""A programme from nomination to a verified certificate, everyone on a phone.

The OPD administrator nominates a unit operator; the organiser (the Pemda's
administrator) accepts her and opens a session running now; she checks in with the
link of the session's QR code (a second check-in changes nothing); her team's
diagnosis shows the unit's weak unsur; she drafts an innovation and an action plan;
the mentor asks for a revision, then accepts; the organiser closes the programme and
issues the certificates; the address under the certificate's QR code opens the public
verification page without login, showing it valid; the programme's outcome lists
the innovation."""

from __future__ import annotations

import io
import re
from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import Browser, expect
from pypdf import PdfReader

from e2e.conftest import LOCALE, PHONE, TIMEOUT_MS
from e2e.test_participant_path import fits, signed_in
from prima.core.roles import Role
from prima.innovations.testing import answer_weakly
from prima.organisations.testing import (
    make_layanan,
    make_opd,
    make_pemda,
    make_unit,
    make_user,
)
from prima.programmes import services
from prima.programmes.models import Participant
from prima.programmes.testing import make_programme

LOCAL_INPUT = "%Y-%m-%dT%H:%M"


def test_from_nomination_to_a_verified_certificate(browser: Browser, live_server):
    pemda = make_pemda(name="Kota Alpha", slug="kota-alpha")
    opd = make_opd(pemda=pemda, name="Disdukcapil")
    unit = make_unit(opd=opd, name="Kantor Pusat")
    answer_weakly(make_layanan(unit=unit, name="Penerbitan KTP-el"))
    make_user(username="admin.dukcapil", role=Role.ADMIN_OPD, opd=opd)
    make_user(username="admin.kota", role=Role.ADMIN_PEMDA, pemda=pemda)
    member = make_user(
        username="siti", role=Role.OPERATOR_UNIT, unit=unit, full_name="Siti Aminah"
    )
    mentor = make_user(username="mentor.budi", role=Role.MENTOR, pemda=pemda)
    programme = make_programme(pemda=pemda, attendance_threshold=80)
    base = live_server.url
    detail = f"/staf/program/{programme.pk}/"

    # The OPD administrator nominates the operator.
    opd_admin = signed_in(browser, base, "admin.dukcapil")
    opd_admin.goto(f"{detail}usulkan/")
    opd_admin.locator("select[name=user]").select_option(str(member.pk))
    opd_admin.locator("main form button[type=submit]").click()
    expect(opd_admin.locator("#nominees")).to_contain_text("Siti Aminah")

    # The organiser accepts her and opens a session running now.
    organiser = signed_in(browser, base, "admin.kota")
    organiser.goto(detail)
    organiser.locator("#participants form").first.locator("button").click()
    expect(organiser.locator("#participants")).to_contain_text("Diterima")
    now = timezone.localtime()
    organiser.goto(f"{detail}sesi/baru/")
    organiser.locator("input[name=title]").fill("Diagnosis inovasi")
    organiser.locator("select[name=method]").select_option("diskusi")
    organiser.locator("input[name=starts_at]").fill(
        (now - timedelta(minutes=10)).strftime(LOCAL_INPUT)
    )
    organiser.locator("input[name=ends_at]").fill(
        (now + timedelta(hours=2)).strftime(LOCAL_INPUT)
    )
    organiser.locator("input[name=place]").fill("Aula Bappeda")
    organiser.locator("main form button[type=submit]").click()
    organiser.locator("a[href$='/qr/']").click()
    expect(organiser.locator("#qr svg")).to_be_visible()
    link = organiser.locator("#check-in-link").inner_text().strip()
    assert fits(organiser)

    # She checks in with the QR code's link; checking in again changes nothing.
    siti = signed_in(browser, base, "siti")
    siti.goto(link)
    siti.locator("main form button[type=submit]").click()
    expect(siti.locator("main")).to_contain_text("Kehadiran Anda tercatat")
    siti.goto(link)
    expect(siti.locator("#check-in-done")).to_be_visible()
    expect(siti.locator("main form button[type=submit]")).to_have_count(0)
    participant = Participant.objects.get(programme=programme, user=member)
    assert participant.attendance.count() == 1

    # The organiser puts her in a team of her unit with a mentor.
    team = services.team_create(programme=programme, name="Tim KTP", unit=unit)
    services.team_member_set(participant, team=team)
    services.team_assign_mentor(team, mentor=mentor)
    path = f"/staf/program/tim/{team.pk}/jalur/"

    # Diagnosis with the weak unsur, the draft and the action plan.
    siti.goto(f"/staf/program/tim/{team.pk}/diagnosis/")
    expect(siti.locator("#weak-unsur")).to_contain_text("U3")
    expect(siti.locator("input[name=unsur][value=U3]")).to_be_checked()
    siti.locator("textarea[name=problem_statement]").fill("Antrean KTP-el tiga jam.")
    siti.locator("textarea[name=root_causes]").fill("Satu loket.")
    siti.locator("main form button[type=submit]").click()
    siti.locator(f"a[href$='/tim/{team.pk}/desain/']").click()
    siti.locator("input[name=title]").fill("Antrean daring KTP-el")
    siti.locator("select[name=sector]").select_option("adminduk")
    siti.locator("main form button[type=submit]").click()
    expect(siti.locator("#team-design")).to_contain_text("Antrean daring KTP-el")
    siti.locator(f"a[href$='/tim/{team.pk}/tonggak/']").click()
    siti.locator("input[name=title]").fill("Uji coba antrean daring")
    siti.locator("input[name=due_on]").fill(
        (now + timedelta(days=30)).strftime("%Y-%m-%d")
    )
    siti.locator("input[name=evidence_expected]").fill("Rekap antrean")
    siti.locator("input[name=responsible]").fill("Siti")
    siti.locator("main form button[type=submit]").click()
    siti.locator("a[href$='/lapor/']").click()
    siti.locator("textarea[name=text]").fill("Uji coba selesai.")
    siti.locator("input[name=link]").fill("https://example.org/rekap")
    siti.locator("main form button[type=submit]").click()

    # The mentor asks for a revision, then accepts the revised report.
    budi = signed_in(browser, base, "mentor.budi")
    budi.goto(path)
    budi.locator("input[value=perlu_perbaikan]").check()
    budi.locator("textarea[name=comment]").fill("Lampirkan rekap harian.")
    budi.locator("main form button[type=submit]").click()
    siti.goto(path)
    siti.locator("a[href$='/lapor/']").click()
    siti.locator("textarea[name=text]").fill("Rekap harian terlampir.")
    siti.locator("input[name=link]").fill("https://example.org/rekap-harian")
    siti.locator("main form button[type=submit]").click()
    budi.goto(path)
    budi.locator("input[value=diterima]").check()
    budi.locator("main form button[type=submit]").click()
    expect(budi.locator("ol.thread > li")).to_have_count(2)

    # The organiser closes the programme and issues the certificates.
    organiser.goto(f"{detail}penutupan/")
    organiser.locator(f"#passed-{participant.pk}").check()
    organiser.locator("#closing-form button[type=submit]").click()
    organiser.locator(
        "form[action$='/sertifikat/terbitkan/'] button[type=submit]"
    ).click()
    certificate_link = organiser.locator("#eligibility a[href$='/unduh/']")
    expect(certificate_link).to_have_count(1)
    expect(organiser.locator("#designed")).to_contain_text("Antrean daring KTP-el")
    assert fits(organiser)

    # The address under the certificate's QR code, opened by anyone.
    pdf = organiser.request.get(certificate_link.get_attribute("href")).body()
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    # The address wraps in the narrow box under the code: join its lines.
    joined = re.sub(r"\s+", "", text)
    verify_url = re.search(r"https?://[\w.:-]+/sertifikat/[\w-]+/", joined).group(0)
    visitor = browser.new_context(locale=LOCALE, **PHONE).new_page()
    visitor.set_default_timeout(TIMEOUT_MS)
    visitor.goto(verify_url)
    expect(visitor.locator("#status-title")).to_have_text("Sertifikat sah")
    expect(visitor.locator("main")).to_contain_text("Siti Aminah")
    assert fits(visitor)
