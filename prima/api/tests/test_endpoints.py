"""The open-data reads: what each returns, pagination, filters, ETags and errors."""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import timezone

from prima.core.periods import parse_key
from prima.innovations.testing import make_innovation
from prima.standards.models import StandarPelayanan
from prima.standards.testing import make_standard
from prima.surveys.selectors import Scope, scope_result
from prima.surveys.testing import submit_four

pytestmark = pytest.mark.django_db


def test_units_are_paginated_and_filtered_by_pemda_and_opd(client, org):
    """A page holds ``page_size`` rows of the filtered units, with the total count."""
    body = client.get("/api/v1/units", {"pemda": "kota-alpha", "page_size": 2}).json()
    assert (body["count"], body["pages"], len(body["items"])) == (3, 2, 2)
    last = client.get(
        "/api/v1/units", {"pemda": "kota-alpha", "page": 2, "page_size": 2}
    )
    names = {u["name"] for u in body["items"] + last.json()["items"]}
    assert names == {org.unit.name, org.sibling_unit.name, org.other_opd_unit.name}
    by_opd = client.get("/api/v1/units", {"opd": org.other_opd.pk}).json()
    assert [u["id"] for u in by_opd["items"]] == [org.other_opd_unit.pk]


def test_service_shows_only_its_published_standard(client, org):
    """A draft never leaves; the published version's citizen components do."""
    make_standard(layanan=org.layanan, biaya_tarif=0)
    make_standard(layanan=org.layanan, status=StandarPelayanan.Status.DRAFT)
    body = client.get(f"/api/v1/services/{org.layanan.pk}").json()
    assert body["has_published_standard"] is True
    assert body["standard"]["version"] == 1
    assert body["standard"]["is_free"] is True
    sibling = client.get(f"/api/v1/services/{org.sibling_layanan.pk}").json()
    assert sibling["standard"] is None


def test_ikm_has_the_nrr_of_each_unsur_from_the_rollups(client, org):
    """The IKM of a unit equals the surveys app's own figure, unsur by unsur."""
    submit_four(org.layanan, day=date(2025, 2, 10))
    body = client.get(
        "/api/v1/ikm", {"pemda": "kota-alpha", "unit": org.unit.pk, "period": "2025-T1"}
    ).json()
    expected = scope_result(Scope.of(org.unit), parse_key("2025-T1"))
    assert body["scope"] == "unit"
    assert body["respondents"] == 4
    assert body["ikm"] == str(expected.ikm_display)
    assert [u["code"] for u in body["unsur"]] == [f"U{i}" for i in range(1, 10)]
    assert body["unsur"][2]["nrr"] == "2.5000"  # U3: (4 + 3 + 2 + 1) / 4


def test_ikm_per_unit_lists_silent_units_without_an_index(client, org):
    """Each active unit of the OPD has a row; a unit nobody rated has no IKM."""
    submit_four(org.layanan, day=date(2025, 2, 10))
    body = client.get(
        "/api/v1/ikm/units",
        {"pemda": "kota-alpha", "opd": org.opd.pk, "period": "2025-T1"},
    ).json()
    figures = {row["unit"]: row["ikm"] for row in body["items"]}
    assert figures[org.sibling_unit.pk] is None
    assert figures[org.unit.pk] is not None
    assert org.other_opd_unit.pk not in figures


def test_innovation_detail_has_lineage_without_naming_drafts(client, org):
    """A published copy is named in the lineage, a draft copy only counted."""
    origin = make_innovation(unit=org.unit)
    make_innovation(unit=org.other_opd_unit, title="Salinan terbit", origin=origin)
    make_innovation(
        unit=org.sibling_unit, title="Salinan draf", origin=origin, published=False
    )
    body = client.get(f"/api/v1/innovations/{origin.pk}").json()
    titles = [node["title"] for node in body["lineage"]["copies"]]
    assert "Salinan terbit" in titles
    assert "Salinan draf" not in titles
    assert body["lineage"]["copies_total"] == 2
    assert body["impact"]["window_days"] == 180


def test_reads_carry_an_etag_and_answer_304_when_unchanged(client, org):
    """The same read with If-None-Match answers 304; a change gives a new tag."""
    first = client.get("/api/v1/services")
    tag = first["ETag"]
    again = client.get("/api/v1/services", headers={"If-None-Match": tag})
    assert again.status_code == 304
    assert again.content == b""
    make_standard(layanan=org.layanan)
    changed = client.get("/api/v1/services", headers={"If-None-Match": tag})
    assert changed.status_code == 200
    assert changed["ETag"] != tag


def test_errors_are_problem_details_naming_the_field(client, org):
    """A bad period and an unknown Pemda each answer 422 naming their field."""
    bad = client.get("/api/v1/ikm", {"pemda": "kota-alpha", "period": "2026-T5"})
    assert bad.status_code == 422
    assert bad["Content-Type"] == "application/problem+json"
    assert bad.json()["errors"][0]["field"] == "period"
    unknown = client.get("/api/v1/ikm", {"pemda": "kota-nowhere"})
    assert unknown.status_code == 422
    assert unknown.json()["errors"] == [
        {
            "location": "query",
            "field": "pemda",
            "detail": "No Pemda has the slug 'kota-nowhere'.",
        }
    ]
    missing = client.get("/api/v1/innovations/999999")
    assert missing.status_code == 404
    assert missing.json()["title"] == "Not Found"


def test_problem_responses_are_documented_as_problem_json(client):
    """The OpenAPI document gives every error its problem+json media type."""
    document = client.get("/api/v1/openapi.json").json()
    ikm = document["paths"]["/api/v1/ikm"]["get"]["responses"]
    assert "application/problem+json" in ikm["422"]["content"]
    assert "application/json" in ikm["200"]["content"]


def test_public_complaint_figures_of_a_pemda(client, org):
    """The Pemda's figures count its cases of the period, as the public page does."""
    from prima.complaints.testing import at, submit

    submit(org.pemda, org.layanan, at(3, 2))
    body = client.get(
        "/api/v1/complaints/statistics", {"pemda": "kota-alpha", "period": "2026-T1"}
    ).json()
    assert body["total"] == 1
    assert body["scope"] == "pemda"


def test_a_weakened_etag_still_matches(client, org):
    """A tag a compressing proxy or middleware made weak (W/) still gives 304."""
    tag = client.get("/api/v1/units")["ETag"]
    weak = client.get("/api/v1/units", headers={"If-None-Match": f"W/{tag}"})
    assert weak.status_code == 304


def test_a_running_period_the_pemda_does_not_publish_yet_is_refused(client, org):
    from prima.core.periods import PeriodKind, period_containing
    from prima.surveys.questionnaire import settings_update

    running = period_containing(timezone.localdate(), PeriodKind.TRIWULAN)
    url = f"/api/v1/ikm?pemda={org.pemda.slug}&period={running.key}"
    assert client.get(url).status_code == 200
    settings_update(pemda=org.pemda, period_kind="triwulan", hide_running_period=True)
    refused = client.get(url)
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["field"] == "period"
    default = client.get(f"/api/v1/ikm?pemda={org.pemda.slug}").json()
    assert default["end"] < running.start.isoformat()
