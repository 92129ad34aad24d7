"""Writes of an innovation competition run by the Pemda admin: the call and its rules,
administrative screening, the juri panel and assignments, closing stages, the public
objection window (uji publik) after a stage, and publishing the results (inovasi.md,
"Competition stages" and "Scoring"). The window's calendar-day rule is the pure
``objections`` module.

Entries and score sheets are written by ``judging.py``; the arithmetic of scores,
means and ranks is the pure ``scoring`` module.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from prima.competitions import scoring
from prima.competitions.models import (
    Assignment,
    Call,
    CallStage,
    CallStatus,
    Category,
    Entry,
    Objection,
    ObjectionStatus,
    PanelMember,
    RejectReason,
    ScoreSheet,
    Screening,
    StageResult,
)
from prima.core import formats
from prima.core.idempotency import store_once
from prima.core.roles import CHANGE, Area, Level, Role
from prima.core.scoping import is_platform_operator, targets_where
from prima.innovations.models import Group
from prima.organisations.models import Membership

ELIGIBILITY_FIELDS = (
    "min_years_umum",
    "min_years_replikasi",
    "max_umum_per_opd",
    "max_replikasi_per_opd",
)
RESULT_PLACES = 4  # StageResult.score and the stored criterion means


def publication_hold(innovation) -> str | None:
    """Return why ``innovation`` stays published: it was submitted to a competition."""
    if Entry.objects.filter(innovation=innovation).exists():
        return _("This innovation was submitted to a competition and stays published.")
    return None


def weight_field(criterion: str) -> str:
    return f"weight_{criterion}"


def _now() -> datetime:
    return timezone.now()


# --- Guards -----------------------------------------------------------------------


def _require_admin(by, pemda_id: int) -> None:
    """Refuse anyone but a competition administrator of the Pemda."""
    if is_platform_operator(by):
        return
    if pemda_id not in targets_where(by, Area.COMPETITION, CHANGE, level=Level.PEMDA):
        raise PermissionDenied


def _require_status(call: Call, *allowed: str) -> None:
    if call.status not in allowed:
        raise ValidationError(
            _("The competition is “%(status)s”; that step is not possible now.")
            % {"status": call.get_status_display()}
        )


def _lock(row):
    """Re-read ``row`` under a row lock, so concurrent steps on it serialise."""
    list(type(row).objects.select_for_update().filter(pk=row.pk).values_list("pk"))
    row.refresh_from_db()
    return row


# --- Rules of a call ----------------------------------------------------------------


def _as_decimal(value) -> Decimal | None:
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


WEIGHT_FIELDS = tuple(weight_field(c) for c in scoring.CRITERIA)
# The field and message of each problem ``scoring.rules_problems`` finds; a weight's
# problem names its criterion's field, the sum's every weight field.
RULE_ERRORS = {
    scoring.Problem.WEIGHT_OUT_OF_RANGE: (
        None,
        gettext_lazy("Each weight is a number between 0 and 1."),
    ),
    scoring.Problem.WEIGHTS_NOT_ONE: (
        WEIGHT_FIELDS,
        gettext_lazy("The five weights must sum to 1; they sum to %(total)s."),
    ),
    scoring.Problem.SCALE_NEGATIVE: (
        "scale_min",
        gettext_lazy("The lowest score cannot be negative."),
    ),
    scoring.Problem.SCALE_EMPTY: (
        "scale_max",
        gettext_lazy("The highest score must be above the lowest."),
    ),
    scoring.Problem.TIE_ORDER_NOT_EACH_ONCE: (
        "tie_order",
        gettext_lazy("The tie order names each of the five criteria exactly once."),
    ),
}


def _rule_errors(
    weights: Mapping[str, Decimal | None],
    scale: tuple[int, int],
    tie_order: tuple[str, ...],
) -> dict[str, str]:
    """Return the scoring rules' problems as errors keyed by the call's fields."""
    exact = {c: None if w is None else Fraction(w) for c, w in weights.items()}
    total = sum((w for w in weights.values() if w is not None), Decimal(0))
    errors: dict[str, str] = {}
    for problem, criterion in scoring.rules_problems(exact, scale, tie_order):
        fields, message = RULE_ERRORS[problem]
        if criterion is not None:
            fields = (weight_field(criterion),)
        elif isinstance(fields, str):
            fields = (fields,)
        # Only the sum's message has a placeholder; "%" leaves the others as they are.
        errors |= dict.fromkeys(fields, str(message) % {"total": total.normalize()})
    return errors


def _category_errors(categories: list[tuple[str, str]]) -> dict[str, str]:
    if not categories:
        return {"categories": _("Add at least one category.")}
    if any(not name.strip() for name, _group in categories):
        return {"categories": _("Every category needs a name.")}
    if any(group not in Group.values for _name, group in categories):
        return {"categories": _("Choose a proposal group for every category.")}
    return {}


def _stage_row(row: tuple) -> tuple[str, int, int]:
    """Return (name, advance, objection days) of a stage row; days default to 0."""
    name, advance, *rest = row
    return name, advance, (rest[0] or 0) if rest else 0


def _stage_errors(stages: list[tuple]) -> dict[str, str]:
    if not stages:
        return {"stages": _("Add at least one stage.")}
    rows = [_stage_row(row) for row in stages]
    if any(not name.strip() for name, _advance, _days in rows):
        return {"stages": _("Every stage needs a name.")}
    sizes = [advance for _name, advance, _days in rows]
    if any(size < 1 for size in sizes):
        return {"stages": _("At least one proposal advances from every stage.")}
    if any(later > earlier for earlier, later in zip(sizes, sizes[1:], strict=False)):
        return {
            "stages": _(
                "Stages narrow the field: no stage advances more than the one "
                "before it."
            )
        }
    return {}


def _apply(call: Call, changes: dict) -> dict[str, str]:
    """Copy the given rules onto ``call``; return the errors, keyed by field."""
    errors: dict[str, str] = {}
    for name in ("title", "year", "deadline", "description", *ELIGIBILITY_FIELDS):
        if name in changes:
            setattr(call, name, changes[name])
    weights = {c: getattr(call, weight_field(c)) for c in scoring.CRITERIA}
    if changes.get("weights") is not None:
        unknown = set(changes["weights"]) - set(scoring.CRITERIA)
        if unknown:
            raise TypeError(f"unknown criteria: {sorted(unknown)}")
        weights = {c: _as_decimal(changes["weights"].get(c)) for c in scoring.CRITERIA}
    scale = changes.get("scale")
    scale = tuple(scale) if scale is not None else (call.scale_min, call.scale_max)
    tie_order = changes.get("tie_order")
    tie_order = tuple(tie_order if tie_order is not None else call.tie_order.split(","))
    errors |= _rule_errors(weights, scale, tie_order)
    if changes.get("weights") is not None and not set(WEIGHT_FIELDS) & set(errors):
        for criterion in scoring.CRITERIA:
            setattr(call, weight_field(criterion), weights[criterion])
    if changes.get("scale") is not None:
        call.scale_min, call.scale_max = scale
    if changes.get("tie_order") is not None:
        call.tie_order = ",".join(tie_order)
    if "categories" in changes:
        errors |= _category_errors(list(changes["categories"]))
    if "stages" in changes:
        errors |= _stage_errors(list(changes["stages"]))
    return errors


def _validate(call: Call, errors: dict[str, str]) -> None:
    try:
        call.full_clean(exclude=["created_by"])
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            errors.setdefault(field, messages[0])
    if errors:
        raise ValidationError(errors)


def _replace_categories(call: Call, categories: Iterable[tuple[str, str]]) -> None:
    call.categories.all().delete()
    Category.objects.bulk_create(
        Category(call=call, name=name.strip(), group=group)
        for name, group in categories
    )


def _replace_stages(call: Call, stages: Iterable[tuple]) -> None:
    call.stages.all().delete()
    CallStage.objects.bulk_create(
        CallStage(
            call=call,
            order=order,
            name=name.strip(),
            advance=advance,
            objection_days=days,
        )
        for order, (name, advance, days) in enumerate(map(_stage_row, stages), start=1)
    )


@transaction.atomic
def call_create(
    *,
    pemda,
    by,
    title: str,
    year: int,
    deadline: datetime,
    description: str = "",
    categories: list[tuple[str, str]],
    stages: list[tuple],
    weights: dict[str, Decimal] | None = None,
    scale: tuple[int, int] = scoring.DEFAULT_SCALE,
    tie_order: tuple[str, ...] | None = None,
    **eligibility,
) -> Call:
    """Create a call being prepared, with its categories and stages in order.

    ``eligibility`` takes the call's ``min_years_*`` and ``max_*_per_opd`` values.
    A stage is (name, advance) or (name, advance, public objection days).
    Raise ValidationError naming the field when a rule is invalid (the weights
    must sum to exactly 1).
    """
    _require_admin(by, pemda.pk)
    unknown = set(eligibility) - set(ELIGIBILITY_FIELDS)
    if unknown:
        raise TypeError(f"unknown eligibility rules: {sorted(unknown)}")
    call = Call(pemda=pemda, created_by=by, status=CallStatus.DRAFT)
    errors = _apply(
        call,
        {
            "title": title.strip(),
            "year": year,
            "deadline": deadline,
            "description": description,
            "weights": weights,
            "scale": scale,
            "tie_order": tie_order,
            "categories": categories,
            "stages": stages,
            **eligibility,
        },
    )
    _validate(call, errors)
    call.save()
    _replace_categories(call, categories)
    _replace_stages(call, stages)
    return call


CALL_UPDATABLE = frozenset(
    {
        "title",
        "year",
        "deadline",
        "description",
        "categories",
        "stages",
        "weights",
        "scale",
        "tie_order",
        *ELIGIBILITY_FIELDS,
    }
)


@transaction.atomic
def call_update(call: Call, *, by, **changes) -> Call:
    """Change the rules of a call still being prepared; only the given ones change.

    ``categories`` and ``stages``, when given, replace the call's lists.
    """
    _require_admin(by, call.pemda_id)
    unknown = set(changes) - CALL_UPDATABLE
    if unknown:
        raise TypeError(f"unknown call fields: {sorted(unknown)}")
    call = _lock(call)
    _require_status(call, CallStatus.DRAFT)
    if "title" in changes:
        changes["title"] = changes["title"].strip()
    errors = _apply(call, changes)
    _validate(call, errors)
    call.save()
    if "categories" in changes:
        _replace_categories(call, changes["categories"])
    if "stages" in changes:
        _replace_stages(call, changes["stages"])
    return call


@transaction.atomic
def call_open(call: Call, *, by, now: datetime | None = None) -> Call:
    """Open a prepared call for proposals, until its deadline."""
    _require_admin(by, call.pemda_id)
    call = _lock(call)
    _require_status(call, CallStatus.DRAFT)
    if call.deadline <= (now or _now()):
        raise ValidationError(
            {"deadline": _("The deadline has passed; move it before opening.")}
        )
    if not call.categories.exists() or not call.stages.exists():
        raise ValidationError(_("A call needs categories and stages before opening."))
    call.status = CallStatus.OPEN
    call.save(update_fields=["status"])
    return call


@transaction.atomic
def call_start_judging(call: Call, *, by, now: datetime | None = None) -> Call:
    """Close registration and start screening and judging.

    Normally after the deadline; the admin may also start early, which ends
    registration at once (``judging.entry_submit`` accepts only open calls).
    """
    _require_admin(by, call.pemda_id)
    call = _lock(call)
    _require_status(call, CallStatus.OPEN)
    call.status = CallStatus.JUDGING
    call.save(update_fields=["status"])
    return call


# --- Screening ----------------------------------------------------------------------


def _first_stage(call: Call) -> CallStage:
    return call.stages_in_order().first()


def _has_sheets(entry: Entry) -> bool:
    return ScoreSheet.objects.filter(assignment__entry=entry).exists()


@transaction.atomic
def entry_screen(
    entry: Entry, *, by, accept: bool, reason: str = "", note: str = ""
) -> Entry:
    """Record the administrative screening of an entry.

    Acceptance puts the entry into the call's first stage; a rejection always
    carries a reason (and a note when the reason is "other"). A decision can be
    revised while the first stage is open and nobody has scored the entry.
    """
    call = _lock(entry.call)
    _require_admin(by, call.pemda_id)
    _require_status(call, CallStatus.OPEN, CallStatus.JUDGING)
    entry = _lock(entry)
    first = _first_stage(call)
    if first.is_closed:
        raise ValidationError(
            _("Screening is over: the first stage has already closed.")
        )
    note = note.strip()
    if accept:
        if entry.screening == Screening.ACCEPTED:
            return entry
        entry.screening, entry.reject_reason, entry.stage = (
            Screening.ACCEPTED,
            "",
            first,
        )
    else:
        if reason not in RejectReason.values:
            raise ValidationError({"reason": _("Choose the reason for rejecting.")})
        if reason == RejectReason.OTHER and not note:
            raise ValidationError({"note": _("Explain the other reason in a note.")})
        if _has_sheets(entry):
            raise ValidationError(
                _("A juri has already scored this proposal; it cannot be rejected.")
            )
        entry.assignments.all().delete()
        entry.screening, entry.reject_reason, entry.stage = (
            Screening.REJECTED,
            reason,
            None,
        )
    entry.screening_note = note
    entry.screened_by = by
    entry.screened_at = _now()
    entry.save()
    return entry


# --- Panel and assignments ------------------------------------------------------------


def _holds_juri_role(user, pemda_id: int) -> bool:
    return Membership.objects.filter(
        user=user, role=Role.JURI, pemda_id=pemda_id, active=True
    ).exists()


@transaction.atomic
def panel_add(
    call: Call, *, juri, by, affiliation_opd=None, affiliation: str = ""
) -> PanelMember:
    """Seat a juri of the Pemda on the call's panel; a juri already seated stays as is.

    ``affiliation_opd`` is the OPD the juri works for: they will never be assigned
    its proposals.
    """
    call = _lock(call)
    _require_admin(by, call.pemda_id)
    _require_status(call, CallStatus.DRAFT, CallStatus.OPEN, CallStatus.JUDGING)
    existing = call.panel.filter(juri=juri).first()
    if existing is not None:
        return existing
    if not juri.is_active or not _holds_juri_role(juri, call.pemda_id):
        raise ValidationError(
            {"juri": _("This user does not hold the juri role in this Pemda.")}
        )
    if affiliation_opd is not None and affiliation_opd.pemda_id != call.pemda_id:
        raise ValidationError(
            {"affiliation_opd": _("The OPD does not belong to this Pemda.")}
        )
    member = PanelMember(
        call=call,
        juri=juri,
        affiliation_opd=affiliation_opd,
        affiliation=affiliation.strip(),
    )
    member.full_clean()
    member.save()
    return member


@transaction.atomic
def panel_remove(member: PanelMember, *, by) -> None:
    """Take a juri off the panel, with their assignments, unless they have scored."""
    call = _lock(member.call)
    _require_admin(by, call.pemda_id)
    assignments = Assignment.objects.filter(entry__call=call, juri_id=member.juri_id)
    if ScoreSheet.objects.filter(assignment__in=assignments).exists():
        raise ValidationError(
            _("%(juri)s has already scored proposals and stays on the panel.")
            % {"juri": member.juri}
        )
    assignments.delete()
    member.delete()


def roles_on_opds(juri_ids: Iterable[int]) -> dict[int, set[int]]:
    """Return, per juri, the OPDs they hold an active role on, directly or via a unit."""
    opds: dict[int, set[int]] = {pk: set() for pk in juri_ids}
    rows = Membership.objects.filter(user_id__in=opds, active=True).values_list(
        "user_id", "opd_id", "unit__opd_id"
    )
    for user_id, opd_id, unit_opd_id in rows:
        opds[user_id] |= {opd_id, unit_opd_id} - {None}
    return opds


def conflict_reason(
    juri_id: int, entry: Entry, *, affiliation_opd_id: int | None, opds: set[int]
) -> str | None:
    """Return why the juri may not score ``entry``, from facts already loaded.

    ``affiliation_opd_id`` is the juri's OPD on the panel and ``opds`` the OPDs
    they hold a role on; batch readers load these once for a whole panel.
    """
    opd_id = entry.innovation.opd_id
    if opd_id is not None and affiliation_opd_id == opd_id:
        return _("The juri belongs to the OPD of this innovation.")
    if opd_id is not None and opd_id in opds:
        return _("The juri holds a role in the OPD of this innovation.")
    if juri_id in (entry.innovation.created_by_id, entry.submitted_by_id):
        return _("The juri registered or submitted this innovation.")
    return None


def conflict_of_interest(juri, entry: Entry) -> str | None:
    """Return why ``juri`` may not score ``entry``, or None when they may.

    A juri never scores a proposal of their own OPD (by panel affiliation or by
    any active role on the OPD or one of its units), nor one they registered.
    """
    member = entry.call.panel.filter(juri=juri).first()
    return conflict_reason(
        juri.pk,
        entry,
        affiliation_opd_id=member.affiliation_opd_id if member else None,
        opds=roles_on_opds([juri.pk])[juri.pk],
    )


@transaction.atomic
def assign_juri(
    entry: Entry,
    *,
    juri,
    by,
    stage: CallStage | None = None,
    now: datetime | None = None,
) -> Assignment:
    """Ask a panel juri to score ``entry`` in ``stage`` (by default its current one).

    Refused on a conflict of interest, and while the previous stage's shortlist is
    open to public objection or has objections awaiting a decision. Assigning the
    same juri twice returns the existing assignment.
    """
    call = _lock(entry.call)
    _require_admin(by, call.pemda_id)
    _require_status(call, CallStatus.JUDGING)
    entry.refresh_from_db()
    stage_id = stage.pk if stage is not None else entry.stage_id
    if entry.screening != Screening.ACCEPTED or stage_id is None:
        raise ValidationError(_("Only a proposal that passed screening gets juri."))
    stage = CallStage.objects.get(pk=stage_id)
    if stage.call_id != call.pk or entry.stage_id != stage.pk or entry.eliminated:
        raise ValidationError(_("The proposal is not competing in this stage."))
    if stage.is_closed:
        raise ValidationError(_("This stage is closed."))
    _check_previous_settled(stage, _today(now))
    if not call.panel.filter(juri=juri).exists():
        raise ValidationError({"juri": _("This juri is not on the call's panel.")})
    reason = conflict_of_interest(juri, entry)
    if reason:
        raise ValidationError({"juri": reason})
    assignment, _created = Assignment.objects.get_or_create(
        entry=entry, stage=stage, juri=juri, defaults={"assigned_by": by}
    )
    return assignment


# --- Closing stages and publishing --------------------------------------------------


def _decimal(value: Fraction) -> Decimal:
    return scoring.display(value, RESULT_PLACES)


def _sheets_by_entry(stage: CallStage, entries: list[Entry]) -> dict[int, list[dict]]:
    sheets: dict[int, list[dict]] = {entry.pk: [] for entry in entries}
    for entry_id, scores in ScoreSheet.objects.filter(
        assignment__stage=stage, assignment__entry__in=entries
    ).values_list("assignment__entry_id", "scores"):
        sheets[entry_id].append({c: int(v) for c, v in scores.items()})
    return sheets


def _check_closable(call: Call, stage: CallStage) -> None:
    _require_status(call, CallStatus.JUDGING)
    if stage.is_closed:
        raise ValidationError(_("This stage is already closed."))
    if call.stages.filter(order__lt=stage.order, closed_at__isnull=True).exists():
        raise ValidationError(_("Close the earlier stages first."))


@transaction.atomic
def stage_close(
    stage: CallStage, *, by, now: datetime | None = None
) -> list[StageResult]:
    """Rank the stage's entries, record the results, advance the best ``advance``.

    Every entry in the stage needs at least one submitted sheet. The others are
    eliminated; in the last stage the advancing entries get their final rank.
    """
    call = _lock(stage.call)
    _require_admin(by, call.pemda_id)
    stage = _lock(stage)
    _check_closable(call, stage)
    entries = list(
        stage.entries.filter(screening=Screening.ACCEPTED, eliminated=False)
        .select_related("innovation")
        .select_for_update(of=("self",))
    )
    sheets = _sheets_by_entry(stage, entries)
    unscored = [str(e.innovation) for e in entries if not sheets[e.pk]]
    if unscored:
        raise ValidationError(
            _("No juri has submitted scores yet for: %(titles)s.")
            % {"titles": "; ".join(unscored)}
        )
    rules = call.rules()
    ranked = scoring.rank(
        {str(e.pk): (sheets[e.pk], e.submitted_at) for e in entries}, rules
    )
    following = call.stages.filter(order__gt=stage.order).order_by("order").first()
    by_pk = {str(e.pk): e for e in entries}
    results = []
    for row in ranked:
        entry = by_pk[row.key]
        advanced = row.rank <= stage.advance
        results.append(
            StageResult(
                stage=stage,
                entry=entry,
                score=_decimal(row.score),
                criterion_means={
                    c: str(_decimal(m)) for c, m in row.criterion_means.items()
                },
                juri_count=len(sheets[entry.pk]),
                rank=row.rank,
                advanced=advanced,
            )
        )
        _move_on(entry, advanced=advanced, rank=row.rank, following=following)
    StageResult.objects.bulk_create(results)
    stage.closed_at = now or _now()
    stage.save(update_fields=["closed_at"])
    return results


def _move_on(entry: Entry, *, advanced: bool, rank: int, following) -> None:
    if not advanced:
        entry.eliminated = True
    elif following is not None:
        entry.stage = following
    else:
        entry.final_rank = rank
    entry.save(update_fields=["eliminated", "stage", "final_rank"])


@transaction.atomic
def results_publish(call: Call, *, by, now: datetime | None = None) -> Call:
    """Publish the results once every stage has closed."""
    _require_admin(by, call.pemda_id)
    call = _lock(call)
    _require_status(call, CallStatus.JUDGING)
    if call.stages.filter(closed_at__isnull=True).exists():
        raise ValidationError(_("Close every stage before publishing the results."))
    if open_objection_stages(call, _today(now)):
        raise ValidationError(
            _("The public objection window is still open; publish after it ends.")
        )
    if Objection.objects.filter(
        stage__call=call, status=ObjectionStatus.PENDING
    ).exists():
        raise ValidationError(
            _("Decide every public objection before publishing the results.")
        )
    call.status = CallStatus.FINISHED
    call.published_at = now or _now()
    call.save(update_fields=["status", "published_at"])
    return call


# --- Public objections (uji publik) --------------------------------------------------


def _today(now: datetime | None) -> date:
    return timezone.localdate(now or _now())


def open_objection_stages(call: Call, today: date) -> list[CallStage]:
    """Return the call's stages whose shortlist is open to public objection today."""
    if call.status != CallStatus.JUDGING:
        return []
    return [s for s in call.stages_in_order() if s.objection_open(today)]


def objection_stage(entry: Entry, today: date) -> CallStage | None:
    """Return the stage whose open shortlist ``entry`` is on, or None."""
    if entry.eliminated:
        return None
    for stage in reversed(open_objection_stages(entry.call, today)):
        if stage.results.filter(entry=entry, advanced=True).exists():
            return stage
    return None


def _check_previous_settled(stage: CallStage, today: date) -> None:
    """Refuse work on ``stage`` until the objections to the previous one are settled."""
    previous = (
        CallStage.objects.filter(call_id=stage.call_id, order__lt=stage.order)
        .order_by("-order")
        .first()
    )
    if previous is None:
        return
    if previous.objection_open(today):
        raise ValidationError(
            _(
                "The shortlist of “%(stage)s” is open to public objection until "
                "%(end)s; assign juri for the next stage after that day."
            )
            % {"stage": previous.name, "end": formats.day(previous.objection_end())}
        )
    if previous.objections.filter(status=ObjectionStatus.PENDING).exists():
        raise ValidationError(
            _(
                "Public objections to the shortlist of “%(stage)s” await a "
                "decision; decide them before assigning juri for the next stage."
            )
            % {"stage": previous.name}
        )


def objection_submit(
    *,
    entry: Entry,
    text: str,
    submission_key: uuid.UUID,
    name: str = "",
    email: str = "",
    now: datetime | None = None,
) -> tuple[Objection, bool]:
    """Store a public objection to ``entry``'s place on a shortlist; return
    (objection, created).

    Refused unless the entry is on the shortlist of a stage whose objection window
    is open. A key already used returns the stored objection, so a retried
    submission is stored once.
    """
    now = now or _now()

    def store() -> Objection:
        stage = objection_stage(entry, _today(now))
        if stage is None:
            raise ValidationError(
                _("This proposal is not open to public objection now.")
            )
        objection = Objection(
            entry=entry,
            stage=stage,
            name=name.strip(),
            email=email.strip(),
            text=text.strip(),
            submission_key=submission_key,
            submitted_at=now,
        )
        objection.full_clean(exclude=["submission_key"])
        objection.save()
        return objection

    return store_once(Objection, key={"submission_key": submission_key}, store=store)


def _eliminate(entry: Entry, stage: CallStage) -> None:
    """Take ``entry`` out of the competition after an upheld objection to ``stage``."""
    entry = _lock(entry)
    entry.assignments.filter(stage__closed_at__isnull=True).delete()
    entry.eliminated, entry.stage, entry.final_rank = True, stage, None
    entry.save(update_fields=["eliminated", "stage", "final_rank"])


@transaction.atomic
def objection_decide(
    objection: Objection,
    *,
    by,
    uphold: bool,
    answer: str,
    now: datetime | None = None,
) -> Objection:
    """Record the committee's decision on a pending objection, with its answer.

    Upholding eliminates the entry from the competition (it stays eliminated in
    the stage whose shortlist was objected to) and removes its open assignments.
    """
    call = _lock(objection.stage.call)
    _require_admin(by, call.pemda_id)
    _require_status(call, CallStatus.JUDGING)
    objection = _lock(objection)
    if not objection.is_pending:
        raise ValidationError(_("This objection has already been decided."))
    answer = answer.strip()
    if not answer:
        raise ValidationError({"answer": _("Write the answer to the objection.")})
    if uphold:
        _eliminate(objection.entry, objection.stage)
    objection.status = ObjectionStatus.UPHELD if uphold else ObjectionStatus.DISMISSED
    objection.answer = answer
    objection.decided_by = by
    objection.decided_at = now or _now()
    objection.save(update_fields=["status", "answer", "decided_by", "decided_at"])
    return objection
