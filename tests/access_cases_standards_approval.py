"""Rows of the role × scope matrix for the approval of a changed Standar Pelayanan:
submitting a draft, the approval page (with the decree) and returning a draft.

Submitting is a catalog change, open to whoever may edit the draft. Approving and
returning need the catalog change grant held at OPD or Pemda level
(``StandarQuerySet.approvable_by``): the unit operator sees the version but is
refused (403), the administrator of another OPD does not see it (404), and the Pemda
administrator approves for every OPD of its Pemda.
"""

from __future__ import annotations

from collections.abc import Callable

from tests.access import (
    CATALOG_CHANGE_OTHER_OPD,
    CATALOG_CHANGE_OWN,
    OTHER_PEMDA,
    POST_CHANGE_OWN,
    POST_OTHER_PEMDA,
    Case,
    profile,
)

APPROVE_OWN = {**CATALOG_CHANGE_OWN, "operator_unit": 403}
APPROVE_OTHER_OPD = {**CATALOG_CHANGE_OTHER_OPD, "admin_opd": 404}
POST_APPROVE_OWN = {k: (302 if v == 200 else v) for k, v in APPROVE_OWN.items()}
POST_APPROVE_OTHER_OPD = {
    k: (302 if v == 200 else v) for k, v in APPROVE_OTHER_OPD.items()
}
NOT_ALLOWED = profile(405)


def draft(attr: str, *, submitted: bool = False) -> Callable[[object], dict]:
    """Build a complete draft of ``org.<attr>``'s standard, submitted if asked."""

    def build(org) -> dict:
        from prima.standards import services
        from prima.standards.testing import make_standard

        standard = make_standard(layanan=getattr(org, attr), status="draft")
        if submitted:
            services.standard_submit(standard=standard, user=None)
        return {"pk": standard.pk}

    return build


CASES: list[Case] = [
    Case(
        "standards:standard-submit", draft("layanan"), NOT_ALLOWED, label="submit GET"
    ),
    Case("standards:standard-submit", draft("layanan"), POST_CHANGE_OWN, method="post"),
    Case(
        "standards:standard-submit",
        draft("other_opd_layanan"),
        {k: (302 if v == 200 else v) for k, v in CATALOG_CHANGE_OTHER_OPD.items()},
        method="post",
        label="standard-submit other OPD",
    ),
    Case(
        "standards:standard-submit",
        draft("other_pemda_layanan"),
        POST_OTHER_PEMDA,
        method="post",
        label="standard-submit other Pemda",
    ),
    Case("standards:standard-approve", draft("layanan", submitted=True), APPROVE_OWN),
    Case(
        "standards:standard-approve",
        draft("sibling_layanan", submitted=True),
        {**APPROVE_OWN, "operator_unit": 404, "petugas_loket": 404},
        label="standard-approve sibling unit",
    ),
    Case(
        "standards:standard-approve",
        draft("other_opd_layanan", submitted=True),
        APPROVE_OTHER_OPD,
        label="standard-approve other OPD",
    ),
    Case(
        "standards:standard-approve",
        draft("other_pemda_layanan", submitted=True),
        OTHER_PEMDA,
        label="standard-approve other Pemda",
    ),
    Case(
        "standards:standard-return",
        draft("layanan", submitted=True),
        NOT_ALLOWED,
        label="return GET",
    ),
    # The matrix posts an empty form: a permitted user is sent back with a message.
    Case(
        "standards:standard-return",
        draft("layanan", submitted=True),
        POST_APPROVE_OWN,
        method="post",
    ),
    Case(
        "standards:standard-return",
        draft("other_opd_layanan", submitted=True),
        POST_APPROVE_OTHER_OPD,
        method="post",
        label="standard-return other OPD",
    ),
    Case(
        "standards:standard-return",
        draft("other_pemda_layanan", submitted=True),
        POST_OTHER_PEMDA,
        method="post",
        label="standard-return other Pemda",
    ),
]
