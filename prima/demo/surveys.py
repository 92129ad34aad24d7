"""Demo step: two years of SKM responses for Kota Prima Raya, with their rollups.

About ``settings.PRIMA_DEMO_SURVEY_RESPONSES`` (default 80 000) responses over the
two years (eight triwulan) that end yesterday, spread over the units' active services by how busy the unit
is, mostly on weekdays. Most units score B; a few score A; some are clearly weak on
one unsur (a Disdukcapil office on U3, the RSUD and the vehicle test unit on U4, a
puskesmas on U9), and the DPMPTSP front office improves over the two years. From the
day some applied innovations of ``prima.demo.innovations`` were applied (``IMPACTS``),
the unsur they target moves in their unit: three improve, one gets worse, so their
measured impact over a full 180-day window on each side is significant either way.

Responses are inserted with ``prima.demo.bulk``; the daily, monthly and profile rollups are summed in
memory from the rollup declaration (``prima.surveys.rollups``) and inserted once,
equal to what ``services.rollup_add`` would have produced row by row. The step
also sets the Pemda's survey period, declares each unit's population for the current
and previous triwulan, and records RTL items for the weak unsur of last triwulan.
"""

from __future__ import annotations

import bisect
import math
import random
import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.utils import timezone

from prima.core.periods import PeriodKind, period_containing, previous
from prima.demo import bulk
from prima.demo.context import DemoContext
from prima.organisations.models import Pemda, Unit
from prima.surveys import ikm
from prima.surveys.models import (
    Channel,
    DailyCount,
    DailyProfileCount,
    Education,
    FollowUp,
    Gender,
    MonthlyCount,
    Occupation,
    Population,
    Response,
    SurveySettings,
)
from prima.surveys.rollups import summed_values

DEFAULT_RESPONSES = 80_000
HISTORY_DAYS = 730
UNSUR = [u.value for u in ikm.CODE_ORDER]

# How busy a unit is, relative to an ordinary office.
_BUSY_UNITS = {
    "DKC-KTR": 14.0,
    "DKC-MPP": 6.0,
    "PTSP-FO": 9.0,
    "PTSP-MPP": 5.0,
    "RSUD-UTAMA": 10.0,
    "RSUD-DAFTAR": 6.0,
    "RSUD-IGD": 3.0,
    "BPD-KTR": 4.0,
    "DISHUB-PKB": 3.0,
}
_BUSY_KINDS = {
    Unit.Kind.PUSKESMAS: 4.0,
    Unit.Kind.MPP: 2.0,
    Unit.Kind.LOKET: 2.0,
    Unit.Kind.KECAMATAN: 1.0,
    Unit.Kind.KANTOR: 0.8,
    Unit.Kind.UPT: 0.6,
    Unit.Kind.SEKOLAH: 0.4,
    Unit.Kind.KELURAHAN: 0.35,
}
# Units whose citizens are very satisfied (mutu A).
_EXCELLENT = ("DKC-MPP", "PTSP-MPP", "PUSIP-PUS", "KOP-PLUT", "PKM-01")
# Clearly weak unsur: (unit, unsur) -> mean score on the 1–4 scale.
WEAK = {
    ("DKC-KTR", "U3"): 2.35,
    ("RSUD-UTAMA", "U4"): 2.3,
    ("DISHUB-PKB", "U4"): 2.25,
    ("PKM-06", "U9"): 2.35,
}
# The unit that improves over the two years: mean score at the start and at the end.
IMPROVING = "PTSP-FO"
_IMPROVING_FROM, _IMPROVING_TO = 2.75, 3.4
# The weak unsur an innovation of ``prima.demo.innovations`` improves from its applied
# date on. 182 days ago leaves 180 days of answers before and after it; the new mean
# stays graded C, so the unsur is still weak in the last triwulan (its RTL goes on),
# only clearly better than before.
IMPACT_UNIT, IMPACT_UNSUR = "DKC-KTR", "U3"
IMPACT_APPLIED_DAYS_AGO = 182


@dataclass(frozen=True)
class Impact:
    """How an applied innovation moves one unsur of its unit from its applied date."""

    unit: str
    unsur: str
    days_ago: int  # the innovation's ``since``
    change: float  # added to the unsur's mean score from the applied date on


# Innovation key -> impact. Each is applied 180–550 days ago, so a full 180-day
# window of answers lies on both sides inside the two years. Not every innovation
# works: the Bapenda office's new e-SPPT payment flow confuses its users at first.
IMPACTS = {
    "dkc-siap-antre": Impact(IMPACT_UNIT, IMPACT_UNSUR, IMPACT_APPLIED_DAYS_AGO, 0.45),
    "rsud-tarif-terang": Impact("RSUD-UTAMA", "U4", 420, 0.45),
    "pkm06-ruang-tunggu": Impact("PKM-06", "U9", 300, 0.45),
    "bpd-esppt-qris": Impact("BPD-KTR", "U2", 420, -0.4),
}
_ROUND_THE_CLOCK = (Unit.Kind.RUMAH_SAKIT,)
# Relative weight of Monday … Sunday.
_OFFICE_WEEK = (1.25, 1.05, 1.0, 1.0, 0.8, 0.1, 0.03)
_HOSPITAL_WEEK = (1.2, 1.0, 1.0, 1.0, 0.9, 0.55, 0.45)

_SUGGESTIONS = {
    "": (
        "Pelayanan sudah baik, pertahankan.",
        "Petugas ramah dan membantu, terima kasih.",
        "Mohon informasi persyaratan dipasang lebih jelas di ruang tunggu.",
        "Sebaiknya ada layanan antrean daring supaya tidak menunggu lama.",
        "Semoga pelayanan terus ditingkatkan.",
    ),
    "U1": ("Persyaratan sering berubah, mohon diumumkan sebelumnya.",),
    "U2": ("Alurnya membingungkan, perlu petunjuk arah di loket.",),
    "U3": (
        "Antrean terlalu lama, saya menunggu hampir setengah hari.",
        "Dokumen belum jadi sesuai janji, mohon waktu penyelesaian ditepati.",
    ),
    "U4": (
        "Biaya terlalu mahal dan rinciannya tidak dijelaskan.",
        "Mohon tarif ditempel di loket agar jelas.",
    ),
    "U5": ("Hasil layanan ada yang salah ketik, harus kembali lagi.",),
    "U6": ("Petugas kurang menguasai aturan, mohon diberi pelatihan.",),
    "U7": ("Ada petugas yang kurang ramah kepada warga lanjut usia.",),
    "U8": ("Pengaduan saya belum ditanggapi sampai sekarang.",),
    "U9": (
        "Ruang tunggu panas dan kursinya kurang.",
        "Toilet kotor dan parkir sempit, mohon diperbaiki.",
    ),
}
_ACTIONS = {
    "U3": "Menambah loket dan petugas pada jam sibuk serta menerapkan antrean daring.",
    "U4": "Memasang rincian tarif resmi di loket dan laman, serta menyediakan kanal "
    "pengaduan pungutan.",
    "U9": "Memperbaiki ruang tunggu, menambah kursi dan kipas angin, serta membersihkan "
    "toilet setiap dua jam.",
}
_ACTION_DEFAULT = "Menyusun perbaikan bersama petugas dan mengevaluasinya bulan depan."

_EDUCATION = (
    [Education.SD, Education.SMP, Education.SMA, Education.D3, Education.S1],
    [10, 16, 42, 10, 18],
)
_EDUCATION_ALL = ([*_EDUCATION[0], Education.S2], [*_EDUCATION[1], 4])
_OCCUPATION = (
    list(Occupation),
    [8, 1, 1, 30, 25, 12, 23],
)
_CHANNELS = ([Channel.ONLINE, Channel.KIOSK, Channel.PAPER], [50, 32, 18])


def _cumulative(weights) -> list[float]:
    total, out = 0.0, []
    for w in weights:
        total += w
        out.append(total)
    return out


def _score_table(mean: float) -> list[float]:
    """Return cumulative probabilities of scores 1–4 centred on ``mean``."""
    mean = min(max(mean, 1.0), 4.0)
    return _cumulative(
        math.exp(-((k - mean) ** 2) / (2 * 0.62**2)) for k in range(1, 5)
    )


def _draw(rng: random.Random, table: list[float]) -> int:
    return bisect.bisect(table, rng.random() * table[-1]) + 1


@dataclass
class _UnitPlan:
    unit: Unit
    means: dict[str, float]
    week: tuple[float, ...]


def _plans(ctx: DemoContext, rng: random.Random) -> list[_UnitPlan]:
    plans = []
    for code, unit in ctx.units.items():
        excellent = code in _EXCELLENT
        base = rng.uniform(3.8, 3.95) if excellent else rng.uniform(3.22, 3.5)
        means = {u: base + rng.uniform(-0.08, 0.08) for u in UNSUR}
        means["U4"] += 0.2  # many services are free: "Gratis" scores 4
        means["U8"] -= 0.1  # complaint handling is usually the lowest
        for (weak_unit, unsur), mean in WEAK.items():
            if weak_unit == code:
                means[unsur] = mean
        week = _HOSPITAL_WEEK if unit.kind in _ROUND_THE_CLOCK else _OFFICE_WEEK
        plans.append(_UnitPlan(unit, means, week))
    return plans


def _busy(code: str, kind: str) -> float:
    return _BUSY_UNITS.get(code) or _BUSY_KINDS.get(kind, 0.8)


def _profile(rng: random.Random) -> dict:
    gender = "" if rng.random() < 0.05 else rng.choice((Gender.L, Gender.P))
    age = None if rng.random() < 0.08 else int(rng.triangular(17, 75, 34))
    if rng.random() < 0.07:
        education = ""
    elif age is not None and age < 22:
        education = rng.choices(*_EDUCATION)[0]
    else:
        education = rng.choices(*_EDUCATION_ALL)[0]
    if rng.random() < 0.07:
        occupation = ""
    elif age is not None and age < 23 and rng.random() < 0.7:
        occupation = Occupation.PELAJAR
    else:
        occupation = rng.choices(*_OCCUPATION)[0]
    return {
        "gender": str(gender),
        "age": age,
        "education": str(education),
        "occupation": str(occupation),
    }


def _suggestion(rng: random.Random, scores: dict[str, int]) -> str:
    low = [u for u in UNSUR if scores[u] <= 2]
    if low and rng.random() < 0.3:
        return rng.choice(_SUGGESTIONS[rng.choice(low)])
    if rng.random() < 0.05:
        return rng.choice(_SUGGESTIONS[""])
    return ""


def _impact_tables(ctx: DemoContext, plan: _UnitPlan, tables: dict[str, list[float]]):
    """Return [(from, tables)] of the unit's score tables from each applied date on."""
    changes = sorted(
        (ctx.days_ago(i.days_ago), i.unsur, i.change)
        for i in IMPACTS.values()
        if i.unit == plan.unit.code
    )
    out, current = [], dict(tables)
    for day, unsur, change in changes:
        current = {**current, unsur: _score_table(plan.means[unsur] + change)}
        out.append((day, current))
    return out


def generate_responses(ctx: DemoContext, target: int) -> list[Response]:
    """Return ``target`` unsaved responses over the two years that end yesterday."""
    rng = ctx.rng("surveys")
    first = ctx.days_ago(HISTORY_DAYS)
    days = [first + timedelta(days=i) for i in range(HISTORY_DAYS)]
    plans = _plans(ctx, rng)
    services: dict[int, list] = {}
    for layanan in ctx.layanan.values():
        if layanan.active:
            services.setdefault(layanan.unit_id, []).append(layanan)
    plans = [p for p in plans if p.unit.pk in services]
    per_unit = Counter(
        rng.choices(
            range(len(plans)),
            cum_weights=_cumulative(_busy(p.unit.code, p.unit.kind) for p in plans),
            k=target,
        )
    )
    tz = timezone.get_current_timezone()
    rows = []
    for index, plan in enumerate(plans):
        unit = plan.unit
        layanan = services[unit.pk]
        layanan_cw = _cumulative(rng.uniform(0.3, 3.0) for _ in layanan)
        day_cw = _cumulative(plan.week[d.weekday()] for d in days)
        n = per_unit.get(index, 0)
        chosen_days = rng.choices(days, cum_weights=day_cw, k=n)
        chosen_services = rng.choices(layanan, cum_weights=layanan_cw, k=n)
        tables = {u: _score_table(m) for u, m in plan.means.items()}
        moved = _impact_tables(ctx, plan, tables)
        for day, service in zip(chosen_days, chosen_services, strict=True):
            after = [t for since, t in moved if day >= since]
            if after:
                scores = {u: _draw(rng, after[-1][u]) for u in UNSUR}
            elif unit.code == IMPROVING:
                progress = (day - first).days / (HISTORY_DAYS - 1)
                mean = _IMPROVING_FROM + (_IMPROVING_TO - _IMPROVING_FROM) * progress
                table = _score_table(mean)
                scores = {u: _draw(rng, table) for u in UNSUR}
            else:
                scores = {u: _draw(rng, tables[u]) for u in UNSUR}
            hour = rng.randint(0, 23) if unit.kind in _ROUND_THE_CLOCK else None
            if hour is None:
                hour = rng.choice((8, 8, 9, 9, 9, 10, 10, 10, 11, 11, 13, 14, 15))
            submitted = datetime.combine(day, time(hour, rng.randint(0, 59)), tz)
            rows.append(
                Response(
                    pemda_id=unit.pemda_id,
                    unit_id=unit.pk,
                    layanan_id=service.pk,
                    channel=rng.choices(*_CHANNELS)[0].value,
                    service_date=day,
                    submitted_at=submitted,
                    idempotency_key=uuid.UUID(int=rng.getrandbits(128)),
                    suggestion=_suggestion(rng, scores),
                    **_profile(rng),
                    **{u.lower(): s for u, s in scores.items()},
                )
            )
    rows.sort(key=lambda r: r.submitted_at)
    return rows


def rollups(responses, opd_of_unit: dict[int, int]):
    """Return the DailyCount, MonthlyCount and DailyProfileCount rows of ``responses``.

    The rows ``services.rollup_add`` builds one response at a time, derived from the
    same declaration (``prima.surveys.rollups``) and summed in memory, as column values.
    """
    rows = summed_values(responses, opd_of_unit)
    return rows[DailyCount], rows[MonthlyCount], rows[DailyProfileCount]


def create_responses(ctx: DemoContext) -> None:
    """Create the responses and their daily, monthly and profile rollups."""
    target = getattr(settings, "PRIMA_DEMO_SURVEY_RESPONSES", DEFAULT_RESPONSES)
    responses = generate_responses(ctx, target)
    bulk.insert_objects(Response, responses)
    opd_of_unit = {unit.pk: unit.opd_id for unit in ctx.units.values()}
    daily, monthly, profile = rollups(responses, opd_of_unit)
    bulk.insert_values(DailyCount, daily)
    bulk.insert_values(MonthlyCount, monthly)
    bulk.insert_values(DailyProfileCount, profile)
    ctx.survey_responses = responses  # for the populations and RTL step
    ctx.count("survey responses", len(responses))


def _unit_counts(responses, unit_id: int, start: date, end: date):
    rows = [
        [getattr(r, u.lower()) for u in UNSUR]
        for r in responses
        if r.unit_id == unit_id and start <= r.service_date <= end
    ]
    return ikm.counts_from_rows(rows) if rows else None


def create_survey_setup(ctx: DemoContext) -> None:
    """Set the survey period, declare populations and record last triwulan's RTL."""
    rng = ctx.rng("survey-setup")
    SurveySettings.objects.create(pemda=ctx.pemda, period_kind=PeriodKind.TRIWULAN)
    yesterday = ctx.days_ago(1)
    current = period_containing(yesterday, PeriodKind.TRIWULAN)
    last = previous(current)
    responses = getattr(ctx, "survey_responses", [])
    per_unit_period = Counter(
        (r.unit_id, last.start if r.service_date < current.start else current.start)
        for r in responses
        if r.service_date >= last.start
    )
    populations = []
    for code, unit in ctx.units.items():
        for period in (last, current):
            n = per_unit_period.get((unit.pk, period.start), 0)
            # Busy units survey a fair share of their users; quiet units survey
            # few of theirs, so they fall below the Krejcie–Morgan sample.
            factor = rng.uniform(8, 20) if _busy(code, unit.kind) < 1 else 4.0
            populations.append(
                Population(
                    pemda=ctx.pemda,
                    unit=unit,
                    period_start=period.start,
                    period_end=period.end,
                    population=max(30, int(n * factor * rng.uniform(0.9, 1.3))),
                    declared_by=ctx.editor_for(unit),
                )
            )
    Population.objects.bulk_create(populations)

    follow_ups = []
    statuses = [FollowUp.Status.DONE, FollowUp.Status.IN_PROGRESS]
    weak_units = sorted({code for code, _ in WEAK} | {IMPROVING})
    for code in weak_units:
        unit = ctx.units[code]
        counts = _unit_counts(responses, unit.pk, last.start, last.end)
        if counts is None:
            continue
        result = ikm.compute(counts)
        for unsur in result.weak_by_nrr:
            status = statuses[len(follow_ups) % 2]
            due = last.end + timedelta(days=rng.choice((30, 45, 60)))
            done = min(due - timedelta(days=rng.randint(0, 20)), yesterday)
            follow_ups.append(
                FollowUp(
                    pemda=ctx.pemda,
                    unit=unit,
                    period_start=last.start,
                    period_end=last.end,
                    unsur=unsur.value,
                    action=_ACTIONS.get(unsur.value, _ACTION_DEFAULT),
                    due_on=due,
                    responsible=ctx.unit_heads[code][1],
                    status=status,
                    completed_on=done if status == FollowUp.Status.DONE else None,
                    note="" if status == FollowUp.Status.DONE else "Sedang berjalan.",
                    created_by=ctx.editor_for(unit),
                )
            )
    FollowUp.objects.bulk_create(follow_ups)
    ctx.count("RTL items", len(follow_ups))


def delete_surveys(pemda: Pemda) -> None:
    """Delete the Pemda's survey rows; responses PROTECT its units and services."""
    rows = (
        FollowUp,
        Population,
        DailyProfileCount,
        MonthlyCount,
        DailyCount,
        Response,
    )
    for model in rows:
        model.objects.filter(pemda=pemda).delete()
    SurveySettings.objects.filter(pemda=pemda).delete()
