"""Public pages for citizens (no login, no JavaScript) and the staff home page."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.utils import timezone
from django.utils.cache import patch_cache_control

from prima.core.query import MAX_ID, int_param, text_param
from prima.portal import selectors
from prima.portal.transparency import transparency as transparency_of

DIRECTORY_PER_PAGE = 20


def home(request):
    """List the Pemda; a single Pemda gets its search box right away."""
    pemdas = list(selectors.pemda_list())
    context = {"pemdas": pemdas, "only_pemda": pemdas[0] if len(pemdas) == 1 else None}
    return TemplateResponse(request, "portal/home.html", context)


@login_required
def staff_home(request):
    """Show the user's roles, what they allow, and what the user can see."""
    context = {"overview": selectors.staff_overview(user=request.user)}
    return TemplateResponse(request, "portal/staff_home.html", context)


def healthz(request):
    """Answer a plain "ok" for load balancers and monitoring."""
    return HttpResponse("ok", content_type="text/plain")


def favicon(request):
    """Send browsers that ask for /favicon.ico to the icon in the static files.

    Pages link the icon themselves; this answers the browsers, feed readers and
    bookmarks that ask the site root anyway. A temporary redirect, kept for a day,
    because the static address may change with a hashed file name.
    """
    response = HttpResponseRedirect(static("favicon.ico"))
    patch_cache_control(response, public=True, max_age=24 * 60 * 60)
    return response


def pemda_home(request, pemda_slug: str):
    """Show a Pemda's service search and its OPDs with their units."""
    pemda = selectors.pemda_get(slug=pemda_slug)
    context = {"pemda": pemda, "opds": selectors.pemda_opds(pemda=pemda)}
    return TemplateResponse(request, "portal/pemda_home.html", context)


def transparency(request, pemda_slug: str):
    """Show a Pemda's published figures in one place: SKM, standards, complaints,
    innovations and their impact, PEKPPP results, and its open data."""
    pemda = selectors.pemda_get(slug=pemda_slug)
    figures = transparency_of(pemda, timezone.localdate())
    context = {"pemda": pemda, "figures": figures}
    return TemplateResponse(request, "portal/transparency.html", context)


def _chosen_opd(opds, query):
    """Return the OPD picked in the ``opd`` parameter, ignoring anything invalid."""
    pk = int_param(query, "opd", default=0, low=1, high=MAX_ID)
    return next((opd for opd in opds if opd.pk == pk), None)


def directory(request, pemda_slug: str):
    """Find a Pemda's services by name, optionally within one OPD."""
    pemda = selectors.pemda_get(slug=pemda_slug)
    q = text_param(request.GET, "q", max_length=selectors.DIRECTORY_QUERY_MAX)
    opds = list(selectors.directory_opds(pemda=pemda))
    opd = _chosen_opd(opds, request.GET)
    results = selectors.directory_search(pemda=pemda, q=q, opd=opd)
    page = Paginator(results, DIRECTORY_PER_PAGE).get_page(request.GET.get("page"))
    context = {"pemda": pemda, "q": q, "opds": opds, "opd": opd, "page_obj": page}
    return TemplateResponse(request, "portal/directory.html", context)


def service_detail(request, pemda_slug: str, pk: int):
    """Show a service's published standard: the six components citizens need."""
    pemda = selectors.pemda_get(slug=pemda_slug)
    service = selectors.service_public_view(pemda=pemda, pk=pk)
    context = {"pemda": pemda, "service": service}
    return TemplateResponse(request, "portal/service_detail.html", context)


def unit_detail(request, pemda_slug: str, pk: int):
    """Show a unit, its signed Maklumat Pelayanan and its services."""
    pemda = selectors.pemda_get(slug=pemda_slug)
    view = selectors.unit_public_view(pemda=pemda, pk=pk)
    context = {"pemda": pemda, "view": view}
    return TemplateResponse(request, "portal/unit_detail.html", context)
