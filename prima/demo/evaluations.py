"""Demo step: the PEKPPP Mandiri cycles of Kota Prima Raya.

Last year's cycle is finished and published: 40 units of three kinds of service,
ranked by kind of service, each with its submitted F-01 (Prima's proposals accepted),
a dozen F-03 answers, the evaluator's submitted F-02 (one changed afterwards, audited),
recommendations on its weakest indicators, partly closed, and a ranking in which two
units share a rank. Its forms are bulk-created (one query per table, not one service
call per indicator) so ``make demo`` stays fast; the opening, the assignments, the
audited change and the publication go through ``prima.evaluations.services``.

This year's cycle is in its self-assessment phase: a dozen units, the demo evaluator
assigned to each; three units have started their F-01 by accepting every score Prima
proposes; the first unit's F-03 link is issued and a few users answered. Everything
goes through the services.
"""

from __future__ import annotations

import secrets
import uuid
from datetime import datetime, time, timedelta

from django.utils import timezone

from prima.demo.context import DemoContext
from prima.evaluations import instrument, ipp, proposals, selectors, services
from prima.evaluations.models import (
    CohortBy,
    Cycle,
    EvaluationSheet,
    EvaluatorScore,
    Instrument,
    Recommendation,
    SelfAssessment,
    SelfScore,
    ServiceKind,
    UserAnswer,
    UserFormLink,
)
from prima.organisations.models import Pemda, Unit

# The kind of service a unit type gives, for the official grouping of lokus.
SERVICE_KIND = {
    Unit.Kind.PUSKESMAS: ServiceKind.JASA,
    Unit.Kind.RUMAH_SAKIT: ServiceKind.JASA,
    Unit.Kind.SEKOLAH: ServiceKind.JASA,
    Unit.Kind.UPT: ServiceKind.BARANG,
}
UNITS_IN_SCOPE = 12
UNITS_STARTED = 3
USER_ANSWERS = 12


def _shipped_instrument() -> Instrument:
    """Return the shipped 2023 instrument, stored again if a flush removed it."""
    text = instrument.shipped()["2023"].read_text(encoding="utf-8")
    return services.instrument_load(definition=text)[0]


def _in_scope(pemda: Pemda) -> dict[str, list[Unit]]:
    units = Unit.objects.filter(pemda=pemda, active=True).order_by("opd__code", "code")
    chosen: dict[str, list[Unit]] = {}
    for unit in units[:UNITS_IN_SCOPE]:
        kind = SERVICE_KIND.get(unit.kind, ServiceKind.ADMINISTRATIF)
        chosen.setdefault(kind, []).append(unit)
    return chosen


def create_cycles(ctx: DemoContext) -> None:
    create_finished_cycle(ctx)
    create_cycle(ctx)


def create_cycle(ctx: DemoContext) -> None:
    admin, evaluator = ctx.users["admin.pemda"], ctx.users["evaluator"]
    today = ctx.today
    cycle = services.cycle_open(
        pemda=ctx.pemda,
        by=admin,
        year=today.year,
        instrument=_shipped_instrument(),
        cohort_by=CohortBy.SERVICE_KIND,
        units=_in_scope(ctx.pemda),
        self_assessment_deadline=today + timedelta(days=14),
        visits_start=today + timedelta(days=15),
        visits_end=today + timedelta(days=35),
        verification_start=today + timedelta(days=36),
        verification_end=today + timedelta(days=43),
    )
    lokus = list(cycle.units.select_related("unit").order_by("pk"))
    for cycle_unit in lokus:
        services.evaluator_assign(cycle_unit, evaluator=evaluator, by=admin)
    started = [cu for cu in lokus if _editor(ctx, cu) is not None][:UNITS_STARTED]
    for cycle_unit in started:
        _accept_proposals(ctx, cycle_unit)
    services.user_form_issue(lokus[0], by=evaluator)
    _user_answers(ctx, lokus[0])
    ctx.count("pekppp_units", len(lokus))


def _user_answers(ctx: DemoContext, cycle_unit) -> None:
    rng = ctx.rng("pekppp-f03")
    codes = [s.code for s in cycle_unit.cycle.instrument.parsed().statements]
    for _number in range(USER_ANSWERS):
        services.user_answer_submit(
            cycle_unit,
            scores={code: rng.choice((3, 4, 4, 5)) for code in codes},
            key=uuid.UUID(int=rng.getrandbits(128), version=4),
        )


def _editor(ctx: DemoContext, cycle_unit):
    """Return the demo user who fills the unit's F-01, if it has one of its own."""
    editor = ctx.editor_for(cycle_unit.unit)
    if editor and selectors.unit_roles(editor, cycle_unit).unit_editor:
        return editor
    return None


def _accept_proposals(ctx: DemoContext, cycle_unit) -> None:
    editor = _editor(ctx, cycle_unit)
    facts = selectors.unit_facts(cycle_unit.unit, today=ctx.today)
    for number, proposal in sorted(proposals.propose(facts).items()):
        services.self_score_save(
            cycle_unit,
            by=editor,
            indicator=number,
            score=proposal.score,
            today=ctx.today,
        )


def delete_cycles(pemda: Pemda) -> None:
    """Delete the Pemda's cycles before its units (lokus protect them)."""
    for cycle in Cycle.objects.filter(pemda=pemda):
        cycle.delete()


# Last year's finished, published cycle ----------------------------------------------

FINISHED_PER_KIND = {
    ServiceKind.JASA: 14,
    ServiceKind.BARANG: 12,
    ServiceKind.ADMINISTRATIF: 14,
}
FINISHED_ANSWERS = 12
RECOMMENDATIONS_PER_UNIT = 2
EVIDENCE_SITE = "https://kotaprimaraya.example/pekppp/tindak-lanjut/"
RECOMMENDATION_TEXTS = {
    "A": "Lengkapi dan publikasikan dokumen kebijakan pelayanan pada indikator ini.",
    "B": "Susun mekanisme dan bukti pelaksanaan budaya pelayanan pegawai.",
    "C": "Perbaiki sarana prasarana sesuai standar dan dokumentasikan.",
    "D": "Mutakhirkan sistem informasi pelayanan dan kanal digitalnya.",
    "E": "Perkuat sarana pengaduan dan laporkan hasil pengelolaannya.",
    "F": "Tetapkan dukungan regulasi, anggaran dan SDM bagi inovasi.",
}


def _finished_scope(pemda: Pemda) -> dict[str, list[Unit]]:
    units = Unit.objects.filter(pemda=pemda, active=True).order_by("opd__code", "code")
    chosen: dict[str, list[Unit]] = {kind: [] for kind in FINISHED_PER_KIND}
    for unit in units:
        kind = SERVICE_KIND.get(unit.kind, ServiceKind.ADMINISTRATIF)
        if len(chosen[kind]) < FINISHED_PER_KIND[kind]:
            chosen[kind].append(unit)
    return chosen


def _at(day) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(10, 0)))


def create_finished_cycle(ctx: DemoContext) -> None:
    admin, evaluator = ctx.users["admin.pemda"], ctx.users["evaluator"]
    today = ctx.today
    deadline = today - timedelta(days=240)
    cycle = services.cycle_open(
        pemda=ctx.pemda,
        by=admin,
        year=today.year - 1,
        instrument=_shipped_instrument(),
        cohort_by=CohortBy.SERVICE_KIND,
        units=_finished_scope(ctx.pemda),
        self_assessment_deadline=deadline,
        visits_start=deadline + timedelta(days=7),
        visits_end=deadline + timedelta(days=35),
        verification_start=deadline + timedelta(days=40),
        verification_end=deadline + timedelta(days=47),
    )
    lokus = list(cycle.units.select_related("unit", "unit__opd").order_by("pk"))
    for cycle_unit in lokus:
        services.evaluator_assign(cycle_unit, evaluator=evaluator, by=admin)
    parsed = cycle.instrument.parsed()
    f01 = _finished_f01(ctx, lokus, day=deadline - timedelta(days=3))
    scores = _finished_scores(ctx, lokus, f01, parsed)
    _finished_user_answers(ctx, lokus, parsed, day=deadline + timedelta(days=20))
    submitted = _at(deadline + timedelta(days=36))
    EvaluatorScore.objects.bulk_create(
        EvaluatorScore(cycle_unit=cu, indicator=number, score=score)
        for cu in lokus
        for number, score in scores[cu.pk].items()
    )
    EvaluationSheet.objects.bulk_create(
        EvaluationSheet(
            cycle_unit=cu,
            scores={str(n): score for n, score in scores[cu.pk].items()},
            submitted_at=submitted,
            submitted_by=evaluator,
        )
        for cu in lokus
    )
    # One audited change after submission: the evaluator saw the missing evidence.
    changed = lokus[-1]
    scores[changed.pk][1] = min(scores[changed.pk][1] + 1, 5)
    services.evaluation_change(
        EvaluationSheet.objects.get(cycle_unit=changed),
        scores={str(n): score for n, score in scores[changed.pk].items()},
        by=evaluator,
        reason="Bukti SK penetapan SP diserahkan saat masa verifikasi.",
    )
    _finished_recommendations(ctx, lokus, scores, parsed, deadline)
    services.cycle_publish(cycle, by=admin, now=_at(deadline + timedelta(days=60)))
    ctx.count("pekppp_units", len(lokus))


def _finished_f01(ctx: DemoContext, lokus, *, day) -> dict[int, dict[int, int]]:
    """Bulk-create each unit's submitted F-01 accepting Prima's proposals; return
    the proposed scores per unit."""
    proposed: dict[int, dict[int, int]] = {}
    assessments = SelfAssessment.objects.bulk_create(
        SelfAssessment(
            cycle_unit=cu,
            submitted_at=_at(day),
            submitted_by=ctx.editor_for(cu.unit),
        )
        for cu in lokus
    )
    rng = ctx.rng("pekppp-finished-f01")
    rows = []
    numbers = [i.number for i in lokus[0].cycle.instrument.parsed().indicators]
    for cu, assessment in zip(lokus, assessments, strict=True):
        found = proposals.propose(selectors.unit_facts(cu.unit, today=day))
        proposed[cu.pk] = {n: p.score for n, p in found.items()}
        for number in numbers:
            proposal = found.get(number)
            rows.append(
                SelfScore(
                    assessment=assessment,
                    indicator=number,
                    score=proposal.score if proposal else rng.choice((2, 3, 3, 4, 4)),
                    proposed_score=proposal.score if proposal else None,
                    rule=proposal.rule if proposal else "",
                    evidence_link=(
                        selectors.evidence_link(number, cu.unit) if proposal else ""
                    ),
                    updated_by=ctx.editor_for(cu.unit),
                )
            )
    SelfScore.objects.bulk_create(rows)
    return proposed


def _finished_scores(ctx: DemoContext, lokus, f01, parsed) -> dict[int, dict]:
    """Return the evaluator's score per indicator of each unit: Prima's proposal
    where there is one, else around the unit's level; two units of one kind of
    service tie on the IPP with different aspect A values."""
    rng = ctx.rng("pekppp-finished-f02")
    scores: dict[int, dict[int, int]] = {}
    for cu in lokus:
        level = rng.uniform(2.2, 4.6)
        own = {}
        for indicator in parsed.indicators:
            guess = round(level + rng.uniform(-1.2, 1.2))
            own[indicator.number] = f01[cu.pk].get(
                indicator.number, min(max(guess, 0), 5)
            )
        scores[cu.pk] = own
    jasa = [cu for cu in lokus if cu.service_kind == ServiceKind.JASA]
    first, second = jasa[0], jasa[1]
    tied = dict(scores[first.pk])
    # Indicator 1 (A) one up and 25 (E) two down moves the IPP by 0.0008 only.
    if tied[1] <= 4 and tied[25] >= 2:
        tied[1] += 1
        tied[25] -= 2
    if ipp.compute(parsed, tied).ipp != ipp.compute(parsed, scores[first.pk]).ipp:
        tied = dict(scores[first.pk])
    scores[second.pk] = tied
    return scores


def _finished_user_answers(ctx: DemoContext, lokus, parsed, *, day) -> None:
    rng = ctx.rng("pekppp-finished-f03")
    codes = [s.code for s in parsed.statements]
    evaluator = ctx.users["evaluator"]
    UserFormLink.objects.bulk_create(
        UserFormLink(
            cycle_unit=cu,
            token=secrets.token_urlsafe(16),
            issued_by=evaluator,
        )
        for cu in lokus
    )
    answers = UserAnswer.objects.bulk_create(
        UserAnswer(
            cycle_unit=cu,
            scores={code: rng.choice((2, 3, 4, 4, 5)) for code in codes},
            idempotency_key=uuid.UUID(int=rng.getrandbits(128), version=4),
        )
        for cu in lokus
        for _number in range(FINISHED_ANSWERS)
    )
    UserAnswer.objects.filter(pk__in=[a.pk for a in answers]).update(
        submitted_at=_at(day)
    )


def _finished_recommendations(
    ctx: DemoContext, lokus, scores, parsed, deadline
) -> None:
    """Two recommendations per unit on its weakest indicators; the first of every
    other unit closed with a note and a link."""
    evaluator = ctx.users["evaluator"]
    aspect_of = {i.number: a.code for a in parsed.aspects for i in a.indicators}
    written = _at(deadline + timedelta(days=50))
    closed = _at(deadline + timedelta(days=120))
    rows = []
    for index, cu in enumerate(lokus):
        values = scores[cu.pk]
        weakest = sorted(values, key=lambda n: (values[n], n))
        weakest = weakest[:RECOMMENDATIONS_PER_UNIT]
        for position, number in enumerate(weakest):
            done = position == 0 and index % 2 == 0
            rows.append(
                Recommendation(
                    cycle_unit=cu,
                    indicator=int(number),
                    text=RECOMMENDATION_TEXTS[aspect_of[int(number)]],
                    written_by=evaluator,
                    written_at=written,
                    status=(
                        Recommendation.Status.CLOSED
                        if done
                        else Recommendation.Status.OPEN
                    ),
                    note="Telah ditindaklanjuti; dokumen terlampir." if done else "",
                    evidence_link=f"{EVIDENCE_SITE}{cu.pk}/" if done else "",
                    closed_by=ctx.editor_for(cu.unit) if done else None,
                    closed_at=closed if done else None,
                )
            )
    Recommendation.objects.bulk_create(rows)
