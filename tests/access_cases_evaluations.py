"""Role × scope rows for the PEKPPP cycle pages: the list, the form opening a
cycle, a cycle's page and the POST assigning an evaluator.

Only the Pemda administrator opens cycles and assigns evaluators. A cycle is seen
by its Pemda's administrator, by OPD- and unit-level staff whose units are in its
scope, and by the evaluators assigned in it; everyone else gets 404.
"""

from __future__ import annotations

import itertools

from tests.access import LOGIN, ORG_CHANGE, ORG_LIST, OTHER_PEMDA, Case, profile

# A cycle of Kota Alpha over ``org.unit``, no evaluator assigned.
CYCLE_VIEW_OWN = profile(
    404,
    anonymous=LOGIN,
    admin_pemda=200,
    admin_opd=200,
    operator_unit=200,
    petugas_loket=200,
    superuser=200,
)
# The same with the ``evaluator`` user assigned to ``org.unit``.
CYCLE_VIEW_ASSIGNED = {**CYCLE_VIEW_OWN, "evaluator": 200}
# A cycle of Kota Alpha over the other OPD's unit only.
CYCLE_VIEW_OTHER_OPD = {
    **CYCLE_VIEW_OWN,
    "admin_opd": 404,
    "operator_unit": 404,
    "petugas_loket": 404,
}
# Assigning: allowed users are sent back to the cycle (302); staff who see the cycle
# but do not run it get 403.
ASSIGN_OWN = {
    **CYCLE_VIEW_ASSIGNED,
    "admin_pemda": 302,
    "superuser": 302,
    "admin_opd": 403,
    "operator_unit": 403,
    "petugas_loket": 403,
    "evaluator": 403,
}
ASSIGN_OTHER_PEMDA = {k: (302 if v == 200 else v) for k, v in OTHER_PEMDA.items()}
# A Pemda opens one cycle a year; page walks build every row in one database.
_years = itertools.count(2030)


def make_cycle(
    org, pemda_attr: str = "pemda", unit_attr: str = "unit", *, assign=False
):
    from django.contrib.auth import get_user_model

    from prima.evaluations import services, testing

    pemda = getattr(org, pemda_attr)
    admin = testing.make_admin(pemda)
    cycle = testing.make_cycle(
        pemda, getattr(org, unit_attr), by=admin, year=next(_years)
    )
    if assign:
        evaluator = get_user_model().objects.get(username="evaluator")
        services.evaluator_assign(cycle.units.get(), evaluator=evaluator, by=admin)
    return cycle


def cycle(pemda_attr: str = "pemda", unit_attr: str = "unit", *, assign=False):
    return lambda org: {"pk": make_cycle(org, pemda_attr, unit_attr, assign=assign).pk}


def cycle_unit(pemda_attr: str = "pemda", unit_attr: str = "unit"):
    return lambda org: {
        "pk": make_cycle(org, pemda_attr, unit_attr, assign=pemda_attr == "pemda")
        .units.get()
        .pk
    }


CASES: list[Case] = [
    Case("evaluations:cycle_list", expected=ORG_LIST),
    Case("evaluations:cycle_create", expected=ORG_CHANGE),
    Case("evaluations:cycle_detail", cycle(), CYCLE_VIEW_OWN),
    Case(
        "evaluations:cycle_detail",
        cycle(assign=True),
        CYCLE_VIEW_ASSIGNED,
        label="cycle_detail with the evaluator assigned",
    ),
    Case(
        "evaluations:cycle_detail",
        cycle(unit_attr="other_opd_unit"),
        CYCLE_VIEW_OTHER_OPD,
        label="cycle_detail other OPD",
    ),
    Case(
        "evaluations:cycle_detail",
        cycle("other_pemda", "other_pemda_unit"),
        OTHER_PEMDA,
        label="cycle_detail other Pemda",
    ),
    # The matrix posts an empty form: allowed users come back with a message.
    Case("evaluations:evaluator_assign", cycle_unit(), ASSIGN_OWN, method="post"),
    Case(
        "evaluations:evaluator_assign",
        cycle_unit("other_pemda", "other_pemda_unit"),
        ASSIGN_OTHER_PEMDA,
        method="post",
        label="evaluator_assign other Pemda",
    ),
]


# --- a unit's forms: F-01, F-02 and the F-03 link ------------------------------------
# A unit's F-01/F-02 are seen by its own staff, its assigned evaluator and the cycle's
# administrator only (results are not published yet); everyone else gets 404.
FORMS_VIEW = CYCLE_VIEW_ASSIGNED
FORMS_VIEW_OTHER_OPD = CYCLE_VIEW_OTHER_OPD
# The unit's staff who change its catalogue (admin OPD, operator) act on the F-01;
# the matrix posts an empty submission, which comes back with a message.
F01_SUBMIT = {
    **FORMS_VIEW,
    "admin_opd": 302,
    "operator_unit": 302,
    "petugas_loket": 403,
    "evaluator": 403,
    "admin_pemda": 403,
    "superuser": 403,
}
# Only the assigned evaluator scores, submits and issues the F-03 link.
EVALUATOR_POST = {
    **FORMS_VIEW,
    "evaluator": 302,
    "admin_opd": 403,
    "operator_unit": 403,
    "petugas_loket": 403,
    "admin_pemda": 403,
    "superuser": 403,
}
# A submitted sheet is changed (audited) by its evaluator or the cycle's admin.
SHEET_CHANGE = {
    **FORMS_VIEW,
    "admin_opd": 403,
    "operator_unit": 403,
    "petugas_loket": 403,
}


def _user(name: str):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=name)


def forms_unit(unit_attr: str = "unit", *, assign: bool = True):
    return lambda org: {
        "pk": make_cycle(org, unit_attr=unit_attr, assign=assign).units.get().pk
    }


def f01_open(org) -> dict:
    """A unit in scope whose F-01 deadline is still ahead, so its staff see the form."""
    from datetime import timedelta

    from django.utils import timezone

    from prima.evaluations import services, testing

    today = timezone.localdate()
    admin = testing.make_admin(org.pemda)
    cycle = testing.make_cycle(
        org.pemda,
        org.unit,
        by=admin,
        year=next(_years),
        self_assessment_deadline=today + timedelta(days=10),
        visits_start=today + timedelta(days=11),
        visits_end=today + timedelta(days=20),
        verification_start=today + timedelta(days=21),
        verification_end=today + timedelta(days=28),
    )
    cycle_unit = cycle.units.get()
    services.evaluator_assign(cycle_unit, evaluator=_user("evaluator"), by=admin)
    return {"pk": cycle_unit.pk}


def with_evidence_file(org) -> dict:
    """A unit in scope whose F-01 holds a file on indicator 1."""
    from datetime import date

    from prima.core.uploads import PNG, CleanFile
    from prima.evaluations import services

    cycle_unit = make_cycle(org, assign=True).units.get()
    services.self_score_save(
        cycle_unit,
        by=_user("operator_unit"),
        indicator=1,
        score=0,
        reason="Bukti terlampir.",
        evidence_file=CleanFile("bukti.png", PNG, b"\x89PNG\r\n\x1a\n"),
        today=date(2026, 3, 1),
    )
    return {"pk": cycle_unit.pk, "number": 1}


def with_sheet(org) -> dict:
    """A unit in scope whose evaluator submitted the F-02 and issued the F-03 link,
    which one user answered."""
    import uuid

    from django.utils import timezone

    from prima.evaluations import services

    cycle_unit = make_cycle(org, assign=True).units.get()
    evaluator = _user("evaluator")
    for indicator in cycle_unit.cycle.instrument.parsed().indicators:
        services.evaluator_score_save(
            cycle_unit, by=evaluator, indicator=indicator.number, score=3
        )
    services.evaluation_submit(cycle_unit, by=evaluator, now=timezone.now())
    services.user_form_issue(cycle_unit, by=evaluator)
    codes = [s.code for s in cycle_unit.cycle.instrument.parsed().statements]
    services.user_answer_submit(
        cycle_unit, scores=dict.fromkeys(codes, 4), key=uuid.uuid4()
    )
    return {"pk": cycle_unit.pk}


def user_form_token(org) -> dict:
    from prima.evaluations import services

    cycle_unit = make_cycle(org, assign=True).units.get()
    return {"token": services.user_form_issue(cycle_unit, by=_user("evaluator")).token}


CASES += [
    Case("evaluations:self_assessment", forms_unit(), FORMS_VIEW),
    Case(
        "evaluations:self_assessment",
        forms_unit("other_opd_unit", assign=False),
        FORMS_VIEW_OTHER_OPD,
        label="self_assessment other OPD",
    ),
    Case(
        "evaluations:self_assessment",
        lambda org: {
            "pk": make_cycle(org, "other_pemda", "other_pemda_unit").units.get().pk
        },
        OTHER_PEMDA,
        label="self_assessment other Pemda",
    ),
    Case(
        "evaluations:self_assessment_submit",
        forms_unit(),
        F01_SUBMIT,
        method="post",
    ),
    Case(
        "evaluations:self_assessment",
        f01_open,
        FORMS_VIEW,
        label="self_assessment before the deadline",
    ),
    Case("evaluations:self_assessment_file", with_evidence_file, FORMS_VIEW),
    Case("evaluations:evaluation", forms_unit(), FORMS_VIEW),
    Case(
        "evaluations:evaluation",
        forms_unit("other_opd_unit", assign=False),
        FORMS_VIEW_OTHER_OPD,
        label="evaluation other OPD",
    ),
    Case("evaluations:evaluation_submit", forms_unit(), EVALUATOR_POST, method="post"),
    Case(
        "evaluations:evaluation",
        with_sheet,
        FORMS_VIEW,
        label="evaluation with the sheet submitted",
    ),
    Case("evaluations:evaluation_change", with_sheet, SHEET_CHANGE),
    Case("evaluations:user_form_issue", forms_unit(), EVALUATOR_POST, method="post"),
    Case("pekppp:user_form", user_form_token),
    Case("pekppp:user_form_thanks", user_form_token),
]


# --- results: publication, ranking, each unit's result, recommendations ----------
# A cycle of Kota Alpha over ``org.unit`` (the ``evaluator`` assigned) and the other
# OPD's unit (another evaluator). Before publication the ranking is the cycle's
# administrators' only, and a unit's result its own staff's, its evaluator's and the
# administrators'; once published, everyone who sees the cycle sees them all, and
# anyone the public ranking.
RESULTS_ADMIN_ONLY = profile(404, anonymous=LOGIN, admin_pemda=200, superuser=200)
RESULTS_PUBLISHED = CYCLE_VIEW_ASSIGNED
RESULT_OTHER_UNIT = RESULTS_ADMIN_ONLY
PUBLISH = ASSIGN_OWN
# The unit's staff who change its catalogue close a recommendation; the matrix posts
# an empty form, which comes back with a message.
CLOSE = F01_SUBMIT
PUBLIC_RESULTS = profile(200)
NOT_PUBLISHED = profile(404)


def results_cycle(org, *, scored: bool = False, published: bool = False):
    from django.utils import timezone

    from prima.evaluations import services, testing

    admin = testing.make_admin(org.pemda)
    cycle = testing.make_cycle(
        org.pemda, org.unit, org.other_opd_unit, by=admin, year=next(_years)
    )
    own = cycle.units.get(unit=org.unit)
    other = cycle.units.get(unit=org.other_opd_unit)
    services.evaluator_assign(own, evaluator=_user("evaluator"), by=admin)
    other_evaluator = testing.make_evaluator(org.pemda)
    services.evaluator_assign(other, evaluator=other_evaluator, by=admin)
    if scored or published:
        testing.submit_sheet(own, _user("evaluator"), 4)
        testing.submit_sheet(other, other_evaluator, 3)
    if published:
        services.cycle_publish(cycle, by=admin, now=timezone.now())
    return cycle, own, other


def results_args(which: str, **kwargs):
    def build(org) -> dict:
        cycle, own, other = results_cycle(org, **kwargs)
        if which == "public":
            return {"pemda_slug": org.pemda.slug, "pk": cycle.pk}
        return {"pk": {"cycle": cycle, "own": own, "other": other}[which].pk}

    return build


def recommendation(*, closed_with_file: bool = False):
    def build(org) -> dict:
        from django.utils import timezone

        from prima.core.uploads import PNG, CleanFile
        from prima.evaluations import services

        _cycle, own, _other = results_cycle(org, scored=True)
        rec = services.recommendation_add(
            own, by=_user("evaluator"), indicator=8, text="RTL.", now=timezone.now()
        )
        if closed_with_file:
            services.recommendation_close(
                rec,
                by=_user("operator_unit"),
                note="Selesai.",
                evidence_file=CleanFile("bukti.png", PNG, b"\x89PNG\r\n\x1a\n"),
                now=timezone.now(),
            )
        return {"pk": rec.pk}

    return build


CASES += [
    Case(
        "evaluations:cycle_publish",
        results_args("cycle", scored=True),
        PUBLISH,
        method="post",
    ),
    Case("evaluations:ranking", results_args("cycle", scored=True), RESULTS_ADMIN_ONLY),
    Case(
        "evaluations:ranking",
        results_args("cycle", published=True),
        RESULTS_PUBLISHED,
        label="ranking published",
    ),
    Case(
        "evaluations:ranking_pdf",
        results_args("cycle", scored=True),
        RESULTS_ADMIN_ONLY,
    ),
    Case(
        "evaluations:ranking_xlsx",
        results_args("cycle", published=True),
        RESULTS_PUBLISHED,
    ),
    Case("evaluations:result", results_args("own", scored=True), FORMS_VIEW),
    Case(
        "evaluations:result",
        results_args("other", scored=True),
        RESULT_OTHER_UNIT,
        label="result of another unit before publication",
    ),
    Case(
        "evaluations:result",
        results_args("other", published=True),
        RESULTS_PUBLISHED,
        label="result of another unit once published",
    ),
    Case("evaluations:result_pdf", results_args("own", scored=True), FORMS_VIEW),
    Case(
        "evaluations:result_pdf",
        results_args("other", published=True),
        RESULTS_PUBLISHED,
        label="result_pdf of another unit once published",
    ),
    Case(
        "evaluations:recommendation_add",
        results_args("own", scored=True),
        EVALUATOR_POST,
        method="post",
    ),
    Case("evaluations:recommendation_close", recommendation(), CLOSE, method="post"),
    Case(
        "evaluations:recommendation_file",
        recommendation(closed_with_file=True),
        FORMS_VIEW,
    ),
    Case("pekppp:results", results_args("public", published=True), PUBLIC_RESULTS),
    Case(
        "pekppp:results",
        results_args("public", scored=True),
        NOT_PUBLISHED,
        label="results before publication",
    ),
]
