"""Tests for the report selectors and the Laporan Hasil SKM's HTML content."""

import uuid
from datetime import date
from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from prima.core.periods import parse_key
from prima.surveys import reporting
from prima.surveys.ikm import Unsur
from prima.surveys.models import FollowUp, Population, QuestionWording
from prima.surveys.services import response_submit
from prima.surveys.testing import submit_four

PERIOD = parse_key("2025-T1")


def render_en(report) -> str:
    with translation.override("en"):
        return render_to_string("surveys/reports/laporan.html", {"report": report})


@pytest.mark.django_db
def test_unit_report_reproduces_the_worked_example(org):
    """The tabulation and IKM of four respondents match skm.md (IKM 79.86, U3 2.5)."""
    submit_four(org.layanan)
    report = reporting.unit_report(org.unit, PERIOD)
    assert report.ikm_display == Decimal("79.86")
    u3 = report.tabulation[2]
    assert u3.unsur == Unsur.U3
    assert u3.counts == (1, 1, 1, 1)
    assert u3.nrr_display == Decimal("2.50")
    assert u3.converted_display == Decimal("62.50")
    assert [line.unsur for line in report.diagnosis.weak_lines] == [
        Unsur.U3,
        Unsur.U1,
        Unsur.U2,
        Unsur.U9,
    ]
    assert report.weakest_names == ["U3 " + report.tabulation[2].name]


@pytest.mark.django_db
def test_report_html_has_all_sections_and_the_shortfall(org):
    """The report has sections 1–6 and the appendix, and states n against s."""
    submit_four(org.layanan, profile={"gender": "L"})
    Population.objects.create(
        pemda=org.pemda,
        unit=org.unit,
        period_start=PERIOD.start,
        period_end=PERIOD.end,
        population=1000,
    )
    html = render_en(reporting.unit_report(org.unit, PERIOD))
    for section in (
        "1. Introduction",
        "2. Data collection",
        "3. Results",
        "4. Analysis",
        "5. Follow-up of the previous period",
        "6. Conclusion",
        "Appendix A. Questionnaire",
        "Appendix B. Tabulation of answers",
        "PermenPANRB) No. 14 of 2017",
    ):
        assert section in html
    assert "n = 4 of 278 required (population 1000)" in html
    assert "274 responses short" in html
    assert "Link or QR code: 4" in html
    assert "<svg" in html


@pytest.mark.django_db
def test_report_html_lists_weak_unsur_and_rtl_in_nrr_order(org):
    """Weak unsur are listed lowest first and the RTL follows the same order."""
    submit_four(org.layanan)
    for unsur, action in (("U9", "Fix the chairs"), ("U3", "Add a counter")):
        FollowUp.objects.create(
            pemda=org.pemda,
            unit=org.unit,
            period_start=PERIOD.start,
            period_end=PERIOD.end,
            unsur=unsur,
            action=action,
            due_on=date(2025, 6, 30),
            responsible="Kepala Unit",
        )
    report = reporting.unit_report(org.unit, PERIOD)
    assert [f.unsur for f in report.rtl] == ["U3", "U9"]
    html = render_en(report)
    assert html.index("Add a counter") < html.index("Fix the chairs")
    assert "Unsur graded C or D (weak), lowest first" in html
    assert "62.50 (D) — weakest" in html


@pytest.mark.django_db
def test_report_without_responses_says_so(org):
    """A period without responses still renders and says no index can be computed."""
    report = reporting.unit_report(org.unit, PERIOD)
    html = render_en(report)
    assert report.result is None
    assert "No responses were received in this period" in html
    assert "has not declared its population" in html


@pytest.mark.django_db
def test_report_trend_covers_four_periods_with_earlier_results(org):
    """The trend holds the period and the three before it, oldest first."""
    submit_four(org.layanan, day=date(2024, 11, 5))
    submit_four(org.layanan)
    report = reporting.unit_report(org.unit, PERIOD)
    keys = [p.key for p, _value, _mutu in report.trend_rows]
    assert keys == ["2024-T2", "2024-T3", "2024-T4", "2025-T1"]
    values = [value for _p, value, _mutu in report.trend_rows]
    assert values == [None, None, Decimal("79.86"), Decimal("79.86")]


@pytest.mark.django_db
def test_questionnaire_uses_the_unit_rewording(org):
    """A reworded question replaces the default text; order is the form's (U9 8th)."""
    QuestionWording.objects.create(
        pemda=org.pemda,
        unit=org.unit,
        unsur="U9",
        text="How clean was the waiting room?",
        label_1="Dirty",
        label_2="So-so",
        label_3="Clean",
        label_4="Spotless",
    )
    with translation.override("en"):
        rows = reporting.questionnaire(org.unit)
    assert [r.unsur for r in rows][7:] == ["U9", "U8"]
    assert rows[7].text == "How clean was the waiting room?"
    assert rows[7].labels == ("Dirty", "So-so", "Clean", "Spotless")
    assert rows[0].text.startswith("How well do the service requirements")


@pytest.mark.django_db
def test_service_and_unit_results_come_per_subject(org):
    """Per-service and per-unit rows carry each subject's IKM or None."""
    submit_four(org.layanan)
    services = reporting.service_results(org.unit, PERIOD)
    assert [(s.subject, s.ikm_display) for s in services] == [
        (org.layanan, Decimal("79.86"))
    ]
    units = {
        r.subject: r.ikm_display
        for r in reporting.unit_results(PERIOD, pemda=org.pemda)
    }
    assert units[org.unit] == Decimal("79.86")
    assert units[org.sibling_unit] is None
    assert org.other_pemda_unit not in units


@pytest.mark.django_db
def test_latest_complete_period_follows_the_pemda_setting(org):
    """The default period is the last one that ended, of the Pemda's kind."""
    from prima.surveys.models import SurveySettings

    assert (
        reporting.latest_complete_period(org.pemda, date(2025, 5, 1)).key == "2025-T1"
    )
    SurveySettings.objects.create(pemda=org.pemda, period_kind="semester")
    assert (
        reporting.latest_complete_period(org.pemda, date(2025, 5, 1)).key == "2024-S2"
    )


@pytest.mark.django_db
def test_report_html_states_strengths_and_the_change_since_last_period(org):
    """Strong unsur are listed highest first and the IKM change is stated."""
    submit_four(org.layanan, day=date(2024, 11, 5))
    response_submit(
        layanan=org.layanan,
        scores={f"U{i}": 4 for i in range(1, 10)},
        idempotency_key=uuid.uuid4(),
        service_date=date(2025, 1, 7),
    )
    report = reporting.unit_report(org.unit, PERIOD)
    assert report.ikm_change_display == Decimal("20.14")
    assert [line.unsur for line in report.strong_lines][:1] == [Unsur.U1]
    html = render_en(report)
    assert "Unsur graded A or B (strengths), highest first" in html
    assert "Change of the IKM against Triwulan IV 2024: 20.14 points." in html


@pytest.mark.django_db
def test_public_results_keep_an_older_chosen_period_selectable(org):
    """A period older than the recent list is added to the choices."""
    old = parse_key("2015-T2")
    results = reporting.public_results(org.unit, old)
    assert results.periods[-1] == old
    assert results.result is None
    assert results.units == []


@pytest.mark.django_db
def test_report_shows_the_units_complaint_handling_under_u8(org, users):
    """Answered and rated complaints of the unit appear in the U8 section."""
    from datetime import UTC, datetime

    from prima.complaints import services as complaints

    received = datetime(PERIOD.start.year, PERIOD.start.month, 3, 3, tzinfo=UTC)
    case, _ = complaints.case_submit(
        pemda=org.pemda,
        kind="pengaduan",
        subject="Antrean",
        description="Lama",
        submission_key=uuid.uuid4(),
        unit=org.unit,
        now=received,
    )
    complaints.case_assign(
        case=case, actor=users["admin_pemda"], unit=org.unit, now=received
    )
    complaints.case_answer(
        case=case, actor=users["operator_unit"], answer="Beres", now=received
    )
    complaints.case_rate(case=case, rating=3, now=received)
    report = reporting.unit_report(org.unit, PERIOD)
    assert report.complaints.answered == 1 and report.complaints.rating_count == 1
    html = render_en(report)
    assert "Complaints, suggestions and feedback (unsur U8)" in html
    assert "3.00 (1)" in html
