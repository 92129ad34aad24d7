"""Writes of the SKM follow-up: the rencana tindak lanjut (RTL) items of a unit and
the population a unit declares for a period (the Krejcie–Morgan N).

Both feed the diagnosis; both are validated with ``full_clean`` in one transaction.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from prima.core.periods import Period
from prima.organisations.models import Unit
from prima.surveys.ikm import CODE_ORDER, Unsur
from prima.surveys.models import FollowUp, Population


def followup_unsur_choices(weak: tuple[Unsur, ...] | list[Unsur]) -> list[Unsur]:
    """Return the unsur an RTL item may address: the weak ones, or all nine if none."""
    return list(weak) or list(CODE_ORDER)


def followup_create(
    *,
    unit: Unit,
    period: Period,
    unsur: str,
    action: str,
    due_on: date,
    responsible: str,
    created_by=None,
) -> FollowUp:
    """Create an RTL item for ``unsur`` of ``unit`` in ``period``."""
    followup = FollowUp(
        pemda_id=unit.pemda_id,
        unit=unit,
        period_start=period.start,
        period_end=period.end,
        unsur=unsur,
        action=action.strip(),
        due_on=due_on,
        responsible=responsible.strip(),
        created_by=created_by,
    )
    if due_on < period.start:
        raise ValidationError(
            {"due_on": _("The action cannot be due before the survey period starts.")}
        )
    followup.full_clean()
    with transaction.atomic():
        followup.save()
    return followup


def followup_update(
    *,
    followup: FollowUp,
    status: str,
    note: str = "",
    completed_on: date | None = None,
    today: date | None = None,
) -> FollowUp:
    """Change an RTL item's status and note; "done" needs a completion date not in
    the future, other statuses clear it."""
    today = today or timezone.localdate()
    if status == FollowUp.Status.DONE:
        if completed_on is None:
            raise ValidationError(
                {"completed_on": _("Give the date the action was completed.")}
            )
        if completed_on > today:
            raise ValidationError(
                {"completed_on": _("The completion date cannot be in the future.")}
            )
    else:
        completed_on = None
    followup.status = status
    followup.note = note.strip()
    followup.completed_on = completed_on
    followup.full_clean()
    with transaction.atomic():
        followup.save()
    return followup


def population_declare(
    *, unit: Unit, period: Period, population: int, declared_by=None
) -> Population:
    """Store (or replace) the number of service users of ``unit`` in ``period``."""
    with transaction.atomic():
        declared = (
            Population.objects.select_for_update()
            .filter(unit=unit, period_start=period.start, period_end=period.end)
            .first()
        ) or Population(
            pemda_id=unit.pemda_id,
            unit=unit,
            period_start=period.start,
            period_end=period.end,
        )
        declared.population = population
        declared.declared_by = declared_by
        declared.full_clean()
        declared.save()
    return declared
