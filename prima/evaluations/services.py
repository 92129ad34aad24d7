"""Writes of the PEKPPP evaluations: loading instruments, opening a cycle over a
Pemda's units and assigning evaluators; see models.py for the rules' sources."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from prima.core.roles import CHANGE, Area, Role
from prima.core.scoping import pemdas_where
from prima.evaluations import instrument as instrument_data
from prima.evaluations.models import (
    Assignment,
    Cycle,
    CycleUnit,
    Instrument,
    instrument_errors,
)
from prima.organisations.models import Membership, Pemda, Unit


@transaction.atomic
def instrument_load(
    *, definition: str, replace: bool = False
) -> tuple[Instrument, bool]:
    """Store the instrument a JSON document describes; return it and whether it was
    stored (an existing version is kept unless ``replace``).

    Raise ValidationError naming every problem of the document.
    """
    try:
        parsed = instrument_data.load(definition)
    except instrument_data.InstrumentError as error:
        raise ValidationError({"definition": instrument_errors(error)}) from None
    row = Instrument.objects.select_for_update().filter(version=parsed.version).first()
    if row is not None and (not replace or row.definition == definition):
        return row, False
    row = row or Instrument()
    row.definition = definition
    row.version, row.year, row.title = parsed.version, parsed.year, parsed.title
    row.full_clean()
    row.save()
    return row, True


def _require_admin(by, pemda_id: int) -> None:
    if pemda_id not in pemdas_where(by, Area.ORGANISATION, CHANGE):
        raise PermissionDenied


def evaluator_opds(user) -> set[int]:
    """Return the OPDs ``user`` holds an active role on, directly or via a unit."""
    rows = Membership.objects.filter(user=user, active=True).values_list(
        "opd_id", "unit__opd_id"
    )
    return {opd for pair in rows for opd in pair if opd is not None}


def is_evaluator_of(user, pemda_id: int) -> bool:
    """Return whether ``user`` is active and holds the evaluator role in the Pemda."""
    return user.is_active and (
        Membership.objects.filter(
            user=user, role=Role.EVALUATOR, pemda_id=pemda_id, active=True
        ).exists()
    )


@transaction.atomic
def cycle_open(
    *,
    pemda: Pemda,
    by,
    year: int,
    instrument: Instrument,
    cohort_by: str,
    units: Mapping[str, Iterable[Unit]],
    self_assessment_deadline: date,
    visits_start: date,
    visits_end: date,
    verification_start: date,
    verification_end: date,
) -> Cycle:
    """Open a cycle of the Pemda's evaluation over ``units``, given per kind of
    service (``ServiceKind`` value → units); the timeline must run in order.

    Refused unless ``by`` administers the Pemda; every unit must be an active unit
    of the Pemda, in one kind of service only, and at least one unit is in scope.
    """
    _require_admin(by, pemda.pk)
    chosen: dict[int, tuple[Unit, str]] = {}
    errors: dict[str, list] = {}
    for kind, kind_units in units.items():
        for unit in kind_units:
            if unit.pemda_id != pemda.pk or not unit.active:
                errors.setdefault("units", []).append(
                    _("%(unit)s is not an active unit of this Pemda.") % {"unit": unit}
                )
            elif unit.pk in chosen:
                errors.setdefault("units", []).append(
                    _("%(unit)s is given more than one kind of service.")
                    % {"unit": unit}
                )
            else:
                chosen[unit.pk] = (unit, kind)
    if not chosen and "units" not in errors:
        errors["units"] = [_("Choose at least one unit to evaluate.")]
    if Cycle.objects.filter(pemda=pemda, year=year).exists():
        errors["year"] = [_("This Pemda already has an evaluation cycle this year.")]
    cycle = Cycle(
        pemda=pemda,
        year=year,
        instrument=instrument,
        cohort_by=cohort_by,
        self_assessment_deadline=self_assessment_deadline,
        visits_start=visits_start,
        visits_end=visits_end,
        verification_start=verification_start,
        verification_end=verification_end,
        created_by=by,
    )
    try:
        cycle.full_clean(validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            errors.setdefault(field, []).extend(messages)
    if errors:
        raise ValidationError(errors)
    cycle.save()
    CycleUnit.objects.bulk_create(
        CycleUnit(cycle=cycle, unit=unit, service_kind=kind)
        for unit, kind in chosen.values()
    )
    return cycle


def assignment_conflict(evaluator, cycle_unit: CycleUnit) -> str | None:
    """Return why ``evaluator`` may not evaluate the unit, or None when they may:
    an evaluator never evaluates a unit of an OPD they hold a role on."""
    if cycle_unit.unit.opd_id in evaluator_opds(evaluator):
        return _("The evaluator holds a role in the OPD of this unit.")
    return None


@transaction.atomic
def evaluator_assign(cycle_unit: CycleUnit, *, evaluator, by) -> Assignment:
    """Assign an evaluator of the Pemda to a unit of the cycle; assigning the same
    evaluator twice returns the existing assignment.

    Refused unless ``by`` administers the Pemda, the user holds the evaluator role
    in it and holds no role in the unit's OPD.
    """
    cycle = Cycle.objects.select_for_update().get(pk=cycle_unit.cycle_id)
    _require_admin(by, cycle.pemda_id)
    if not is_evaluator_of(evaluator, cycle.pemda_id):
        raise ValidationError(
            {
                "evaluator": _(
                    "This user does not hold the evaluator role in this Pemda."
                )
            }
        )
    reason = assignment_conflict(evaluator, cycle_unit)
    if reason:
        raise ValidationError({"evaluator": reason})
    assignment, _created = Assignment.objects.get_or_create(
        cycle_unit=cycle_unit, evaluator=evaluator, defaults={"assigned_by": by}
    )
    return assignment
