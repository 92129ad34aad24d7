"""Matrix rows for the REST API (/api/v1/) and the API token pages.

Open data answers everyone alike. The staff reads let in any signed-in account (a
session here; ``prima/api/tests/test_token_access.py`` walks the same rows with
each user's personal token) and answer 401 without one: what they return is then
limited by the owner's scope. The kiosk write takes a kiosk's token only, never a
staff session. Reads that need ``?pemda=`` answer 422 without it.
"""

from __future__ import annotations

from tests.access import ANY_STAFF, LOGIN, PUBLIC, Case, profile

STAFF_API = profile(200, anonymous=401)
NEEDS_PEMDA = profile(422)


def _innovation(org) -> dict:
    from prima.innovations.testing import make_innovation

    return {"pk": make_innovation(unit=org.unit).pk}


def _draft(org) -> dict:
    from prima.innovations.testing import make_innovation

    return {"pk": make_innovation(unit=org.unit, published=False).pk}


def _token_of_admin_opd(org) -> dict:
    from django.contrib.auth import get_user_model

    from prima.api.tokens import token_issue

    owner = get_user_model().objects.get(username="admin_opd")
    return {"pk": token_issue(user=owner, name="Dasbor")[0].pk}


CASES: list[Case] = [
    Case("api:openapi-json"),
    Case("api:openapi-view"),
    Case("api:api-root", expected=profile(404)),
    Case("api:pemda_list"),
    Case("api:unit_list"),
    Case("api:service_list"),
    Case("api:service_detail", lambda org: {"pk": org.layanan.pk}),
    Case(
        "api:service_detail",
        lambda org: {"pk": 999_999},
        profile(404),
        label="api service unknown",
    ),
    Case("api:ikm", expected=NEEDS_PEMDA),
    Case("api:ikm_units", expected=NEEDS_PEMDA),
    Case("api:complaint_statistics", expected=NEEDS_PEMDA),
    Case("api:innovation_list"),
    Case("api:innovation_detail", _innovation, PUBLIC),
    # A draft is no open data, whoever asks.
    Case("api:innovation_detail", _draft, profile(404), label="api innovation draft"),
    Case("api:me", expected=STAFF_API),
    Case("api:staff_complaint_statistics", expected=STAFF_API),
    Case("api:staff_innovation_list", expected=STAFF_API),
    Case("api:survey_response_submit", expected=profile(401), method="post"),
    Case(
        "api-tokens:list",
        expected=ANY_STAFF,
    ),
    Case(
        "api-tokens:revoke",
        _token_of_admin_opd,
        profile(404, anonymous=LOGIN, admin_opd=302),
        method="post",
    ),
]

# Open data for Satu Data Indonesia: public, like the pages it summarises.
CASES += [
    Case("opendata:index"),
    Case("opendata:catalogue"),
    Case("opendata:pemda-catalogue", lambda org: {"pemda_slug": org.pemda.slug}),
    Case(
        "opendata:pemda-catalogue",
        lambda org: {"pemda_slug": "no-such-pemda"},
        profile(404),
        label="opendata catalogue unknown Pemda",
    ),
    Case(
        "opendata:dataset",
        lambda org: {"pemda_slug": org.pemda.slug, "dataset": "ikm", "fmt": "csv"},
    ),
    Case(
        "opendata:dataset",
        lambda org: {"pemda_slug": org.pemda.slug, "dataset": "inovasi", "fmt": "json"},
        label="opendata dataset json",
    ),
    Case(
        "opendata:dataset",
        lambda org: {"pemda_slug": org.pemda.slug, "dataset": "nope", "fmt": "csv"},
        profile(404),
        label="opendata dataset unknown",
    ),
]
