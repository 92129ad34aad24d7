"""Rows of the role × scope matrix for the foundation's URLs, and the vocabulary
(``Case``, status profiles, argument builders) other apps' rows use.

Each row names a URL, how to build its arguments from the ``org`` tree, and the
expected HTTP status for each user of the ``users`` fixture (plus an anonymous
visitor). Other areas add rows in ``tests/access_cases_<area>.py`` as a ``CASES``
list; ``test_access_matrix`` runs them all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

USERS = [
    "anonymous",
    "no_role",
    "admin_pemda",
    "admin_opd",
    "operator_unit",
    "petugas_loket",
    "evaluator",
    "juri",
    "mentor",
    "pimpinan",
    "other_pemda_admin",
    "superuser",
]
LOGIN = 302  # anonymous visitors are sent to the login page


def profile(default: int, **overrides: int) -> dict[str, int]:
    """Return a status per user: ``default`` unless overridden by user name."""
    return {user: overrides.get(user, default) for user in USERS}


PUBLIC = profile(200)
ANY_STAFF = profile(200, anonymous=LOGIN)
# Pages listing catalog rows: open to roles holding the catalog view grant somewhere.
CATALOG_LIST = profile(200, anonymous=LOGIN, no_role=403, juri=403)
# A catalog object of Kota Alpha's first unit (every unit-, OPD- and Pemda-level role
# of Kota Alpha reaches it).
CATALOG_VIEW_OWN = profile(
    200, anonymous=LOGIN, no_role=404, juri=404, other_pemda_admin=404
)
CATALOG_CHANGE_OWN = profile(
    200,
    anonymous=LOGIN,
    no_role=404,
    juri=404,
    other_pemda_admin=404,
    petugas_loket=403,
    evaluator=403,
    mentor=403,
    pimpinan=403,
)
# A catalog object of a sibling unit in the same OPD: unit-level roles do not reach it.
CATALOG_VIEW_SIBLING = {**CATALOG_VIEW_OWN, "operator_unit": 404, "petugas_loket": 404}
CATALOG_CHANGE_SIBLING = {
    **CATALOG_CHANGE_OWN,
    "operator_unit": 404,
    "petugas_loket": 404,
}
# A catalog object of another OPD: the OPD admin does not reach it either.
CATALOG_VIEW_OTHER_OPD = {**CATALOG_VIEW_SIBLING, "admin_opd": 404}
CATALOG_CHANGE_OTHER_OPD = {**CATALOG_CHANGE_SIBLING, "admin_opd": 404}
# A catalog object of Kabupaten Beta: only its own admin and the platform superuser.
OTHER_PEMDA = profile(404, anonymous=LOGIN, other_pemda_admin=200, superuser=200)
CATALOG_CREATE = profile(
    403,
    anonymous=LOGIN,
    admin_pemda=200,
    admin_opd=200,
    operator_unit=200,
    other_pemda_admin=200,
    superuser=200,
)
# POST actions redirect (302) with a message when allowed.
POST_CHANGE_OWN = {
    **{k: (302 if v == 200 else v) for k, v in CATALOG_CHANGE_OWN.items()},
}
POST_OTHER_PEMDA = {k: (302 if v == 200 else v) for k, v in OTHER_PEMDA.items()}
ORG_LIST = profile(200, anonymous=LOGIN, no_role=403)
ORG_VIEW_OWN = profile(200, anonymous=LOGIN, no_role=404, other_pemda_admin=404)
ORG_CHANGE = profile(
    403, anonymous=LOGIN, admin_pemda=200, superuser=200, other_pemda_admin=200
)


@dataclass
class Case:
    """One URL with its arguments and the expected status per user."""

    name: str
    kwargs: Callable[[object], dict] = field(default=lambda org: {})
    expected: dict[str, int] = field(default_factory=lambda: dict(PUBLIC))
    method: str = "get"
    label: str = ""


def pk(attr: str) -> Callable[[object], dict]:
    return lambda org: {"pk": getattr(org, attr).pk}


def public(attr: str, key: str = "pk") -> Callable[[object], dict]:
    return lambda org: {"pemda_slug": org.pemda.slug, key: getattr(org, attr).pk}


def layanan(attr: str) -> Callable[[object], dict]:
    return lambda org: {"layanan_pk": getattr(org, attr).pk}


def unit(attr: str) -> Callable[[object], dict]:
    return lambda org: {"unit_pk": getattr(org, attr).pk}


def standard(attr: str, **extra) -> Callable[[object], dict]:
    def build(org) -> dict:
        from prima.standards.testing import make_standard

        return {"pk": make_standard(layanan=getattr(org, attr), **extra).pk}

    return build


CASES: list[Case] = [
    Case("portal:home"),
    Case("portal:healthz"),
    Case("portal:pemda", lambda org: {"pemda_slug": org.pemda.slug}),
    Case("portal:directory", lambda org: {"pemda_slug": org.pemda.slug}),
    Case("portal:transparency", lambda org: {"pemda_slug": org.pemda.slug}),
    Case("portal:service-detail", public("layanan")),
    Case("portal:unit-detail", public("unit")),
    Case("portal:staff-home", expected=ANY_STAFF),
    Case("accounts:login"),
    Case("accounts:password_reset"),
    Case("accounts:password_reset_done"),
    Case("accounts:password_reset_complete"),
    Case(
        "accounts:password_reset_confirm",
        lambda org: {"uidb64": "MQ", "token": "bad-token"},
    ),
    Case("accounts:password_change", expected=ANY_STAFF),
    Case("accounts:password_change_done", expected=ANY_STAFF),
    # Staff catalog: services.
    Case("organisations:layanan-list", expected=CATALOG_LIST),
    Case("organisations:layanan-create", expected=CATALOG_CREATE),
    Case("organisations:layanan-edit", pk("layanan"), CATALOG_CHANGE_OWN),
    Case(
        "organisations:layanan-edit",
        pk("sibling_layanan"),
        CATALOG_CHANGE_SIBLING,
        label="layanan-edit sibling unit",
    ),
    Case(
        "organisations:layanan-edit",
        pk("other_opd_layanan"),
        CATALOG_CHANGE_OTHER_OPD,
        label="layanan-edit other OPD",
    ),
    Case(
        "organisations:layanan-edit",
        pk("other_pemda_layanan"),
        OTHER_PEMDA,
        label="layanan-edit other Pemda",
    ),
    # Staff organisation structure.
    Case("organisations:opd-list", expected=ORG_LIST),
    Case("organisations:unit-list", expected=ORG_LIST),
    Case("organisations:unit-detail", pk("unit"), ORG_VIEW_OWN),
    Case(
        "organisations:unit-detail",
        pk("other_opd_unit"),
        {**ORG_VIEW_OWN, "admin_opd": 404, "operator_unit": 404, "petugas_loket": 404},
        label="unit-detail other OPD",
    ),
    Case(
        "organisations:unit-detail",
        pk("other_pemda_unit"),
        OTHER_PEMDA,
        label="unit-detail other Pemda",
    ),
    Case("organisations:unit-create", expected=ORG_CHANGE),
    Case(
        "organisations:unit-edit",
        pk("unit"),
        {**ORG_CHANGE, "no_role": 404, "other_pemda_admin": 404},
    ),
    Case(
        "organisations:unit-edit",
        pk("other_pemda_unit"),
        OTHER_PEMDA,
        label="unit-edit other Pemda",
    ),
    Case(
        "organisations:opd-edit",
        pk("opd"),
        {**ORG_CHANGE, "no_role": 404, "other_pemda_admin": 404},
    ),
    Case(
        "organisations:opd-edit",
        pk("other_pemda_opd"),
        OTHER_PEMDA,
        label="opd-edit other Pemda",
    ),
    # Every Pemda administrator edits their own Pemda's letterhead.
    Case("organisations:letterhead", expected=ORG_CHANGE),
    # Staff catalog: standards and maklumat.
    Case("standards:standard-list", expected=CATALOG_LIST),
    Case("standards:standard-detail", layanan("layanan"), CATALOG_VIEW_OWN),
    Case(
        "standards:standard-detail",
        layanan("sibling_layanan"),
        CATALOG_VIEW_SIBLING,
        label="standard-detail sibling unit",
    ),
    Case(
        "standards:standard-detail",
        layanan("other_opd_layanan"),
        CATALOG_VIEW_OTHER_OPD,
        label="standard-detail other OPD",
    ),
    Case(
        "standards:standard-detail",
        layanan("other_pemda_layanan"),
        OTHER_PEMDA,
        label="standard-detail other Pemda",
    ),
    Case("standards:standard-edit", layanan("layanan"), CATALOG_CHANGE_OWN),
    Case(
        "standards:standard-edit",
        layanan("other_opd_layanan"),
        CATALOG_CHANGE_OTHER_OPD,
        label="standard-edit other OPD",
    ),
    Case(
        "standards:standard-edit",
        layanan("other_pemda_layanan"),
        OTHER_PEMDA,
        label="standard-edit other Pemda",
    ),
    Case("standards:version-detail", standard("layanan"), CATALOG_VIEW_OWN),
    Case(
        "standards:version-detail",
        standard("other_pemda_layanan"),
        OTHER_PEMDA,
        label="version-detail other Pemda",
    ),
    # POST-only actions: the matrix posts an empty form; success redirects back.
    Case(
        "standards:standard-review",
        standard("layanan"),
        POST_CHANGE_OWN,
        method="post",
    ),
    Case("standards:maklumat-edit", unit("unit"), CATALOG_CHANGE_OWN),
    Case(
        "standards:maklumat-edit",
        unit("sibling_unit"),
        CATALOG_CHANGE_SIBLING,
        label="maklumat-edit sibling unit",
    ),
    Case(
        "standards:maklumat-edit",
        unit("other_pemda_unit"),
        OTHER_PEMDA,
        label="maklumat-edit other Pemda",
    ),
]

# The survey area is granted exactly like the catalog: write for admin Pemda, admin
# OPD and unit operators; read for counter staff, evaluators, mentors and leadership;
# nothing for juri.
SURVEY_LIST = CATALOG_LIST
SURVEY_VIEW_OWN = CATALOG_VIEW_OWN
SURVEY_CHANGE_OWN = CATALOG_CHANGE_OWN
SURVEY_VIEW_OTHER_OPD = CATALOG_VIEW_OTHER_OPD
SURVEY_CHANGE_OTHER_OPD = CATALOG_CHANGE_OTHER_OPD
SURVEY_POST_CHANGE_OWN = POST_CHANGE_OWN

# Complaints: write for admin Pemda, admin OPD and unit operators; read for counter
# staff, evaluators and leadership; nothing for juri and mentors.
COMPLAINTS_LIST = profile(200, anonymous=LOGIN, no_role=403, juri=403, mentor=403)
COMPLAINTS_VIEW_OWN = profile(
    200, anonymous=LOGIN, no_role=404, juri=404, mentor=404, other_pemda_admin=404
)
COMPLAINTS_CHANGE_OWN = {
    **COMPLAINTS_VIEW_OWN,
    "petugas_loket": 403,
    "evaluator": 403,
    "pimpinan": 403,
}
