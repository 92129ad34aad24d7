"""Role × scope rows for competition entries, juri score sheets and the published
results.

A juri reaches a score sheet only through their own assignment (everyone else gets
404, superusers included); a sheet's change page also admits the call's Pemda admin,
the one exception for corrections.
"""

from __future__ import annotations

from tests.access import ANY_STAFF, LOGIN, OTHER_PEMDA, PUBLIC, Case, profile


def _user(username: str):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=username)


def _call(org, pemda_attr: str = "pemda"):
    from prima.competitions import testing
    from prima.organisations.testing import make_user

    pemda = getattr(org, pemda_attr)
    admin = (
        _user("admin_pemda")
        if pemda_attr == "pemda"
        else make_user(role="admin_pemda", pemda=pemda)
    )
    return testing.open_call(pemda, admin)


def open_call(pemda_attr: str = "pemda"):
    return lambda org: {"pk": _call(org, pemda_attr).pk}


def draft_call(org) -> dict:
    from prima.competitions.testing import make_call

    return {"pk": make_call(org.pemda, _user("admin_pemda"), title="Kompetisi draf").pk}


def _assignment(org, *, submitted: bool):
    from prima.competitions import judging
    from prima.competitions.testing import judged_entries, scores

    _call, entries, assignments = judged_entries(
        pemda=org.pemda,
        admin=_user("admin_pemda"),
        units=[org.unit],
        juries=[_user("juri")],
    )
    (assignment,) = assignments[entries[0].pk]
    if submitted:
        judging.sheet_submit(assignment, scores=scores(8, 7, 9, 6, 7), by=_user("juri"))
    return assignment


def assignment(*, submitted: bool = False):
    return lambda org: {"pk": _assignment(org, submitted=submitted).pk}


def finished_call(org) -> dict:
    from prima.competitions import judging, services
    from prima.competitions.testing import scores

    admin, juri = _user("admin_pemda"), _user("juri")
    one = _assignment(org, submitted=True)
    call = one.entry.call
    for stage in call.stages_in_order():
        if stage.order > 1:
            later = services.assign_juri(one.entry, juri=juri, by=admin)
            judging.sheet_submit(later, scores=scores(8, 7, 9, 6, 7), by=juri)
        services.stage_close(stage, by=admin)
        one.entry.refresh_from_db()
    services.results_publish(call, by=admin)
    return {"pk": call.pk}


# Submitting: users who register innovations in the call's Pemda; read-only
# competition roles see the call but may not submit; juri and counter staff hold no
# competition grant.
SUBMIT_OWN = profile(
    404,
    anonymous=LOGIN,
    admin_pemda=200,
    admin_opd=200,
    operator_unit=200,
    evaluator=403,
    mentor=403,
    pimpinan=403,
    superuser=200,
)
ONLY_JURI = profile(404, anonymous=LOGIN, juri=200)
JURI_OR_ADMIN = profile(404, anonymous=LOGIN, juri=200, admin_pemda=200, superuser=200)

CASES: list[Case] = [
    Case("competitions:call_submit", open_call(), SUBMIT_OWN),
    Case(
        "competitions:call_submit",
        open_call("other_pemda"),
        OTHER_PEMDA,
        label="call_submit other Pemda",
    ),
    Case(
        "competitions:call_submit",
        draft_call,
        profile(404, anonymous=LOGIN),
        label="call_submit draft call",
    ),
    Case("competitions:juri_list", expected=ANY_STAFF),
    Case("competitions:juri_sheet", assignment(), ONLY_JURI),
    Case(
        "competitions:juri_sheet",
        assignment(submitted=True),
        ONLY_JURI,
        label="juri_sheet submitted",
    ),
    Case("competitions:juri_sheet_change", assignment(submitted=True), JURI_OR_ADMIN),
    Case(
        "competitions:juri_sheet_change",
        assignment(),
        profile(404, anonymous=LOGIN, juri=302),
        label="juri_sheet_change before submitting",
    ),
    Case("competitions:results_list", expected=PUBLIC),
    Case("competitions:results", finished_call, PUBLIC),
    Case(
        "competitions:results",
        open_call(),
        profile(404),
        label="results of an unfinished call",
    ),
]
