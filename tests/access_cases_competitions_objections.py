"""Role × scope rows for the public objection window (uji publik): the open
shortlist and an entry's objection form are public while the window is open (404
otherwise); deciding an objection is the call's Pemda admin's step.
"""

from __future__ import annotations

from types import SimpleNamespace

from tests.access import OTHER_PEMDA, PUBLIC, Case, profile
from tests.access_cases_competitions_calls import COMPETITION_CHANGE_OWN, post


def _shortlisted(org, other_pemda: bool = False, days: int = 5):
    from prima.competitions.testing import shortlisted_call
    from prima.core.roles import Role
    from prima.organisations.testing import make_user

    if other_pemda:
        org = SimpleNamespace(pemda=org.other_pemda, unit=org.other_pemda_unit)
    admin = make_user(role=Role.ADMIN_PEMDA, pemda=org.pemda)
    return shortlisted_call(org, admin, days=days)


def shortlist(days: int = 5):
    return lambda org: {"pk": _shortlisted(org, days=days)[0].pk}


def shortlisted_entry(position: int = 0):
    return lambda org: {"pk": _shortlisted(org)[1][position].pk}


def pending_objection(other_pemda: bool = False):
    """A pending objection: an empty POST is refused, so it survives every user."""

    def build(org) -> dict:
        from prima.competitions.testing import objection

        _call, entries = _shortlisted(org, other_pemda)
        return {"pk": objection(entries[0]).pk}

    return build


NOT_FOUND = profile(404)

CASES: list[Case] = [
    Case("competitions:public_shortlist", shortlist(), PUBLIC),
    Case(
        "competitions:public_shortlist",
        shortlist(days=0),
        NOT_FOUND,
        label="public_shortlist without a window",
    ),
    Case("competitions:objection_submit", shortlisted_entry(), PUBLIC),
    Case(
        "competitions:objection_submit",
        shortlisted_entry(2),
        NOT_FOUND,
        label="objection_submit off the shortlist",
    ),
    Case(
        "competitions:objection_decide",
        pending_objection(),
        post(COMPETITION_CHANGE_OWN),
        method="post",
    ),
    Case(
        "competitions:objection_decide",
        pending_objection(other_pemda=True),
        post(OTHER_PEMDA),
        method="post",
        label="objection_decide other Pemda",
    ),
]
