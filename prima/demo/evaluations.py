"""Demo step: the PEKPPP Mandiri cycle of Kota Prima Raya, in its self-assessment phase.

The Bagian Organisasi opened this year's cycle over a dozen units of three kinds of
service, ranked by kind of service, and assigned the demo evaluator to each. Three
units have started their F-01 by accepting every score Prima proposes from its own
data; the first unit's F-03 link for its users is issued and a few users answered. Everything goes through
``prima.evaluations.services``; the finished cycle with results and ranking comes
with the ranking pages.
"""

from __future__ import annotations

import uuid
from datetime import timedelta

from prima.demo.context import DemoContext
from prima.evaluations import instrument, proposals, selectors, services
from prima.evaluations.models import CohortBy, Cycle, Instrument, ServiceKind
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
