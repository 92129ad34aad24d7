"""Reads of the PEKPPP cycle pages, each starting from the user so that scope cannot
be forgotten."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, Q
from django.http import Http404

from prima.core.roles import Area, Level, Role
from prima.core.scoping import is_platform_operator, reach_q
from prima.evaluations.models import Assignment, Cycle, CycleUnit
from prima.organisations.models import Membership


def cycles_for(user):
    """Return the cycles the user may see, newest first."""
    return Cycle.objects.visible_to(user).select_related("pemda", "instrument")


def cycle_get(user, pk: int, *, change: bool = False) -> Cycle:
    """Return a cycle the user may see (404 otherwise); with ``change``, one they
    run (403 when they only see it)."""
    cycle = cycles_for(user).filter(pk=pk).first()
    if cycle is None:
        raise Http404
    if change and not can_run(user, cycle):
        raise PermissionDenied
    return cycle


def can_run(user, cycle: Cycle) -> bool:
    """Return whether the user administers the cycle (opens it, assigns evaluators)."""
    return Cycle.objects.run_by(user).filter(pk=cycle.pk).exists()


def cycle_unit_get(user, pk: int) -> CycleUnit:
    """Return a unit in scope of a cycle the user runs: 404 when they cannot see the
    cycle, 403 when they only see it."""
    cycle_unit = CycleUnit.objects.select_related("cycle", "unit").filter(pk=pk).first()
    if cycle_unit is None:
        raise Http404
    cycle_get(user, cycle_unit.cycle_id, change=True)
    return cycle_unit


def units_for(user, cycle: Cycle) -> list[CycleUnit]:
    """Return the cycle's units the user may see with their evaluators: all of them
    for whoever runs the cycle; otherwise those of their OPD or unit, and those they
    evaluate."""
    rows = cycle.units.select_related(
        "unit", "unit__opd", "cycle__pemda"
    ).prefetch_related(
        Prefetch(
            "assignments",
            queryset=Assignment.objects.select_related("evaluator").order_by(
                "evaluator__full_name", "evaluator__username"
            ),
        )
    )
    if not (is_platform_operator(user) or can_run(user, cycle)):
        reached = reach_q(
            user,
            {Level.OPD: "unit__opd", Level.UNIT: "unit"},
            area=Area.ORGANISATION,
        )
        rows = rows.filter(
            pk__in=CycleUnit.objects.filter(
                reached | Q(assignments__evaluator=user)
            ).values("pk")
        )
    return list(rows)


def pemda_evaluators(pemda_id: int) -> list:
    """Return the active users holding the evaluator role in the Pemda, each with
    ``opd_ids``: the OPDs they hold a role on (whose units they may not evaluate)."""
    users = list(
        get_user_model()
        .objects.filter(
            is_active=True,
            memberships__role=Role.EVALUATOR,
            memberships__pemda_id=pemda_id,
            memberships__active=True,
        )
        .distinct()
        .order_by("full_name", "username")
    )
    opds: dict[int, set[int]] = {user.pk: set() for user in users}
    rows = Membership.objects.filter(user_id__in=opds, active=True).values_list(
        "user_id", "opd_id", "unit__opd_id"
    )
    for user_id, opd_id, unit_opd_id in rows:
        opds[user_id] |= {opd_id, unit_opd_id} - {None}
    for user in users:
        user.opd_ids = opds[user.pk]
    return users


def evaluator_candidates(cycle_unit: CycleUnit, evaluators: list) -> list:
    """Return those of ``evaluators`` (from ``pemda_evaluators``) who may evaluate
    the unit: not yet assigned to it and holding no role in its OPD."""
    assigned = {a.evaluator_id for a in cycle_unit.assignments.all()}
    return [
        user
        for user in evaluators
        if user.pk not in assigned and cycle_unit.unit.opd_id not in user.opd_ids
    ]
