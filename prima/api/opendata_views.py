"""Open-data downloads and the DCAT catalogue: public, no login, no JavaScript."""

from __future__ import annotations

import csv
import io
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.cache import get_conditional_response, set_response_etag
from django.utils.http import content_disposition_header

from prima.api import opendata, selectors
from prima.organisations.models import Pemda
from prima.reports.xlsx import safe_text

JSON_LD = "application/ld+json"


def _json(data, content_type: str) -> HttpResponse:
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1)
    return HttpResponse(body, content_type=f"{content_type}; charset=utf-8")


def _conditional(request, response: HttpResponse) -> HttpResponse:
    """Tag the download with an ETag of its body; answer 304 when the harvester
    already holds it (as Django's ConditionalGetMiddleware does)."""
    set_response_etag(response)
    return get_conditional_response(request, etag=response["ETag"], response=response)


def _base(request) -> str:
    return f"{request.scheme}://{request.get_host()}"


def index(request):
    """List every Pemda's datasets with their downloads and the catalogue."""
    context = {
        "pemdas": list(selectors.pemda_list()),
        "datasets": list(opendata.DATASETS.values()),
    }
    return TemplateResponse(request, "api/opendata_index.html", context)


def catalogue(request):
    """The DCAT catalogue of every Pemda's datasets, as JSON-LD."""
    data = opendata.catalogue(
        list(selectors.pemda_list()),
        base=_base(request),
        url=request.build_absolute_uri(),
    )
    return _conditional(request, _json(data, JSON_LD))


def pemda_catalogue(request, pemda_slug: str):
    """The DCAT catalogue of one Pemda, for its own Satu Data portal to harvest."""
    pemda = get_object_or_404(Pemda, slug=pemda_slug)
    data = opendata.catalogue(
        [pemda], base=_base(request), url=request.build_absolute_uri()
    )
    return _conditional(request, _json(data, JSON_LD))


def dataset(request, pemda_slug: str, dataset: str, fmt: str):
    """One dataset of one Pemda as CSV (UTF-8 with BOM, for spreadsheets) or JSON."""
    pemda = get_object_or_404(Pemda, slug=pemda_slug)
    declared = opendata.DATASETS.get(dataset)
    if declared is None:
        raise Http404
    rows = opendata.dataset_rows(declared, pemda)
    if fmt == "json":
        response = _json(rows, "application/json")
    else:
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=declared.columns)
        writer.writeheader()
        writer.writerows({k: safe_text(v) for k, v in row.items()} for row in rows)
        response = HttpResponse(
            "\ufeff" + out.getvalue(), content_type="text/csv; charset=utf-8"
        )
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=fmt == "csv", filename=f"{pemda.slug}-{dataset}.{fmt}"
    )
    return _conditional(request, response)
