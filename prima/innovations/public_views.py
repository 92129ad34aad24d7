"""Public pages of the replication library: the catalogue, an innovation's page and
its evidence files. Published innovations only; no account and no JavaScript."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.template.response import TemplateResponse

from prima.core.http import stored_file_response
from prima.core.roles import CHANGE, Area
from prima.core.scoping import user_can
from prima.innovations.impact_selectors import impact_for_query
from prima.innovations.library import (
    library_innovations,
    pemda_with_published,
    published_evidence_get,
    published_get,
)
from prima.innovations.lineage import lineage_of
from prima.innovations.models import Evidence
from prima.innovations.public_forms import LibraryForm

PAGE_SIZE = 20


def library(request):
    """List the published innovations of every Pemda, searched and filtered."""
    regions = list(pemda_with_published())
    form = LibraryForm(request.GET, pemda_choices=pemda_with_published())
    filters = form.filters()
    innovations = library_innovations(filters)
    page = Paginator(innovations, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "filters": filters,
        "page_obj": page,
        "regions": regions,
    }
    return TemplateResponse(request, "innovations/public/library.html", context)


def public_detail(request, pk: int):
    """Show a published innovation: its proposal, lineage and measured impact."""
    innovation = published_get(pk)
    user = request.user
    context = {
        "innovation": innovation,
        "targets": innovation.targets.all(),
        "services": innovation.layanan.all(),
        "evidence": innovation.evidence.all(),
        "lineage": lineage_of(innovation),
        "impact": impact_for_query(innovation, request.GET),
        "can_replicate": user.is_authenticated
        and user_can(user, Area.INNOVATION, CHANGE),
    }
    return TemplateResponse(request, "innovations/public/detail.html", context)


def public_evidence(request, pk: int):
    """Serve an evidence file of a published innovation: photos inline, PDFs saved."""
    item = published_evidence_get(pk)
    return stored_file_response(
        item.file,
        filename=item.original_name,
        content_type=item.content_type,
        inline=item.kind == Evidence.Kind.PHOTO,
    )
