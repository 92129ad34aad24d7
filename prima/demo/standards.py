"""Demo steps that build the Standar Pelayanan versions and each unit's Maklumat.

Most services get a complete, published standard set with citizens and reviewed this
year; ``city.STANDARD_CASES`` and ``city.CASE_WEIGHTS`` decide which services show the
other cases (incomplete, review overdue, draft only, none, two versions, a revision
in draft, awaiting the OPD administrator's approval, or returned by it). Every
published version was approved by its OPD's administrator with a decree of its own,
and the approval steps are recorded as the service would have.
Dates are counted back from ``context.today`` so "overdue" keeps meaning overdue.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from prima.demo import city
from prima.demo.context import DemoContext
from prima.organisations.models import Layanan
from prima.standards.models import (
    ApprovalEvent,
    Maklumat,
    Participant,
    PublicationMedium,
    StandardReview,
    StandarPelayanan,
)

_CLEAN = {"validate_unique": False, "validate_constraints": False}
Status = StandarPelayanan.Status
Action = ApprovalEvent.Action
RETURN_COMMENTS = (
    "Jangka waktu pada prosedur belum sama dengan komponen jangka waktu; mohon "
    "diselaraskan sebelum ditetapkan.",
    "Lampirkan hasil Forum Konsultasi Publik dan sebutkan dasar hukum biaya yang "
    "terbaru.",
)

MANUFACTURING_FIELDS = (
    "dasar_hukum",
    "sarana_prasarana",
    "kompetensi_pelaksana",
    "pengawasan_internal",
    "jumlah_pelaksana",
    "jaminan_pelayanan",
    "jaminan_keamanan",
    "evaluasi_kinerja",
)
DURATION_WORDS = {
    "menit": "menit",
    "jam": "jam",
    "hari": "hari",
    "hari_kerja": "hari kerja",
}
PARTICIPANT_WORDS = {
    Participant.PENGGUNA: "pengguna layanan",
    Participant.AHLI: "akademisi",
    Participant.INSTANSI: "instansi terkait",
    Participant.OMS: "organisasi masyarakat sipil",
    Participant.MEDIA: "media",
}
CONSULTATION_INPUTS = (
    "penambahan kanal pendaftaran daring",
    "penghapusan persyaratan fotokopi yang tidak diperlukan",
    "kepastian jangka waktu penyelesaian",
    "loket prioritas bagi lansia, ibu hamil dan penyandang disabilitas",
    "informasi biaya yang lebih jelas pada papan pengumuman",
    "pemberitahuan status permohonan melalui WhatsApp",
)
JAMINAN_KEAMANAN = (
    "Data pribadi pengguna layanan dijaga kerahasiaannya sesuai Undang-Undang Nomor "
    "27 Tahun 2022 tentang Pelindungan Data Pribadi; dokumen dilengkapi tanda tangan "
    "elektronik atau kode QR untuk mencegah pemalsuan; ruang pelayanan dilengkapi "
    "APAR, CCTV dan jalur evakuasi."
)
EVALUASI_KINERJA = (
    "Kinerja pelaksana dievaluasi setiap bulan oleh atasan langsung berdasarkan "
    "sasaran kinerja pegawai; hasil Survei Kepuasan Masyarakat setiap semester dan "
    "rekap pengaduan menjadi bahan perbaikan layanan."
)
OLD_REQUIREMENT = "Fotokopi seluruh dokumen dilegalisasi, masing-masing 2 rangkap"
NEW_STEP = (
    "Pemohon dapat memantau status permohonan melalui aplikasi Prima Raya Melayani."
)


@dataclass(frozen=True)
class _Lifecycle:
    """The dates of one published version."""

    drafted_on: date | None
    decree_date: date
    reviewed_on: date | None


@dataclass(frozen=True)
class _Return:
    """When a draft was submitted and returned, and the administrator's comment."""

    submitted: datetime
    returned: datetime
    comment: str


def create_standards(ctx: DemoContext) -> None:
    rng = ctx.rng("standards")
    cases = list(city.CASE_WEIGHTS)
    weights = list(city.CASE_WEIGHTS.values())
    decree_numbers: dict[str, int] = {}
    returns: dict[str, _Return] = {}
    rows: list[StandarPelayanan] = []
    for code, layanan in ctx.layanan.items():
        case = city.STANDARD_CASES.get(code) or rng.choices(cases, weights)[0]
        rows.extend(_versions(ctx, rng, layanan, case, decree_numbers, returns))
    for row in rows:
        row.full_clean(**_CLEAN)
        row.refresh_derived()
    StandarPelayanan.objects.bulk_create(rows)
    reviews = [
        StandardReview(
            standard=row,
            reviewed_on=row.reviewed_on,
            note="Standar pelayanan ditinjau bersama pengguna layanan; tidak ada "
            "perubahan komponen.",
            recorded_by=row.published_by,
        )
        for row in rows
        if row.reviewed_on and row.decree_date and row.reviewed_on > row.decree_date
    ]
    StandardReview.objects.bulk_create(reviews)
    ApprovalEvent.objects.bulk_create(_approval_events(ctx, rng, rows, returns))
    ctx.count("standards", len(rows))


def _approver_for(ctx: DemoContext, unit) -> object:
    """Return the demo user who approves the unit's standards: its OPD's
    administrator, else the Pemda's."""
    by_opd = {s.opd: s.username for s in city.USERS if s.role == "admin_opd"}
    return ctx.users.get(by_opd.get(unit.opd.code, "admin.pemda"))


def _approval_events(
    ctx: DemoContext,
    rng: random.Random,
    rows: list[StandarPelayanan],
    returns: dict[str, _Return],
) -> list[ApprovalEvent]:
    """Return the approval audit of the saved ``rows``: every set version was
    submitted by its editor and approved with its decree; drafts that wait or were
    returned show those steps."""
    events = []
    for row in rows:
        if row.published_at is not None:
            submitted = row.published_at - timedelta(days=rng.randint(2, 9))
            events.append(_event(row, Action.SUBMITTED, row.created_by, submitted))
            events.append(
                _event(
                    row,
                    Action.APPROVED,
                    row.published_by,
                    row.published_at,
                    decree_number=row.decree_number,
                )
            )
        elif row.submitted_at is not None:
            events.append(
                _event(row, Action.SUBMITTED, row.submitted_by, row.submitted_at)
            )
        elif row.layanan.code in returns:
            back = returns[row.layanan.code]
            approver = _approver_for(ctx, row.layanan.unit)
            events.append(_event(row, Action.SUBMITTED, row.created_by, back.submitted))
            events.append(
                _event(row, Action.RETURNED, approver, back.returned, back.comment)
            )
    return events


def _event(row, action, by, at, comment: str = "", decree_number: str = ""):
    return ApprovalEvent(
        standard=row,
        action=action,
        by=by,
        at=at,
        comment=comment,
        decree_number=decree_number,
    )


def _versions(
    ctx: DemoContext,
    rng: random.Random,
    layanan: Layanan,
    case: str,
    decree_numbers: dict[str, int],
    returns: dict[str, _Return],
) -> list[StandarPelayanan]:
    """Return the versions of one service's standard that show ``case``."""
    if case == city.NO_STANDARD:
        return []

    def published(version: int, life: _Lifecycle, **changes) -> StandarPelayanan:
        standard = _standard(ctx, rng, layanan, version=version, **changes)
        _publish(ctx, rng, standard, life, decree_numbers)
        return standard

    if case == city.DRAFT_ONLY:
        draft = _standard(ctx, rng, layanan, version=1)
        if rng.random() < 0.5:
            _blank_some(rng, draft, MANUFACTURING_FIELDS, 2, 5)
        else:
            _consult(rng, draft, ctx.days_ago(rng.randint(5, 40)))
        return [draft]
    if case == city.VERSIONED:
        old = published(1, _life(ctx, rng, 760, 1100, overdue=True), older=True)
        old.status = Status.SUPERSEDED
        return [old, published(2, _life(ctx, rng, 20, 200))]
    if case in (city.REVISING, city.AWAITING, city.RETURNED):
        current = published(1, _life(ctx, rng, 200, 330))
        revision = _standard(ctx, rng, layanan, version=2, revised=True)
        _consult(rng, revision, ctx.days_ago(rng.randint(5, 20)))
        if case == city.AWAITING:
            revision.submitted_at = _at(ctx.days_ago(rng.randint(1, 4)), rng)
            revision.submitted_by = revision.created_by
        elif case == city.RETURNED:
            returns[layanan.code] = _Return(
                _at(ctx.days_ago(rng.randint(5, 8)), rng),
                _at(ctx.days_ago(rng.randint(1, 4)), rng),
                rng.choice(RETURN_COMMENTS),
            )
        return [current, revision]
    if case == city.OVERDUE:
        return [published(1, _life(ctx, rng, 420, 1000, overdue=True))]
    standard = published(1, _life(ctx, rng, 30, 700))
    if case == city.INCOMPLETE:
        _blank_some(rng, standard, MANUFACTURING_FIELDS, 2, 4)
    elif case == city.NO_PARTICIPATION:
        standard.drafted_on = None
        standard.drafting_participants = []
        standard.drafting_minutes = ""
    return [standard]


def _standard(
    ctx: DemoContext,
    rng: random.Random,
    layanan: Layanan,
    *,
    version: int,
    older: bool = False,
    revised: bool = False,
) -> StandarPelayanan:
    """Return an unsaved draft with all 14 components of the service's kind.

    ``older`` makes the content of a superseded version (one more requirement, twice
    the service time); ``revised`` that of a revision (one more procedure step).
    """
    kind = ctx.layanan_kinds[layanan.code]
    domain = city.DOMAINS[kind.domain]
    unit = layanan.unit
    head, position = ctx.unit_heads[unit.code]
    requirements = kind.requirements + ((OLD_REQUIREMENT,) if older else ())
    steps = kind.steps + ((NEW_STEP,) if revised else ())
    value, duration_unit = kind.duration
    if older:
        value *= 2
    legal = dict.fromkeys((city.UU_PELAYANAN_PUBLIK, *domain.legal, city.PERMENPAN_SP))
    staff = rng.randint(2, 6) + (6 if unit.kind in {"rumah_sakit", "puskesmas"} else 0)
    editor = ctx.editor_for(unit)
    return StandarPelayanan(
        pemda=ctx.pemda,
        layanan=layanan,
        version=version,
        status=Status.DRAFT,
        persyaratan="\n".join(requirements),
        prosedur="\n".join(steps),
        jangka_waktu_value=value,
        jangka_waktu_unit=duration_unit,
        biaya_tarif=Decimal(kind.tariff),
        biaya_dasar_hukum=kind.tariff_basis if kind.tariff else domain.free_basis,
        produk=kind.product,
        penanganan_pengaduan="\n".join(
            (
                f"Meja pengaduan dan kotak saran di {unit.name}",
                f"Telepon/WhatsApp {unit.phone}",
                f"Surel {unit.email}",
                "SP4N-LAPOR! di www.lapor.go.id atau SMS 1708",
            )
        ),
        # Units that answer complaints faster than the usual 14 working days say so.
        pengaduan_answer_days=rng.choice((None, None, 5, 7, 10)),
        dasar_hukum="\n".join(legal),
        sarana_prasarana=domain.facilities,
        kompetensi_pelaksana=domain.competence,
        pengawasan_internal=(
            f"Pengawasan melekat oleh atasan langsung dan {position}; supervisi "
            "berkala oleh pimpinan perangkat daerah; pemeriksaan oleh Inspektorat "
            "Daerah Kota Prima Raya dalam kerangka SPIP."
        ),
        jumlah_pelaksana=staff,
        jaminan_pelayanan=(
            f"{unit.name} menjamin layanan {kind.name} diselesaikan paling lama "
            f"{value} {DURATION_WORDS[duration_unit]} sesuai standar ini dan Maklumat "
            "Pelayanan; bila tidak, pengguna layanan berhak menyampaikan pengaduan "
            "dan memperoleh kompensasi sesuai ketentuan."
        ),
        jaminan_keamanan=JAMINAN_KEAMANAN,
        evaluasi_kinerja=EVALUASI_KINERJA,
        created_by=editor,
    )


def _life(
    ctx: DemoContext, rng: random.Random, least: int, most: int, overdue: bool = False
) -> _Lifecycle:
    """Return dates of a version set between ``least`` and ``most`` days ago.

    A version set more than a year ago was reviewed since, within the last year,
    unless ``overdue``: then its last review is also more than 13 months old.
    """
    age = rng.randint(least, most)
    decree = ctx.days_ago(age)
    drafted = decree - timedelta(days=rng.randint(14, 60))
    if overdue:
        reviewed = decree + timedelta(days=rng.randint(0, max(0, age - 400)))
    elif age > 330:
        reviewed = ctx.days_ago(rng.randint(15, 330))
    else:
        reviewed = decree
    return _Lifecycle(drafted, decree, reviewed)


def _consult(rng: random.Random, standard: StandarPelayanan, day: date) -> None:
    """Record a Forum Konsultasi Publik held on ``day``."""
    others = [p for p in Participant.values if p != Participant.PENGGUNA]
    chosen = {Participant.PENGGUNA.value, *rng.sample(others, rng.randint(1, 4))}
    participants = [p for p in Participant.values if p in chosen]
    words = [PARTICIPANT_WORDS[Participant(p)] for p in participants]
    listed = " dan ".join(
        [", ".join(words[:-1]), words[-1]] if len(words) > 1 else words
    )
    standard.drafted_on = day
    standard.drafting_participants = participants
    standard.drafting_minutes = (
        f"Forum Konsultasi Publik {standard.layanan.name} pada {day:%d-%m-%Y} dihadiri "
        f"{rng.randint(12, 40)} peserta dari unsur {listed}. Masukan utama: "
        f"{rng.choice(CONSULTATION_INPUTS)}."
    )


def _publish(
    ctx: DemoContext,
    rng: random.Random,
    standard: StandarPelayanan,
    life: _Lifecycle,
    decree_numbers: dict[str, int],
) -> None:
    """Set, publish and date the version as its unit head would have."""
    unit = standard.layanan.unit
    opd = unit.opd
    head, position = ctx.unit_heads[unit.code]
    decree_numbers[opd.code] = decree_numbers.get(opd.code, 0) + 1
    if life.drafted_on:
        _consult(rng, standard, life.drafted_on)
    others = [m for m in PublicationMedium.values if m != PublicationMedium.PAPAN]
    media = {PublicationMedium.PAPAN.value, *rng.sample(others, rng.randint(1, 4))}
    published_on = life.decree_date + timedelta(days=rng.randint(1, 7))
    standard.status = Status.PUBLISHED
    standard.decree_number = (
        f"188.4/{decree_numbers[opd.code]:03d}/{opd.code}/{life.decree_date.year}"
    )
    standard.decree_date = life.decree_date
    standard.decree_signatory = f"{head} ({position})"[:150]
    standard.publication_media = [m for m in PublicationMedium.values if m in media]
    standard.reviewed_on = life.reviewed_on
    standard.published_at = _at(min(published_on, ctx.today), rng)
    # The OPD's administrator approved the version with its decree (penetapan).
    standard.published_by = _approver_for(ctx, unit)


def _at(day: date, rng: random.Random) -> datetime:
    """Return a moment of the office morning of ``day``."""
    return timezone.make_aware(
        datetime.combine(day, time(rng.randint(8, 11), rng.randint(0, 59)))
    )


def _blank_some(
    rng: random.Random,
    standard: StandarPelayanan,
    fields: tuple[str, ...],
    least: int,
    most: int,
) -> None:
    for name in rng.sample(fields, rng.randint(least, most)):
        setattr(standard, name, None if name == "jumlah_pelaksana" else "")


def create_maklumat(ctx: DemoContext) -> None:
    """Create a Maklumat for most units; a few are not signed yet, a few are missing."""
    rng = ctx.rng("maklumat")
    rows = []
    for code, unit in ctx.units.items():
        if code in city.MAKLUMAT_MISSING:
            continue
        maklumat = Maklumat(pemda=ctx.pemda, unit=unit)
        if code not in city.MAKLUMAT_UNSIGNED:
            head, position = ctx.unit_heads[code]
            maklumat.signatory_name = head
            maklumat.signatory_position = position
            maklumat.signed_on = ctx.days_ago(rng.randint(20, 600))
            maklumat.published_printed = True
            maklumat.published_electronic = rng.random() < 0.75
        maklumat.updated_by = ctx.editor_for(unit)
        maklumat.full_clean(**_CLEAN)
        rows.append(maklumat)
    Maklumat.objects.bulk_create(rows)
    ctx.count("maklumat", len(rows))
