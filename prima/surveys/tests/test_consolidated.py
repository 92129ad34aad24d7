"""The consolidated SKM report of an OPD and a Pemda, and what every official
report carries: letterhead, team, schedule and the signing official."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from prima.core.periods import PeriodKind, period_containing
from prima.organisations import services as org_services
from prima.surveys import consolidated, officials
from prima.surveys.models import FollowUp
from prima.surveys.testing import submit_four

pytestmark = pytest.mark.django_db

PERIOD = period_containing(date(2025, 2, 10), PeriodKind.TRIWULAN)


@pytest.fixture
def answered(org):
    submit_four(org.layanan, day=date(2025, 2, 10))
    submit_four(org.other_opd_layanan, day=date(2025, 2, 11))
    return org


def test_the_pemda_report_sums_every_unit_and_finds_weak_unsur_across(answered):
    report = consolidated.consolidated_report(answered.pemda, PERIOD, date(2025, 5, 1))
    assert report.respondents == 8
    assert str(report.ikm_display) == "79.86"  # skm.md's worked example, twice
    assert report.units_answered == 2
    weakest = report.weak_across[0]
    assert len(weakest.units) == 2
    assert {row.subject for row in report.services} == {
        answered.layanan,
        answered.other_opd_layanan,
    }


def test_the_opd_report_covers_its_own_units(answered):
    report = consolidated.consolidated_report(answered.opd, PERIOD, date(2025, 5, 1))
    assert report.respondents == 4
    assert {row.subject.opd for row in report.units} == {answered.opd}


def test_rtl_status_counts_done_and_overdue(answered):
    for status, due in (("done", date(2025, 4, 1)), ("planned", date(2025, 4, 2))):
        FollowUp.objects.create(
            pemda=answered.pemda,
            unit=answered.unit,
            period_start=PERIOD.start,
            period_end=PERIOD.end,
            unsur="U3",
            action="Tambah loket",
            due_on=due,
            responsible="Kepala unit",
            status=status,
        )
    rtl = consolidated.consolidated_report(answered.opd, PERIOD, date(2025, 5, 1)).rtl
    assert (rtl.total, rtl.done, rtl.planned, rtl.overdue) == (2, 1, 1, 1)


def test_signatories_are_the_heads_and_the_letterhead_official(answered):
    unit, opd = answered.unit, answered.opd
    unit.head_name, unit.head_nip = "Dr. Sari", "197001011995032001"
    opd.head_name, opd.head_nip = "Ir. Budi", "196801011990031002"
    org_services.letterhead_save(
        pemda=answered.pemda,
        by=None,
        fields={"signatory_name": "Drs. Hendra", "signatory_title": "Sekda"},
        logo=None,
        remove_logo=False,
    )
    assert officials.signatory_of(unit).name == "Dr. Sari"
    assert officials.signatory_of(unit).title.endswith(unit.name)
    assert officials.signatory_of(opd).nip == "196801011990031002"
    assert officials.signatory_of(answered.pemda).title == "Sekda"


def test_the_pemda_pdf_opens_with_the_letterhead(client, answered, users):
    org_services.letterhead_save(
        pemda=answered.pemda,
        by=None,
        fields={"lines": "PEMERINTAH KOTA ALPHA\nSEKRETARIAT DAERAH"},
        logo=None,
        remove_logo=False,
    )
    client.force_login(users["pimpinan"])
    url = f"/staf/skm/pemda/{answered.pemda.pk}/laporan.pdf?periode={PERIOD.key}"
    response = client.get(url)
    first = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert first.startswith("PEMERINTAH KOTA ALPHA\nSEKRETARIAT DAERAH")
    assert "Triwulan I 2025" in first
