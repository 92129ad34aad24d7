"""The participant's path through its pages, per role: the member writes, the
assigned mentor reviews, the organiser reads, another team's participant and an
unassigned mentor find nothing; the clinic keeps advice with its version."""

from __future__ import annotations

import io
import re
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfWriter

from prima.complaints.testing import submit
from prima.core.roles import Role
from prima.innovations.testing import answer_weakly, login
from prima.organisations.testing import make_user
from prima.programmes import services
from prima.programmes.models import Milestone, MilestoneReport, ProposalVersion
from prima.programmes.testing import make_participant, make_programme

ADVICE = {
    "kebaruan": "Bandingkan dengan kota lain.",
    "efektif": "Ukur waktu tunggu.",
    "bermanfaat": "Kaitkan dengan U3.",
    "mudah_disebarkan": "Tulis panduan.",
    "berkelanjutan": "Anggarkan tahun depan.",
}


@pytest.fixture
def teams(org, users):
    """Team A (the unit operator, mentored by the mentor) and team B (the loket
    officer, mentored by another mentor), in one programme."""
    programme = make_programme(pemda=org.pemda)
    a = services.team_create(programme=programme, name="Tim A", unit=org.unit)
    b = services.team_create(programme=programme, name="Tim B", unit=org.unit)
    services.team_member_set(
        make_participant(programme, users["operator_unit"], unit=org.unit), team=a
    )
    services.team_member_set(
        make_participant(programme, users["petugas_loket"], unit=org.unit), team=b
    )
    services.team_assign_mentor(a, mentor=users["mentor"])
    other_mentor = make_user(username="mentor_b", role=Role.MENTOR, pemda=org.pemda)
    services.team_assign_mentor(b, mentor=other_mentor)
    return {"a": a, "b": b, "mentor_b": other_mentor}


def _pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _url(name, obj):
    return reverse(f"programmes:{name}", kwargs={"pk": obj.pk})


def test_the_path_from_diagnosis_to_an_accepted_milestone(org, users, teams, client):
    team = teams["a"]
    answer_weakly(org.layanan)
    submit(org.pemda, org.layanan, timezone.now() - timedelta(days=2))
    member = login(client, users["operator_unit"])

    # The diagnosis form is prefilled with the unit's weak unsur, weakest first.
    page = member.get(_url("diagnosis_edit", team)).content.decode()
    assert "U3" in page and "NRR 2.50" in page
    checked = re.findall(r'value="(U\d)"[^>]*checked', page)
    assert sorted(checked) == ["U1", "U2", "U3", "U9"]
    response = member.post(
        _url("diagnosis_edit", team),
        {
            "unsur": ["U3"],
            "problem_statement": "Antrean KTP-el tiga jam.",
            "root_causes": "Satu loket.",
        },
    )
    assert response.status_code == 302
    page = member.get(_url("team_path", team)).content.decode()
    assert "Antrean KTP-el tiga jam." in page
    assert 'id="unit-complaints"' in page

    member.post(
        _url("design_edit", team), {"title": "Antrean daring", "sector": "adminduk"}
    )
    page = member.get(_url("team_path", team)).content.decode()
    assert "Antrean daring" in page

    member.post(
        _url("milestone_add", team),
        {
            "title": "Uji coba antrean daring",
            "due_on": "2026-05-01",
            "evidence_expected": "Rekap antrean",
            "responsible": "Siti",
        },
    )
    milestone = Milestone.objects.get(team=team)
    member.post(
        _url("report_create", milestone),
        {"text": "Uji coba selesai.", "link": "https://example.org/rekap"},
    )

    # The mentor asks for a revision; a refusal without a comment is not saved.
    mentor = login(client, users["mentor"])
    report = MilestoneReport.objects.get(milestone=milestone)
    assert (
        f'id="id_r{report.pk}_outcome_0"'
        in mentor.get(_url("team_path", team)).content.decode()
    )
    mentor.post(_url("report_review", report), {"outcome": "perlu_perbaikan"})
    report.refresh_from_db()
    assert report.is_pending
    mentor.post(
        _url("report_review", report),
        {"outcome": "perlu_perbaikan", "comment": "Lampirkan rekap harian."},
    )

    member = login(client, users["operator_unit"])
    upload = SimpleUploadedFile("rekap.pdf", _pdf(), content_type="application/pdf")
    member.post(
        _url("report_create", milestone), {"text": "Rekap harian.", "file": upload}
    )
    second = MilestoneReport.objects.get(milestone=milestone, round=2)
    assert second.file and second.content_type == "application/pdf"
    assert member.get(_url("report_file", second)).status_code == 200

    mentor = login(client, users["mentor"])
    mentor.post(_url("report_review", second), {"outcome": "diterima"})
    page = mentor.get(_url("team_path", team)).content.decode()
    assert "Lampirkan rekap harian." in page
    assert page.index("Round 1") < page.index("Round 2")
    assert "Accepted" in page and "Needs revision" in page

    # The organiser reads everything but writes nothing.
    admin = login(client, users["admin_pemda"])
    assert (
        "Lampirkan rekap harian." in admin.get(_url("team_path", team)).content.decode()
    )
    assert admin.get(_url("diagnosis_edit", team)).status_code == 403
    assert (
        admin.post(_url("report_review", second), {"outcome": "diterima"}).status_code
        == 403
    )

    # Another team's participant and a mentor not assigned find nothing of team A.
    other = login(client, users["petugas_loket"])
    assert other.get(_url("team_path", team)).status_code == 404
    assert other.get(_url("report_file", second)).status_code == 404
    assert (
        "Lampirkan rekap harian."
        not in other.get(_url("team_path", teams["b"])).content.decode()
    )
    login(client, teams["mentor_b"])
    assert client.get(_url("team_path", team)).status_code == 404
    assert client.get(_url("clinic", team)).status_code == 404
    assert client.get(_url("team_path", teams["b"])).status_code == 200


def test_a_member_may_not_review_and_the_mentor_may_not_write(users, teams, client):
    team = teams["a"]
    mentor = login(client, users["mentor"])
    assert mentor.get(_url("milestone_add", team)).status_code == 403
    assert mentor.post(_url("version_submit", team)).status_code == 403


def test_clinic_advice_stays_with_the_version_it_addressed(org, users, teams, client):
    team = teams["a"]
    member = login(client, users["operator_unit"])
    member.post(
        _url("diagnosis_edit", team),
        {"unsur": ["U3"], "problem_statement": "Antrean.", "root_causes": "Loket."},
    )
    member.post(
        _url("design_edit", team), {"title": "Antrean daring", "sector": "adminduk"}
    )
    page = member.get(_url("design_edit", team)).content.decode()
    assert "Antrean." in page  # the background comes from the diagnosis
    member.post(
        _url("design_edit", team),
        {"title": "Antrean daring", "ringkasan": "Ringkasan versi satu"},
    )
    member.post(_url("version_submit", team))
    v1 = ProposalVersion.objects.get(team=team)

    juri = login(client, users["juri"])
    page = juri.get(_url("clinic", team)).content.decode()
    assert "Ringkasan versi satu" in page and "Novelty" in page
    assert juri.get(_url("team_path", team)).status_code == 404
    juri.post(_url("clinic_review", v1), ADVICE)
    assert v1.reviews.count() == 1

    member = login(client, users["operator_unit"])
    member.post(
        _url("design_edit", team),
        {"title": "Antrean daring", "ringkasan": "Ringkasan versi dua"},
    )
    member.post(_url("version_submit", team))
    page = member.get(_url("clinic", team)).content.decode()
    v2_at, v1_at = page.index('id="version-2"'), page.index('id="version-1"')
    assert v2_at < v1_at
    assert "Ringkasan versi dua" in page[v2_at:v1_at]
    assert "Ukur waktu tunggu." in page[v1_at:]
    assert "Ukur waktu tunggu." not in page[v2_at:v1_at]
    v1.refresh_from_db()
    assert v1.sections["ringkasan"] == "Ringkasan versi satu"


def test_a_member_changes_and_removes_an_unreported_milestone(users, teams, client):
    team = teams["a"]
    member = login(client, users["operator_unit"])
    fields = {
        "title": "Rapat awal",
        "due_on": "2026-05-01",
        "evidence_expected": "Notula",
        "responsible": "Siti",
    }
    member.post(_url("milestone_add", team), fields)
    milestone = Milestone.objects.get(team=team)
    page = member.get(_url("team_path", team)).content.decode()
    assert _url("milestone_edit", milestone) in page
    member.post(_url("milestone_edit", milestone), {**fields, "title": "Rapat tim"})
    milestone.refresh_from_db()
    assert milestone.title == "Rapat tim"
    member.post(_url("milestone_remove", milestone))
    assert not Milestone.objects.filter(team=team).exists()
