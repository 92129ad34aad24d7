"""The measured impact of an applied innovation, read from the SKM daily rollups.

For each unsur the innovation targets, the score counts of a window before its
applied date and of a window of the same length after it (after an optional
ramp-up) are summed from ``DailyCount`` — never from raw responses — and handed to
the pure ``impact.compare``; the unit's IKM in both windows comes from the same
counts through ``ikm.compute``. The counts cover the services the innovation
changes, or else its whole unit, or else its whole OPD.

The after window never runs past today: when it would, both windows shrink to the
days available, and the result says which dates were compared.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum
from typing import Any

from django import forms
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from prima.innovations import impact
from prima.innovations.impact_svg import Row, impact_chart
from prima.innovations.models import APPLIED_STAGES, Innovation
from prima.surveys import ikm
from prima.surveys.models import DailyCount
from prima.surveys.selectors import COUNT_FIELDS, counts_of_rows

DEFAULT_WINDOW_DAYS = 180
DEFAULT_RAMP_DAYS = 0
WINDOW_DAYS = (30, 365)
RAMP_DAYS = (0, 90)

VERDICT_LABELS = {
    impact.Verdict.IMPROVED: gettext_lazy("Improved"),
    impact.Verdict.WORSENED: gettext_lazy("Worsened"),
    impact.Verdict.UNCLEAR: gettext_lazy("Unclear: the change may be chance"),
    impact.Verdict.NOT_ENOUGH_DATA: gettext_lazy("Not enough data"),
}


class Missing(StrEnum):
    """Why no impact can be shown."""

    NOT_APPLIED = "not_applied"
    NO_TARGETS = "no_targets"
    NO_SCOPE = "no_scope"
    NOT_STARTED = "not_started"
    NO_DATA = "no_data"


def _missing_text(reason: Missing) -> str:
    return {
        Missing.NOT_APPLIED: _(
            "No impact is measured yet: the innovation is not applied, or its "
            "applied date is missing."
        ),
        Missing.NO_TARGETS: _(
            "No impact is measured: the innovation names no SKM unsur it sets out "
            "to improve."
        ),
        Missing.NO_SCOPE: _(
            "No impact is measured: the innovation belongs to no unit or OPD of "
            "this Pemda, so no survey answers are linked to it."
        ),
        Missing.NOT_STARTED: _(
            "No impact is measured yet: the period after the applied date (and "
            "the ramp-up) has not started."
        ),
        Missing.NO_DATA: _(
            "No impact is measured: no survey answers were recorded for its "
            "services in the compared periods."
        ),
    }[reason]


@dataclass(frozen=True)
class UnsurImpact:
    """The change on one targeted unsur, rounded for display."""

    unsur: ikm.Unsur
    n_before: int
    n_after: int
    nrr_before: Decimal | None
    nrr_after: Decimal | None
    difference: Decimal | None
    low: Decimal | None
    high: Decimal | None
    verdict: impact.Verdict

    @property
    def name(self) -> str:
        return f"{self.unsur.value} {self.unsur.nama}"

    @property
    def verdict_label(self) -> str:
        return str(VERDICT_LABELS[self.verdict])


@dataclass(frozen=True)
class MeasuredImpact:
    """What the impact include renders; ``missing`` set means nothing was measured."""

    window_days: int
    ramp_days: int
    missing: Missing | None = None
    before: tuple[date, date] | None = None
    after: tuple[date, date] | None = None
    clipped: bool = False
    rows: tuple[UnsurImpact, ...] = ()
    ikm_before: Decimal | None = None
    ikm_after: Decimal | None = None
    scope_label: str = ""
    chart: str = ""
    notes: tuple[str, ...] = field(default=())

    @property
    def missing_text(self) -> str:
        return _missing_text(self.missing) if self.missing else ""

    @property
    def adjustable(self) -> bool:
        """Whether another window could show something, so the form is worth offering."""
        return self.missing in (None, Missing.NOT_STARTED, Missing.NO_DATA)

    @property
    def days_compared(self) -> int:
        """Return the length of each compared window, after any clipping at today."""
        return (self.after[1] - self.after[0]).days + 1 if self.after else 0

    @property
    def window_bounds(self) -> tuple[int, int]:
        return WINDOW_DAYS

    @property
    def ramp_bounds(self) -> tuple[int, int]:
        return RAMP_DAYS


def _today() -> date:
    return timezone.localdate()


def _windows(
    applied: date, window: int, ramp: int, today: date
) -> tuple[tuple[date, date], tuple[date, date], bool] | None:
    """Return the before and after windows, shrunk to end by today, and whether shrunk.

    None when the after window has no day yet.
    """
    after_start = applied + timedelta(days=ramp)
    available = (today - after_start).days + 1
    if available <= 0:
        return None
    clipped = available < window
    length = min(window, available)
    before = (applied - timedelta(days=length), applied - timedelta(days=1))
    after = (after_start, after_start + timedelta(days=length - 1))
    return before, after, clipped


def _scope(innovation: Innovation) -> tuple[dict[str, Any], str] | None:
    """Return the rollup filter of the innovation's services, unit or OPD, and its name."""
    services = list(innovation.layanan.all())
    if services:
        names = ", ".join(s.name for s in services)
        return {"layanan__in": [s.pk for s in services]}, names
    if innovation.unit_id:
        return {"unit_id": innovation.unit_id}, innovation.unit.name
    if innovation.opd_id:
        return {"opd_id": innovation.opd_id}, innovation.opd.name
    return None


def window_counts(
    filters: dict[str, Any], start: date, end: date
) -> dict[ikm.Unsur, ikm.ScoreCounts]:
    """Return the per-unsur score counts of the daily rollups in [start, end]."""
    sums = {name: Sum(name) for name in ["respondents", *COUNT_FIELDS]}
    row = DailyCount.objects.filter(**filters).between(start, end).aggregate(**sums)
    return counts_of_rows([row])


def _histogram(counts: ikm.ScoreCounts) -> dict[int, int]:
    return dict(zip(ikm.SCORES, counts.as_tuple(), strict=True))


def _unsur_impact(unsur: ikm.Unsur, before, after) -> UnsurImpact:
    result = impact.compare(_histogram(before[unsur]), _histogram(after[unsur]))
    b, a = result.before, result.after
    both = b.n and a.n
    return UnsurImpact(
        unsur=unsur,
        n_before=b.n,
        n_after=a.n,
        nrr_before=impact.rounded(b.mean, 2) if b.n else None,
        nrr_after=impact.rounded(a.mean, 2) if a.n else None,
        difference=impact.rounded(result.difference, 2) if both else None,
        low=impact.rounded(result.low) if result.low is not None else None,
        high=impact.rounded(result.high) if result.high is not None else None,
        verdict=result.verdict,
    )


def _ikm(counts) -> Decimal | None:
    try:
        return ikm.compute(counts).ikm_display
    except ValueError:
        # No answers (EmptySurveyError), or hand-entered rollups whose unsur totals
        # disagree: no index rather than a wrong one.
        return None


def _chart(rows: tuple[UnsurImpact, ...], before, after) -> str:
    drawn = [
        Row(
            label=row.name,
            before=impact.rounded(
                impact.Window.of(_histogram(before[row.unsur])).mean, 3
            ),
            after=impact.rounded(
                impact.Window.of(_histogram(after[row.unsur])).mean, 3
            ),
            low=row.low,
            high=row.high,
            worse=row.verdict == impact.Verdict.WORSENED,
        )
        for row in rows
        if row.n_before and row.n_after
    ]
    if not drawn:
        return ""
    return impact_chart(
        drawn,
        title=_("Mean score per targeted unsur before and after, with 95% interval"),
        before_label=_("before"),
        after_label=_("after (bar: 95% interval)"),
    )


def measured_impact(
    innovation: Innovation,
    window_days: int | None = None,
    ramp_days: int | None = None,
    *,
    today: date | None = None,
) -> MeasuredImpact:
    """Return the measured impact of ``innovation`` on the unsur it targets.

    ``window_days`` defaults to 180 and ``ramp_days`` to 0; ``today`` is a seam for
    tests. Readers' values are bounded by ``ImpactWindowForm`` (see
    ``impact_for_query``); a window under one day or a negative ramp-up raises
    ``ValueError``.
    """
    window = window_days or DEFAULT_WINDOW_DAYS
    ramp = DEFAULT_RAMP_DAYS if ramp_days is None else ramp_days
    if window < 1 or ramp < 0:
        raise ValueError(f"window {window} or ramp-up {ramp} days out of range")
    empty = {"window_days": window, "ramp_days": ramp}
    if innovation.stage not in APPLIED_STAGES or innovation.applied_on is None:
        return MeasuredImpact(**empty, missing=Missing.NOT_APPLIED)
    targets = [ikm.Unsur(code) for code in innovation.target_codes()]
    if not targets:
        return MeasuredImpact(**empty, missing=Missing.NO_TARGETS)
    scope = _scope(innovation)
    if scope is None:
        return MeasuredImpact(**empty, missing=Missing.NO_SCOPE)
    windows = _windows(innovation.applied_on, window, ramp, today or _today())
    if windows is None:
        return MeasuredImpact(**empty, missing=Missing.NOT_STARTED)
    (before_window, after_window, clipped), (filters, label) = windows, scope
    before = window_counts(filters, *before_window)
    after = window_counts(filters, *after_window)
    rows = tuple(_unsur_impact(u, before, after) for u in targets)
    dates = {"before": before_window, "after": after_window, "clipped": clipped}
    if not any(row.n_before or row.n_after for row in rows):
        return MeasuredImpact(**empty, **dates, missing=Missing.NO_DATA)
    return MeasuredImpact(
        **empty,
        **dates,
        rows=rows,
        ikm_before=_ikm(before),
        ikm_after=_ikm(after),
        scope_label=label,
        chart=_chart(rows, before, after),
    )


class ImpactWindowForm(forms.Form):
    """The ``?jendela=&jeda=`` choice of window and ramp-up, in days."""

    jendela = forms.IntegerField(
        label=gettext_lazy("Days compared on each side"),
        min_value=WINDOW_DAYS[0],
        max_value=WINDOW_DAYS[1],
        required=False,
    )
    jeda = forms.IntegerField(
        label=gettext_lazy("Ramp-up days skipped after the applied date"),
        min_value=RAMP_DAYS[0],
        max_value=RAMP_DAYS[1],
        required=False,
    )


def impact_for_query(
    innovation: Innovation, query, *, today: date | None = None
) -> MeasuredImpact:
    """Return the impact for the window asked in GET ``jendela``/``jeda``.

    A value that is not a whole number in bounds is ignored: the default is used and
    ``notes`` says why, so a bad link never breaks the page.
    """
    form = ImpactWindowForm(query)
    form.is_valid()
    notes = tuple(
        _("%(field)s: %(error)s Showing the default instead.")
        % {"field": form.fields[name].label, "error": " ".join(errors)}
        for name, errors in form.errors.items()
    )
    data = getattr(form, "cleaned_data", {})
    result = measured_impact(
        innovation, data.get("jendela"), data.get("jeda"), today=today
    )
    if notes:
        result = replace(result, notes=notes)
    return result
