"""Reads of the competition pages: the calls a user sees, a call's dashboard (entries by
screening, each stage's progress or results, the panel), one entry's record, a juri's
work list and a call's published results.

Scores never leave this module before their stage closes: an open stage reports
only which juri have submitted; closed stages report their ``StageResult`` rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from fractions import Fraction

from django.contrib.auth import get_user_model
from django.db.models import Count

from prima.competitions import scoring
from prima.competitions.judging import criterion_label, sheet_of
from prima.competitions.models import (
    Assignment,
    Call,
    CallStage,
    CallStatus,
    Entry,
    Objection,
    ObjectionStatus,
    PanelMember,
    ScoreChange,
    ScoreSheet,
    Screening,
    StageResult,
)
from prima.competitions.services import (
    conflict_reason,
    open_objection_stages,
    roles_on_opds,
)
from prima.core.roles import VIEW, Role
from prima.core.scoping import get_for_user

CLOSED, CURRENT, UPCOMING = "closed", "current", "upcoming"


# --- Scoped accessors ---------------------------------------------------------------


def calls_for(user):
    """Return the calls the user sees, newest first, with their number of entries."""
    return (
        Call.objects.visible_to(user)
        .select_related("pemda")
        .annotate(entry_count=Count("entries"))
        .order_by("-year", "-deadline", "-pk")
    )


def call_get(user, pk: int, action: str = VIEW) -> Call:
    """Return the call, 404 outside the user's scope, 403 if ``action`` is refused."""
    return get_for_user(Call.objects.select_related("pemda"), user, action, pk=pk)


def entry_get(user, pk: int, action: str = VIEW) -> Entry:
    """Return the entry under the same rule; OPD staff reach only their own OPD's."""
    return get_for_user(
        Entry.objects.select_related(
            "call__pemda", "innovation__opd", "innovation__unit", "category", "stage"
        ),
        user,
        action,
        pk=pk,
    )


def stage_get(user, pk: int, action: str = VIEW) -> CallStage:
    """Return a stage, judged by the scope of its call."""
    call = get_for_user(Call.objects.all(), user, action, stages__pk=pk)
    return call.stages.select_related("call").get(pk=pk)


def panel_member_get(user, pk: int, action: str = VIEW) -> PanelMember:
    """Return a panel seat, judged by the scope of its call."""
    call = get_for_user(Call.objects.all(), user, action, panel__pk=pk)
    return call.panel.select_related("call", "juri").get(pk=pk)


def objection_get(user, pk: int, action: str = VIEW) -> Objection:
    """Return a public objection, judged by the scope of its call."""
    call = get_for_user(Call.objects.all(), user, action, stages__objections__pk=pk)
    return Objection.objects.select_related("stage__call", "entry").get(
        pk=pk, stage__call=call
    )


def objections_for(user, call: Call, entry: Entry | None = None) -> list[Objection]:
    """Return the objections to the call's entries the user sees, oldest first."""
    entries = [entry] if entry is not None else visible_entries(user, call)
    return list(
        Objection.objects.filter(entry__in=entries)
        .select_related("entry__innovation", "stage", "decided_by")
        .order_by("submitted_at", "pk")
    )


# --- The public objection window (uji publik) ------------------------------------


@dataclass
class ShortlistRow:
    """An entry on an open shortlist, with the objections already answered."""

    entry: Entry
    answered: list[Objection]


@dataclass
class Shortlist:
    stage: CallStage
    end: date
    rows: list[ShortlistRow]


def calls_in_objection(today: date) -> list[Call]:
    """Return the calls with a shortlist open to public objection today."""
    calls = (
        Call.objects.filter(
            status=CallStatus.JUDGING,
            stages__closed_at__isnull=False,
            stages__objection_days__gt=0,
        )
        .distinct()
        .select_related("pemda")
        .order_by("-year", "-pk")
    )
    return [call for call in calls if open_objection_stages(call, today)]


def public_shortlists(call: Call, today: date) -> list[Shortlist]:
    """Return each shortlist of the call open to objection today, best rank first.

    Answered objections are listed without the objector's name or e-mail.
    """
    shortlists = []
    for stage in open_objection_stages(call, today):
        results = (
            stage.results.filter(advanced=True)
            .select_related("entry__innovation__opd")
            .order_by("rank", "pk")
        )
        answered: dict[int, list[Objection]] = {}
        for objection in stage.objections.exclude(
            status=ObjectionStatus.PENDING
        ).order_by("decided_at", "pk"):
            answered.setdefault(objection.entry_id, []).append(objection)
        rows = [ShortlistRow(r.entry, answered.get(r.entry_id, [])) for r in results]
        shortlists.append(Shortlist(stage, stage.objection_end(), rows))
    return shortlists


# --- The panel ----------------------------------------------------------------------


def juri_candidates(call: Call):
    """Return the active users holding the juri role in the call's Pemda, not seated."""
    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            memberships__role=Role.JURI,
            memberships__pemda_id=call.pemda_id,
            memberships__active=True,
        )
        .exclude(panels__call=call)
        .distinct()
        .order_by("full_name", "username")
    )


def panel_of(call: Call) -> list[PanelMember]:
    return list(
        call.panel.select_related("juri", "affiliation_opd").order_by(
            "juri__full_name", "juri__username"
        )
    )


@dataclass
class Conflicts:
    """Everything needed to judge conflicts of interest for one call's whole panel."""

    panel: list[PanelMember]
    opds: dict[int, set[int]]

    @classmethod
    def of(cls, call: Call) -> Conflicts:
        panel = panel_of(call)
        return cls(panel, roles_on_opds([m.juri_id for m in panel]))

    def assignable(self, entry: Entry, assigned: set[int]) -> list[PanelMember]:
        """Return the panel juri free of conflict with ``entry`` and not yet assigned."""
        return [
            member
            for member in self.panel
            if member.juri_id not in assigned
            and conflict_reason(
                member.juri_id,
                entry,
                affiliation_opd_id=member.affiliation_opd_id,
                opds=self.opds[member.juri_id],
            )
            is None
        ]


def assignable_panel(entry: Entry) -> list[PanelMember]:
    """Return the panel juri who may be assigned to ``entry`` in its current stage."""
    assigned = set(
        entry.assignments.filter(stage_id=entry.stage_id).values_list(
            "juri_id", flat=True
        )
    )
    return Conflicts.of(entry.call).assignable(entry, assigned)


# --- A call's dashboard -------------------------------------------------------------


@dataclass
class Seat:
    """A juri assigned to an entry in a stage, and whether they have submitted."""

    juri: object
    submitted: bool


@dataclass
class EntryProgress:
    """An entry of an open stage: its juri and how many have submitted, no scores."""

    entry: Entry
    seats: list[Seat]
    assignable: list[PanelMember] = field(default_factory=list)

    @property
    def submitted_count(self) -> int:
        return sum(seat.submitted for seat in self.seats)

    @property
    def assigned_count(self) -> int:
        return len(self.seats)


@dataclass
class StageView:
    stage: CallStage
    state: str
    progress: list[EntryProgress]
    results: list[StageResult]

    @property
    def ready_to_close(self) -> bool:
        return self.state == CURRENT and all(p.submitted_count for p in self.progress)


@dataclass
class CallDashboard:
    call: Call
    rules: RulesView
    categories: list
    panel: list[PanelMember]
    screening: list[tuple[str, str, list[Entry]]]
    stages: list[StageView]

    @property
    def all_closed(self) -> bool:
        return all(view.state == CLOSED for view in self.stages)

    @property
    def screening_open(self) -> bool:
        return screening_open(self.call)

    @property
    def judging(self) -> bool:
        return self.call.status == CallStatus.JUDGING


def screening_open(call: Call) -> bool:
    """Return whether entries may still be screened: until the first stage closes."""
    first = call.stages_in_order().first()
    return (
        call.status in (CallStatus.OPEN, CallStatus.JUDGING)
        and first is not None
        and not first.is_closed
    )


def visible_entries(user, call: Call):
    """Return the call's entries the user sees: all for the Pemda, else their OPD's."""
    return (
        Entry.objects.visible_to(user)
        .filter(call=call)
        .select_related("innovation__opd", "innovation__unit", "category", "stage")
        .order_by("submitted_at", "pk")
    )


def stage_states(stages: list[CallStage]) -> dict[int, str]:
    """Return each stage's state: closed, the first open one current, later upcoming."""
    states, current_seen = {}, False
    for stage in stages:
        if stage.is_closed:
            states[stage.pk] = CLOSED
        elif not current_seen:
            states[stage.pk], current_seen = CURRENT, True
        else:
            states[stage.pk] = UPCOMING
    return states


def stage_progress(stage: CallStage, entries: list[Entry]) -> list[EntryProgress]:
    """Return the juri of each entry competing in ``stage`` and who has submitted."""
    competing = [
        e
        for e in entries
        if e.stage_id == stage.pk
        and e.screening == Screening.ACCEPTED
        and not e.eliminated
    ]
    assignments = (
        Assignment.objects.filter(stage=stage, entry__in=competing)
        .select_related("juri")
        .order_by("assigned_at", "pk")
    )
    submitted = set(
        ScoreSheet.objects.filter(assignment__in=assignments).values_list(
            "assignment_id", flat=True
        )
    )
    seats: dict[int, list[Seat]] = {e.pk: [] for e in competing}
    for assignment in assignments:
        seats[assignment.entry_id].append(
            Seat(assignment.juri, assignment.pk in submitted)
        )
    return [EntryProgress(e, seats[e.pk]) for e in competing]


def stage_results(stage: CallStage, entries: list[Entry]) -> list[StageResult]:
    """Return the recorded results of a closed stage for the given entries."""
    if not stage.is_closed:
        return []
    return list(
        StageResult.objects.filter(stage=stage, entry__in=entries)
        .select_related("entry__innovation__opd")
        .order_by("rank")
    )


def _with_assignable(progress: list[EntryProgress], call: Call) -> None:
    conflicts = Conflicts.of(call)
    for row in progress:
        assigned = {seat.juri.pk for seat in row.seats}
        row.assignable = conflicts.assignable(row.entry, assigned)


def call_dashboard(user, call: Call, *, for_admin: bool = False) -> CallDashboard:
    """Return what the call page shows the user; ``for_admin`` adds assignable juri."""
    entries = list(visible_entries(user, call))
    stages = list(call.stages_in_order())
    states = stage_states(stages)
    views = []
    for stage in stages:
        progress = stage_progress(stage, entries) if states[stage.pk] == CURRENT else []
        if for_admin:
            _with_assignable(progress, call)
        views.append(
            StageView(stage, states[stage.pk], progress, stage_results(stage, entries))
        )
    screening = [
        (value, label, [e for e in entries if e.screening == value])
        for value, label in Screening.choices
    ]
    return CallDashboard(
        call=call,
        rules=rules_view(call),
        categories=list(call.categories.all()),
        panel=panel_of(call),
        screening=screening,
        stages=views,
    )


# --- One entry ----------------------------------------------------------------------


@dataclass
class ScoreDiff:
    criterion: str
    before: int | None
    after: int | None


def score_diffs(change: ScoreChange) -> list[ScoreDiff]:
    """Return the criteria a change altered, with the scores before and after."""
    names = list(dict.fromkeys([*change.before, *change.after]))
    return [
        ScoreDiff(criterion_label(c), change.before.get(c), change.after.get(c))
        for c in names
        if change.before.get(c) != change.after.get(c)
    ]


def entry_stages(entry: Entry) -> list[CallStage]:
    """Return the stages the entry has competed in so far, in order."""
    if entry.stage_id is None:
        return []
    return list(entry.call.stages_in_order().filter(order__lte=entry.stage.order))


def entry_assignments(entry: Entry) -> dict[int, list[Seat]]:
    """Return, per stage id, the entry's juri and whether each has submitted."""
    seats: dict[int, list[Seat]] = {}
    assignments = entry.assignments.select_related("juri").order_by("assigned_at", "pk")
    submitted = set(
        ScoreSheet.objects.filter(assignment__entry=entry).values_list(
            "assignment_id", flat=True
        )
    )
    for assignment in assignments:
        seats.setdefault(assignment.stage_id, []).append(
            Seat(assignment.juri, assignment.pk in submitted)
        )
    return seats


def score_changes(entry: Entry) -> list[tuple[ScoreChange, list[ScoreDiff]]]:
    """Return the audited changes to the entry's sheets in closed stages, oldest first.

    Changes in an open stage stay hidden with the scores themselves.
    """
    changes = (
        ScoreChange.objects.filter(
            sheet__assignment__entry=entry,
            sheet__assignment__stage__closed_at__isnull=False,
        )
        .select_related(
            "changed_by", "sheet__assignment__juri", "sheet__assignment__stage"
        )
        .order_by("changed_at", "pk")
    )
    return [(change, score_diffs(change)) for change in changes]


# --- Display of rules and sheets ------------------------------------------------------


@dataclass
class RulesView:
    weights: list[tuple[str, object]]
    tie_order: list[str]
    scale: tuple[int, int]


def rules_view(call: Call) -> RulesView:
    """Return the call's weights and tie order with translated criterion names."""
    return RulesView(
        weights=[
            (criterion_label(c), getattr(call, f"weight_{c}")) for c in scoring.CRITERIA
        ],
        tie_order=[criterion_label(c) for c in call.rules().tie_order],
        scale=(call.scale_min, call.scale_max),
    )


@dataclass
class SheetRow:
    juri: object
    scores: list[tuple[str, int]]
    total: object
    comment: str
    submitted_at: object


def sheet_rows(sheets: list[ScoreSheet], call: Call) -> list[SheetRow]:
    """Return sheets the caller may already show, with each juri's weighted total."""
    rules = call.rules()
    return [
        SheetRow(
            juri=sheet.assignment.juri,
            scores=[(criterion_label(c), sheet.scores.get(c)) for c in rules.weights],
            total=scoring.display(
                scoring.juri_total({c: int(v) for c, v in sheet.scores.items()}, rules)
            ),
            comment=sheet.comment,
            submitted_at=sheet.submitted_at,
        )
        for sheet in sheets
    ]


# --- The juri's work list -------------------------------------------------------


@dataclass
class StageWork:
    """One call stage of a juri's work list: what is left, done, or closed."""

    call: Call
    stage: CallStage
    to_score: list[Assignment] = field(default_factory=list)
    submitted: list[Assignment] = field(default_factory=list)
    closed: list[Assignment] = field(default_factory=list)


def juri_worklist(user) -> list[StageWork]:
    """Return the user's assignments grouped by call and stage, newest call first."""
    assignments = (
        Assignment.objects.filter(juri=user)
        .select_related("stage__call", "entry__innovation__opd", "entry__category")
        .select_related("sheet")
        .order_by("-stage__call__deadline", "stage__call_id", "stage__order", "pk")
    )
    groups: dict[int, StageWork] = {}
    for assignment in assignments:
        stage = assignment.stage
        work = groups.setdefault(stage.pk, StageWork(call=stage.call, stage=stage))
        if stage.is_closed:
            work.closed.append(assignment)
        elif sheet_of(assignment) is not None:
            work.submitted.append(assignment)
        else:
            work.to_score.append(assignment)
    return list(groups.values())


# --- Published results ----------------------------------------------------------


@dataclass
class ResultRow:
    """One ranked entry of a closed stage, rounded for display."""

    rank: int
    entry: Entry
    score: Decimal
    means: list[tuple[str, Decimal]]
    advanced: bool
    winner: bool
    # Eliminated after an upheld public objection to this stage's shortlist.
    disqualified: bool = False


@dataclass
class StageRanking:
    stage: CallStage
    rows: list[ResultRow]
    is_last: bool


def published_results(call: Call) -> list[StageRanking]:
    """Return each stage's ranking in order, with every criterion's mean score."""
    stages = list(call.stages_in_order())
    criteria = list(call.rules().weights)
    rankings = []
    for position, stage in enumerate(stages):
        is_last = position == len(stages) - 1
        results = stage.results.select_related(
            "entry__innovation__opd", "entry__category"
        ).order_by("rank", "pk")
        upheld = set(
            stage.objections.filter(status=ObjectionStatus.UPHELD).values_list(
                "entry_id", flat=True
            )
        )
        rows = [
            ResultRow(
                rank=result.rank,
                entry=result.entry,
                score=scoring.display(Fraction(result.score)),
                means=[
                    (
                        criterion_label(c),
                        scoring.display(Fraction(result.criterion_means[c])),
                    )
                    for c in criteria
                    if c in result.criterion_means
                ],
                advanced=result.advanced and result.entry_id not in upheld,
                winner=is_last and result.advanced and result.entry_id not in upheld,
                disqualified=result.entry_id in upheld,
            )
            for result in results
        ]
        rankings.append(StageRanking(stage=stage, rows=rows, is_last=is_last))
    return rankings
