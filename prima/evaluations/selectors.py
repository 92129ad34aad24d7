"""Reads of the PEKPPP cycle pages, each starting from the user so that scope cannot
be forgotten."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Max, Min, Prefetch, Q
from django.http import Http404
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from prima.complaints.models import Case, Kind
from prima.complaints.models import Status as CaseStatus
from prima.core.periods import Period
from prima.core.roles import CHANGE, Area, Level, Role
from prima.core.scoping import is_platform_operator, reach_q
from prima.evaluations import ipp, proposals, ranking
from prima.evaluations.models import (
    Assignment,
    Cycle,
    CycleUnit,
    EvaluationSheet,
    Recommendation,
    SelfScore,
    UserAnswer,
    UserFormLink,
    rule_text,
)
from prima.innovations.models import Innovation, Stage
from prima.organisations.models import Layanan, Membership, Unit
from prima.standards.models import Maklumat, StandarPelayanan
from prima.surveys.models import FollowUp, Population
from prima.surveys.sampling import required_sample
from prima.surveys.selectors import Scope, scope_result


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


# The unit's forms (F-01, F-03, F-02) -----------------------------------------


@dataclass(frozen=True)
class Roles:
    """What the user is to one unit in scope: its staff (who may change F-01 when
    ``unit_editor``), its assigned evaluator, or the cycle's administrator."""

    unit_staff: bool
    unit_editor: bool
    evaluator: bool
    admin: bool


def unit_roles(user, cycle_unit: CycleUnit) -> Roles:
    lookups = {Level.OPD: "unit__opd", Level.UNIT: "unit"}
    own = CycleUnit.objects.filter(pk=cycle_unit.pk)
    staff = own.filter(reach_q(user, lookups, area=Area.ORGANISATION)).exists()
    editor = own.filter(
        reach_q(user, lookups, area=Area.CATALOG, action=CHANGE)
    ).exists()
    return Roles(
        unit_staff=staff,
        unit_editor=staff and editor,
        evaluator=cycle_unit.assignments.filter(evaluator=user).exists(),
        admin=is_platform_operator(user) or can_run(user, cycle_unit.cycle),
    )


def unit_forms_get(user, pk: int) -> tuple[CycleUnit, Roles]:
    """Return a unit in scope whose F-01/F-02 the user may see — its own staff, its
    assigned evaluator, the cycle's administrator — with the user's roles; 404 for
    anyone else (results are not published yet, so nobody else sees them)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        raise Http404
    cycle_unit = (
        CycleUnit.objects.select_related(
            "cycle", "cycle__pemda", "cycle__instrument", "unit", "unit__opd"
        )
        .filter(pk=pk)
        .first()
    )
    if cycle_unit is None:
        raise Http404
    roles = unit_roles(user, cycle_unit)
    if not (roles.unit_staff or roles.evaluator or roles.admin):
        raise Http404
    return cycle_unit, roles


def user_form_get(token: str) -> CycleUnit:
    """Return the unit in scope whose public F-03 link carries ``token``."""
    link = (
        UserFormLink.objects.select_related(
            "cycle_unit__unit", "cycle_unit__cycle__instrument", "cycle_unit__cycle"
        )
        .filter(token=token)
        .first()
    )
    if link is None:
        raise Http404
    return link.cycle_unit


def user_form_counts(cycle_unit: CycleUnit) -> tuple[int, dict[str, int]]:
    """Return the number of F-03 respondents and the answers per statement code."""
    answers = list(cycle_unit.user_answers.values_list("scores", flat=True))
    per_statement: dict[str, int] = {}
    for scores in answers:
        for code in scores:
            per_statement[code] = per_statement.get(code, 0) + 1
    return len(answers), per_statement


def _respondents(unit: Unit, after: date, until: date) -> int:
    """Return how many answered the unit's SKM after ``after`` up to ``until``."""
    result = scope_result(Scope.of(unit), Period(after + timedelta(days=1), until))
    return result.respondents if result is not None else 0


def unit_facts(unit: Unit, *, today: date) -> proposals.UnitFacts:
    """Gather, from the other apps' data, the facts the F-01 proposals of ``unit``
    rest on (``proposals.UnitFacts``)."""
    services = list(
        Layanan.objects.active().filter(unit=unit).values_list("pk", flat=True)
    )
    standards = []
    published = (
        StandarPelayanan.objects.published()
        .filter(layanan_id__in=services)
        .annotate(last_recorded_review=Max("reviews__reviewed_on"))
    )
    for standard in published:
        reviews = [standard.reviewed_on, standard.last_recorded_review]
        known = [review for review in reviews if review is not None]
        standards.append(
            proposals.StandardFacts(
                missing_components=standard.missing_count,
                decreed=bool(standard.decree_number and standard.decree_date),
                participants=frozenset(standard.drafting_participants or ()),
                minutes=bool(standard.drafting_minutes.strip()),
                media=frozenset(standard.publication_media or ()),
                last_review=max(known) if known else None,
            )
        )
    maklumat = Maklumat.objects.filter(unit=unit).first()
    year_ago = proposals.add_months(today, -12)
    population = Population.objects.filter(unit=unit).order_by("-period_end").first()
    half_year_ago = proposals.add_months(today, -6)
    # Respondents of each half of the last twelve months, summed from the rollups.
    halves = [
        _respondents(unit, start, end)
        for start, end in ((year_ago, half_year_ago), (half_year_ago, today))
    ]
    followups = FollowUp.objects.filter(unit=unit)
    latest = followups.order_by("-period_end").first()
    report = finished = None
    if latest is not None:
        report = latest.period_end
        of_report = followups.filter(period_end=report)
        if not of_report.exclude(status=FollowUp.Status.DONE).exists():
            finished = of_report.aggregate(last=Max("completed_on"))["last"]
    complaints = Case.objects.filter(
        unit=unit,
        kind=Kind.PENGADUAN,
        received_at__date__gt=year_ago,
        answer_due__isnull=False,
    ).exclude(status=CaseStatus.REJECTED)
    answered = complaints.filter(answered_at__isnull=False)
    on_time = [
        answered_at
        for answered_at, due in answered.values_list("answered_at", "answer_due")
        if timezone.localdate(answered_at) <= due
    ]
    innovations = Innovation.objects.filter(unit=unit)
    stage = None
    applied = None
    for candidate in (Stage.DIREPLIKASI, Stage.DITERAPKAN, Stage.UJI_COBA, Stage.IDE):
        found = innovations.filter(stage=candidate)
        if found.exists():
            stage = str(candidate)
            applied = found.aggregate(first=Min("applied_on"))["first"]
            break
    return proposals.UnitFacts(
        today=today,
        services=len(services),
        standards=standards,
        maklumat=(
            None
            if maklumat is None
            else (
                bool(maklumat.signed_on and maklumat.signatory_name),
                maklumat.published_printed,
                maklumat.published_electronic,
            )
        ),
        skm_responses=sum(halves),
        skm_sample=(
            required_sample(population.population) if population is not None else None
        ),
        skm_semesters=sum(1 for count in halves if count),
        rtl_total=followups.filter(period_end=report).count() if report else 0,
        rtl_done=(
            followups.filter(period_end=report, status=FollowUp.Status.DONE).count()
            if report
            else 0
        ),
        rtl_report=report,
        rtl_finished=finished,
        complaints=complaints.count(),
        complaints_answered=answered.count(),
        complaints_on_time=len(on_time),
        innovation_stage=stage,
        innovation_applied=applied,
        # The public complaint form offers every active unit of the Pemda.
        complaint_form=unit.active,
    )


# Where the evidence of each proposal lives in Prima, shown beside it.
EVIDENCE_PAGES = {
    1: "standards:standard-list",
    2: "standards:standard-list",
    3: "standards:standard-list",
    4: "standards:standard-list",
    6: "surveys:unit-results",
    8: "surveys:unit-results",
    7: "surveys:unit-results",
    9: "surveys:unit-results",
    26: "complaints:stats",
    28: "complaints:stats",
    29: "innovations:staff_list",
}


def evidence_link(number: int, unit: Unit) -> str:
    """Return the Prima page holding the evidence of indicator ``number``, or ''."""
    name = EVIDENCE_PAGES.get(number)
    if name is None:
        return ""
    try:
        return reverse(name, args=[unit.pk])
    except NoReverseMatch:
        return reverse(name)


@dataclass
class IndicatorRow:
    """One indicator on the F-01 or F-02 page, with what each party said of it."""

    indicator: Any
    aspect: Any
    proposal: proposals.Proposal | None
    rule: str
    evidence_page: str
    own: Any  # the unit's SelfScore or None
    evaluator: Any  # the EvaluatorScore or None
    form: Any = None


def indicator_rows(cycle_unit: CycleUnit, *, today: date) -> list[IndicatorRow]:
    """Return every indicator of the cycle's instrument with Prima's proposal (and
    the rule it applied), the unit's F-01 score and evidence and the evaluator's
    F-02 score and note."""
    parsed = cycle_unit.cycle.instrument.parsed()
    proposed = proposals.propose(unit_facts(cycle_unit.unit, today=today))
    own = {
        row.indicator: row
        for row in SelfScore.objects.filter(assessment__cycle_unit=cycle_unit)
    }
    evaluator = {row.indicator: row for row in cycle_unit.evaluator_scores.all()}
    rows = []
    for aspect in parsed.aspects:
        for indicator in aspect.indicators:
            proposal = proposed.get(indicator.number)
            rows.append(
                IndicatorRow(
                    indicator=indicator,
                    aspect=aspect,
                    proposal=proposal,
                    rule=rule_text(proposal.rule) if proposal else "",
                    evidence_page=(
                        evidence_link(indicator.number, cycle_unit.unit)
                        if proposal
                        else ""
                    ),
                    own=own.get(indicator.number),
                    evaluator=evaluator.get(indicator.number),
                )
            )
    return rows


def _compute(parsed, sheet_scores: dict, answers: list[dict]) -> ipp.IppResult:
    means = None
    if answers:
        means = {
            s.code: Decimal(sum(a[s.code] for a in answers)) / len(answers)
            for s in parsed.statements
        }
    scores = {int(number): score for number, score in sheet_scores.items()}
    return ipp.compute(parsed, scores, means)


def unit_ipp(cycle_unit: CycleUnit) -> ipp.IppResult | None:
    """Return the unit's index from its submitted F-02 and, when users answered the
    F-03, their mean per statement (weighted by the instrument's ``w_users``);
    None before the F-02 is submitted."""
    sheet = EvaluationSheet.objects.filter(cycle_unit=cycle_unit).first()
    if sheet is None:
        return None
    answers = list(cycle_unit.user_answers.values_list("scores", flat=True))
    return _compute(cycle_unit.cycle.instrument.parsed(), sheet.scores, answers)


# Results, ranking and publication --------------------------------------------


def cycle_results(cycle: Cycle) -> dict[int, ipp.IppResult]:
    """Return the index of every unit of the cycle whose F-02 is submitted, by
    CycleUnit id, reading the sheets and F-03 answers in two queries."""
    parsed = cycle.instrument.parsed()
    answers: dict[int, list[dict]] = {}
    rows = UserAnswer.objects.filter(cycle_unit__cycle=cycle)
    for cycle_unit_id, scores in rows.values_list("cycle_unit_id", "scores"):
        answers.setdefault(cycle_unit_id, []).append(scores)
    sheets = EvaluationSheet.objects.filter(cycle_unit__cycle=cycle)
    return {
        cycle_unit_id: _compute(parsed, scores, answers.get(cycle_unit_id, []))
        for cycle_unit_id, scores in sheets.values_list("cycle_unit_id", "scores")
    }


def cycle_ranking(cycle: Cycle) -> dict[str, list[ranking.Ranked[CycleUnit]]]:
    """Return the ranking of the cycle's scored units per cohort (``ranking.py``);
    each CycleUnit carries its ``result``. Ties are listed by the evaluator's
    aspect values A, B, … F."""
    codes = [aspect.code for aspect in cycle.instrument.parsed().aspects]
    results = cycle_results(cycle)
    cohorts: dict[str, list[ranking.Entry[CycleUnit]]] = {}
    units = cycle.units.select_related("cycle__pemda", "unit", "unit__opd")
    for cycle_unit in units.filter(pk__in=results):
        result = results[cycle_unit.pk]
        cycle_unit.result = result
        cohorts.setdefault(cycle_unit.cohort, []).append(
            ranking.Entry(
                item=cycle_unit,
                name=cycle_unit.unit.name,
                ipp=result.ipp,
                aspects=[result.aspects[code] for code in codes],
            )
        )
    return ranking.rank_cohorts(cohorts)


def results_visible(user, cycle: Cycle) -> bool:
    """Return whether the user may see every unit's result of the cycle: anyone once
    it is published, before that only whoever runs it."""
    return cycle.is_published or is_platform_operator(user) or can_run(user, cycle)


def ranking_get(user, pk: int) -> Cycle:
    """Return a cycle whose ranking the user may see; 404 before publication for
    everyone but its administrator."""
    cycle = cycle_get(user, pk)
    if not results_visible(user, cycle):
        raise Http404
    return cycle


def published_cycle_get(pemda_slug: str, pk: int) -> Cycle:
    """Return a published cycle of the Pemda for the public results page."""
    cycle = (
        Cycle.objects.select_related("pemda", "instrument")
        .filter(pk=pk, pemda__slug=pemda_slug, published_at__isnull=False)
        .first()
    )
    if cycle is None:
        raise Http404
    return cycle


def published_cycles(pemda) -> list[Cycle]:
    """Return the Pemda's published cycles, newest first."""
    return list(Cycle.objects.filter(pemda=pemda, published_at__isnull=False))


def result_get(user, pk: int) -> tuple[CycleUnit, Roles]:
    """Return a unit in scope whose result the user may see, with their roles:
    before publication its own staff, its evaluator and the cycle's administrator
    (``unit_forms_get``); after it anyone who sees the cycle."""
    cycle_unit = CycleUnit.objects.select_related("cycle").filter(pk=pk).first()
    if cycle_unit is not None and cycle_unit.cycle.is_published:
        cycle_get(user, cycle_unit.cycle_id)
        cycle_unit = CycleUnit.objects.select_related(
            "cycle", "cycle__pemda", "cycle__instrument", "unit", "unit__opd"
        ).get(pk=pk)
        return cycle_unit, unit_roles(user, cycle_unit)
    return unit_forms_get(user, pk)


@dataclass(frozen=True)
class AspectRow:
    """One aspect of a unit's result: the evaluator's and the users' value."""

    code: str
    name: str
    weight: Decimal
    value: Decimal
    users: Decimal | None


def aspect_rows(cycle_unit: CycleUnit, result: ipp.IppResult) -> list[AspectRow]:
    """Return the unit's per-aspect values in the instrument's order."""
    users = result.users_aspects or {}
    return [
        AspectRow(
            aspect.code,
            aspect.name,
            aspect.weight,
            result.aspects[aspect.code],
            users.get(aspect.code),
        )
        for aspect in cycle_unit.cycle.instrument.parsed().aspects
    ]


def recommendations_for(cycle_unit: CycleUnit) -> list[Recommendation]:
    """Return the unit's recommendations with who wrote and closed them."""
    return list(cycle_unit.recommendations.select_related("written_by", "closed_by"))


def recommendation_counts(cycle: Cycle, units=None) -> dict[str, int]:
    """Return how many of the cycle's recommendations are open and closed, counting
    only those of ``units`` when given (the units the user sees)."""
    rows = Recommendation.objects.filter(cycle_unit__cycle=cycle)
    if units is not None:
        rows = rows.filter(cycle_unit__in=units)
    closed = rows.filter(status=Recommendation.Status.CLOSED).count()
    return {"total": rows.count(), "closed": closed, "open": rows.count() - closed}


def recommendation_get(user, pk: int) -> tuple[Recommendation, Roles]:
    """Return a recommendation of a unit whose result the user may see."""
    recommendation = Recommendation.objects.filter(pk=pk).first()
    if recommendation is None:
        raise Http404
    cycle_unit, roles = result_get(user, recommendation.cycle_unit_id)
    recommendation.cycle_unit = cycle_unit
    return recommendation, roles


def sheets_missing(cycle: Cycle) -> list[CycleUnit]:
    """Return the cycle's units whose F-02 is not submitted yet."""
    return list(
        cycle.units.filter(sheet__isnull=True).select_related("unit", "unit__opd")
    )
