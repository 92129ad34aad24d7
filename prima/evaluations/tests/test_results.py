"""Tests of a cycle's results: publication, who sees the ranking and each unit's
result before and after it, the ranking per cohort, the exports and the
recommendations a unit follows up to closure."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from openpyxl import load_workbook

from prima.core.uploads import PNG, CleanFile
from prima.evaluations import selectors, services, testing
from prima.evaluations.models import Recommendation

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 6, 20, 3, 0, tzinfo=UTC)


@pytest.fixture
def cycle(org, users):
    """A cycle over the unit of ``org.opd`` and the unit of the other OPD, the
    ``evaluator`` assigned to both."""
    admin = users["admin_pemda"]
    cycle = testing.make_cycle(org.pemda, org.unit, org.other_opd_unit, by=admin)
    for cycle_unit in cycle.units.all():
        services.evaluator_assign(cycle_unit, evaluator=users["evaluator"], by=admin)
    return cycle


def unit_of(cycle, unit):
    return cycle.units.get(unit=unit)


def scored(cycle, users, first=4, second=3):
    """Submit both units' F-02: the own unit all ``first``, the other all ``second``."""
    own = cycle.units.get(unit__name="Kantor Disdukcapil Pusat")
    testing.submit_sheet(own, users["evaluator"], first)
    testing.submit_sheet(
        cycle.units.exclude(pk=own.pk).get(), users["evaluator"], second
    )


# --- publication -------------------------------------------------------------------


def test_publication_waits_for_every_f02(cycle, org, users):
    """Publishing is refused while a unit's F-02 is not submitted, naming it."""
    testing.submit_sheet(unit_of(cycle, org.unit), users["evaluator"], 4)
    with pytest.raises(ValidationError) as error:
        services.cycle_publish(cycle, by=users["admin_pemda"], now=NOW)
    assert "Puskesmas Melati" in " ".join(error.value.messages)
    cycle.refresh_from_db()
    assert not cycle.is_published


def test_publication_records_who_and_when_once(cycle, users):
    """The admin publishes once all F-02 are in; who and when are kept; twice is refused."""
    scored(cycle, users)
    services.cycle_publish(cycle, by=users["admin_pemda"], now=NOW)
    cycle.refresh_from_db()
    assert (cycle.published_at, cycle.published_by) == (NOW, users["admin_pemda"])
    with pytest.raises(ValidationError):
        services.cycle_publish(cycle, by=users["admin_pemda"], now=NOW)


@pytest.mark.parametrize("name", ["admin_opd", "operator_unit", "evaluator"])
def test_only_the_pemda_admin_publishes(cycle, users, name):
    """Unit staff and evaluators may not publish."""
    scored(cycle, users)
    with pytest.raises(PermissionDenied):
        services.cycle_publish(cycle, by=users[name], now=NOW)


# --- visibility --------------------------------------------------------------------


def status(client, user, name, pk, **kwargs):
    client.force_login(user)
    return client.get(reverse(name, args=[pk], **kwargs)).status_code


def test_before_publication_a_unit_sees_only_its_own_result(client, cycle, org, users):
    """The unit's operator sees its own result but not the other unit's, nor the
    ranking; the admin sees both and the ranking; the public page is 404."""
    scored(cycle, users)
    own, other = unit_of(cycle, org.unit), unit_of(cycle, org.other_opd_unit)
    operator, admin = users["operator_unit"], users["admin_pemda"]
    assert status(client, operator, "evaluations:result", own.pk) == 200
    assert status(client, operator, "evaluations:result", other.pk) == 404
    assert status(client, operator, "evaluations:evaluation", other.pk) == 404
    assert status(client, operator, "evaluations:ranking", cycle.pk) == 404
    assert status(client, users["evaluator"], "evaluations:ranking", cycle.pk) == 404
    assert status(client, admin, "evaluations:result", other.pk) == 200
    assert status(client, admin, "evaluations:ranking", cycle.pk) == 200
    client.logout()
    url = reverse("pekppp:results", args=[org.pemda.slug, cycle.pk])
    assert client.get(url).status_code == 404


def test_an_evaluator_sees_only_the_units_assigned(client, org, users):
    """Before publication an evaluator reaches the forms and result of the unit
    assigned to them, not those of another unit of the cycle."""
    admin = users["admin_pemda"]
    cycle = testing.make_cycle(org.pemda, org.unit, org.other_opd_unit, by=admin)
    own = unit_of(cycle, org.unit)
    services.evaluator_assign(own, evaluator=users["evaluator"], by=admin)
    other = unit_of(cycle, org.other_opd_unit)
    evaluator = users["evaluator"]
    assert status(client, evaluator, "evaluations:result", own.pk) == 200
    assert status(client, evaluator, "evaluations:result", other.pk) == 404
    assert status(client, evaluator, "evaluations:self_assessment", other.pk) == 404


def test_after_publication_the_results_are_public(client, cycle, org, users):
    """Once published, every user who sees the cycle sees each unit's result and
    the ranking, and anyone sees the public ranking with IPP and category."""
    scored(cycle, users)
    services.cycle_publish(cycle, by=users["admin_pemda"], now=NOW)
    other = unit_of(cycle, org.other_opd_unit)
    operator = users["operator_unit"]
    assert status(client, operator, "evaluations:result", other.pk) == 200
    assert status(client, operator, "evaluations:ranking", cycle.pk) == 200
    # The F-01/F-02 of another unit stay with that unit.
    assert status(client, operator, "evaluations:evaluation", other.pk) == 404
    client.logout()
    page = client.get(reverse("pekppp:results", args=[org.pemda.slug, cycle.pk]))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Puskesmas Melati" in text and "Kantor Disdukcapil Pusat" in text
    assert "4,00" in text and ">B</td>" in text
    wrong = reverse("pekppp:results", args=["kabupaten-beta", cycle.pk])
    assert client.get(wrong).status_code == 404


# --- ranking and exports ----------------------------------------------------------


def test_ranking_per_cohort_shares_a_tied_rank(org, users):
    """Two units with the same IPP share rank 1; the one with the higher aspect A
    is listed first."""
    admin = users["admin_pemda"]
    cycle = testing.make_cycle(
        org.pemda, org.unit, org.sibling_unit, org.other_opd_unit, by=admin
    )
    for cycle_unit in cycle.units.all():
        services.evaluator_assign(cycle_unit, evaluator=users["evaluator"], by=admin)
    # Indicator 1 (A) one up, 25 (E) two down: A is 0.17 higher and the IPP moves
    # by 0.0408 − 0.04, to 3.0008, which rounds to the same 3.00.
    testing.submit_sheet(unit_of(cycle, org.unit), users["evaluator"], 3)
    testing.submit_sheet(
        unit_of(cycle, org.sibling_unit), users["evaluator"], {1: 4, 25: 1}
    )
    testing.submit_sheet(unit_of(cycle, org.other_opd_unit), users["evaluator"], 2)
    (cohort,) = selectors.cycle_ranking(cycle).values()
    assert [(r.rank, r.tied, r.entry.name, r.entry.ipp) for r in cohort] == [
        (1, True, "Loket Disdukcapil Timur", Decimal("3.00")),
        (1, True, "Kantor Disdukcapil Pusat", Decimal("3.00")),
        (3, False, "Puskesmas Melati", Decimal("2.00")),
    ]


def test_ranking_exports(client, cycle, users):
    """The ranking downloads as XLSX (one row per unit, rank and IPP as numbers)
    and PDF; the unit's result as PDF."""
    scored(cycle, users)
    client.force_login(users["admin_pemda"])
    xlsx = client.get(reverse("evaluations:ranking_xlsx", args=[cycle.pk]))
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert [row[1:3] for row in rows[1:]] == [
        (1, "Kantor Disdukcapil Pusat"),
        (2, "Puskesmas Melati"),
    ]
    assert rows[1][4] == 4
    pdf = client.get(reverse("evaluations:ranking_pdf", args=[cycle.pk]))
    assert pdf.content.startswith(b"%PDF")
    first = cycle.units.first()
    result_pdf = client.get(reverse("evaluations:result_pdf", args=[first.pk]))
    assert result_pdf.content.startswith(b"%PDF")


def test_result_page_shows_the_aspect_chart(client, cycle, org, users):
    """The unit's result page carries the server-side SVG with one bar per aspect."""
    scored(cycle, users)
    client.force_login(users["operator_unit"])
    page = client.get(reverse("evaluations:result", args=[unit_of(cycle, org.unit).pk]))
    text = page.content.decode()
    assert text.count('class="bar"') == 6
    assert "<svg" in text and "Pelayanan" in text


# --- recommendations --------------------------------------------------------------


def test_recommendation_is_written_and_closed_with_evidence(cycle, org, users):
    """The evaluator writes a recommendation; the unit closes it with a note and a
    cleaned file; who and when are recorded and the cycle counts it."""
    own = unit_of(cycle, org.unit)
    with pytest.raises(PermissionDenied):
        services.recommendation_add(
            own, by=users["operator_unit"], indicator=1, text="x", now=NOW
        )
    rec = services.recommendation_add(
        own, by=users["evaluator"], indicator=8, text="Tuntaskan RTL.", now=NOW
    )
    services.recommendation_add(
        own, by=users["evaluator"], indicator=9, text="Percepat.", now=NOW
    )
    with pytest.raises(ValidationError):
        services.recommendation_close(rec, by=users["operator_unit"], note="", now=NOW)
    with pytest.raises(PermissionDenied):
        services.recommendation_close(
            rec, by=users["evaluator"], note="x", evidence_link="https://a.id", now=NOW
        )
    services.recommendation_close(
        rec,
        by=users["operator_unit"],
        note="RTL selesai.",
        evidence_file=CleanFile("bukti.png", PNG, b"\x89PNG\r\n\x1a\n"),
        now=NOW,
    )
    rec.refresh_from_db()
    assert rec.status == Recommendation.Status.CLOSED
    assert (rec.closed_by, rec.closed_at) == (users["operator_unit"], NOW)
    assert rec.evidence_name == "bukti.png" and rec.evidence_file
    assert selectors.recommendation_counts(cycle) == {
        "total": 2,
        "closed": 1,
        "open": 1,
    }
    with pytest.raises(ValidationError):
        services.recommendation_close(
            rec,
            by=users["operator_unit"],
            note="lagi",
            evidence_link="https://a.id",
            now=NOW,
        )


def test_recommendation_pages(client, cycle, org, users):
    """Through the pages: the evaluator adds, the unit's operator closes with a
    link, and the result page lists it as closed."""
    own = unit_of(cycle, org.unit)
    client.force_login(users["evaluator"])
    client.post(
        reverse("evaluations:recommendation_add", args=[own.pk]),
        {"indicator": 3, "text": "Publikasikan SP di situs web."},
    )
    rec = Recommendation.objects.get()
    client.force_login(users["operator_unit"])
    client.post(
        reverse("evaluations:recommendation_close", args=[rec.pk]),
        {"note": "Sudah tayang.", "evidence_link": "https://kota.go.id/sp"},
    )
    page = client.get(reverse("evaluations:result", args=[own.pk])).content.decode()
    assert "Sudah tayang." in page and "https://kota.go.id/sp" in page


def test_cycle_page_counts_only_the_recommendations_of_units_seen(
    client, cycle, org, users
):
    """Before publication the unit's operator counts its own recommendations only;
    the admin counts them all."""
    for cycle_unit in cycle.units.all():
        services.recommendation_add(
            cycle_unit, by=users["evaluator"], indicator=1, text="Perbaiki.", now=NOW
        )
    client.force_login(users["operator_unit"])
    page = client.get(cycle.get_absolute_url())
    assert page.context["recommendations"]["total"] == 1
    client.force_login(users["admin_pemda"])
    page = client.get(cycle.get_absolute_url())
    assert page.context["recommendations"]["total"] == 2
