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
