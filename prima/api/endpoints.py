"""Prima's REST API, ``/api/v1/``: open data, staff reads by personal token, and
the partner kiosks' SKM answers. Django Ninja builds the OpenAPI document from the
signatures below (docs/adr/0010-rest-api.md).

Every response is JSON; every error is problem details (``prima.api.problems``);
every successful read carries an ETag and answers ``If-None-Match`` with 304.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.cache import get_conditional_response, set_response_etag
from ninja import NinjaAPI, Query, Router, Status
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.security import django_auth

from prima.api import schemas as s
from prima.api import selectors
from prima.api.auth import KioskToken, PersonalToken, RateLimit
from prima.api.problems import (
    MEDIA_TYPE,
    field_error,
    mapping_errors,
    ninja_errors,
    problem_response,
)
from prima.api.services import InvalidAnswer, kiosk_answer_submit

MAX_ID = 999_999_999_999_999_999  # 18 digits, like the ``id`` path converter
SLUG = r"^[-a-zA-Z0-9_]{1,50}$"
# The demo city's slug (prima demo-data), so "Try it out" in the docs finds data.
SLUG_EXAMPLE = "kota-prima-raya"
PERIOD = (
    r"^[0-9]{4}(-[TSts][1-4])?$|^[0-9]{4}-[0-9]{2}-[0-9]{2}_[0-9]{4}-[0-9]{2}-[0-9]{2}$"
)
PAGE_SIZE = 50


class PrimaAPI(NinjaAPI):
    """Ninja with ETags on reads and problem details in the OpenAPI document."""

    def create_response(self, request, data, *, status=None, temporal_response=None):
        response = super().create_response(
            request, data, status=status, temporal_response=temporal_response
        )
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            # Django's own conditional GET: a weak match counts, so a tag the
            # gzip middleware weakened (W/"…") still matches.
            set_response_etag(response)
            return get_conditional_response(
                request, etag=response["ETag"], response=response
            )
        return response

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        schema = super().get_openapi_schema(
            path_prefix=path_prefix, path_params=path_params
        )
        for operations in schema.get("paths", {}).values():
            for operation in operations.values():
                for code, response in operation.get("responses", {}).items():
                    content = response.get("content", {})
                    if int(code) >= 400 and "application/json" in content:
                        content[MEDIA_TYPE] = content.pop("application/json")
        return schema


api = PrimaAPI(
    title="Prima API",
    version="1",
    description=(
        "Open data of Prima (services, published standards, IKM, complaint "
        "figures, published innovations) and staff reads by personal token. "
        "Errors are RFC 9457 problem details."
    ),
    urls_namespace="api",
    throttle=[RateLimit()],
)

# The errors every operation may answer with, documented once.
COMMON = {422: s.Problem, 429: s.Problem}
STAFF = [PersonalToken(), django_auth]


def _page(name: str, item: type) -> type:
    """Return the page schema of ``item`` (named, so the document stays readable)."""
    return type(name, (s.Page[item],), {})


PemdaPage = _page("PemdaPage", s.PemdaOut)
UnitPage = _page("UnitPage", s.UnitOut)
ServicePage = _page("ServicePage", s.ServiceOut)
IkmPage = _page("IkmPage", s.IkmOut)
FiguresPage = _page("ComplaintFiguresPage", s.ComplaintFiguresOut)
InnovationPage = _page("InnovationPage", s.InnovationOut)


def _paged(rows, paging, out=None) -> dict:
    page = selectors.paginate(rows, page=paging.page, page_size=paging.page_size)
    if out is not None:
        page["items"] = [out(row) for row in page["items"]]
    return page


class Paging(s.Schema):
    page: int = s.Field(1, ge=1, le=100_000)
    page_size: int = s.Field(PAGE_SIZE, ge=1, le=200)


class Where(s.Schema):
    pemda: str | None = s.Field(
        None, pattern=SLUG, description="slug of a Pemda", examples=[SLUG_EXAMPLE]
    )
    opd: int | None = s.Field(None, ge=1, le=MAX_ID)
    unit: int | None = s.Field(None, ge=1, le=MAX_ID)


class When(s.Schema):
    period: str | None = s.Field(
        None,
        pattern=PERIOD,
        examples=["2026-T3", "2026"],
        description="2026-T3 (triwulan), 2026-S1 (semester), 2026 (year) or "
        "2026-01-01_2026-03-31; default: the Pemda's current survey period",
    )


# Errors ---------------------------------------------------------------------


@api.exception_handler(ValidationError)
def _invalid(request, exc):
    return problem_response(
        422,
        "The request has invalid parameters.",
        errors=ninja_errors(exc.errors),
        request=request,
    )


@api.exception_handler(selectors.BadParameter)
def _bad_parameter(request, exc):
    return problem_response(
        422,
        exc.detail,
        errors=[field_error("query", exc.field, exc.detail)],
        request=request,
    )


@api.exception_handler(InvalidAnswer)
def _invalid_answer(request, exc):
    return problem_response(
        422,
        "The answer was not stored.",
        errors=mapping_errors(exc.errors, "body"),
        request=request,
    )


@api.exception_handler(AuthenticationError)
def _unauthenticated(request, exc):
    response = problem_response(
        401, "Send a valid token as 'Authorization: Bearer …'.", request=request
    )
    response["WWW-Authenticate"] = 'Bearer realm="prima"'
    return response


@api.exception_handler(HttpError)
def _http_error(request, exc):
    return problem_response(exc.status_code, str(exc), request=request)


@api.exception_handler(Http404)
def _not_found(request, exc):
    return problem_response(404, "Nothing is published here.", request=request)


@api.exception_handler(PermissionDenied)
def _forbidden(request, exc):
    return problem_response(403, "This token may not do that.", request=request)


# Open data ------------------------------------------------------------------

open_data = Router(tags=["open data"])


@open_data.get("/pemda", response={200: PemdaPage, **COMMON})
def pemda_list(request, paging: Query[Paging]):
    """List every Pemda on this Prima."""
    return _paged(selectors.pemda_list(), paging)


@open_data.get("/units", response={200: UnitPage, **COMMON})
def unit_list(request, where: Query[Where], paging: Query[Paging]):
    """List the active service units, filtered by Pemda and OPD."""
    rows = selectors.unit_rows(pemda=where.pemda, opd=where.opd)
    if where.unit:
        rows = rows.filter(pk=where.unit)
    return _paged(rows, paging, selectors.unit_out)


@open_data.get("/services", response={200: ServicePage, **COMMON})
def service_list(request, where: Query[Where], paging: Query[Paging]):
    """List the active services, filtered by Pemda, OPD and unit."""
    rows = selectors.service_rows(pemda=where.pemda, opd=where.opd, unit=where.unit)
    return _paged(rows, paging, selectors.service_out)


@open_data.get(
    "/services/{id:pk}", response={200: s.ServiceDetailOut, 404: s.Problem, **COMMON}
)
def service_detail(request, pk: int):
    """Return a service with the citizen-facing part of its published standard."""
    return selectors.service_detail(pk)


class IkmWhere(When):
    pemda: str = s.Field(
        ..., pattern=SLUG, description="slug of a Pemda", examples=[SLUG_EXAMPLE]
    )
    opd: int | None = s.Field(None, ge=1, le=MAX_ID)
    unit: int | None = s.Field(None, ge=1, le=MAX_ID)
    service: int | None = s.Field(None, ge=1, le=MAX_ID)


@open_data.get("/ikm", response={200: s.IkmOut, **COMMON})
def ikm(request, where: Query[IkmWhere]):
    """Return the IKM of a Pemda, or of its OPD, unit or service when given (the
    narrowest wins), with the NRR of each unsur, summed from the SKM rollups."""
    return selectors.ikm_of(
        pemda=where.pemda,
        opd=where.opd,
        unit=where.unit,
        service=where.service,
        period=where.period,
    )


class UnitsIkmWhere(When):
    pemda: str = s.Field(
        ..., pattern=SLUG, description="slug of a Pemda", examples=[SLUG_EXAMPLE]
    )
    opd: int | None = s.Field(None, ge=1, le=MAX_ID)


@open_data.get("/ikm/units", response={200: IkmPage, **COMMON})
def ikm_units(request, where: Query[UnitsIkmWhere], paging: Query[Paging]):
    """List the IKM of each active unit of a Pemda (or one OPD) in a period."""
    return selectors.ikm_per_unit(
        pemda=where.pemda,
        opd=where.opd,
        period=where.period,
        page=paging.page,
        page_size=paging.page_size,
    )


class PemdaWhen(When):
    pemda: str = s.Field(
        ..., pattern=SLUG, description="slug of a Pemda", examples=[SLUG_EXAMPLE]
    )


@open_data.get(
    "/complaints/statistics", response={200: s.ComplaintFiguresOut, **COMMON}
)
def complaint_statistics(request, where: Query[PemdaWhen]):
    """Return a Pemda's complaint figures for a period (its public page's)."""
    return selectors.public_complaint_figures(pemda=where.pemda, period=where.period)


@open_data.get("/innovations", response={200: InnovationPage, **COMMON})
def innovation_list(request, where: Query[Where], paging: Query[Paging]):
    """List the published innovations, filtered by Pemda, OPD and unit."""
    rows = selectors.published_innovations(
        pemda=where.pemda, opd=where.opd, unit=where.unit
    )
    return _paged(rows, paging, selectors.innovation_out)


@open_data.get(
    "/innovations/{id:pk}",
    response={200: s.InnovationDetailOut, 404: s.Problem, **COMMON},
)
def innovation_detail(request, pk: int):
    """Return a published innovation with its lineage and measured impact."""
    return selectors.innovation_detail(pk)


# Staff reads ----------------------------------------------------------------

staff = Router(tags=["staff"], auth=STAFF)
STAFF_ERRORS = {401: s.Problem, **COMMON}


@staff.get("/me", response={200: s.MeOut, **STAFF_ERRORS})
def me(request):
    """Return the token's owner and the grants that scope every read."""
    token = request.auth if request.auth is not request.user else None
    return selectors.me(request.user, token)


class StaffFiguresWhere(Where, When):
    pass


@staff.get("/staff/complaints/statistics", response={200: FiguresPage, **STAFF_ERRORS})
def staff_complaint_statistics(
    request, where: Query[StaffFiguresWhere], paging: Query[Paging]
):
    """Return complaint figures per Pemda, OPD and unit of the cases the token's
    owner may see."""
    rows = selectors.staff_complaint_figures(
        request.user,
        pemda=where.pemda,
        opd=where.opd,
        unit=where.unit,
        period=where.period,
    )
    return _paged(rows, paging)


class StaffInnovationWhere(Where):
    status: str | None = s.Field(None, pattern=r"^[a-z_]{1,20}$")


@staff.get("/staff/innovations", response={200: InnovationPage, **STAFF_ERRORS})
def staff_innovation_list(
    request, where: Query[StaffInnovationWhere], paging: Query[Paging]
):
    """List the innovations the token's owner may see, their OPD's drafts included."""
    rows = selectors.staff_innovations(
        request.user,
        pemda=where.pemda,
        opd=where.opd,
        unit=where.unit,
        status=where.status,
    )
    return _paged(rows, paging, selectors.innovation_out)


# Partner kiosks -------------------------------------------------------------

kiosks = Router(tags=["kiosk"], auth=KioskToken())


@kiosks.post(
    "/survey-responses",
    response={200: s.SurveyResponseOut, 201: s.SurveyResponseOut, **STAFF_ERRORS},
)
def survey_response_submit(request, answer: s.SurveyResponseIn):
    """Store one SKM answer for the kiosk's unit, once per ``idempotency_key``:
    201 when stored, 200 when the key was stored before."""
    response, created = kiosk_answer_submit(
        kiosk=request.auth, answer=answer.model_dump()
    )
    return Status(201 if created else 200, {"id": response.pk, "created": created})


api.add_router("", open_data)
api.add_router("", staff)
api.add_router("", kiosks)
