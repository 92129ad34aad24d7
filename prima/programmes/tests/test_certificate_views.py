"""Closing, certificates and benchmarking pages per role, and the public
verification page: valid, revoked with its reason, unknown code."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from prima.innovations.models import Innovation, Sector
from prima.programmes import certificate_services, services
from prima.programmes.models import BenchmarkVisit, Certificate, Observation
from prima.programmes.testing import make_participant, make_programme, make_session


@pytest.fixture
def programme(org, users):
    """The operator attended the one session; the Pemda administrator organises."""
    programme = make_programme(pemda=org.pemda, attendance_threshold=80)
    participant = make_participant(programme, users["operator_unit"], unit=org.unit)
    session = make_session(programme)
    services.attendance_record(
        session, by=users["admin_pemda"], rows=[(participant, "hadir", "")]
    )
    return programme


def test_organiser_closes_marks_and_issues(client, users, programme):
    client.force_login(users["admin_pemda"])
    participant = programme.participants.get()
    url = reverse("programmes:closing", kwargs={"pk": programme.pk})
    page = client.get(url).content.decode()
    assert 'id="closing-form"' in page
    assert "1/1 (100%)" in page
    client.post(url, {"passed": [participant.pk]})
    assert certificate_services.is_closed(programme)
    response = client.post(
        reverse("programmes:certificates_issue", kwargs={"pk": programme.pk})
    )
    assert response.status_code == 302
    certificate = Certificate.objects.get()
    assert certificate.participant == participant
    page = client.get(url).content.decode()
    assert certificate.number in page


def test_issue_before_closing_issues_nothing(client, users, programme):
    client.force_login(users["admin_pemda"])
    client.post(reverse("programmes:certificates_issue", kwargs={"pk": programme.pk}))
    assert not Certificate.objects.exists()


def _issued(programme, users):
    admin = users["admin_pemda"]
    certificate_services.programme_close(
        programme, by=admin, passed=list(programme.participants.all())
    )
    [certificate] = certificate_services.certificates_issue(programme, by=admin)
    return certificate


def test_the_holder_downloads_but_cannot_revoke(client, users, programme, monkeypatch):
    certificate = _issued(programme, users)
    monkeypatch.setattr("prima.reports.pdf.html_to_pdf", lambda html: b"%PDF-stub")
    client.force_login(users["operator_unit"])
    detail = client.get(reverse("programmes:programme_detail", args=[programme.pk]))
    assert reverse("programmes:certificate_pdf", args=[certificate.pk]) in (
        detail.content.decode()
    )
    response = client.get(reverse("programmes:certificate_pdf", args=[certificate.pk]))
    assert response["Content-Type"] == "application/pdf"
    revoke = reverse("programmes:certificate_revoke", args=[certificate.pk])
    assert client.post(revoke, {"reason": "x"}).status_code == 403
    certificate.refresh_from_db()
    assert certificate.is_valid


def test_organiser_revokes_with_a_reason(client, users, programme):
    certificate = _issued(programme, users)
    client.force_login(users["admin_pemda"])
    revoke = reverse("programmes:certificate_revoke", args=[certificate.pk])
    assert client.post(revoke, {"reason": ""}).status_code == 200
    client.post(revoke, {"reason": "Presensi dipalsukan"})
    certificate.refresh_from_db()
    assert not certificate.is_valid
    assert certificate.revoke_reason == "Presensi dipalsukan"


def test_public_page_valid_without_login(client, users, programme):
    certificate = _issued(programme, users)
    page = client.get(f"/sertifikat/{certificate.code}/")
    text = page.content.decode()
    assert page.status_code == 200
    assert certificate.holder_name in text
    assert certificate.number in text
    assert programme.title in text
    assert 'id="status-title">Sertifikat sah<' in text
    assert "<script" not in text.split("</header>", 1)[-1].split("<footer", 1)[0]


def test_public_page_revoked_shows_the_reason(client, users, programme):
    certificate = _issued(programme, users)
    certificate_services.certificate_revoke(
        certificate, by=users["admin_pemda"], reason="Presensi dipalsukan"
    )
    text = client.get(f"/sertifikat/{certificate.code}/").content.decode()
    assert "Sertifikat dicabut" in text
    assert "Presensi dipalsukan" in text


def test_public_page_unknown_code_is_404(client, db):
    assert client.get("/sertifikat/tidak-ada-kode/").status_code == 404


def test_organiser_records_a_visit_and_an_observation(client, org, users, programme):
    client.force_login(users["admin_pemda"])
    participant = programme.participants.get()
    response = client.post(
        reverse("programmes:visit_create", args=[programme.pk]),
        {
            "host_region": "Kota Surabaya",
            "visited_on": timezone.localdate().isoformat(),
            "participants": [participant.pk],
        },
    )
    visit = BenchmarkVisit.objects.get()
    assert response.url == reverse("programmes:visit_detail", args=[visit.pk])
    assert list(visit.participants.all()) == [participant]
    client.post(
        reverse("programmes:observation_add", args=[visit.pk]),
        {
            "title": "Klampid New Generation",
            "origin_agency": "Dispendukcapil Surabaya",
            "sector": Sector.ADMINISTRASI_KEPENDUDUKAN,
            "observed": "Pengajuan daring dari kelurahan.",
            "adopting_opd": org.opd.pk,
            "copy_what": "Pengajuan daring",
            "adapt_how": "Verifikasi di kecamatan",
        },
    )
    observation = Observation.objects.get()
    assert observation.innovation.origin_region == "Kota Surabaya"
    assert Innovation.objects.filter(opd__isnull=True).count() == 1
    # A draft cannot be replicated yet: the page says so and nothing is created.
    client.post(reverse("programmes:observation_replicate", args=[observation.pk]))
    observation.refresh_from_db()
    assert observation.replication is None
    page = client.get(reverse("programmes:visit_detail", args=[visit.pk]))
    assert "Klampid New Generation" in page.content.decode()


def test_the_participant_sees_the_visit_but_cannot_add(client, users, programme):
    admin = users["admin_pemda"]
    from prima.programmes import benchmark_services

    visit = benchmark_services.visit_save(
        programme=programme,
        by=admin,
        host_region="Kota Malang",
        visited_on=timezone.localdate(),
    )
    client.force_login(users["operator_unit"])
    assert (
        client.get(reverse("programmes:visit_detail", args=[visit.pk])).status_code
        == 200
    )
    add = reverse("programmes:observation_add", args=[visit.pk])
    assert client.get(add).status_code == 403


def test_outcomes_count_finishers_and_list_replications_with_impact(
    client, org, users, programme
):
    """The closing page's outcomes: valid certificates, and the replications started
    from the programme's visits, an applied one with its measured impact."""
    from datetime import timedelta

    from prima.innovations import services as innovation_services
    from prima.innovations.models import SECTIONS, Group
    from prima.programmes import benchmark_services

    admin = users["admin_pemda"]
    _issued(programme, users)
    visit = benchmark_services.visit_save(
        programme=programme,
        by=admin,
        host_region="Kota Surabaya",
        visited_on=timezone.localdate(),
    )
    observation = benchmark_services.observation_add(
        visit,
        by=admin,
        title="Klampid",
        origin_agency="Dispendukcapil Surabaya",
        sector=Sector.ADMINISTRASI_KEPENDUDUKAN,
        observed="Daring.",
        adopting_opd=org.opd,
    )
    origin = observation.innovation
    for name in SECTIONS[Group.UMUM]:
        setattr(origin, name, getattr(origin, name) or "Isi.")
    origin.save()
    innovation_services.innovation_publish(origin, by=admin)
    copy = benchmark_services.observation_replicate(observation, by=admin)
    copy.stage = "diterapkan"
    copy.applied_on = timezone.localdate() - timedelta(days=30)
    copy.save()
    client.force_login(admin)
    page = client.get(reverse("programmes:closing", args=[programme.pk]))
    outcome = page.context["outcome"]
    assert outcome.finished == 1
    [born] = outcome.replications
    item, impact = born.innovation, born.impact
    assert item == copy
    # Applied, but it targets no unsur yet: the impact says why nothing is measured.
    assert impact is not None and impact.missing
    assert impact.missing_text in page.content.decode()


def test_outcomes_list_the_innovations_the_teams_designed(
    client, org, users, programme
):
    from prima.innovations.models import Innovation
    from prima.programmes.models import TeamDesign

    team = services.team_create(programme=programme, name="Tim A", unit=org.unit)
    designed = Innovation.objects.create(
        pemda=org.pemda,
        opd=org.opd,
        unit=org.unit,
        title="Antrean daring Dukcapil",
        sector=Sector.ADMINISTRASI_KEPENDUDUKAN,
        stage="diterapkan",
        applied_on=timezone.localdate(),
    )
    TeamDesign.objects.create(team=team, innovation=designed)
    Innovation.objects.create(
        pemda=org.pemda, opd=org.opd, title="Tidak terkait", sector="lainnya"
    )
    client.force_login(users["admin_pemda"])
    page = client.get(reverse("programmes:closing", args=[programme.pk]))
    [born] = page.context["outcome"].designed
    assert born.innovation == designed
    assert born.impact is not None
    assert "Antrean daring Dukcapil" in page.content.decode()
    assert "Tidak terkait" not in page.content.decode()


def _team(programme, org):
    team = services.team_create(programme=programme, name="Tim A", unit=org.unit)
    services.team_member_set(programme.participants.get(), team=team)
    return team


def test_organiser_scores_a_plan_from_the_closing_page(client, org, users, programme):
    """The final review: a score per team, changed by posting again; the closing
    page and the outcome show it."""
    from prima.programmes.models import PlanScore

    team = _team(programme, org)
    client.force_login(users["admin_pemda"])
    url = reverse("programmes:plan_score", kwargs={"pk": team.pk})
    client.post(url, {"score": "82", "note": "Tonggak jelas."})
    client.post(url, {"score": "85", "note": "Bukti lengkap."})
    score = PlanScore.objects.get(team=team)
    assert (score.score, score.note, score.scored_by) == (
        85,
        "Bukti lengkap.",
        users["admin_pemda"],
    )
    page = client.get(reverse("programmes:closing", kwargs={"pk": programme.pk}))
    assert page.context["outcome"].mean_plan_score == 85
    assert f'id="team{team.pk}-score"' in page.content.decode()


def test_a_bad_score_names_the_field_and_stores_nothing(client, org, users, programme):
    from prima.programmes.models import PlanScore

    team = _team(programme, org)
    client.force_login(users["admin_pemda"])
    url = reverse("programmes:plan_score", kwargs={"pk": team.pk})
    response = client.post(url, {"score": "101"}, follow=True)
    assert not PlanScore.objects.exists()
    assert "Nilai rencana (0–100)" in response.content.decode()


def test_the_mentor_and_the_member_cannot_score(client, org, users, programme):
    from prima.programmes.models import PlanScore

    team = _team(programme, org)
    services.team_assign_mentor(team, mentor=users["mentor"])
    url = reverse("programmes:plan_score", kwargs={"pk": team.pk})
    for name in ("mentor", "operator_unit"):
        client.force_login(users[name])
        assert client.post(url, {"score": "90"}).status_code == 403
    assert not PlanScore.objects.exists()
