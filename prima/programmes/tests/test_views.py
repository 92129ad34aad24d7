"""Programme pages per role: organisers change, other OPDs and Pemda see nothing,
participants check in but never take attendance, materials stay with the
programme's people, and the attendance workbook."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from prima.core.roles import Role
from prima.organisations.testing import make_user
from prima.programmes import checkin, services
from prima.programmes.models import Attendance, Material, Participant, Programme
from prima.programmes.testing import make_participant, make_programme, make_session


@pytest.fixture
def opd_programme(org, users):
    """A programme Disdukcapil organises for its own staff only."""
    return make_programme(pemda=org.pemda, organiser_opd=org.opd, target_opds=[org.opd])


def test_organiser_creates_a_programme_with_its_stages(org, users, client):
    """The OPD administrator organises as its OPD; the five stages are added."""
    client.force_login(users["admin_opd"])
    page = client.get(reverse("programmes:programme_create"))
    assert f'value="o{org.opd.pk}"' in page.content.decode()
    assert f'value="p{org.pemda.pk}"' not in page.content.decode()
    response = client.post(
        reverse("programmes:programme_create"),
        {
            "organiser": f"o{org.opd.pk}",
            "kind": "workshop",
            "title": "Workshop Inovasi 2026",
            "starts_on": "2026-03-02",
            "ends_on": "2026-06-01",
            "attendance_threshold": "80",
            "late_after_minutes": "15",
            "target_opds": [org.opd.pk],
        },
    )
    programme = Programme.objects.get(title="Workshop Inovasi 2026")
    assert response.status_code == 302
    assert programme.organiser_opd == org.opd
    assert programme.stages.count() == 5
    assert list(programme.target_opds.all()) == [org.opd]


def test_organiser_of_another_opd_neither_sees_nor_changes(
    org, users, client, opd_programme
):
    """The health OPD's admin gets 404 on Disdukcapil's own programme; its admin 200."""
    health_admin = make_user(role=Role.ADMIN_OPD, opd=org.other_opd)
    detail = reverse("programmes:programme_detail", args=[opd_programme.pk])
    edit = reverse("programmes:programme_edit", args=[opd_programme.pk])
    client.force_login(users["admin_opd"])
    assert client.get(edit).status_code == 200
    client.force_login(health_admin)
    assert client.get(detail).status_code == 404
    response = client.post(edit, {"title": "Diambil alih"})
    assert response.status_code == 404
    assert (
        client.get(reverse("programmes:programme_list")).context["programmes"].count()
        == 0
    )
    opd_programme.refresh_from_db()
    assert opd_programme.title != "Diambil alih"


def test_another_pemda_neither_sees_nor_changes(org, users, client, opd_programme):
    client.force_login(users["other_pemda_admin"])
    for name in ("programme_detail", "programme_edit", "session_create"):
        url = reverse(f"programmes:{name}", args=[opd_programme.pk])
        assert client.get(url).status_code == 404


def test_pemda_admin_sees_but_does_not_change_an_opd_programme(
    users, client, opd_programme
):
    client.force_login(users["admin_pemda"])
    detail = client.get(reverse("programmes:programme_detail", args=[opd_programme.pk]))
    assert detail.status_code == 200
    assert not detail.context["powers"].change
    edit = reverse("programmes:programme_edit", args=[opd_programme.pk])
    assert client.get(edit).status_code == 403


def test_nomination_then_acceptance(org, users, client):
    """The OPD admin nominates its operator; the Pemda admin accepts."""
    programme = make_programme(pemda=org.pemda)
    client.force_login(users["admin_opd"])
    url = reverse("programmes:participant_nominate", args=[programme.pk])
    page = client.get(url).content.decode()
    assert "operator_unit" in page
    outsider = make_user(
        username="dinkes", role=Role.OPERATOR_UNIT, unit=org.other_opd_unit
    )
    assert "dinkes" not in page
    client.post(url, {"user": outsider.pk})
    assert not programme.participants.exists()
    client.post(url, {"user": users["operator_unit"].pk})
    participant = programme.participants.get()
    choices = dict(client.get(url).context["form"].fields["user"].choices)
    assert users["operator_unit"].pk not in choices
    assert users["petugas_loket"].pk in choices
    client.force_login(users["admin_pemda"])
    decide = reverse("programmes:participant_decide", args=[participant.pk])
    client.post(decide, {"accept": "on"})
    participant.refresh_from_db()
    assert participant.is_accepted
    client.force_login(users["admin_opd"])
    assert client.post(decide, {"accept": ""}).status_code == 403
    participant.refresh_from_db()
    assert participant.is_accepted


@pytest.fixture
def running(org, users):
    """A Pemda programme with a session running now and the operator accepted."""
    programme = make_programme(pemda=org.pemda)
    session = make_session(programme, starts_at=timezone.now() - timedelta(minutes=5))
    participant = make_participant(programme, users["operator_unit"], unit=org.unit)
    return session, participant


def test_participant_cannot_take_attendance(users, client, running):
    session, participant = running
    client.force_login(users["operator_unit"])
    url = reverse("programmes:attendance_take", args=[session.pk])
    assert client.get(url).status_code == 403
    response = client.post(url, {f"p{participant.pk}-status": "hadir"})
    assert response.status_code == 403
    assert not Attendance.objects.exists()
    assert (
        client.get(reverse("programmes:session_qr", args=[session.pk])).status_code
        == 403
    )


def test_organiser_takes_attendance_without_javascript(users, client, running):
    """One row per participant; a plain form post records status and remark."""
    session, participant = running
    client.force_login(users["admin_pemda"])
    url = reverse("programmes:attendance_take", args=[session.pk])
    page = client.get(url).content.decode()
    assert f'name="p{participant.pk}-status"' in page
    assert "<script" not in page.split("<main", 1)[-1]
    client.post(
        url,
        {f"p{participant.pk}-status": "izin", f"p{participant.pk}-remark": "Sakit"},
    )
    mark = Attendance.objects.get()
    assert (mark.status, mark.remark) == ("izin", "Sakit")


def test_qr_page_shows_an_svg_that_refreshes(users, client, running):
    session, _participant = running
    client.force_login(users["admin_pemda"])
    page = client.get(reverse("programmes:session_qr", args=[session.pk]))
    html = page.content.decode()
    assert "<svg" in html
    assert '<meta http-equiv="refresh" content="' in html
    assert 0 < page.context["refresh"] <= checkin.STEP
    code = checkin.current_code(settings.SECRET_KEY, session.pk, timezone.now())
    assert page.context["url"].endswith(f"/sesi/{session.pk}/hadir/{code}/")


def _check_in_url(session, when=None) -> str:
    code = checkin.current_code(settings.SECRET_KEY, session.pk, when or timezone.now())
    return reverse("programmes:check_in", args=[session.pk, code])


def test_check_in_by_qr_is_idempotent(users, client, running):
    session, participant = running
    client.force_login(users["operator_unit"])
    url = _check_in_url(session)
    assert "Saya hadir" in client.get(url).content.decode()
    assert client.post(url).status_code == 302
    mark = Attendance.objects.get()
    assert mark.status == "hadir"
    again = client.post(url)
    assert again.status_code == 200
    assert "Kehadiran Anda tercatat" in again.content.decode()
    assert Attendance.objects.get().checked_in_at == mark.checked_in_at


def test_check_in_with_an_expired_code_is_refused(users, client, running):
    session, _participant = running
    client.force_login(users["operator_unit"])
    url = _check_in_url(session, timezone.now() - timedelta(minutes=10))
    shown = client.get(url).content.decode()
    assert "kedaluwarsa" in shown
    assert "Saya hadir" not in shown
    response = client.post(url)
    assert "kedaluwarsa" in response.content.decode()
    assert not Attendance.objects.exists()


def test_check_in_after_the_session_is_refused(users, client, org):
    programme = make_programme(pemda=org.pemda)
    session = make_session(programme, starts_at=timezone.now() - timedelta(hours=3))
    make_participant(programme, users["operator_unit"], unit=org.unit)
    client.force_login(users["operator_unit"])
    response = client.post(_check_in_url(session))
    assert "presensi ditutup" in response.content.decode()
    assert not Attendance.objects.exists()


def test_check_in_only_for_accepted_participants(users, client, running):
    session, _participant = running
    client.force_login(users["admin_pemda"])
    assert client.post(_check_in_url(session)).status_code == 404
    assert not Attendance.objects.exists()


def _material(session) -> Material:
    item = Material(session=session, title="Modul", original_name="modul.pdf")
    item.content_type, item.size = "application/pdf", 8
    item.file.save("m.pdf", ContentFile(b"%PDF-1.4"), save=True)
    return item


def test_materials_only_for_the_programmes_people(org, users, client, running):
    """Accepted participants, mentors and organisers download; others get 404."""
    session, participant = running
    url = reverse("programmes:material_file", args=[_material(session).pk])
    client.force_login(users["operator_unit"])
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    nominee = make_user(role=Role.OPERATOR_UNIT, unit=org.unit)
    Participant.objects.create(programme=session.programme, user=nominee, opd=org.opd)
    for user in (nominee, users["admin_opd"], users["mentor"], users["pimpinan"]):
        client.force_login(user)
        assert client.get(url).status_code == 404
    team = services.team_create(programme=session.programme, name="Tim", unit=org.unit)
    services.team_assign_mentor(team, mentor=users["mentor"])
    client.force_login(users["mentor"])
    assert client.get(url).status_code == 200


def test_mentor_sees_only_assigned_teams(org, users, client, running):
    session, participant = running
    programme = session.programme
    mine = services.team_create(programme=programme, name="Tim A", unit=org.unit)
    other = services.team_create(
        programme=programme, name="Tim B", unit=org.sibling_unit
    )
    services.team_assign_mentor(mine, mentor=users["mentor"])
    client.force_login(users["mentor"])
    page = client.get(reverse("programmes:programme_detail", args=[programme.pk]))
    assert list(page.context["teams"]) == [mine]
    assert (
        client.get(reverse("programmes:team_detail", args=[mine.pk])).status_code == 200
    )
    assert (
        client.get(reverse("programmes:team_detail", args=[other.pk])).status_code
        == 404
    )


def test_attendance_workbook(users, client, running):
    """Indonesian headers, session length in minutes and hours, each status."""
    session, participant = running
    services.attendance_record(
        session, by=users["admin_pemda"], rows=[(participant, "terlambat", "Macet")]
    )
    client.force_login(users["admin_pemda"])
    response = client.get(
        reverse("programmes:attendance_xlsx", args=[session.programme_id])
    )
    book = load_workbook(io.BytesIO(response.content))
    presensi, sesi = book["Presensi"], book["Sesi"]
    header = [c.value for c in presensi[1]]
    assert header[:5] == ["No.", "Nama", "Perangkat Daerah", "Unit layanan", "Tim"]
    assert header[-3:] == ["Menit hadir", "Jam hadir", "Sesi dihadiri (%)"]
    row = [c.value for c in presensi[2]]
    assert row[5] == "Terlambat: Macet"
    assert row[-3:] == [120, 2, 100]
    sessions = [c.value for c in sesi[2]]
    assert sessions[5:7] == [120, 2]
    assert sesi.cell(2, 4).number_format == "[$-421]d mmmm yyyy hh.mm"
    client.force_login(users["operator_unit"])
    assert (
        client.get(
            reverse("programmes:attendance_xlsx", args=[session.programme_id])
        ).status_code
        == 403
    )


def test_declined_nominee_no_longer_sees_the_programme(users, client, running):
    session, participant = running
    detail = reverse("programmes:programme_detail", args=[session.programme_id])
    client.force_login(users["operator_unit"])
    assert client.get(detail).status_code == 200
    services.participant_decide(participant, by=users["admin_pemda"], accept=False)
    assert client.get(detail).status_code == 404


def test_organiser_takes_a_member_out_of_the_team(org, users, client, running):
    session, participant = running
    team = services.team_create(programme=session.programme, name="Tim", unit=org.unit)
    services.team_member_set(participant, team=team)
    url = reverse("programmes:team_member_remove", args=[participant.pk])
    client.force_login(users["operator_unit"])
    assert client.post(url).status_code == 403
    participant.refresh_from_db()
    assert participant.team == team
    client.force_login(users["admin_pemda"])
    assert client.post(url).status_code == 302
    participant.refresh_from_db()
    assert participant.team is None


def test_session_page_shows_the_attendance_to_organisers_only(users, client, running):
    """The organiser sees each participant's status; the participant only their own."""
    session, participant = running
    services.attendance_record(
        session, by=users["admin_pemda"], rows=[(participant, "izin", "Cuti")]
    )
    url = reverse("programmes:session_detail", args=[session.pk])
    client.force_login(users["admin_pemda"])
    page = client.get(url)
    assert page.context["marks"] == [(participant, Attendance.objects.get())]
    assert 'id="marks"' in page.content.decode()
    client.force_login(users["operator_unit"])
    page = client.get(url)
    assert page.context["marks"] is None
    assert 'id="own-attendance"' in page.content.decode()
    assert "Izin (Cuti)" in page.content.decode()
    programme_page = client.get(
        reverse("programmes:programme_detail", args=[session.programme_id])
    )
    assert 'id="own-participation"' in programme_page.content.decode()


def test_people_are_shown_by_their_full_name(org, users, client):
    """Staff are listed as "Sari Wulan — Loket ...", participants by full name."""
    programme = make_programme(pemda=org.pemda)
    sari = make_user(
        role=Role.PETUGAS_LOKET, unit=org.sibling_unit, full_name="Sari Wulan"
    )
    client.force_login(users["admin_opd"])
    url = reverse("programmes:participant_nominate", args=[programme.pk])
    assert f"Sari Wulan — {org.sibling_unit}" in client.get(url).content.decode()
    client.post(url, {"user": sari.pk})
    assert programme.participants.get().display_name == "Sari Wulan"
