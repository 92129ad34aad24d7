"""Tests of the library selector: full-text search and filters over published
innovations (on SQLite the word fallback, on PostgreSQL the ranked text search)."""

from __future__ import annotations

import pytest
from django.db import connection

from prima.innovations.library import (
    LibraryFilter,
    library_innovations,
    pemda_with_published,
)
from prima.innovations.models import Stage
from prima.innovations.services import innovation_replicate
from prima.innovations.testing import make_innovation

pytestmark = pytest.mark.django_db

on_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="ranked search runs on PostgreSQL only"
)


def titles(**filters) -> list[str]:
    return [i.title for i in library_innovations(LibraryFilter(**filters))]


@pytest.fixture
def shelf(org):
    """Four published innovations in two Pemda, one recorded from elsewhere, a draft."""
    return {
        "antrean": make_innovation(
            unit=org.unit,
            title="Antrean daring KTP-el",
            latar_belakang="Warga menunggu berjam-jam di loket.",
            kebaruan="Nomor antrean lewat WhatsApp.",
            targets=("U3",),
        ),
        "jemput": make_innovation(
            unit=org.other_opd_unit,
            title="Imunisasi jemput bola",
            sector="kesehatan",
            implementasi="Petugas datang ke posyandu dengan antrean terjadwal.",
            targets=("U2", "U9"),
            stage=Stage.UJI_COBA,
        ),
        "beta": make_innovation(
            unit=org.other_pemda_unit,
            title="Akta lahir sekali datang",
            ringkasan="Akta selesai di rumah sakit.",
            targets=("U2",),
        ),
        "luar": make_innovation(
            pemda=org.pemda,
            title="Mal pelayanan publik",
            origin_region="Kota Contoh",
            origin_agency="DPMPTSP Kota Contoh",
            sector="perizinan",
            signifikansi="Antrean berkurang.",
        ),
        "draft": make_innovation(
            unit=org.unit, title="Antrean rahasia", published=False
        ),
    }


def test_every_published_innovation_is_listed_and_no_draft(shelf):
    """Without a filter the library lists the four published rows, never the draft."""
    assert sorted(titles()) == sorted(
        i.title for key, i in shelf.items() if key != "draft"
    )


def test_search_covers_title_problem_solution_and_summary(shelf):
    """A word is found in the title, the problem, the solution or the summary."""
    assert titles(q="whatsapp") == ["Antrean daring KTP-el"]
    assert titles(q="berjam-jam") == ["Antrean daring KTP-el"]
    assert titles(q="posyandu") == ["Imunisasi jemput bola"]
    assert titles(q="rumah sakit") == ["Akta lahir sekali datang"]


def test_search_ignores_other_sections_and_drafts(shelf):
    """ "Antrean" appears in the draft and in a significance section: neither matches."""
    assert sorted(titles(q="antrean")) == [
        "Antrean daring KTP-el",
        "Imunisasi jemput bola",
    ]


def test_every_word_must_match(shelf):
    """Two words narrow the result to rows holding both."""
    assert titles(q="antrean whatsapp") == ["Antrean daring KTP-el"]
    assert titles(q="antrean akta") == []


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"unsur": "U2"}, ["Akta lahir sekali datang", "Imunisasi jemput bola"]),
        ({"sector": "perizinan"}, ["Mal pelayanan publik"]),
        ({"stage": Stage.UJI_COBA}, ["Imunisasi jemput bola"]),
        ({"unsur": "U2", "q": "imunisasi"}, ["Imunisasi jemput bola"]),
    ],
)
def test_filters(shelf, filters, expected):
    """Unsur, sector and stage filters narrow the list, alone or with words."""
    assert sorted(titles(**filters)) == expected


def test_pemda_filter_includes_innovations_recorded_from_elsewhere(shelf, org):
    """A Pemda's list holds its OPD's innovations and those it recorded elsewhere."""
    assert sorted(titles(pemda=org.pemda)) == [
        "Antrean daring KTP-el",
        "Imunisasi jemput bola",
        "Mal pelayanan publik",
    ]
    assert titles(pemda=org.other_pemda) == ["Akta lahir sekali datang"]


def test_replication_count_includes_drafts(shelf, org):
    """ "Replicated N times" counts every copy, even ones still in draft."""
    origin = shelf["antrean"]
    for unit in (org.other_pemda_unit, org.sibling_unit):
        innovation_replicate(origin, by=None, pemda=unit.pemda, opd=unit.opd, unit=unit)
    counts = {
        i.title: i.replication_count for i in library_innovations(LibraryFilter())
    }
    assert counts["Antrean daring KTP-el"] == 2
    assert counts["Mal pelayanan publik"] == 0


def test_regions_count_published_innovations(shelf, org):
    """Each Pemda with published innovations is listed with how many."""
    assert [(p.name, p.total) for p in pemda_with_published()] == [
        (org.other_pemda.name, 1),
        (org.pemda.name, 3),
    ]


@on_postgres
def test_postgres_ranks_a_title_match_first(org):
    """On PostgreSQL a word in the title ranks above the same word in the body."""
    make_innovation(
        unit=org.unit, title="Layanan keliling", implementasi="Antrean dipangkas."
    )
    make_innovation(unit=org.unit, title="Antrean pintar")
    found = library_innovations(LibraryFilter(q="antrean"))
    assert [i.title for i in found] == ["Antrean pintar", "Layanan keliling"]
    assert all(i.rank > 0 for i in found)


@on_postgres
def test_postgres_search_is_a_text_search(org):
    """On PostgreSQL the query is a full-text search, not a substring match."""
    make_innovation(unit=org.unit, title="Antrean daring KTP-el")
    query = str(library_innovations(LibraryFilter(q="ktp")).query)
    assert "to_tsvector" in query and "plainto_tsquery" in query
    assert titles(q="ktp") == ["Antrean daring KTP-el"]
    # Whole words only: a fragment of a word does not match, unlike on SQLite.
    assert titles(q="antre") == []
