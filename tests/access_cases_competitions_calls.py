"""Role × scope rows for the Pemda admin's competition pages: the call list, the call
form, a call's page, an entry's page and the POST-only actions.

Competitions are written by the Pemda admin only; OPD- and unit-level staff,
evaluators, mentors and leadership read them (OPD staff only their OPD's entries);
juri and counter staff hold no competition grant (a juri works from their
assignments, on the judging pages).
"""

from __future__ import annotations

from datetime import timedelta

from tests.access import LOGIN, OTHER_PEMDA, Case, profile

READERS = ("admin_opd", "operator_unit", "evaluator", "mentor", "pimpinan")

COMPETITION_LIST = profile(
    200, anonymous=LOGIN, no_role=403, petugas_loket=403, juri=403
)
COMPETITION_CREATE = profile(
    403, anonymous=LOGIN, admin_pemda=200, other_pemda_admin=200, superuser=200
)
# A call or entry of Kota Alpha (of ``org.unit`` for entries).
COMPETITION_VIEW_OWN = profile(
    200,
    anonymous=LOGIN,
    no_role=404,
    petugas_loket=404,
    juri=404,
    other_pemda_admin=404,
)
COMPETITION_CHANGE_OWN = {
    **COMPETITION_VIEW_OWN,
    **dict.fromkeys(READERS, 403),
}
# An entry of another OPD: the OPD admin and the unit operator do not reach it.
COMPETITION_VIEW_OTHER_OPD = {
    **COMPETITION_VIEW_OWN,
    "admin_opd": 404,
    "operator_unit": 404,
}


def post(expected: dict[str, int]) -> dict[str, int]:
    return {k: (302 if v == 200 else v) for k, v in expected.items()}


def _admin(pemda):
    from prima.core.roles import Role
    from prima.organisations.testing import make_user

    return make_user(role=Role.ADMIN_PEMDA, pemda=pemda)


def make_call(org, pemda_attr: str = "pemda", status: str = "draft"):
    """Return a call of the Pemda moved on to ``status`` through the services."""
    from prima.competitions import services, testing

    pemda = getattr(org, pemda_attr)
    admin = _admin(pemda)
    call = testing.make_call(pemda, admin)
    if status in ("open", "judging"):
        services.call_open(call, by=admin)
    if status == "judging":
        services.call_start_judging(call, by=admin)
    return call


def make_entry(org, unit_attr: str = "unit", pemda_attr: str = "pemda"):
    """Return an accepted entry of a judging call, from an innovation of the unit."""
    from prima.competitions import services, testing
    from prima.innovations.testing import make_innovation

    call = make_call(org, pemda_attr, status="judging")
    entry = testing.make_entry(
        call,
        make_innovation(unit=getattr(org, unit_attr)),
        at=call.deadline - timedelta(days=1),
    )
    services.entry_screen(entry, by=_admin(call.pemda), accept=True)
    return entry


def call(pemda_attr: str = "pemda", status: str = "draft"):
    return lambda org: {"pk": make_call(org, pemda_attr, status).pk}


def entry(unit_attr: str = "unit", pemda_attr: str = "pemda"):
    return lambda org: {"pk": make_entry(org, unit_attr, pemda_attr).pk}


def stage(pemda_attr: str = "pemda"):
    return lambda org: {"pk": make_call(org, pemda_attr).stages_in_order()[0].pk}


def scored_panel_member(pemda_attr: str = "pemda"):
    """A panel seat whose juri has scored: removing it is refused, so it survives
    every user's POST and each gets the status of their own scope."""

    def build(org) -> dict:
        from prima.competitions import services, testing

        pemda = getattr(org, pemda_attr)
        admin = _admin(pemda)
        an_entry = make_entry(
            org, "unit" if pemda_attr == "pemda" else "other_pemda_unit", pemda_attr
        )
        juri = testing.make_juri(pemda)
        member = testing.seat(an_entry.call, admin, juri)
        assignment = services.assign_juri(an_entry, juri=juri, by=admin)
        testing.submit_sheet(assignment, (7, 7, 7, 7, 7), at=an_entry.submitted_at)
        return {"pk": member.pk}

    return build


OTHER_PEMDA_POST = post(OTHER_PEMDA)

CASES: list[Case] = [
    Case("competitions:call_list", expected=COMPETITION_LIST),
    Case("competitions:call_create", expected=COMPETITION_CREATE),
    Case("competitions:call_detail", call(), COMPETITION_VIEW_OWN),
    Case(
        "competitions:call_detail",
        call(status="judging"),
        COMPETITION_VIEW_OWN,
        label="call_detail judging",
    ),
    Case(
        "competitions:call_detail",
        call("other_pemda"),
        OTHER_PEMDA,
        label="call_detail other Pemda",
    ),
    Case("competitions:call_edit", call(), COMPETITION_CHANGE_OWN),
    Case(
        "competitions:call_edit",
        call("other_pemda"),
        OTHER_PEMDA,
        label="call_edit other Pemda",
    ),
    Case("competitions:entry_detail", entry(), COMPETITION_VIEW_OWN),
    Case(
        "competitions:entry_detail",
        entry("other_opd_unit"),
        COMPETITION_VIEW_OTHER_OPD,
        label="entry_detail other OPD",
    ),
    Case(
        "competitions:entry_detail",
        entry("other_pemda_unit", "other_pemda"),
        OTHER_PEMDA,
        label="entry_detail other Pemda",
    ),
    # POST-only actions: the matrix posts an empty form; allowed users are sent back
    # to the page with a message (a refused step is a message too).
    Case(
        "competitions:call_open",
        call(),
        post(COMPETITION_CHANGE_OWN),
        method="post",
    ),
    Case(
        "competitions:call_open",
        call("other_pemda"),
        OTHER_PEMDA_POST,
        method="post",
        label="call_open other Pemda",
    ),
    Case(
        "competitions:call_start_judging",
        call(status="open"),
        post(COMPETITION_CHANGE_OWN),
        method="post",
    ),
    Case(
        "competitions:call_publish",
        call(status="judging"),
        post(COMPETITION_CHANGE_OWN),
        method="post",
    ),
    Case(
        "competitions:panel_add",
        call(),
        post(COMPETITION_CHANGE_OWN),
        method="post",
    ),
    Case(
        "competitions:panel_add",
        call("other_pemda"),
        OTHER_PEMDA_POST,
        method="post",
        label="panel_add other Pemda",
    ),
    Case(
        "competitions:panel_remove",
        scored_panel_member(),
        post(COMPETITION_CHANGE_OWN),
        method="post",
    ),
    Case(
        "competitions:panel_remove",
        scored_panel_member("other_pemda"),
        OTHER_PEMDA_POST,
        method="post",
        label="panel_remove other Pemda",
    ),
    Case(
        "competitions:entry_screen",
        entry(),
        post(COMPETITION_CHANGE_OWN),
        method="post",
    ),
    Case(
        "competitions:entry_screen",
        entry("other_opd_unit"),
        post(COMPETITION_VIEW_OTHER_OPD | dict.fromkeys(READERS[2:], 403)),
        method="post",
        label="entry_screen other OPD",
    ),
    Case(
        "competitions:entry_screen",
        entry("other_pemda_unit", "other_pemda"),
        OTHER_PEMDA_POST,
        method="post",
        label="entry_screen other Pemda",
    ),
    Case(
        "competitions:assign_juri",
        entry(),
        post(COMPETITION_CHANGE_OWN),
        method="post",
    ),
    Case(
        "competitions:assign_juri",
        entry("other_pemda_unit", "other_pemda"),
        OTHER_PEMDA_POST,
        method="post",
        label="assign_juri other Pemda",
    ),
    Case(
        "competitions:stage_close",
        stage(),
        post(COMPETITION_CHANGE_OWN),
        method="post",
    ),
    Case(
        "competitions:stage_close",
        stage("other_pemda"),
        OTHER_PEMDA_POST,
        method="post",
        label="stage_close other Pemda",
    ),
]
