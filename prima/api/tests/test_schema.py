"""The API against its own OpenAPI document: Schemathesis generates valid and
invalid requests for every operation from the document and sends them to the
Django app; no answer may be a server error or fall outside the document.

The examples per operation are few, so the whole run stays within about a minute
on one core. Random slugs and ids name nothing, so each generated case has some of
its parameters swapped for those of a small city with answers and innovations: the
reads then reach real rows, not only 404s and 422s.
"""

from __future__ import annotations

from datetime import date

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from prima.api.tokens import token_issue
from prima.innovations.testing import make_innovation
from prima.organisations.testing import make_layanan, make_opd, make_pemda, make_unit
from prima.surveys import intake
from prima.surveys.testing import submit_four

EXAMPLES_PER_OPERATION = 50
CHECKS = [not_a_server_error, response_schema_conformance]


class _App(WSGIHandler):
    """Django's WSGI handler inside the test's transaction.

    The handler closes the database connection after each request, which would
    end the test's transaction; Django's own test client disconnects the same
    signal handlers while it runs a request.
    """

    def __call__(self, environ, start_response):
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        try:
            response = super().__call__(environ, start_response)
            return list(response)
        finally:
            request_started.connect(close_old_connections)
            request_finished.connect(close_old_connections)


@pytest.fixture
def city(db, settings) -> dict:
    """Return the parameters naming a small city with answers and innovations."""
    settings.PRIMA_API_RATE_PER_ADDRESS = 10**6
    settings.PRIMA_API_RATE_PER_TOKEN = 10**6
    pemda = make_pemda(name="Kota Prima Raya", slug="kota-prima-raya")
    unit = make_unit(opd=make_opd(pemda=pemda))
    layanan = make_layanan(unit=unit)
    submit_four(layanan, day=date(2026, 8, 3))
    origin = make_innovation(unit=unit)
    make_innovation(unit=unit, title="Salinan", origin=origin)
    make_innovation(unit=unit, title="Draf", published=False)
    return {
        "unit_row": unit,
        "query": {
            "pemda": pemda.slug,
            "opd": unit.opd_id,
            "unit": unit.pk,
            "service": layanan.pk,
            "period": "2026-T3",
        },
        "path": {
            "/api/v1/services/{pk}": layanan.pk,
            "/api/v1/innovations/{pk}": origin.pk,
        },
    }


def _aimed(case, city: dict):
    """Return a strategy of ``case`` with some parameters naming the city's rows."""
    query = case.query or {}
    names = [name for name in query if name in city["query"]]
    pk = city["path"].get(case.operation.path)

    def swap(flags):
        for name, flag in zip(names, flags[:-1], strict=True):
            if flag:
                case.query[name] = city["query"][name]
        if pk is not None and flags[-1]:
            case.path_parameters["pk"] = pk
        return case

    return st.lists(
        st.booleans(), min_size=len(names) + 1, max_size=len(names) + 1
    ).map(swap)


def test_api_conforms_to_its_openapi_document(city, users):
    """No generated request gets a 5xx or a response outside the document."""
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", _App())
    _, staff_token = token_issue(user=users["admin_opd"], name="schemathesis")
    _, kiosk_token = intake.kiosk_issue(unit=city["unit_row"], name="Mitra")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 12
    for operation in operations:
        token = kiosk_token if operation.method.upper() == "POST" else staff_token
        # The WSGI test client does not undo the site's gzip, so ask for none.
        headers = {"Authorization": f"Bearer {token}", "Accept-Encoding": "identity"}
        _fuzz(operation, headers, city)


def _fuzz(operation, headers: dict, city: dict) -> None:
    cases = st.one_of(
        operation.as_strategy(generation_mode=GenerationMode.POSITIVE),
        operation.as_strategy(generation_mode=GenerationMode.NEGATIVE),
    ).flatmap(lambda case: _aimed(case, city))

    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=cases)
    def check(case):
        case.call_and_validate(headers=headers, checks=CHECKS)

    check()
