"""Closing, certificates and benchmarking through the services: bulk issue only to
the eligible, numbers unique per Pemda and year, revoking, the PDF, and
observations recorded into the replication library and replicated."""

from __future__ import annotations

import re
import threading
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, connections, transaction
from django.utils import timezone

from prima.core.roles import Role
from prima.innovations import services as innovation_services
from prima.innovations.models import SECTIONS, Group, Sector, Status
from prima.organisations.testing import make_user
from prima.programmes import benchmark_services, certificate_services, services
from prima.programmes.models import Certificate, Milestone, MilestoneReport, Team
from prima.programmes.testing import make_participant, make_programme, make_session

YEAR = timezone.localdate().year


def _attend(session, by, rows):
    services.attendance_record(session, by=by, rows=[(p, s, "") for p, s in rows])


@pytest.fixture
def closed(org, users):
    """Five sessions; ``full`` attended 5, ``four`` 4 (late once), ``three`` 3."""
    admin = users["admin_pemda"]
    programme = make_programme(pemda=org.pemda, attendance_threshold=80)
    people = {
        name: make_participant(
            programme, make_user(role=Role.OPERATOR_UNIT, unit=org.unit), unit=org.unit
        )
        for name in ("full", "four", "three", "failed")
    }
    for day in range(5):
        session = make_session(
            programme, starts_at=timezone.now() - timezone.timedelta(days=10 - day)
        )
        _attend(
            session,
            admin,
            [
                (people["full"], "hadir"),
                (people["four"], "terlambat" if day == 0 else "hadir"),
                (people["three"], "hadir" if day < 3 else "izin"),
                (people["failed"], "hadir"),
            ],
        )
    certificate_services.programme_close(
        programme,
        by=admin,
        passed=[people["full"], people["four"], people["three"]],
    )
    return programme, people, admin


def test_bulk_issue_only_to_those_over_the_threshold_with_a_pass_mark(closed):
    programme, people, admin = closed
    issued = certificate_services.certificates_issue(programme, by=admin)
    # "three" attended 60 %; "failed" attended all but was not marked passed.
    assert {c.participant for c in issued} == {people["full"], people["four"]}
    assert sorted(c.number for c in issued) == [
        f"001/PRIMA/KOTA-ALPHA/{YEAR}",
        f"002/PRIMA/KOTA-ALPHA/{YEAR}",
    ]
    assert all(len(c.code) >= 24 for c in issued)
    # Issuing again issues nothing new.
    assert certificate_services.certificates_issue(programme, by=admin) == []


def test_a_team_whose_plan_is_not_accepted_gets_no_certificate(closed, org):
    """A participant whose team's rencana aksi still has a milestone under revision
    waits for the mentor's acceptance; then the certificate is issued."""
    programme, people, admin = closed
    team = Team.objects.create(programme=programme, name="Tim Loket", unit=org.unit)
    people["full"].team = team
    people["full"].save(update_fields=["team"])
    milestone = Milestone.objects.create(
        team=team,
        title="Uji coba antrean daring",
        due_on=timezone.localdate(),
        evidence_expected="Foto",
        responsible="Kepala loket",
    )
    report = MilestoneReport.objects.create(
        milestone=milestone, round=1, text="Sudah", outcome="perlu_perbaikan"
    )
    issued = certificate_services.certificates_issue(programme, by=admin)
    assert {c.participant for c in issued} == {people["four"]}
    report.outcome = "diterima"
    report.save(update_fields=["outcome"])
    [late] = certificate_services.certificates_issue(programme, by=admin)
    assert late.participant == people["full"]


def test_a_late_pass_mark_is_issued_next(closed):
    programme, people, admin = closed
    certificate_services.certificates_issue(programme, by=admin)
    certificate_services.programme_close(
        programme,
        by=admin,
        passed=[people["full"], people["four"], people["three"], people["failed"]],
    )
    [late] = certificate_services.certificates_issue(programme, by=admin)
    assert late.participant == people["failed"]
    assert late.number == f"003/PRIMA/KOTA-ALPHA/{YEAR}"


def test_an_open_programme_issues_nothing(org, users):
    programme = make_programme(pemda=org.pemda)
    with pytest.raises(ValidationError):
        certificate_services.certificates_issue(programme, by=users["admin_pemda"])


def test_numbers_run_per_pemda_and_year(org, users, closed):
    programme, _people, admin = closed
    certificate_services.certificates_issue(programme, by=admin)
    # A second programme of the same Pemda continues its sequence ...
    second = make_programme(pemda=org.pemda, attendance_threshold=0)
    one = make_participant(
        second, make_user(role=Role.OPERATOR_UNIT, unit=org.unit), unit=org.unit
    )
    certificate_services.programme_close(second, by=admin, passed=[one])
    [cert] = certificate_services.certificates_issue(second, by=admin)
    assert cert.number == f"003/PRIMA/KOTA-ALPHA/{YEAR}"
    # ... another Pemda starts its own at 001.
    other = make_programme(pemda=org.other_pemda, attendance_threshold=0)
    beta = make_participant(
        other,
        make_user(role=Role.OPERATOR_UNIT, unit=org.other_pemda_unit),
        unit=org.other_pemda_unit,
    )
    certificate_services.programme_close(other, by=admin, passed=[beta])
    [cert] = certificate_services.certificates_issue(other, by=admin)
    assert cert.number == f"001/PRIMA/KABUPATEN-BETA/{YEAR}"


def test_the_database_refuses_a_duplicate_sequence(closed):
    programme, _people, admin = closed
    first, second = certificate_services.certificates_issue(programme, by=admin)
    second.sequence = first.sequence
    with pytest.raises(IntegrityError), transaction.atomic():
        second.save()


def test_revoke_needs_a_reason_and_happens_once(closed):
    programme, _people, admin = closed
    cert, _ = certificate_services.certificates_issue(programme, by=admin)
    with pytest.raises(ValidationError):
        certificate_services.certificate_revoke(cert, by=admin, reason="  ")
    certificate_services.certificate_revoke(cert, by=admin, reason="Data palsu")
    cert.refresh_from_db()
    assert not cert.is_valid
    assert cert.revoke_reason == "Data palsu"
    with pytest.raises(ValidationError):
        certificate_services.certificate_revoke(cert, by=admin, reason="Lagi")


def _page_count(pdf: bytes) -> int:
    """Count the page objects, inside WeasyPrint's compressed object streams too."""
    streams = re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S)
    text = pdf + b"".join(zlib.decompress(x) for x in streams if x[:1] == b"x")
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", text))


def test_the_pdf_renders_with_the_qr_code(closed, monkeypatch):
    """A real WeasyPrint rendering, of HTML holding the number and an inline QR."""
    from prima.reports import pdf

    programme, _people, admin = closed
    cert, _ = certificate_services.certificates_issue(programme, by=admin)
    seen = []
    real = pdf.html_to_pdf
    monkeypatch.setattr(
        pdf, "html_to_pdf", lambda html: seen.append(html) or real(html)
    )
    out = certificate_services.certificate_pdf(
        cert, verify_url=f"https://prima.test/sertifikat/{cert.code}/"
    )
    assert out.startswith(b"%PDF")
    # One landscape page: the frame and the QR code fit.
    assert _page_count(out) == 1
    [html] = seen
    assert "<svg" in html
    assert cert.number in html
    assert f"/sertifikat/{cert.code}/" in html


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the in-memory SQLite test database cannot be shared between threads",
)
@pytest.mark.django_db(transaction=True)
def test_parallel_issues_of_one_pemda_get_distinct_numbers(org):
    """Four organisers issue at once in one Pemda: the counter row's lock gives
    twelve certificates the numbers 1 to 12, none twice."""
    admin = make_user(role=Role.ADMIN_PEMDA, pemda=org.pemda)
    programmes = []
    for n in range(4):
        programme = make_programme(
            pemda=org.pemda, title=f"Diklat {n}", attendance_threshold=0
        )
        people = [
            make_participant(
                programme,
                make_user(role=Role.OPERATOR_UNIT, unit=org.unit),
                unit=org.unit,
            )
            for _ in range(3)
        ]
        certificate_services.programme_close(programme, by=admin, passed=people)
        programmes.append(programme)
    start = threading.Barrier(len(programmes))
    errors = []

    def issue(programme):
        try:
            start.wait()
            certificate_services.certificates_issue(programme, by=admin)
        except Exception as error:  # noqa: BLE001 - reported by the assertion
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=issue, args=(p,)) for p in programmes]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    sequences = sorted(Certificate.objects.values_list("sequence", flat=True))
    assert sequences == list(range(1, 13))


# Benchmarking ---------------------------------------------------------------------


def _publish(innovation, by):
    for name in SECTIONS[Group.UMUM]:
        if not getattr(innovation, name):
            setattr(innovation, name, "Isi bagian.")
    innovation.save()
    return innovation_services.innovation_publish(innovation, by=by)


@pytest.fixture
def visit(org, users):
    programme = make_programme(pemda=org.pemda)
    went = make_participant(
        programme, make_user(role=Role.OPERATOR_UNIT, unit=org.unit), unit=org.unit
    )
    return benchmark_services.visit_save(
        programme=programme,
        by=users["admin_pemda"],
        host_region="Kota Surabaya",
        visited_on=timezone.localdate(),
        participants=[went],
    )


def test_an_observation_is_recorded_as_an_innovation_of_the_host_region(
    org, users, visit
):
    observation = benchmark_services.observation_add(
        visit,
        by=users["admin_pemda"],
        title="Klampid New Generation",
        origin_agency="Dispendukcapil Surabaya",
        sector=Sector.ADMINISTRASI_KEPENDUDUKAN,
        observed="Layanan adminduk daring dari kelurahan.",
        adopting_opd=org.opd,
        copy_what="Pengajuan daring dari kelurahan",
        adapt_how="Dengan verifikasi di kecamatan",
    )
    innovation = observation.innovation
    assert innovation.is_external
    assert innovation.pemda == org.pemda
    assert innovation.origin_region == "Kota Surabaya"
    assert innovation.origin_agency == "Dispendukcapil Surabaya"
    assert innovation.status == Status.DRAFT


def test_replication_needs_the_observed_innovation_published(org, users, visit):
    admin = users["admin_pemda"]
    observation = benchmark_services.observation_add(
        visit,
        by=admin,
        title="Klampid",
        origin_agency="Dispendukcapil Surabaya",
        sector=Sector.ADMINISTRASI_KEPENDUDUKAN,
        observed="Daring.",
        adopting_opd=org.opd,
        copy_what="Pengajuan daring",
        adapt_how="Verifikasi kecamatan",
    )
    with pytest.raises(ValidationError):
        benchmark_services.observation_replicate(observation, by=admin)
    _publish(observation.innovation, admin)
    copy = benchmark_services.observation_replicate(observation, by=admin)
    assert copy.origin == observation.innovation
    assert copy.opd == org.opd
    assert copy.group == Group.REPLIKASI
    assert copy.proses_replikasi == "Pengajuan daring"
    assert copy.faktor_pembeda == "Verifikasi kecamatan"
    observation.refresh_from_db()
    assert observation.replication == copy
    assert list(benchmark_services.replications_of(visit.programme)) == [copy]
    with pytest.raises(ValidationError):
        benchmark_services.observation_replicate(observation, by=admin)


def test_a_visit_takes_only_accepted_participants_of_the_programme(org, users, visit):
    other = make_programme(pemda=org.pemda)
    stranger = make_participant(
        other, make_user(role=Role.OPERATOR_UNIT, unit=org.unit), unit=org.unit
    )
    with pytest.raises(ValidationError):
        benchmark_services.visit_save(
            programme=visit.programme,
            by=users["admin_pemda"],
            host_region="Kota Malang",
            visited_on=timezone.localdate(),
            participants=[stranger],
        )


def test_an_adopting_opd_of_another_pemda_is_refused(org, users, visit):
    with pytest.raises(ValidationError):
        benchmark_services.observation_add(
            visit,
            by=users["admin_pemda"],
            title="X",
            origin_agency="Y",
            sector=Sector.ADMINISTRASI_KEPENDUDUKAN,
            observed="Z",
            adopting_opd=org.other_pemda_opd,
        )


def test_certificate_codes_are_unguessable_and_distinct(closed):
    programme, _people, admin = closed
    issued = certificate_services.certificates_issue(programme, by=admin)
    codes = {c.code for c in issued}
    assert len(codes) == len(issued)
    assert all(re.fullmatch(r"[A-Za-z0-9_-]{24}", c) for c in codes)
    assert Certificate.objects.filter(code__in=codes).count() == 2


def test_a_programme_with_certificates_and_visits_can_be_deleted(closed, visit):
    """The demo's reset deletes programmes: certificates and observations go too."""
    programme, _people, admin = closed
    certificate_services.certificates_issue(programme, by=admin)
    programme.delete()
    visit.programme.delete()
    assert not Certificate.objects.exists()


def test_plan_score_must_lie_between_0_and_100(org, users):
    programme = make_programme(pemda=org.pemda)
    team = services.team_create(programme=programme, name="Tim A", unit=org.unit)
    with pytest.raises(ValidationError) as error:
        certificate_services.plan_score_save(team, by=users["admin_pemda"], score=101)
    assert "score" in error.value.message_dict
    saved = certificate_services.plan_score_save(team, by=users["admin_pemda"], score=0)
    assert saved.score == 0
