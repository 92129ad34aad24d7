"""Competition entries and juri scoring: an OPD submits an innovation to a call, each
assigned juri scores it once, and any later change is audited.

The rules are in ``../shared/domain/inovasi.md``: eligibility per call (years applied,
OPD quotas), locked score sheets, changes recorded with who, when, why, before and
after, and no juri seeing another juri's scores before the stage closes. The
arithmetic is in the pure ``scoring`` module; calls, screening, juri assignment and
stage closing are in ``services.py``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from prima.competitions import eligibility, scoring
from prima.competitions.models import (
    Assignment,
    Call,
    CallStage,
    CallStatus,
    Category,
    Entry,
    ScoreChange,
    ScoreSheet,
    Screening,
)
from prima.core import formats, sheets
from prima.core.roles import CHANGE, Area
from prima.core.scoping import pemdas_where
from prima.innovations.models import Group, Innovation

CRITERION_LABELS = {
    scoring.KEBARUAN: gettext_lazy("Novelty"),
    scoring.EFEKTIF: gettext_lazy("Effective"),
    scoring.BERMANFAAT: gettext_lazy("Beneficial"),
    scoring.MUDAH_DISEBARKAN: gettext_lazy("Replicable"),
    scoring.BERKELANJUTAN: gettext_lazy("Sustainable"),
}


def criterion_label(criterion: str) -> str:
    return str(CRITERION_LABELS.get(criterion, criterion))


def _now(now: datetime | None) -> datetime:
    return now or timezone.now()


# --- Entries --------------------------------------------------------------------


def min_years(call: Call, group: str) -> int:
    """Return how long an innovation of ``group`` must have been applied."""
    if group == Group.REPLIKASI:
        return call.min_years_replikasi
    return call.min_years_umum


def _quota_groups(group: str) -> tuple[str, ...]:
    # A "khusus" proposal fills a general seat: KIPP counts only two quotas.
    if group == Group.REPLIKASI:
        return (Group.REPLIKASI,)
    return (Group.UMUM, Group.KHUSUS)


def _quota(call: Call, group: str) -> int:
    if group == Group.REPLIKASI:
        return call.max_replikasi_per_opd
    return call.max_umum_per_opd


def call_accepts(call: Call, *, now: datetime | None = None) -> bool:
    """Return whether the call takes proposals at ``now``."""
    return call.status == CallStatus.OPEN and _now(now) <= call.deadline


def category_for(call: Call, innovation: Innovation) -> Category | None:
    """Return the call's first category of the innovation's group, if any."""
    return next((c for c in call.categories.all() if c.group == innovation.group), None)


def entry_problems(
    *,
    call: Call,
    innovation: Innovation,
    category: Category | None = None,
    now: datetime | None = None,
) -> dict[str, list[str]]:
    """Return why ``innovation`` may not enter ``call``, as messages per field.

    Without a category the call's category of the innovation's group is assumed,
    so the submission page can explain every innovation before one is chosen.
    """
    problems: dict[str, list[str]] = {}

    def refuse(field_name: str, message: str) -> None:
        problems.setdefault(field_name, []).append(message)

    if call.status != CallStatus.OPEN:
        refuse(NON_FIELD_ERRORS, _("This competition is not open for proposals."))
    elif _now(now) > call.deadline:
        refuse(NON_FIELD_ERRORS, _("The submission deadline has passed."))
    if innovation.pemda_id != call.pemda_id:
        refuse("innovation", _("The innovation belongs to another Pemda."))
    if not innovation.is_published:
        refuse("innovation", _("Only a published innovation can be submitted."))
    if innovation.opd_id is None:
        refuse("innovation", _("Only an innovation of an OPD can be submitted."))
    _check_category(call, innovation, category, refuse)
    _check_years(call, innovation, refuse)
    if innovation.opd_id is not None:
        _check_quota(call, innovation, refuse)
    return problems


def _check_category(call, innovation, category, refuse) -> None:
    if category is None:
        if category_for(call, innovation) is None:
            refuse(
                "category",
                _("The competition has no category for %(group)s proposals.")
                % {"group": innovation.get_group_display()},
            )
        return
    if category.call_id != call.pk:
        refuse("category", _("The category belongs to another competition."))
    elif category.group != innovation.group:
        refuse(
            "category",
            _(
                "The category takes %(category_group)s proposals; this innovation "
                "is a %(group)s proposal."
            )
            % {
                "category_group": category.get_group_display(),
                "group": innovation.get_group_display(),
            },
        )


def _check_years(call, innovation, refuse) -> None:
    years = min_years(call, innovation.group)
    deadline = timezone.localtime(call.deadline).date()
    if not eligibility.applied_long_enough(innovation.applied_on, years, deadline):
        refuse(
            "innovation",
            ngettext(
                "Not applied long enough: the competition asks for %(years)d "
                "year of application by the deadline (%(deadline)s).",
                "Not applied long enough: the competition asks for %(years)d "
                "years of application by the deadline (%(deadline)s).",
                years,
            )
            % {"years": years, "deadline": formats.day(deadline)},
        )


def _check_quota(call, innovation, refuse) -> None:
    groups = _quota_groups(innovation.group)
    taken = (
        Entry.objects.filter(
            call=call, innovation__opd_id=innovation.opd_id, category__group__in=groups
        )
        .exclude(innovation=innovation)
        .exclude(screening=Screening.REJECTED)
        .count()
    )
    if taken >= _quota(call, innovation.group):
        refuse(
            "innovation",
            _("The OPD has already submitted %(count)d such proposals, its quota.")
            % {"count": taken},
        )


def can_submit_to(user, call: Call) -> bool:
    """Return whether ``user`` may register innovations in the call's Pemda."""
    return call.pemda_id in pemdas_where(user, Area.INNOVATION, CHANGE, levels=None)


def submittable_innovations(user, call: Call):
    """Return the user's published OPD innovations of the call's Pemda."""
    return (
        Innovation.objects.editable_by(user)
        .published()
        .filter(pemda_id=call.pemda_id, opd__isnull=False)
        .select_related("opd", "unit")
        .order_by("title")
    )


@transaction.atomic
def entry_submit(
    *,
    call: Call,
    innovation: Innovation,
    category: Category,
    by,
    now: datetime | None = None,
) -> Entry:
    """Submit ``innovation`` to ``call`` in ``category``; a repeat returns the entry.

    The call row is locked so two submissions of one OPD cannot both take its last
    quota seat, and the (call, innovation) pair is the submission key: a retried
    POST finds the entry the first one stored.
    """
    if not Innovation.objects.editable_by(by).filter(pk=innovation.pk).exists():
        raise PermissionDenied
    call = Call.objects.select_for_update().get(pk=call.pk)
    existing = Entry.objects.filter(call=call, innovation=innovation).first()
    if existing is not None:
        return existing
    problems = entry_problems(
        call=call, innovation=innovation, category=category, now=now
    )
    if problems:
        raise ValidationError(problems)
    entry = Entry(
        call=call,
        innovation=innovation,
        category=category,
        submitted_by=by,
        submitted_at=_now(now),
    )
    entry.full_clean()
    entry.save()
    return entry


# --- Score sheets ---------------------------------------------------------------


def _check_open(stage: CallStage) -> None:
    if stage.is_closed:
        raise ValidationError(_("This stage is closed; its scores are final."))


def clean_scores(call: Call, scores: Mapping[str, int]) -> dict[str, int]:
    """Return the call's criteria with their scores, or a ValidationError naming each
    criterion whose score is missing or off the call's scale."""
    rules = call.rules()
    low, high = rules.scale
    errors: dict[str, str] = {}
    for criterion in rules.weights:
        if scoring.score_problem(criterion, scores.get(criterion), rules.scale):
            errors[criterion] = _(
                "%(criterion)s: give a whole number from %(low)d to %(high)d."
            ) % {"criterion": criterion_label(criterion), "low": low, "high": high}
    if errors:
        raise ValidationError(errors)
    return {criterion: scores[criterion] for criterion in rules.weights}


@transaction.atomic
def sheet_submit(
    assignment: Assignment,
    *,
    scores: Mapping[str, int],
    by,
    comment: str = "",
    now: datetime | None = None,
) -> ScoreSheet:
    """Store the assigned juri's scores once; the sheet is locked from then on."""
    # Locking the stage row too keeps a sheet from slipping in while
    # ``services.stage_close`` ranks the stage.
    assignment = (
        Assignment.objects.select_for_update(of=("self", "stage"))
        .select_related("stage", "entry__call")
        .get(pk=assignment.pk)
    )
    if by is None or assignment.juri_id != by.pk:
        raise PermissionDenied
    _check_open(assignment.stage)
    return sheets.sheet_submit_once(
        ScoreSheet,
        key={"assignment": assignment},
        scores=clean_scores(assignment.entry.call, scores),
        comment=comment,
        submitted_at=_now(now),
    )


def may_change(user, sheet_or_assignment) -> bool:
    """Return whether ``user`` may change the scores: the juri, or the call's admin."""
    assignment = getattr(sheet_or_assignment, "assignment", sheet_or_assignment)
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    if assignment.juri_id == user.pk:
        return True
    return Call.objects.editable_by(user).filter(pk=assignment.entry.call_id).exists()


@transaction.atomic
def sheet_change(sheet: ScoreSheet, *, scores: Mapping[str, int], by, reason: str):
    """Change a locked sheet, recording who, when, why, and the scores before and
    after: the juri or the call's admin, while the stage is open."""
    # The stage row is locked too, so a change cannot slip past its closing.
    sheet = (
        ScoreSheet.objects.select_for_update(of=("self", "assignment__stage"))
        .select_related("assignment__stage", "assignment__entry__call")
        .get(pk=sheet.pk)
    )
    if not may_change(by, sheet):
        raise PermissionDenied
    _check_open(sheet.assignment.stage)
    return sheets.sheet_change_audited(
        sheet,
        scores=scores,
        by=by,
        reason=reason,
        audit=ScoreChange,
        clean=lambda new: clean_scores(sheet.assignment.entry.call, new),
    )


# --- Who sees which scores ------------------------------------------------------


def _sheets(entry: Entry, stage: CallStage):
    return (
        ScoreSheet.objects.filter(assignment__entry=entry, assignment__stage=stage)
        .select_related("assignment__juri")
        .order_by("submitted_at", "pk")
    )


def submitted_juri(entry: Entry, stage: CallStage) -> list:
    """Return the juri who have submitted a sheet for ``entry`` in ``stage``."""
    return [sheet.assignment.juri for sheet in _sheets(entry, stage)]


def sheets_visible_to(user, entry: Entry, stage: CallStage) -> list[ScoreSheet]:
    """Return the sheets of ``entry`` in ``stage`` that ``user`` may read.

    Before the stage closes a juri reads only their own sheet, and nobody else
    reads any; once it closes, the entry's juri in that stage and the call's
    administrators read them all.
    """
    if not getattr(user, "is_authenticated", False):
        return []
    sheets = list(_sheets(entry, stage))
    if stage.is_closed and (
        Assignment.objects.filter(entry=entry, stage=stage, juri=user).exists()
        or Call.objects.editable_by(user).filter(pk=entry.call_id).exists()
    ):
        return sheets
    return [sheet for sheet in sheets if sheet.assignment.juri_id == user.pk]


def may_read(user, sheet: ScoreSheet) -> bool:
    """Return whether ``user`` may read ``sheet``'s scores: the rule of
    ``sheets_visible_to``, so a page that may change a sheet still hides it."""
    assignment = sheet.assignment
    visible = sheets_visible_to(user, assignment.entry, assignment.stage)
    return any(s.pk == sheet.pk for s in visible)


def _has_sheet(assignment: Assignment) -> bool:
    try:
        return assignment.sheet is not None
    except ScoreSheet.DoesNotExist:
        return False


def sheet_of(assignment: Assignment) -> ScoreSheet | None:
    """Return the assignment's sheet, or None before the juri submits."""
    return assignment.sheet if _has_sheet(assignment) else None


# --- The submission page --------------------------------------------------------


@dataclass
class Candidate:
    """One of the user's innovations on a call's submission page."""

    innovation: Innovation
    entry: Entry | None
    problems: list[str]
    categories: list[Category]

    @property
    def eligible(self) -> bool:
        return self.entry is None and not self.problems


def submission_candidates(
    user, call: Call, *, now: datetime | None = None
) -> list[Candidate]:
    """Return the user's innovations with their entry or why they cannot enter."""
    entries = {e.innovation_id: e for e in Entry.objects.filter(call=call)}
    categories = list(call.categories.all())
    rows = []
    for innovation in submittable_innovations(user, call):
        entry = entries.get(innovation.pk)
        problems = (
            [] if entry else entry_problems(call=call, innovation=innovation, now=now)
        )
        rows.append(
            Candidate(
                innovation=innovation,
                entry=entry,
                problems=[m for messages in dict(problems).values() for m in messages],
                categories=[c for c in categories if c.group == innovation.group],
            )
        )
    return rows


def entries_of(user, call: Call):
    """Return the call's entries the user's organisation submitted."""
    return (
        Entry.objects.visible_to(user)
        .filter(call=call)
        .select_related("innovation__opd", "category", "stage")
        .order_by("submitted_at")
    )
