"""Demo step: a year of complaints (pengaduan) for Kota Prima Raya.

The Pemda's holidays of 2025–2026 (national holidays and cuti bersama after the SKB
3 Menteri), then about ``settings.PRIMA_DEMO_COMPLAINTS`` (default 1 500) cases
received over the year that ends yesterday. Deadlines come from the real working-day
rules (``prima.complaints.sla``) with those holidays and the services' published
standards. Most cases are verified within 1–3 working days and answered in time;
some are late, rejected (with a reason; "not our authority" names where the case
went) or re-opened; ratings are mostly 3–4. About twenty open cases are overdue now,
a few of them escalated (level 1 to the OPD administrator, level 2 to the Pemda
administrator after five more working days).

Cases still open today never planned a late step, so the only overdue ones are the
deliberately stuck cases. Rows are built in memory and inserted with
``bulk_create``: one ``Case`` and one ``CaseEvent`` per step.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.utils import timezone

from prima.complaints import sla
from prima.complaints.models import (
    Case,
    CaseEvent,
    Holiday,
    Kind,
    Privacy,
    RejectReason,
    Status,
)
from prima.complaints.services import CODE_ALPHABET, CODE_LENGTH
from prima.demo.context import DemoContext
from prima.organisations.models import Layanan, Pemda
from prima.standards.models import StandarPelayanan

DEFAULT_CASES = 1_500
BATCH = 1_000
# Open cases stuck past a deadline, per 1 500 cases.
STUCK_PER_1500 = 20

HOLIDAYS: tuple[tuple[str, str], ...] = (
    ("2025-01-01", "Tahun Baru 2025 Masehi"),
    ("2025-01-27", "Isra Mikraj Nabi Muhammad SAW"),
    ("2025-01-28", "Cuti bersama Tahun Baru Imlek"),
    ("2025-01-29", "Tahun Baru Imlek 2576 Kongzili"),
    ("2025-03-28", "Cuti bersama Hari Suci Nyepi"),
    ("2025-03-29", "Hari Suci Nyepi Tahun Baru Saka 1947"),
    ("2025-03-31", "Idulfitri 1446 Hijriah"),
    ("2025-04-01", "Idulfitri 1446 Hijriah"),
    ("2025-04-02", "Cuti bersama Idulfitri"),
    ("2025-04-03", "Cuti bersama Idulfitri"),
    ("2025-04-04", "Cuti bersama Idulfitri"),
    ("2025-04-07", "Cuti bersama Idulfitri"),
    ("2025-04-18", "Wafat Yesus Kristus"),
    ("2025-04-20", "Kebangkitan Yesus Kristus (Paskah)"),
    ("2025-05-01", "Hari Buruh Internasional"),
    ("2025-05-12", "Hari Raya Waisak 2569 BE"),
    ("2025-05-13", "Cuti bersama Hari Raya Waisak"),
    ("2025-05-29", "Kenaikan Yesus Kristus"),
    ("2025-05-30", "Cuti bersama Kenaikan Yesus Kristus"),
    ("2025-06-01", "Hari Lahir Pancasila"),
    ("2025-06-06", "Iduladha 1446 Hijriah"),
    ("2025-06-09", "Cuti bersama Iduladha"),
    ("2025-06-27", "Tahun Baru Islam 1447 Hijriah"),
    ("2025-08-17", "Hari Proklamasi Kemerdekaan RI"),
    ("2025-08-18", "Cuti bersama Hari Kemerdekaan RI"),
    ("2025-09-05", "Maulid Nabi Muhammad SAW"),
    ("2025-12-25", "Hari Raya Natal"),
    ("2025-12-26", "Cuti bersama Hari Raya Natal"),
    ("2026-01-01", "Tahun Baru 2026 Masehi"),
    ("2026-01-16", "Isra Mikraj Nabi Muhammad SAW"),
    ("2026-02-16", "Cuti bersama Tahun Baru Imlek"),
    ("2026-02-17", "Tahun Baru Imlek 2577 Kongzili"),
    ("2026-03-18", "Cuti bersama Hari Suci Nyepi"),
    ("2026-03-19", "Hari Suci Nyepi Tahun Baru Saka 1948"),
    ("2026-03-20", "Idulfitri 1447 Hijriah"),
    ("2026-03-21", "Idulfitri 1447 Hijriah"),
    ("2026-03-23", "Cuti bersama Idulfitri"),
    ("2026-03-24", "Cuti bersama Idulfitri"),
    ("2026-04-03", "Wafat Yesus Kristus"),
    ("2026-04-05", "Kebangkitan Yesus Kristus (Paskah)"),
    ("2026-05-01", "Hari Buruh Internasional"),
    ("2026-05-14", "Kenaikan Yesus Kristus"),
    ("2026-05-15", "Cuti bersama Kenaikan Yesus Kristus"),
    ("2026-05-27", "Iduladha 1447 Hijriah"),
    ("2026-05-28", "Cuti bersama Iduladha"),
    ("2026-05-31", "Hari Raya Waisak 2570 BE"),
    ("2026-06-01", "Hari Lahir Pancasila"),
    ("2026-06-16", "Tahun Baru Islam 1448 Hijriah"),
    ("2026-08-17", "Hari Proklamasi Kemerdekaan RI"),
    ("2026-08-25", "Maulid Nabi Muhammad SAW"),
    ("2026-12-24", "Cuti bersama Hari Raya Natal"),
    ("2026-12-25", "Hari Raya Natal"),
)

_KINDS = (
    [Kind.PENGADUAN, Kind.SARAN, Kind.INFORMASI, Kind.APRESIASI],
    [55, 20, 15, 10],
)
_PRIVACY = ([Privacy.OPEN, Privacy.CONFIDENTIAL, Privacy.ANONYMOUS], [75, 15, 10])
_VERIFY_DAYS = ([0, 1, 2, 3], [10, 38, 32, 20])
_RATINGS = ([4, 3, 2, 1], [45, 38, 12, 5])
_REJECT = (
    [RejectReason.UNCLEAR, RejectReason.NOT_OUR_AUTHORITY, RejectReason.DUPLICATE],
    [40, 40, 20],
)
_FORWARDED = (
    "Kantor Pertanahan Kota Prima Raya (BPN)",
    "Samsat Kota Prima Raya (Bapenda Provinsi)",
    "PT PLN (Persero) UP3 Prima Raya",
    "Kantor Pelayanan Pajak Pratama Prima Raya",
    "BPJS Kesehatan Kantor Cabang Prima Raya",
)
_SUBJECTS = {
    Kind.PENGADUAN: (
        "Antrean terlalu lama",
        "Dokumen belum selesai melewati janji waktu",
        "Petugas tidak ada di loket pada jam layanan",
        "Diminta biaya di luar tarif resmi",
        "Persyaratan berbeda dengan yang diumumkan",
        "Ruang tunggu panas dan kotor",
        "Permohonan daring tidak diproses",
    ),
    Kind.SARAN: (
        "Usul antrean daring",
        "Mohon jam layanan diperpanjang pada hari Sabtu",
        "Usul papan informasi persyaratan",
        "Sediakan kursi prioritas bagi lansia",
    ),
    Kind.INFORMASI: (
        "Persyaratan pengurusan dokumen",
        "Jadwal layanan keliling",
        "Biaya dan lama proses layanan",
    ),
    Kind.APRESIASI: (
        "Terima kasih atas pelayanan yang cepat",
        "Petugas sangat membantu",
    ),
}
_DESCRIPTION = (
    "Saya datang pada {day} dan mengalami hal ini. Mohon ditindaklanjuti. Terima kasih."
)
_FIRST_RESPONSE = "Pengaduan Anda kami terima dan sedang kami periksa bersama petugas."
_ANSWERS = (
    "Terima kasih atas laporannya. Kami telah menegur petugas dan menambah loket "
    "pada jam sibuk.",
    "Dokumen Anda sudah selesai dan dapat diambil di loket dengan membawa tanda "
    "terima.",
    "Persyaratan yang berlaku telah kami umumkan ulang di loket dan laman resmi.",
    "Saran Anda kami terima dan akan dibahas dalam rencana tindak lanjut triwulan ini.",
    "Informasi yang Anda minta: persyaratan dan biaya tercantum pada Standar "
    "Pelayanan di laman layanan.",
)
_REOPEN = "Masalahnya belum selesai, mohon dicek kembali."
_REJECT_NOTES = {
    RejectReason.UNCLEAR: "Laporan belum memuat lokasi, waktu dan layanan yang "
    "dimaksud. Silakan kirim laporan baru yang lebih lengkap.",
    RejectReason.NOT_OUR_AUTHORITY: "Hal ini bukan kewenangan Pemerintah Kota Prima "
    "Raya; laporan Anda kami teruskan kepada instansi yang berwenang.",
    RejectReason.DUPLICATE: "Laporan yang sama telah kami terima dan sedang ditangani.",
}
_NAMES = (
    "Budi Santoso",
    "Siti Aminah",
    "Agus Prasetyo",
    "Dewi Lestari",
    "Rudi Hartono",
    "Nur Halimah",
    "Andi Saputra",
    "Yuni Kartika",
)


def _cases_wanted() -> int:
    return int(getattr(settings, "PRIMA_DEMO_COMPLAINTS", DEFAULT_CASES))


def tracking_code(rng: random.Random) -> str:
    """Return a tracking code of the same form as ``services.new_tracking_code``."""
    raw = "".join(rng.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(["PRM", raw[:4], raw[4:8], raw[8:]])


def _working_days_before(day: date, days: int, holidays: Collection[date]) -> date:
    """Return the working day ``days`` working days before ``day``."""
    while days > 0 or not sla.is_working_day(day, holidays):
        day -= timedelta(days=1)
        if sla.is_working_day(day, holidays):
            days -= 1
    return day


@dataclass
class _Builder:
    """Build one case's row and events step by step, keeping times in order."""

    ctx: DemoContext
    rng: random.Random
    holidays: frozenset
    standard_days: dict[int, int]
    codes: set[str] = field(default_factory=set)
    cases: list[Case] = field(default_factory=list)
    events: list[list[CaseEvent]] = field(default_factory=list)

    def moment(self, day: date, after: datetime | None = None) -> datetime:
        """Return a moment in office hours of ``day``, later than ``after``."""
        tz = timezone.get_current_timezone()
        at = datetime.combine(day, time(8, 0), tzinfo=tz) + timedelta(
            minutes=self.rng.randrange(8 * 60)
        )
        if after is not None and at <= after:
            at = after + timedelta(minutes=self.rng.randrange(5, 90))
        return at

    def new_case(self, layanan: Layanan, received: datetime) -> Case:
        code = tracking_code(self.rng)
        while code in self.codes:
            code = tracking_code(self.rng)
        self.codes.add(code)
        kind = self.rng.choices(*_KINDS)[0]
        privacy = self.rng.choices(*_PRIVACY)[0]
        name = "" if privacy == Privacy.ANONYMOUS else self.rng.choice(_NAMES)
        day = timezone.localtime(received).date()
        case = Case(
            pemda=self.ctx.pemda,
            tracking_code=code,
            submission_key=uuid.UUID(int=self.rng.getrandbits(128), version=4),
            kind=kind,
            unit=layanan.unit,
            layanan=layanan,
            subject=self.rng.choice(_SUBJECTS[kind]),
            description=_DESCRIPTION.format(day=f"{day:%d-%m-%Y}"),
            privacy=privacy,
            contact_name=name,
            contact_email=(
                f"{name.split()[0].lower()}{self.rng.randrange(100)}@contoh.id"
                if name
                else ""
            ),
            status=Status.RECEIVED,
            received_at=received,
            verify_due=sla.verify_due(day, self.holidays),
        )
        self.cases.append(case)
        self.events.append(
            [CaseEvent(at=received, by_citizen=True, to_status=Status.RECEIVED)]
        )
        return case

    def step(self, case: Case, to_status: str, at: datetime, **extra) -> None:
        self.events[-1].append(
            CaseEvent(at=at, from_status=case.status, to_status=to_status, **extra)
        )
        case.status = to_status

    def assign(self, case: Case, at: datetime, actor) -> None:
        """Verify and assign at ``at``, with the deadlines ``case_assign`` sets."""
        day = timezone.localtime(at).date()
        self.step(case, Status.VERIFIED, at, actor=actor)
        case.verified_at = at
        self.step(case, Status.ASSIGNED, at + timedelta(minutes=2), actor=actor)
        case.assigned_at = at + timedelta(minutes=2)
        case.first_response_due = sla.first_response_due(day, self.holidays)
        case.answer_due = sla.answer_due(
            day, self.holidays, self.standard_days.get(case.layanan_id)
        )


def _working_day_after(start: date, days: int, holidays) -> date:
    return sla.add_working_days(start, days, holidays)


def _received_moment(ctx: DemoContext, rng: random.Random, holidays) -> datetime:
    """Return a receipt time in the past year, mostly on working days."""
    while True:
        day = ctx.today - timedelta(days=rng.randint(1, 365))
        if sla.is_working_day(day, holidays) or rng.random() < 0.15:
            break
    tz = timezone.get_current_timezone()
    minutes = rng.randrange(6 * 60, 22 * 60)
    return datetime.combine(day, time(0, 0), tzinfo=tz) + timedelta(minutes=minutes)


def _plan_and_build(b: _Builder, layanan: Layanan, actors: dict) -> None:
    """Build one ordinary case: late steps only when the case is over by today."""
    rng, hol, today = b.rng, b.holidays, b.ctx.today
    received = _received_moment(b.ctx, rng, hol)
    day = timezone.localtime(received).date()
    late_verify = rng.random() < 0.06
    late_answer = rng.random() < 0.14
    reopen = rng.random() < 0.07
    rejected = rng.random() < 0.08
    verify_days = rng.randint(4, 6) if late_verify else rng.choices(*_VERIFY_DAYS)[0]
    standard = b.standard_days.get(layanan.pk) or sla.DEFAULT_ANSWER_DAYS
    answer_days = (
        standard + rng.randint(1, 8)
        if late_answer
        else max(1, min(standard, round(rng.triangular(1, standard, standard * 0.4))))
    )
    # A plan still running today must not be late: overdue cases are made on purpose.
    horizon = _working_day_after(day, verify_days + answer_days + 14, hol)
    if horizon >= today and (late_verify or late_answer):
        verify_days = min(verify_days, 3)
        answer_days = min(answer_days, standard)
        late_verify = late_answer = False
    case = b.new_case(layanan, received)
    admin = actors["pemda"]
    verified_day = _working_day_after(day, verify_days, hol)
    if verified_day > today:
        return
    at = b.moment(verified_day, received)
    if rejected:
        reason = rng.choices(*_REJECT)[0]
        b.step(case, Status.REJECTED, at, actor=admin, note=_REJECT_NOTES[reason])
        case.reject_reason = reason
        case.forwarded_to = (
            rng.choice(_FORWARDED) if reason == RejectReason.NOT_OUR_AUTHORITY else ""
        )
        case.closed_at = at
        return
    b.assign(case, at, admin)
    unit_actor = actors.get(layanan.unit_id)
    assigned_day = verified_day
    response_day = _working_day_after(
        assigned_day, min(rng.randint(0, 3), answer_days), hol
    )
    if response_day > today:
        return
    at = b.moment(response_day, case.assigned_at)
    b.step(case, Status.IN_PROGRESS, at, actor=unit_actor, note=_FIRST_RESPONSE)
    case.first_response_at = at
    answered_day = _working_day_after(assigned_day, answer_days, hol)
    if answered_day > today:
        return
    at = b.moment(answered_day, at)
    answer = rng.choice(_ANSWERS)
    b.step(case, Status.ANSWERED, at, actor=unit_actor, note=answer)
    case.answer, case.answered_at = answer, at
    if reopen:
        reopen_day = _working_day_after(answered_day, rng.randint(1, 4), hol)
        again_day = _working_day_after(reopen_day, rng.randint(1, 4), hol)
        if again_day <= today:
            at = b.moment(reopen_day, at)
            b.step(case, Status.IN_PROGRESS, at, by_citizen=True, note=_REOPEN)
            case.reopen_count = 1
            at = b.moment(again_day, at)
            b.step(case, Status.ANSWERED, at, actor=unit_actor, note=answer)
            case.answered_at = at
    answered_day = timezone.localtime(case.answered_at).date()
    _close(b, case, answered_day)


def _close(b: _Builder, case: Case, answered_day: date) -> None:
    """Close by the citizen's rating, or automatically when re-opening has lapsed."""
    rng, today = b.rng, b.ctx.today
    last = sla.reopen_until(answered_day, b.holidays)
    if rng.random() < 0.62:
        rated_day = answered_day + timedelta(days=rng.randint(0, 6))
        if rated_day <= today:
            at = b.moment(rated_day, case.answered_at)
            b.step(case, Status.CLOSED, at, by_citizen=True)
            case.rating = rng.choices(*_RATINGS)[0]
            case.closed_at = at
            return
    if last < today:
        at = b.moment(last + timedelta(days=1), case.answered_at)
        b.step(case, Status.CLOSED, at, note="Ditutup otomatis.")
        case.closed_at = at


def _build_stuck(b: _Builder, layanan: Layanan, index: int, actors: dict) -> None:
    """Build an open case past a deadline; the first two are escalated (levels 1, 2)."""
    rng, hol, today = b.rng, b.holidays, b.ctx.today
    missed_by = {0: 2, 1: 9}.get(index, rng.randint(1, 12))
    scenario = index % 4
    span = {0: sla.VERIFY_DAYS, 1: sla.VERIFY_DAYS, 2: sla.FIRST_RESPONSE_DAYS}.get(
        scenario, b.standard_days.get(layanan.pk) or sla.DEFAULT_ANSWER_DAYS
    )
    start = _working_days_before(today, missed_by + span, hol)
    if scenario < 2:
        received = b.moment(start)
    else:
        received = b.moment(_working_days_before(start, 1, hol))
    case = b.new_case(layanan, received)
    if scenario == 1:
        at = b.moment(_working_day_after(start, 1, hol), received)
        b.step(case, Status.VERIFIED, at, actor=actors["pemda"])
        case.verified_at = at
    elif scenario >= 2:
        b.assign(case, b.moment(start, received), actors["pemda"])
    if scenario == 3:
        at = b.moment(_working_day_after(start, 2, hol), case.assigned_at)
        b.step(
            case,
            Status.IN_PROGRESS,
            at,
            actor=actors.get(layanan.unit_id),
            note=_FIRST_RESPONSE,
        )
        case.first_response_at = at
    deadline = {
        0: case.verify_due,
        1: case.verify_due,
        2: case.first_response_due,
        3: case.answer_due,
    }[scenario]
    if index < 2:
        case.escalation_level = 2 if today > sla.escalation_due(deadline, hol) else 1


def create_holidays(ctx: DemoContext) -> frozenset:
    Holiday.objects.bulk_create(
        Holiday(pemda=ctx.pemda, day=date.fromisoformat(day), name=name)
        for day, name in HOLIDAYS
    )
    ctx.count("holidays", len(HOLIDAYS))
    return frozenset(date.fromisoformat(day) for day, _ in HOLIDAYS)


def _standard_days(pemda: Pemda) -> dict[int, int]:
    """Return the complaint answer time (component 6) published standards promise."""
    rows = StandarPelayanan.objects.published().filter(
        layanan__pemda=pemda, pengaduan_answer_days__isnull=False
    )
    return dict(rows.values_list("layanan_id", "pengaduan_answer_days"))


def create_complaints(ctx: DemoContext) -> None:
    """Create the holidays and a year of cases with their events."""
    rng = ctx.rng("complaints")
    builder = _Builder(ctx, rng, create_holidays(ctx), _standard_days(ctx.pemda))
    services = sorted(ctx.layanan.values(), key=lambda layanan: layanan.code)
    actors = {"pemda": ctx.users.get("admin.pemda")}
    for unit in ctx.units.values():
        actors[unit.pk] = ctx.editor_for(unit)
    wanted = _cases_wanted()
    stuck = max(4, round(wanted * STUCK_PER_1500 / DEFAULT_CASES))
    for index in range(min(stuck, wanted)):
        _build_stuck(builder, rng.choice(services), index, actors)
    for _ in range(wanted - len(builder.cases)):
        _plan_and_build(builder, rng.choice(services), actors)
    Case.objects.bulk_create(builder.cases, batch_size=BATCH)
    events = []
    for case, steps in zip(builder.cases, builder.events, strict=True):
        for event in steps:
            event.case = case
            events.append(event)
    CaseEvent.objects.bulk_create(events, batch_size=BATCH)
    ctx.count("complaints", len(builder.cases))


def delete_complaints(pemda: Pemda) -> None:
    """Delete the Pemda's cases (and their events) and holidays before its units."""
    Case.objects.filter(pemda=pemda).delete()
    Holiday.objects.filter(pemda=pemda).delete()
