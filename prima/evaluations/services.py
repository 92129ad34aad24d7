"""Writes of the PEKPPP evaluations: loading instruments, opening a cycle over a
Pemda's units and assigning evaluators; see models.py for the rules' sources."""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from prima.core import sheets
from prima.core.idempotency import store_once
from prima.core.roles import CHANGE, Area, Role
from prima.core.scoping import pemdas_where
from prima.core.uploads import CleanFile, save_clean_file
from prima.evaluations import instrument as instrument_data
from prima.evaluations import proposals, selectors
from prima.evaluations.models import (
    Assignment,
    Cycle,
    CycleUnit,
    EvaluationChange,
    EvaluationSheet,
    EvaluatorScore,
    Instrument,
    Recommendation,
    SelfAssessment,
    SelfScore,
    UserAnswer,
    UserFormLink,
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


# The unit's forms: F-01 self-assessment, F-03 user form, F-02 evaluation ------


def _editor(by, cycle_unit: CycleUnit) -> None:
    if not selectors.unit_roles(by, cycle_unit).unit_editor:
        raise PermissionDenied


def _evaluator(by, cycle_unit: CycleUnit) -> None:
    if not selectors.unit_roles(by, cycle_unit).evaluator:
        raise PermissionDenied


def _indicator_numbers(cycle_unit: CycleUnit) -> list[int]:
    return [i.number for i in cycle_unit.cycle.instrument.parsed().indicators]


def _locked_assessment(cycle_unit: CycleUnit) -> SelfAssessment:
    assessment, _created = SelfAssessment.objects.get_or_create(cycle_unit=cycle_unit)
    return SelfAssessment.objects.select_for_update().get(pk=assessment.pk)


def _check_f01_open(assessment: SelfAssessment, today: date) -> None:
    if assessment.submitted_at is not None:
        raise ValidationError(_("The self-assessment is submitted and locked."))
    if today > assessment.cycle_unit.cycle.self_assessment_deadline:
        raise ValidationError(_("The self-assessment deadline has passed."))


def _check_prima_link(link: str) -> str:
    link = (link or "").strip()
    if link and (not link.startswith("/") or link.startswith("//")):
        raise ValidationError(
            {"evidence_link": _("Give the address of a Prima page, starting with /.")}
        )
    return link


@transaction.atomic
def self_score_save(
    cycle_unit: CycleUnit,
    *,
    by,
    indicator: int,
    score: int,
    reason: str = "",
    evidence_link: str = "",
    evidence_file: CleanFile | None = None,
    today: date,
) -> SelfScore:
    """Store the unit's score and evidence on one indicator of its F-01, beside the
    score Prima proposes from its own data: a score other than the proposal needs
    a reason. Only the unit's staff, before the deadline and the submission."""
    _editor(by, cycle_unit)
    assessment = _locked_assessment(cycle_unit)
    _check_f01_open(assessment, today)
    if indicator not in _indicator_numbers(cycle_unit):
        raise ValidationError(_("This indicator is not in the cycle's instrument."))
    if score not in range(6):
        raise ValidationError({"score": _("Give a score from 0 to 5.")})
    proposal = proposals.propose(selectors.unit_facts(cycle_unit.unit, today=today))
    proposed = proposal.get(indicator)
    reason = (reason or "").strip()
    if proposed is not None and score != proposed.score and not reason:
        raise ValidationError(
            {"reason": _("Say why your score differs from Prima's proposal.")}
        )
    row, _created = SelfScore.objects.get_or_create(
        assessment=assessment, indicator=indicator, defaults={"updated_by": by}
    )
    row.score = score
    row.proposed_score = proposed.score if proposed else None
    row.rule = proposed.rule if proposed else ""
    row.reason = reason if proposed is None or score != proposed.score else ""
    row.evidence_link = _check_prima_link(evidence_link)
    row.updated_by = by
    row.save()
    if evidence_file is not None:
        row.evidence_name = evidence_file.original_name
        save_clean_file(row.evidence_file, evidence_file)
    return row


@transaction.atomic
def self_assessment_submit(
    cycle_unit: CycleUnit, *, by, now: datetime
) -> SelfAssessment:
    """Submit the unit's F-01 by its deadline once every indicator is scored; it is
    locked from then on."""
    _editor(by, cycle_unit)
    assessment = _locked_assessment(cycle_unit)
    _check_f01_open(assessment, timezone.localdate(now))
    scored = set(
        assessment.scores.filter(score__isnull=False).values_list(
            "indicator", flat=True
        )
    )
    missing = [n for n in _indicator_numbers(cycle_unit) if n not in scored]
    if missing:
        raise ValidationError(
            _("Score every indicator first; missing: %(numbers)s.")
            % {"numbers": ", ".join(map(str, missing))}
        )
    assessment.submitted_at = now
    assessment.submitted_by = by
    assessment.save(update_fields=["submitted_at", "submitted_by"])
    return assessment


@transaction.atomic
def user_form_issue(cycle_unit: CycleUnit, *, by) -> UserFormLink:
    """Issue (once) the F-03 link of the unit's users; only its evaluator does."""
    _evaluator(by, cycle_unit)
    link, _created = UserFormLink.objects.get_or_create(
        cycle_unit=cycle_unit,
        defaults={"token": secrets.token_urlsafe(16), "issued_by": by},
    )
    return link


def user_answer_submit(
    cycle_unit: CycleUnit, *, scores: Mapping[str, int], key: uuid.UUID
) -> tuple[UserAnswer, bool]:
    """Store one anonymous F-03 answer once per submission key: a score 0–5 for
    every statement of the cycle's instrument."""
    codes = [s.code for s in cycle_unit.cycle.instrument.parsed().statements]
    if set(scores) != set(codes) or any(scores[code] not in range(6) for code in codes):
        raise ValidationError(_("Give a score from 0 to 5 to every statement."))
    clean = {code: int(scores[code]) for code in codes}
    return store_once(
        UserAnswer,
        key={"idempotency_key": key},
        store=lambda: UserAnswer.objects.create(
            cycle_unit=cycle_unit, scores=clean, idempotency_key=key
        ),
    )


def _clean_sheet_scores(cycle_unit: CycleUnit, scores: Mapping[str, Any]) -> dict:
    numbers = [str(n) for n in _indicator_numbers(cycle_unit)]
    if set(scores) != set(numbers):
        raise ValidationError(_("Score every indicator of the instrument."))
    clean = {}
    for number in numbers:
        value = scores[number]
        if not isinstance(value, int) or value not in range(6):
            raise ValidationError(_("Give a score from 0 to 5."))
        clean[number] = value
    return clean


@transaction.atomic
def evaluator_score_save(
    cycle_unit: CycleUnit, *, by, indicator: int, score: int | None, note: str = ""
) -> EvaluatorScore:
    """Store the evaluator's working score and note on one indicator (F-02), until
    the sheet is submitted."""
    _evaluator(by, cycle_unit)
    CycleUnit.objects.select_for_update().get(pk=cycle_unit.pk)
    if EvaluationSheet.objects.filter(cycle_unit=cycle_unit).exists():
        raise ValidationError(
            _("The scores were already submitted and are locked; request a change.")
        )
    if indicator not in _indicator_numbers(cycle_unit):
        raise ValidationError(_("This indicator is not in the cycle's instrument."))
    if score is not None and score not in range(6):
        raise ValidationError({"score": _("Give a score from 0 to 5.")})
    row, _created = EvaluatorScore.objects.update_or_create(
        cycle_unit=cycle_unit,
        indicator=indicator,
        defaults={"score": score, "note": (note or "").strip()},
    )
    return row


@transaction.atomic
def evaluation_submit(cycle_unit: CycleUnit, *, by, now: datetime) -> EvaluationSheet:
    """Submit the evaluator's F-02: every indicator scored; locked from then on
    (``core.sheets``)."""
    _evaluator(by, cycle_unit)
    cycle_unit = CycleUnit.objects.select_for_update().get(pk=cycle_unit.pk)
    scores = {
        str(number): score
        for number, score in cycle_unit.evaluator_scores.filter(
            score__isnull=False
        ).values_list("indicator", "score")
    }
    sheet = sheets.sheet_submit_once(
        EvaluationSheet,
        key={"cycle_unit": cycle_unit},
        scores=_clean_sheet_scores(cycle_unit, scores),
        submitted_at=now,
    )
    sheet.submitted_by = by
    sheet.save(update_fields=["submitted_by"])
    return sheet


@transaction.atomic
def evaluation_change(
    sheet: EvaluationSheet, *, scores: Mapping[str, int], by, reason: str
) -> EvaluationChange:
    """Change a submitted F-02 sheet, audited (who, when, why, before and after):
    by its evaluator or the cycle's administrator."""
    sheet = (
        EvaluationSheet.objects.select_for_update()
        .select_related("cycle_unit__cycle")
        .get(pk=sheet.pk)
    )
    roles = selectors.unit_roles(by, sheet.cycle_unit)
    if not (roles.evaluator or roles.admin):
        raise PermissionDenied
    change = sheets.sheet_change_audited(
        sheet,
        scores=scores,
        by=by,
        reason=reason,
        audit=EvaluationChange,
        clean=lambda new: _clean_sheet_scores(sheet.cycle_unit, new),
    )
    for number, score in change.after.items():
        EvaluatorScore.objects.update_or_create(
            cycle_unit=sheet.cycle_unit,
            indicator=int(number),
            defaults={"score": score},
        )
    return change


@transaction.atomic
def note_answer(
    cycle_unit: CycleUnit, *, by, indicator: int, answer: str, now: datetime
) -> EvaluatorScore:
    """Store the unit's answer to the evaluator's note on one indicator, during the
    cycle's verification window."""
    _editor(by, cycle_unit)
    cycle = cycle_unit.cycle
    if (
        not cycle.verification_start
        <= timezone.localdate(now)
        <= cycle.verification_end
    ):
        raise ValidationError(_("Notes are answered during the verification window."))
    row = (
        EvaluatorScore.objects.select_for_update()
        .filter(cycle_unit=cycle_unit, indicator=indicator)
        .exclude(note="")
        .first()
    )
    if row is None:
        raise ValidationError(_("The evaluator left no note on this indicator."))
    answer = (answer or "").strip()
    if not answer:
        raise ValidationError({"answer": _("Write your answer to the note.")})
    row.answer, row.answered_by, row.answered_at = answer, by, now
    row.save(update_fields=["answer", "answered_by", "answered_at"])
    return row


# Publication and recommendations ----------------------------------------------


@transaction.atomic
def cycle_publish(cycle: Cycle, *, by, now: datetime) -> Cycle:
    """Publish the cycle's results (ranking, IPP, category) to everyone, recording
    who and when; only the Pemda admin, once every unit's F-02 is submitted."""
    cycle = Cycle.objects.select_for_update().get(pk=cycle.pk)
    _require_admin(by, cycle.pemda_id)
    if cycle.is_published:
        raise ValidationError(_("The results are already published."))
    missing = selectors.sheets_missing(cycle)
    if missing:
        raise ValidationError(
            _(
                "Every unit's evaluation (F-02) must be submitted first; "
                "missing: %(units)s."
            )
            % {"units": ", ".join(str(row.unit) for row in missing)}
        )
    cycle.published_at, cycle.published_by = now, by
    cycle.save(update_fields=["published_at", "published_by"])
    return cycle


@transaction.atomic
def recommendation_add(
    cycle_unit: CycleUnit, *, by, indicator: int, text: str, now: datetime
) -> Recommendation:
    """Record the evaluator's recommendation on one indicator of the unit's F-02;
    only its assigned evaluator writes one."""
    _evaluator(by, cycle_unit)
    if indicator not in _indicator_numbers(cycle_unit):
        raise ValidationError(_("This indicator is not in the cycle's instrument."))
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Write the recommendation.")})
    return Recommendation.objects.create(
        cycle_unit=cycle_unit,
        indicator=indicator,
        text=text,
        written_by=by,
        written_at=now,
    )


@transaction.atomic
def recommendation_close(
    recommendation: Recommendation,
    *,
    by,
    note: str,
    evidence_link: str = "",
    evidence_file: CleanFile | None = None,
    now: datetime,
) -> Recommendation:
    """Close a recommendation with the unit's note and its evidence (a cleaned file
    or a link); only the unit's staff who edit it, once."""
    recommendation = Recommendation.objects.select_for_update().get(
        pk=recommendation.pk
    )
    _editor(by, recommendation.cycle_unit)
    if recommendation.status == Recommendation.Status.CLOSED:
        raise ValidationError(_("This recommendation is already closed."))
    note = (note or "").strip()
    link = (evidence_link or "").strip()
    errors = {}
    if not note:
        errors["note"] = [_("Say what the unit did.")]
    if not link and evidence_file is None:
        errors["evidence_link"] = [_("Give the evidence: a file or a link.")]
    if errors:
        raise ValidationError(errors)
    recommendation.note = note
    recommendation.evidence_link = link
    recommendation.status = Recommendation.Status.CLOSED
    recommendation.closed_by, recommendation.closed_at = by, now
    recommendation.full_clean(exclude=["evidence_file"])
    recommendation.save()
    if evidence_file is not None:
        recommendation.evidence_name = evidence_file.original_name
        save_clean_file(recommendation.evidence_file, evidence_file)
    return recommendation
