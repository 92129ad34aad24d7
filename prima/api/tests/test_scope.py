"""A personal token reads as its owner: an OPD's token reads its own OPD's
non-public data and no other OPD's."""

from __future__ import annotations

import pytest

from prima.complaints.testing import at, submit
from prima.innovations.testing import make_innovation

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_opds(org):
    make_innovation(unit=org.unit, title="Draf sendiri", published=False)
    make_innovation(unit=org.other_opd_unit, title="Draf tetangga", published=False)
    make_innovation(unit=org.other_opd_unit, title="Terbit tetangga")
    submit(org.pemda, org.layanan, at(3, 2))
    submit(org.pemda, org.other_opd_layanan, at(3, 3))
    submit(org.pemda, org.other_opd_layanan, at(3, 4))


def test_opd_token_reads_its_own_drafts_only(client, org, users, two_opds, bearer):
    """The OPD's token lists its own draft, never the other OPD's."""
    body = client.get("/api/v1/staff/innovations", headers=bearer(users["admin_opd"]))
    titles = {row["title"] for row in body.json()["items"]}
    assert "Draf sendiri" in titles
    assert "Draf tetangga" not in titles
    # Positive control: the platform operator's token reaches both drafts.
    everything = client.get(
        "/api/v1/staff/innovations", headers=bearer(users["superuser"])
    ).json()
    assert {"Draf sendiri", "Draf tetangga"} <= {
        r["title"] for r in everything["items"]
    }


def test_opd_token_counts_only_its_own_complaints(client, org, users, two_opds, bearer):
    """Per-unit complaint figures cover the token's OPD; the other OPD gives no row."""
    rows = client.get(
        "/api/v1/staff/complaints/statistics",
        {"period": "2026-T1"},
        headers=bearer(users["admin_opd"]),
    ).json()["items"]
    assert rows, "the OPD's own case gives rows"
    assert {row["scope"] for row in rows} >= {"unit", "opd"}
    assert all(row["id"] != org.other_opd.pk for row in rows if row["scope"] == "opd")
    assert sum(row["total"] for row in rows if row["scope"] == "opd") == 1
    # Asking for the other OPD by name gives nothing rather than its figures.
    other = client.get(
        "/api/v1/staff/complaints/statistics",
        {"period": "2026-T1", "opd": org.other_opd.pk},
        headers=bearer(users["admin_opd"]),
    ).json()
    assert other["count"] == 0
    # Positive control: the Pemda administrator sees the other OPD's two cases.
    pemda_rows = client.get(
        "/api/v1/staff/complaints/statistics",
        {"period": "2026-T1", "opd": org.other_opd.pk},
        headers=bearer(users["admin_pemda"]),
    ).json()["items"]
    assert [r["total"] for r in pemda_rows if r["scope"] == "opd"] == [2]


def test_other_pemda_token_reads_nothing_of_this_pemda(client, users, two_opds, bearer):
    """Another Pemda's administrator reads none of Kota Alpha's drafts or cases."""
    headers = bearer(users["other_pemda_admin"])
    drafts = client.get("/api/v1/staff/innovations", headers=headers).json()
    assert drafts["count"] == 0
    figures = client.get(
        "/api/v1/staff/complaints/statistics", {"period": "2026-T1"}, headers=headers
    ).json()
    assert figures["count"] == 0
