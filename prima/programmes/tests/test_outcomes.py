"""Programme outcomes: who finished, attendance per session, the innovations born
and how many improved a targeted unsur; the Pemda's outcomes by year; who follows
them; the report PDF."""

from __future__ import annotations

import io
from datetime import date, timedelta
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from prima.innovations.impact import Verdict
from prima.innovations.testing import make_innovation
from prima.programmes import certificate_services, outcome_selectors, services
from prima.programmes.models import Programme, TeamDesign
from prima.programmes.testing import make_participant, make_programme, make_session

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme(org, users):
    """Two participants; one attended the one session, the other was excused;
    the first passed and holds a certificate."""
    programme = make_programme(pemda=org.pemda, attendance_threshold=80)
    present = make_participant(programme, users["operator_unit"], unit=org.unit)
    excused = make_participant(programme, users["petugas_loket"], unit=org.unit)
    session = make_session(programme, starts_at=timezone.now() - timedelta(hours=3))
    services.attendance_record(
        session,
        by=users["admin_pemda"],
        rows=[(present, "hadir", ""), (excused, "izin", "Sakit")],
    )
    certificate_services.programme_close(
        programme, by=users["admin_pemda"], passed=[present]
    )
    certificate_services.certificates_issue(programme, by=users["admin_pemda"])
    return programme


def test_outcome_counts_finishers_and_attendance_per_session(programme):
    outcome = outcome_selectors.programme_outcome(programme)
    assert (outcome.participants, outcome.finished) == (2, 1)
    [session] = outcome.sessions
    assert (session.attended, session.accepted) == (1, 2)
    assert str(session.percent) == "50.0"
    chart = outcome.attendance_chart()
    assert 'class="threshold"' in chart and chart.count('class="bar"') == 1


def test_a_revoked_certificate_is_not_a_finisher(programme, users):
    certificate_services.certificate_revoke(
        programme.certificates.get(), by=users["admin_pemda"], reason="Salah nama"
    )
    assert outcome_selectors.programme_outcome(programme).finished == 0


def test_future_sessions_are_not_in_the_attendance(programme):
    make_session(programme, starts_at=timezone.now() + timedelta(days=2))
    assert len(outcome_selectors.programme_outcome(programme).sessions) == 1


def test_team_designs_are_the_innovations_born_by_stage(programme, org, users):
    team = services.team_create(programme=programme, name="Tim A", unit=org.unit)
    innovation = make_innovation(
        unit=org.unit, title="Antrean daring", stage="ide", applied_on=None
    )
    TeamDesign.objects.create(team=team, innovation=innovation)
    outcome = outcome_selectors.programme_outcome(programme)
    assert [item.innovation for item in outcome.designed] == [innovation]
    assert outcome.stages == [(innovation.get_stage_display(), 1)]
    assert outcome.applied == outcome.improved == 0
    assert outcome.designed[0].impact is None


def _impact(*verdicts):
    return SimpleNamespace(rows=[SimpleNamespace(verdict=v) for v in verdicts])


def test_improved_needs_a_significant_improvement_of_a_targeted_unsur():
    applied = SimpleNamespace(stage="diterapkan")
    improved = outcome_selectors.InnovationOutcome(
        applied, _impact(Verdict.UNCLEAR, Verdict.IMPROVED)
    )
    unclear = outcome_selectors.InnovationOutcome(applied, _impact(Verdict.UNCLEAR))
    worse = outcome_selectors.InnovationOutcome(applied, _impact(Verdict.WORSENED))
    unmeasured = outcome_selectors.InnovationOutcome(applied, None)
    assert [o.improved for o in (improved, unclear, worse, unmeasured)] == [
        True,
        False,
        False,
        False,
    ]


def test_outcomes_by_year_group_the_programmes_by_their_start(programme, org, users):
    make_programme(
        pemda=org.pemda,
        title="Diklat 2025",
        starts_on=date(2025, 9, 1),
        ends_on=date(2025, 9, 5),
    )
    years = outcome_selectors.outcomes_by_year(users["admin_pemda"])
    assert [year.year for year in years] == [programme.starts_on.year, 2025]
    assert (years[0].participants, years[0].finished) == (2, 1)
    assert [p.programme.title for p in years[1].programmes] == ["Diklat 2025"]


def test_outcomes_are_followed_by_overseers_and_leadership_only(programme, users):
    followers = {
        name
        for name, user in users.items()
        if Programme.objects.reported_to(user).filter(pk=programme.pk).exists()
    }
    assert followers == {"admin_pemda", "pimpinan", "superuser"}


def test_outcomes_page_shows_each_year(client, programme, users):
    client.force_login(users["pimpinan"])
    page = client.get(reverse("programmes:outcomes")).content.decode()
    assert f'id="year-{programme.starts_on.year}"' in page
    assert programme.title in page


def test_report_pdf_carries_the_figures(client, programme, users):
    client.force_login(users["admin_pemda"])
    response = client.get(reverse("programmes:report_pdf", kwargs={"pk": programme.pk}))
    assert response["Content-Type"] == "application/pdf"
    text = "".join(
        page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages
    )
    assert programme.title in text
    assert "1 / 2" in text  # attended of accepted in the one session
