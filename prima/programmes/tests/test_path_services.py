"""The participant's path: the diagnosis prefilled from the unit's SKM and
complaints, the innovation draft it designs, the milestone report rounds and their
reviews, and the coaching clinic's versions with advice per criterion."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from prima.complaints.testing import submit
from prima.core.roles import Role
from prima.core.uploads import CleanFile
from prima.innovations.models import Innovation, Status
from prima.innovations.testing import answer_weakly
from prima.organisations.testing import make_user
from prima.programmes import path_selectors, path_services, services
from prima.programmes.models import ReportOutcome
from prima.programmes.testing import make_participant, make_programme


@pytest.fixture
def team(org, users):
    programme = make_programme(pemda=org.pemda)
    member = make_participant(programme, users["operator_unit"], unit=org.unit)
    team = services.team_create(programme=programme, name="Tim KTP", unit=org.unit)
    services.team_member_set(member, team=team)
    services.team_assign_mentor(team, mentor=users["mentor"])
    return team


def _diagnose(team, by, unsur=("U3",)):
    return path_services.diagnosis_save(
        team,
        by=by,
        problem_statement="Antrean KTP-el tiga jam.",
        root_causes="Satu loket; jadwal tidak diumumkan.",
        unsur=unsur,
        today=timezone.localdate(),
    )


def test_diagnosis_facts_hold_the_units_weak_unsur_and_complaints(org, team):
    """skm.md's four respondents make U3 (NRR 2.50) the weakest of U1, U2, U3, U9;
    the complaint figures count the unit's cases of the last twelve months only."""
    answer_weakly(org.layanan)
    now = timezone.now()
    submit(org.pemda, org.layanan, now - timedelta(days=3))
    submit(org.pemda, org.layanan, now - timedelta(days=20))
    submit(org.pemda, org.layanan, now - timedelta(days=4), kind="saran")
    submit(org.pemda, org.layanan, now - timedelta(days=400))  # too old
    submit(org.pemda, org.sibling_layanan, now - timedelta(days=3))  # another unit

    facts = path_selectors.diagnosis_facts(team, today=timezone.localdate())

    assert facts.weak_codes[0] == "U3"
    assert sorted(facts.weak_codes) == ["U1", "U2", "U3", "U9"]
    assert facts.complaints.total == 3
    # pengaduan, saran, apresiasi, informasi
    assert [n for _label, n in facts.kinds] == [2, 1, 0, 0]


def test_a_unit_without_answers_or_cases_has_empty_facts(team):
    facts = path_selectors.diagnosis_facts(team, today=timezone.localdate())
    assert facts.weak_lines == [] and facts.complaints is None


def test_diagnosis_addresses_only_the_units_weak_unsur(org, team, users):
    answer_weakly(org.layanan)
    with pytest.raises(ValidationError) as error:
        _diagnose(team, users["operator_unit"], unsur=["U3", "U5"])
    assert "U5" in error.value.message_dict["unsur"][0]
    diagnosis = _diagnose(team, users["operator_unit"], unsur=["U9", "U3"])
    assert diagnosis.unsur == ["U3", "U9"]
    # Saving again changes the same diagnosis.
    again = _diagnose(team, users["operator_unit"], unsur=["U1"])
    assert again.pk == diagnosis.pk and again.unsur == ["U1"]


def test_without_weak_unsur_any_unsur_may_be_addressed(team, users):
    assert _diagnose(team, users["operator_unit"], unsur=["U5"]).unsur == ["U5"]
    with pytest.raises(ValidationError):
        _diagnose(team, users["operator_unit"], unsur=["U99"])


def test_design_creates_a_registry_draft_targeting_the_diagnosed_unsur(
    org, team, users
):
    member = users["operator_unit"]
    with pytest.raises(ValidationError):
        path_services.design_start(team, by=member, title="X", sector="adminduk")
    _diagnose(team, member, unsur=["U3"])
    innovation = path_services.design_start(
        team, by=member, title="Antrean daring", sector="adminduk"
    )
    innovation.refresh_from_db()
    assert innovation.status == Status.DRAFT and innovation.unit == org.unit
    assert innovation.target_codes() == ["U3"]
    assert "Antrean KTP-el tiga jam." in innovation.latar_belakang
    assert path_selectors.innovation_of(team) == innovation
    with pytest.raises(ValidationError):
        path_services.design_start(team, by=member, title="Y", sector="adminduk")
    path_services.proposal_save(
        innovation,
        by=member,
        title="Antrean daring KTP-el",
        sections={"kebaruan": "Baru"},
    )
    innovation = Innovation.objects.get(pk=innovation.pk)
    assert innovation.kebaruan == "Baru" and innovation.target_codes() == ["U3"]
    # A later diagnosis moves the draft's targets with it.
    _diagnose(team, member, unsur=["U3", "U9"])
    assert Innovation.objects.get(pk=innovation.pk).target_codes() == ["U3", "U9"]


def test_report_rounds_are_kept_as_a_thread(team, users):
    member, mentor = users["operator_unit"], users["mentor"]
    milestone = path_services.milestone_add(
        team,
        title="Uji coba antrean daring",
        due_on=date(2026, 4, 30),
        evidence_expected="Foto dan rekap antrean",
        responsible="Siti",
    )
    draft = path_services.milestone_add(
        team,
        title="Draf",
        due_on=date(2026, 4, 1),
        evidence_expected="-",
        responsible="-",
    )
    path_services.milestone_update(
        draft,
        title="Rapat",
        due_on=date(2026, 4, 2),
        evidence_expected="Notula",
        responsible="Budi",
    )
    path_services.milestone_remove(draft)
    with pytest.raises(ValidationError):  # evidence is required
        path_services.report_submit(milestone, by=member, text="Selesai")
    first = path_services.report_submit(
        milestone, by=member, text="Selesai", link="https://example.org/rekap"
    )
    with pytest.raises(ValidationError):  # one open round at a time
        path_services.report_submit(
            milestone, by=member, text="Lagi", link="https://example.org/x"
        )
    with pytest.raises(ValidationError):  # only the team's mentor reviews
        path_services.report_review(first, by=users["admin_pemda"], accept=True)
    with pytest.raises(ValidationError):  # a revision needs a comment
        path_services.report_review(first, by=mentor, accept=False, comment=" ")
    path_services.report_review(
        first, by=mentor, accept=False, comment="Lampirkan rekap per hari."
    )
    with pytest.raises(ValidationError):  # a round is reviewed once
        path_services.report_review(first, by=mentor, accept=True)
    pdf = CleanFile("rekap.pdf", "application/pdf", b"%PDF-1.4 rekap")
    second = path_services.report_submit(milestone, by=member, text="Rekap", clean=pdf)
    assert second.round == 2 and second.file and second.original_name == "rekap.pdf"
    path_services.report_review(second, by=mentor, accept=True)
    with pytest.raises(ValidationError):  # accepted: nothing more to report
        path_services.report_submit(
            milestone, by=member, text="Lagi", link="https://example.org/y"
        )

    with pytest.raises(ValidationError):  # a reported milestone stays as it was
        path_services.milestone_remove(milestone)
    with pytest.raises(ValidationError):
        path_services.milestone_update(
            milestone,
            title="Lain",
            due_on=date(2026, 5, 1),
            evidence_expected="-",
            responsible="-",
        )
    [thread] = path_selectors.plan_threads(team)
    assert [(r.round, r.outcome) for r in thread.reports] == [
        (1, ReportOutcome.PERBAIKAN),
        (2, ReportOutcome.DITERIMA),
    ]
    assert thread.reports[0].comment == "Lampirkan rekap per hari."
    assert not thread.may_report


ADVICE = {
    "kebaruan": "Bandingkan dengan antrean daring kota lain.",
    "efektif": "Tunjukkan waktu tunggu sebelum dan sesudah.",
    "bermanfaat": "Kaitkan dengan U3.",
    "mudah_disebarkan": "Tulis panduan replikasi.",
    "berkelanjutan": "Anggaran tahun depan.",
}


def test_clinic_versions_keep_their_text_and_their_advice(org, team, users):
    member, mentor = users["operator_unit"], users["mentor"]
    _diagnose(team, member)
    with pytest.raises(ValidationError):  # no draft yet
        path_services.version_submit(team, by=member)
    innovation = path_services.design_start(
        team, by=member, title="Antrean daring", sector="adminduk"
    )
    path_services.proposal_save(
        innovation, by=member, title="Antrean daring", sections={"ringkasan": "Versi 1"}
    )
    v1 = path_services.version_submit(team, by=member)
    with pytest.raises(ValidationError):  # one proposal at a time
        path_services.version_submit(team, by=member)
    with pytest.raises(ValidationError):  # advice on every criterion
        path_services.clinic_review(v1, by=mentor, advice={**ADVICE, "efektif": ""})
    with pytest.raises(ValidationError):  # a mentor of another team is no coach
        other = make_user(username="mentor2", role=Role.MENTOR, pemda=org.pemda)
        path_services.clinic_review(v1, by=other, advice=ADVICE)
    path_services.clinic_review(v1, by=mentor, advice=ADVICE)
    with pytest.raises(ValidationError):
        path_services.clinic_review(v1, by=mentor, advice=ADVICE)
    path_services.clinic_review(v1, by=users["juri"], advice=ADVICE)

    path_services.proposal_save(
        innovation,
        by=member,
        title="Antrean daring v2",
        sections={"ringkasan": "Versi 2"},
    )
    v2 = path_services.version_submit(team, by=member)
    with pytest.raises(ValidationError):  # the older version is closed
        path_services.clinic_review(v1, by=users["juri"], advice=ADVICE)

    v1.refresh_from_db()
    assert v1.sections["ringkasan"] == "Versi 1" and v1.number == 1
    assert v2.sections["ringkasan"] == "Versi 2" and v2.title == "Antrean daring v2"
    views = path_selectors.clinic_versions(team)
    assert [v.version.number for v in views] == [2, 1]
    assert views[0].reviews == []
    assert [r.reviewer for r in views[1].reviews] == [mentor, users["juri"]]
    assert views[1].reviews[0].advice_rows[1][1] == ADVICE["efektif"]
