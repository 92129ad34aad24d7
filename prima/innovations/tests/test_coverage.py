"""Tests of One Agency One Innovation coverage and its reminder e-mail."""

from datetime import date
from fractions import Fraction

import pytest
from django.core import mail
from django.urls import reverse

from prima.core.roles import Role
from prima.innovations import coverage
from prima.innovations.models import Stage
from prima.innovations.testing import login, make_innovation
from prima.organisations.testing import make_opd, make_user

pytestmark = pytest.mark.django_db
TODAY = date(2025, 6, 2)


def test_counts_published_applied_innovations_of_the_year(org):
    """Only published innovations applied (or replicated) in the year count."""
    make_innovation(unit=org.unit, applied_on=date(2025, 2, 1))
    make_innovation(
        unit=org.sibling_unit, applied_on=date(2025, 9, 1), stage=Stage.DIREPLIKASI
    )
    make_innovation(unit=org.unit, applied_on=date(2024, 12, 31))
    make_innovation(
        unit=org.other_opd_unit, applied_on=date(2025, 3, 1), published=False
    )
    make_innovation(unit=org.other_opd_unit, stage=Stage.UJI_COBA, applied_on=None)
    make_innovation(
        pemda=org.pemda, origin_region="Kota Lain", applied_on=date(2025, 3, 1)
    )
    result = coverage.coverage_of(org.pemda, 2025)
    counts = {row.opd: row.count for row in result.rows}
    assert counts == {org.opd: 2, org.other_opd: 0}
    assert result.share == Fraction(1, 2) and result.percent == 50


def test_opds_without_innovation_come_first_with_their_admins(org, users):
    """The reminder list holds the uncovered OPDs with their admins' addresses."""
    make_innovation(unit=org.unit, applied_on=date(2025, 2, 1))
    empty = make_opd(pemda=org.pemda, name="Badan Pendapatan Daerah")
    admin = make_user(username="bapenda", role=Role.ADMIN_OPD, opd=empty)
    result = coverage.coverage_of(org.pemda, 2025)
    assert [row.opd for row in result.rows] == [empty, org.other_opd, org.opd]
    assert [row.opd for row in result.uncovered] == [empty, org.other_opd]
    assert result.uncovered[0].admins == (
        coverage.Contact(name="bapenda", email=admin.email),
    )
    assert result.covered_count == 1


def test_pemda_without_opds_has_no_share(org):
    """A Pemda with no OPD has no share rather than a division by zero."""
    from prima.organisations.testing import make_pemda

    result = coverage.coverage_of(make_pemda(), 2025)
    assert result.rows == [] and result.share is None


def test_reminder_mails_uncovered_opd_admins_once_a_day(org, users):
    """The reminder e-mails each uncovered OPD's admins, and not again that day."""
    make_innovation(unit=org.unit, applied_on=date(2025, 2, 1))
    make_user(username="dinkes", role=Role.ADMIN_OPD, opd=org.other_opd)
    first = coverage.coverage_remind(org.pemda, 2025, today=TODAY)
    assert (first.already_sent, first.opds, first.recipients) == (False, 1, 1)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["dinkes@example.test"]
    assert "Dinas Kesehatan" in mail.outbox[0].subject
    again = coverage.coverage_remind(org.pemda, 2025, today=TODAY)
    assert again.already_sent and len(mail.outbox) == 1
    next_day = coverage.coverage_remind(org.pemda, 2025, today=date(2025, 6, 3))
    assert not next_day.already_sent and len(mail.outbox) == 2


def test_reminder_with_nobody_to_mail_may_be_retried(org):
    """When no admin has an address nothing is sent and a later try still sends."""
    first = coverage.coverage_remind(org.pemda, 2025, today=TODAY)
    assert (first.already_sent, first.recipients) == (False, 0)
    make_user(username="dinkes", role=Role.ADMIN_OPD, opd=org.other_opd)
    second = coverage.coverage_remind(org.pemda, 2025, today=TODAY)
    assert (second.already_sent, second.recipients) == (False, 1)
    assert len(mail.outbox) == 1


def test_coverage_page_lists_the_reminder_list(client, org, users):
    """The Pemda admin sees the share and each uncovered OPD with its admin."""
    make_innovation(unit=org.unit, applied_on=date(2025, 2, 1))
    make_user(username="dinkes", role=Role.ADMIN_OPD, opd=org.other_opd)
    url = reverse("innovations:coverage") + "?tahun=2025"
    text = login(client, users["admin_pemda"]).get(url).content.decode()
    assert "1 of 2 OPDs of Kota Alpha applied at least one innovation (50%)" in text
    reminder_list = text.split('id="reminder-list"')[1].split("</table>")[0]
    assert "Dinas Kesehatan" in reminder_list
    assert "dinkes@example.test" in reminder_list
    assert org.opd.name not in reminder_list
    assert reverse("innovations:coverage_remind") in text


def test_coverage_page_for_read_only_pemda_roles(client, org, users):
    """Leadership reads coverage but is offered no reminder button."""
    response = login(client, users["pimpinan"]).get(reverse("innovations:coverage"))
    assert response.status_code == 200
    assert reverse("innovations:coverage_remind") not in response.content.decode()


def test_coverage_refuses_opd_level_users(client, org, users):
    """An OPD administrator gets 403 on coverage."""
    response = login(client, users["admin_opd"]).get(reverse("innovations:coverage"))
    assert response.status_code == 403


def test_remind_post_twice_sends_once(client, org, users):
    """A repeated reminder POST the same day sends nothing and says so."""
    client = login(client, users["admin_pemda"])
    url = reverse("innovations:coverage_remind")
    make_user(username="dinkes", role=Role.ADMIN_OPD, opd=org.other_opd)
    first = client.post(url, {"tahun": 2025, "pemda": org.pemda.slug}, follow=True)
    assert "Reminder e-mailed to 2 OPD administrators." in first.content.decode()
    second = client.post(url, {"tahun": 2025, "pemda": org.pemda.slug}, follow=True)
    assert "already sent today" in second.content.decode()
    assert len(mail.outbox) == 2


def test_remind_refuses_another_pemda(client, org, users):
    """Kabupaten Beta's admin cannot remind Kota Alpha's OPDs."""
    response = login(client, users["other_pemda_admin"]).post(
        reverse("innovations:coverage_remind"), {"pemda": org.pemda.slug}
    )
    assert response.status_code == 404
    assert not mail.outbox
