"""Reads of the public replication library: published innovations of every Pemda,
searched and filtered.

Full-text search covers the title, the summary, the problem (``latar_belakang``) and
the solution (``kebaruan``, ``implementasi``). On PostgreSQL it is a ranked text
search with the "simple" configuration (PostgreSQL ships no Indonesian one, and
"simple" neither stems nor drops words, which suits mixed Indonesian terms such as
"KTP-el"); elsewhere (SQLite in development) every word must occur in one of those
fields, case-insensitively.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection
from django.db.models import Count, F, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from prima.innovations.models import Evidence, Innovation, Status
from prima.organisations.models import Pemda

SEARCH_FIELDS = ("title", "ringkasan", "latar_belakang", "kebaruan", "implementasi")
SEARCH_CONFIG = "simple"
#: Words beyond this many are ignored: each adds a clause to the fallback query.
MAX_WORDS = 8


@dataclass(frozen=True)
class LibraryFilter:
    """What a reader asks the library for; empty values do not filter."""

    q: str = ""
    unsur: str = ""
    sector: str = ""
    stage: str = ""
    pemda: Pemda | None = None

    @property
    def words(self) -> list[str]:
        return self.q.split()[:MAX_WORDS]


def _replication_count() -> Subquery:
    """Count every copy, drafts included: the number is public, the drafts are not."""
    copies = (
        Innovation.objects.filter(origin=OuterRef("pk"))
        .order_by()
        .values("origin")
        .annotate(total=Count("pk"))
        .values("total")
    )
    return Coalesce(Subquery(copies, output_field=IntegerField()), 0)


def _search_postgres(queryset: QuerySet, words: list[str]) -> QuerySet:
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

    vector = (
        SearchVector("title", weight="A", config=SEARCH_CONFIG)
        + SearchVector("ringkasan", weight="B", config=SEARCH_CONFIG)
        + SearchVector(
            "latar_belakang",
            "kebaruan",
            "implementasi",
            weight="C",
            config=SEARCH_CONFIG,
        )
    )
    query = SearchQuery(" ".join(words), config=SEARCH_CONFIG, search_type="plain")
    return (
        queryset.alias(search=vector)
        .filter(search=query)
        .annotate(rank=SearchRank(vector, query))
        .order_by("-rank", F("published_at").desc(nulls_last=True), "-pk")
    )


def _search_words(queryset: QuerySet, words: list[str]) -> QuerySet:
    for word in words:
        any_field = Q()
        for name in SEARCH_FIELDS:
            any_field |= Q(**{f"{name}__icontains": word})
        queryset = queryset.filter(any_field)
    return queryset


def search(queryset: QuerySet, q: str) -> QuerySet:
    """Return ``queryset`` narrowed to the innovations matching the words of ``q``."""
    words = LibraryFilter(q=q).words
    if not words:
        return queryset
    if connection.vendor == "postgresql":
        return _search_postgres(queryset, words)
    return _search_words(queryset, words)


def library_innovations(filters: LibraryFilter) -> QuerySet:
    """Return the published innovations matching ``filters``, best match first.

    Each row carries ``replication_count`` and has its Pemda, OPD, unit and targets
    loaded, so a page of results costs a fixed number of queries.
    """
    queryset = (
        Innovation.objects.published()
        .select_related("pemda", "opd", "unit")
        .prefetch_related("targets")
        .annotate(replication_count=_replication_count())
        .order_by(F("published_at").desc(nulls_last=True), "-pk")
    )
    if filters.unsur:
        # One target per unsur and innovation, so this join never repeats a row.
        queryset = queryset.filter(targets__unsur=filters.unsur)
    if filters.sector:
        queryset = queryset.filter(sector=filters.sector)
    if filters.stage:
        queryset = queryset.filter(stage=filters.stage)
    if filters.pemda is not None:
        queryset = queryset.filter(pemda=filters.pemda)
    return search(queryset, filters.q)


def pemda_with_published() -> QuerySet:
    """Return the Pemda that have published innovations, with how many (``total``)."""
    return (
        Pemda.objects.filter(innovations__status=Status.PUBLISHED)
        .annotate(total=Count("innovations"))
        .order_by("name")
    )


def published_get(pk: int) -> Innovation:
    """Return a published innovation with what its public page shows, else raise 404."""
    queryset = (
        Innovation.objects.published()
        .select_related("pemda", "opd", "unit", "origin")
        .prefetch_related("targets", "layanan", "evidence")
    )
    return get_object_or_404(queryset, pk=pk)


def published_evidence_get(pk: int) -> Evidence:
    """Return an evidence file of a published innovation, else raise 404."""
    return get_object_or_404(
        Evidence.objects.filter(innovation__status=Status.PUBLISHED), pk=pk
    )
