"""Reads of the complaint workflow: the work list, the units a user may pick, the
deadlines of a case, who may see a confidential complainant's identity, and what
the citizen's form offers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Case as CaseWhen
from django.db.models import DateField, Exists, F, OuterRef, Q, When
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from prima.complaints import sla
from prima.complaints.models import Attachment, Case, Privacy, Status
from prima.core.query import MAX_ID, int_param
from prima.core.roles import CHANGE, VIEW, Area, Level
from prima.core.scoping import (
    get_for_user,
    is_platform_operator,
    pemdas_where,
    reach_q,
    targets_where,
)
from prima.organisations.models import Layanan, Pemda, Unit


def case_get(user, pk: int, action: str = VIEW) -> Case:
    """Return the case the user may ``action``: 404 out of scope, 403 read-only."""
    queryset = Case.objects.select_related("pemda", "unit__opd", "layanan")
    return get_for_user(queryset, user, action, pk=pk)


def attachment_get(user, pk: int) -> Attachment:
    """Return an attachment of a case the user may see, else raise 404."""
    return get_object_or_404(
        Attachment.objects.filter(case__in=Case.objects.visible_to(user)), pk=pk
    )


def applicable_deadline():
    """Return an expression of the deadline that applies to a case's current state."""
    return CaseWhen(
        When(status__in=[Status.RECEIVED, Status.VERIFIED], then=F("verify_due")),
        When(
            status=Status.ASSIGNED,
            first_response_at__isnull=True,
            then=F("first_response_due"),
        ),
        When(status__in=[Status.ASSIGNED, Status.IN_PROGRESS], then=F("answer_due")),
        default=None,
        output_field=DateField(),
    )


def worklist(user, *, today: date, filters: dict | None = None):
    """Return the user's visible cases, overdue first, then by the applicable deadline."""
    filters = filters or {}
    overdue = Case.objects.overdue(today=today).filter(pk=OuterRef("pk"))
    qs = (
        Case.objects.visible_to(user)
        .select_related("unit")
        .annotate(
            is_overdue=Exists(overdue),
            deadline=applicable_deadline(),
        )
    )
    if filters.get("status"):
        qs = qs.filter(status=filters["status"])
    if filters.get("kind"):
        qs = qs.filter(kind=filters["kind"])
    if filters.get("unit"):
        qs = qs.filter(unit=filters["unit"])
    if filters.get("received_from"):
        qs = qs.filter(received_at__date__gte=filters["received_from"])
    if filters.get("received_to"):
        qs = qs.filter(received_at__date__lte=filters["received_to"])
    if filters.get("mine"):
        qs = qs.filter(my_units_q(user))
    return qs.order_by(
        F("is_overdue").desc(), F("deadline").asc(nulls_last=True), "-received_at"
    )


MY_UNITS = {
    Level.UNIT: "unit_id",
    Level.OPD: "unit__opd_id",
    Level.PEMDA: "unit__pemda_id",
}


def my_units_q(user) -> Q:
    """Return a filter of cases assigned to the units the user's memberships cover.

    Every membership counts, whatever its role: "mine" is where the user works.
    """
    return reach_q(user, MY_UNITS, area=None)


def case_changeable(user, case: Case) -> bool:
    """Return whether the user may act on the case (its action forms are shown)."""
    return Case.objects.editable_by(user).filter(pk=case.pk).exists()


def submission_units(pemda: Pemda):
    """Return the active units a citizen may address a case of ``pemda`` to."""
    return Unit.objects.active().filter(pemda=pemda).order_by("name")


def submission_prefill(query, pemda: Pemda) -> tuple[Layanan | None, Unit | None]:
    """Return the service or unit a link from the portal names (GET ``layanan`` or
    ``unit``), if it is one of this Pemda's active ones; a service wins."""
    found_layanan = found_unit = None
    layanan = int_param(query, "layanan", default=0, low=1, high=MAX_ID)
    unit = int_param(query, "unit", default=0, low=1, high=MAX_ID)
    if layanan:
        found_layanan = (
            Layanan.objects.active()
            .filter(pemda=pemda, pk=layanan)
            .select_related("unit")
            .first()
        )
    if found_layanan is None and unit:
        found_unit = Unit.objects.active().filter(pemda=pemda, pk=unit).first()
    return found_layanan, found_unit


def case_overdue(case: Case, *, today: date) -> bool:
    """Return whether a deadline of the case's current state has passed."""
    return Case.objects.filter(pk=case.pk).overdue(today=today).exists()


def visible_units(user):
    """Return the units whose complaints the user may see, for the work list filter."""
    return Unit.objects.scoped(user, VIEW, Area.COMPLAINTS).select_related("opd")


def assignable_units(user, case: Case):
    """Return the active units of the case's Pemda the user may change complaints of."""
    return (
        Unit.objects.scoped(user, CHANGE, Area.COMPLAINTS)
        .filter(pemda_id=case.pemda_id, active=True)
        .select_related("opd")
    )


def bulk_assign_units(user):
    """Return the active units the user may hand several cases to at once."""
    return Unit.objects.scoped(user, CHANGE, Area.COMPLAINTS).filter(active=True)


def can_bulk_assign(user) -> bool:
    """Return whether the user changes complaints at Pemda or OPD level (or is root)."""
    reach = pemdas_where(user, Area.COMPLAINTS, CHANGE, levels=(Level.PEMDA, Level.OPD))
    return bool(reach)


def case_identity_visible(user, case: Case) -> bool:
    """Return whether the user may see who submitted the case.

    What the citizen was told when choosing, read narrowly. An open case shows the
    name and contact to the staff handling it: those who may change complaints of
    the case's unit (its unit operators) or of the unit's OPD (the OPD
    administrators); read-only roles (counter officer, evaluator, leadership) and
    the Pemda administrators, who are not the handling unit, see it masked, as does
    everyone while no unit is assigned. A confidential case shows it only to a
    Pemda-level complaints administrator of the case's Pemda; an anonymous one to
    nobody, as nothing is stored. The platform operator (an active superuser)
    reaches every row, through the Django admin as well, so sees it too.
    """
    if case.privacy == Privacy.ANONYMOUS:
        return False
    if case.privacy == Privacy.CONFIDENTIAL:
        return case.pemda_id in pemdas_where(user, Area.COMPLAINTS, CHANGE)
    if is_platform_operator(user):
        return True
    if case.unit_id is None:
        return False
    handling = {
        Level.UNIT: case.unit_id,
        Level.OPD: case.unit.opd_id,
    }
    return any(
        target in targets_where(user, Area.COMPLAINTS, CHANGE, level=level)
        for level, target in handling.items()
    )


@dataclass(frozen=True)
class Deadline:
    label: str
    due: date | None
    done: date | None
    overdue: bool


def _day(moment):
    return timezone.localtime(moment).date() if moment else None


def case_deadlines(case: Case, *, today: date) -> list[Deadline]:
    """Return the case's deadlines with the day each step was done and whether late."""
    still_open = case.status not in (Status.REJECTED, Status.ANSWERED, Status.CLOSED)
    steps = [
        (_("Verify and assign"), case.verify_due, _day(case.assigned_at)),
        (_("First response"), case.first_response_due, _day(case.first_response_at)),
        (_("Final answer"), case.answer_due, _day(case.answered_at)),
    ]
    result = []
    for label, due, done in steps:
        if due is None:
            result.append(Deadline(str(label), None, done, False))
            continue
        late = sla.is_overdue(due, done, today) and (done is not None or still_open)
        result.append(Deadline(str(label), due, done, late))
    return result


def missed_deadline(case: Case, *, today: date) -> date | None:
    """Return the earliest deadline of the case's current state passed before today."""
    candidates = []
    if case.status in (Status.RECEIVED, Status.VERIFIED):
        candidates.append(case.verify_due)
    if case.status == Status.ASSIGNED and case.first_response_at is None:
        candidates.append(case.first_response_due)
    if case.status in (Status.ASSIGNED, Status.IN_PROGRESS):
        candidates.append(case.answer_due)
    missed = [due for due in candidates if due is not None and due < today]
    return min(missed) if missed else None
