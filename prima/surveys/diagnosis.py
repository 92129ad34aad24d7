"""The diagnosis of a scope in a period: which unsur are weak, how each moved since
the previous period, whether the sample is large enough, and the follow-up plan.

Read from the rollups through ``selectors``; the rules come from the pure modules.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from prima.core.periods import Period, previous
from prima.surveys import encounters, ikm
from prima.surveys.models import FollowUp, Population
from prima.surveys.questions import UNSUR_NAMES
from prima.surveys.sampling import SampleProgress, sample_progress
from prima.surveys.selectors import Scope, scope_result


@dataclass(frozen=True)
class UnsurLine:
    """One unsur's figures in the period and its change since the previous one."""

    unsur: ikm.Unsur
    name: str
    nrr: Fraction
    converted: Fraction
    mutu: ikm.Mutu
    weak: bool
    weakest: bool
    previous_nrr: Fraction | None
    change: Fraction | None

    @property
    def nrr_display(self):
        return ikm.display_round(self.nrr)

    @property
    def converted_display(self):
        return ikm.display_round(self.converted)

    @property
    def change_display(self):
        return None if self.change is None else ikm.display_round(self.change)


@dataclass(frozen=True)
class Diagnosis:
    scope: Scope
    period: Period
    previous_period: Period
    result: ikm.IkmResult | None
    previous: ikm.IkmResult | None
    lines: list[UnsurLine] = field(default_factory=list)
    sample: SampleProgress | None = None
    follow_ups: list[FollowUp] = field(default_factory=list)
    previous_follow_ups: list[FollowUp] = field(default_factory=list)

    @property
    def weak_lines(self) -> list[UnsurLine]:
        """Return the weak unsur from the lowest NRR up: the order of the RTL."""
        return sorted(
            (line for line in self.lines if line.weak),
            key=lambda line: (line.nrr, ikm.CODE_ORDER.index(line.unsur)),
        )

    @property
    def ikm_change(self) -> Fraction | None:
        if self.result is None or self.previous is None:
            return None
        return self.result.ikm - self.previous.ikm


def _lines(result: ikm.IkmResult, before: ikm.IkmResult | None) -> list[UnsurLine]:
    lines = []
    for unsur in ikm.CODE_ORDER:
        nrr = result.nrr[unsur]
        previous_nrr = before.nrr[unsur] if before else None
        lines.append(
            UnsurLine(
                unsur=unsur,
                name=str(UNSUR_NAMES[unsur]),
                nrr=nrr,
                converted=result.nrr_converted(unsur),
                mutu=result.unsur_mutu[unsur],
                weak=unsur in result.weak,
                weakest=unsur in result.weakest,
                previous_nrr=previous_nrr,
                change=None if previous_nrr is None else nrr - previous_nrr,
            )
        )
    return lines


def served_visits(unit, period: Period) -> int:
    """Return the unit's visits served through the queue in ``period`` (one per
    finished ticket of a Prima service, ``surveys.Encounter``)."""
    return encounters.served_in(unit, period).count()


def unit_sample(scope: Scope, period: Period, obtained: int) -> SampleProgress | None:
    """Return the Krejcie–Morgan progress of a unit: its population is the number
    of visits the queue served in the period when it served any (issue 15: served
    tickets are the population), else the population the unit declared."""
    if scope.unit is None or scope.layanan is not None:
        return None
    served = served_visits(scope.unit, period)
    if served:
        return sample_progress(obtained, served, source="served")
    declared = Population.objects.filter(
        unit=scope.unit, period_start=period.start, period_end=period.end
    ).first()
    if declared is None:
        return None
    return sample_progress(obtained, declared.population)


def follow_ups_of(scope: Scope, period: Period) -> list[FollowUp]:
    """Return the RTL items of the scope's unit(s) made for ``period``."""
    filters = {"period_start": period.start, "period_end": period.end}
    if scope.unit is not None:
        filters["unit"] = scope.unit
    elif scope.opd is not None:
        filters["unit__opd"] = scope.opd
    else:
        filters["pemda"] = scope.pemda
    return list(FollowUp.objects.filter(**filters).select_related("unit"))


def diagnose(scope: Scope, period: Period) -> Diagnosis:
    """Return the diagnosis of ``scope`` in ``period`` against the previous period."""
    before_period = previous(period)
    result = scope_result(scope, period)
    before = scope_result(scope, before_period)
    return Diagnosis(
        scope=scope,
        period=period,
        previous_period=before_period,
        result=result,
        previous=before,
        lines=_lines(result, before) if result else [],
        sample=unit_sample(scope, period, result.respondents if result else 0),
        follow_ups=follow_ups_of(scope, period),
        previous_follow_ups=follow_ups_of(scope, before_period),
    )
