"""The proposal document of an innovation as PDF: its sections in the order of its
proposal group, the facts a jury or a replicating region asks for, its origin and
the measured impact with the same SVG chart as the page (WeasyPrint)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import slugify

from prima.innovations import selectors
from prima.innovations.impact_selectors import impact_for_query
from prima.innovations.library import published_get
from prima.innovations.models import Innovation
from prima.reports.pdf import render_pdf


def _proposal_pdf(request, innovation: Innovation) -> HttpResponse:
    context = {
        "innovation": innovation,
        "targets": innovation.targets.all(),
        "services": innovation.layanan.all(),
        "evidence": innovation.evidence.all(),
        "impact": impact_for_query(innovation, request.GET),
        "generated_on": timezone.localdate(),
    }
    pdf = render_pdf("innovations/pdf/proposal.html", context, request)
    response = HttpResponse(pdf, content_type="application/pdf")
    name = slugify(innovation.title)[:60] or f"inovasi-{innovation.pk}"
    response["Content-Disposition"] = f'attachment; filename="proposal-{name}.pdf"'
    return response


def public_proposal_pdf(request, pk: int):
    """The proposal of a published innovation, for anyone."""
    return _proposal_pdf(request, published_get(pk))


@login_required
def staff_proposal_pdf(request, pk: int):
    """The proposal of an innovation in the user's scope, drafts included."""
    return _proposal_pdf(request, selectors.innovation_get(request.user, pk))
