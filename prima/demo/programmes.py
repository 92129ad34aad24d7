"""Demo step: the capacity-building programmes of Kota Prima Raya.

**A finished workshop.** The Bagian Organisasi ran a three-month Workshop Inovasi
Pelayanan Publik in 2025, opened after the SKM showed the weak unsur: 29 staff of ten
units, nominated by their OPD administrators and accepted by the Pemda administrator,
worked in ten unit teams under three mentors through eight sessions (attendance
taken), a diagnosis, an innovation draft put to the coaching clinic and an action
plan whose reports went through review rounds. Two of its innovations are the
registry's applied ones whose measured impact the demo SKM shows (Disdukcapil's SIAP
ANTRE and Puskesmas Pelabuhan's waiting room, ``prima.demo.surveys.IMPACTS``). Its
benchmarking visit to Kota Surabaya recorded two innovations into the replication
library, one of which Disdukcapil copies. The programme is closed and its
certificates issued (one since revoked); one team's plan was never accepted.

**A diklat in progress.** 40 kecamatan and kelurahan staff in ten teams, three weeks
into six: three sessions behind them with attendance, one today from 08.00 to 16.00
(so the check-in QR code works during a demo), the mentor's three teams walking the
path with a review round. Kecamatan Sukamaju prepares a sosialisasi of its own.

Everything goes through the programmes' services; only the timestamps the services
set to "now" are moved back to the dates of the finished workshop.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from prima.demo import city
from prima.demo.context import DemoContext
from prima.demo.innovations import IMPACT_KEY
from prima.innovations import services as innovation_services
from prima.innovations.models import SECTIONS, Innovation
from prima.organisations.models import Pemda
from prima.programmes import (
    benchmark_services,
    certificate_services,
    path_selectors,
    services,
)
from prima.programmes import path_services as paths
from prima.programmes.models import (
    Attendance,
    AttendanceStatus,
    BenchmarkVisit,
    Certificate,
    ClinicReview,
    Closure,
    Institution,
    Kind,
    Material,
    Milestone,
    MilestoneReport,
    Participant,
    PassMark,
    PlanScore,
    Programme,
    ProposalVersion,
    TeamDesign,
    TeamDiagnosis,
)

# Cumulative shares of hadir, terlambat, izin; the rest is tidak hadir.
ATTENDANCE = ((0.8, AttendanceStatus.HADIR), (0.89, AttendanceStatus.TERLAMBAT))
EXCUSES = ("Dinas luar", "Sakit", "Cuti")
# (what, weeks after the diagnosis, evidence expected)
MILESTONES = (
    ("Uji coba layanan baru di satu loket", 3, "Foto dan rekap uji coba"),
    ("Sosialisasi kepada masyarakat", 6, "Daftar hadir dan materi sosialisasi"),
)
ADVICE = {
    "kebaruan": "Jelaskan apa yang berbeda dari layanan sebelumnya.",
    "efektif": "Tampilkan keluaran uji coba dengan angka.",
    "bermanfaat": "Kaitkan manfaatnya dengan unsur SKM yang lemah.",
    "mudah_disebarkan": "Susun panduan singkat agar unit lain dapat meniru.",
    "berkelanjutan": "Sebutkan anggaran dan SK penetapan tahun depan.",
}


def _at(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def create_programmes(ctx: DemoContext) -> None:
    """Create the finished workshop, the diklat in progress and the planned
    sosialisasi."""
    _finished_workshop(ctx)
    _diklat_in_progress(ctx)
    services.programme_create(
        pemda=ctx.pemda,
        organiser_opd=ctx.opds["KEC-SKM"],
        by=ctx.users["admin.kec-sukamaju"],
        kind=Kind.SOSIALISASI,
        title="Sosialisasi Maklumat Pelayanan Kecamatan Sukamaju",
        starts_on=ctx.today + timedelta(days=14),
        ends_on=ctx.today + timedelta(days=14),
        venue="Kantor Kecamatan Sukamaju",
        target_opds=[ctx.opds["KEC-SKM"]],
    )
    ctx.count("programmes", 3)


def delete_programmes(pemda: Pemda) -> None:
    """Delete the Pemda's programmes before its units (teams protect them)."""
    Programme.objects.filter(pemda=pemda).delete()


# People ---------------------------------------------------------------------------


def _nominate_and_accept(ctx: DemoContext, programme, units: tuple[str, ...]):
    """The staff of ``units`` (operators first), each nominated by their OPD's
    administrator (else the Pemda's) and accepted; return them per unit."""
    admins = {s.opd: s.username for s in city.USERS if s.role == "admin_opd"}
    staff = [s for s in city.USERS + city.STAFF if s.role == "operator_unit"]
    by_unit = {}
    for code in units:
        unit = ctx.units[code]
        nominator = ctx.users[admins.get(unit.opd.code, "admin.pemda")]
        by_unit[code] = []
        for spec in (s for s in staff if s.unit == code):
            participant = services.participant_nominate(
                programme=programme, user=ctx.users[spec.username], by=nominator
            )
            services.participant_decide(
                participant, by=ctx.users["admin.pemda"], accept=True
            )
            by_unit[code].append(participant)
    return by_unit


def _teams(ctx: DemoContext, programme, by_unit, mentors: tuple[str, ...]) -> list:
    """One team per unit, in order; ``mentors[i]`` coaches the i-th team."""
    teams = []
    for (code, members), mentor in zip(by_unit.items(), mentors, strict=True):
        team = services.team_create(
            programme=programme,
            name=f"Tim {ctx.units[code].name}",
            unit=ctx.units[code],
        )
        for participant in members:
            participant.refresh_from_db()
            services.team_member_set(participant, team=team)
        services.team_assign_mentor(team, mentor=ctx.users[mentor])
        teams.append(team)
    return teams


def _sessions(ctx, programme, specs, *, starts_on, facilitators, participants, rng):
    """Create the sessions ``specs`` (title, method, day, facilitator index or None,
    hours) with a material each, and the attendance of those already over."""
    admin = ctx.users["admin.pemda"]
    made = []
    for title, method, day, facilitator, hours in specs:
        date = starts_on + timedelta(days=day)
        session = services.session_save(
            programme=programme,
            title=title,
            method=method,
            starts_at=_at(date, hours[0]),
            ends_at=_at(date, hours[1]),
            place=programme.venue,
            facilitator=None if facilitator is None else facilitators[facilitator],
        )
        if method != "benchmark":
            services.material_add(
                session,
                by=admin,
                title=f"Bahan tayang: {title}",
                link=f"https://{city.EMAIL_DOMAIN}/materi/{programme.pk}-{day}",
            )
        if date < ctx.today:
            services.attendance_record(
                session, by=admin, rows=[_mark(rng, p) for p in participants]
            )
        made.append(session)
    return made


def _mark(rng, participant):
    draw = rng.random()
    for bound, status in ATTENDANCE:
        if draw < bound:
            return participant, status, ""
    if draw < 0.97:
        return participant, AttendanceStatus.IZIN, rng.choice(EXCUSES)
    return participant, AttendanceStatus.TIDAK_HADIR, ""


def _facilitators(programme) -> list:
    return [
        services.facilitator_add(
            programme, name="Dr. Anita Rahman, M.Si.", institution=Institution.LAN
        ),
        services.facilitator_add(
            programme,
            name="Prof. Dr. Siti Maharani, M.Si.",
            institution=Institution.UNIVERSITY,
            institution_name="Universitas Prima Raya",
        ),
        services.facilitator_add(
            programme,
            name="Dr. Fajar Ramadhan, M.AP.",
            institution=Institution.OWN_STAFF,
        ),
    ]


# The participant's path -----------------------------------------------------------


def _diagnose(team, member, *, on: date, prefer: tuple[str, ...] = ()) -> None:
    """The team's diagnosis on day ``on``: the weak unsur it prefers when they are
    weak, else the two weakest."""
    weak = path_selectors.diagnosis_facts(team, today=on).weak_codes
    chosen = [code for code in prefer if code in weak] or list(weak[:2])
    paths.diagnosis_save(
        team,
        by=member,
        problem_statement=f"Masyarakat mengeluhkan layanan di {team.unit}: "
        "waktu tunggu lama dan informasi persyaratan kurang jelas.",
        root_causes="Antrean manual; jadwal dan persyaratan layanan tidak diumumkan.",
        unsur=chosen,
        today=on,
    )


def _draft(team, member) -> Innovation:
    innovation = paths.design_start(
        team, by=member, title=f"Antrean daring {team.unit}", sector="tata_kelola"
    )
    return paths.proposal_save(
        innovation,
        by=member,
        title=innovation.title,
        sections={
            "ringkasan": "Warga mengambil nomor antrean dari ponsel.",
            "kebaruan": "Pertama di unit ini.",
        },
    )


def _plan(team, member, mentor, *, first_due: date, finish: bool) -> None:
    """Two milestones; the first report goes back for a revision, then is accepted;
    the second is accepted when ``finish``, else awaits review."""
    first, second = (
        paths.milestone_add(
            team,
            title=title,
            due_on=first_due + timedelta(weeks=weeks - MILESTONES[0][1]),
            evidence_expected=evidence,
            responsible=str(member),
        )
        for title, weeks, evidence in MILESTONES
    )
    link = f"https://{city.EMAIL_DOMAIN}/bukti/{team.pk}"
    report = paths.report_submit(first, by=member, text="Uji coba.", link=link)
    paths.report_review(
        report, by=mentor, accept=False, comment="Lampirkan rekap per hari."
    )
    report = paths.report_submit(
        first, by=member, text="Rekap harian terlampir.", link=f"{link}/rekap"
    )
    paths.report_review(report, by=mentor, accept=True)
    report = paths.report_submit(second, by=member, text="Sosialisasi.", link=link)
    if finish:
        paths.report_review(report, by=mentor, accept=True)


def _clinic(team, member, mentor) -> None:
    version = paths.version_submit(team, by=member)
    paths.clinic_review(version, by=mentor, advice=ADVICE)


# The finished workshop ------------------------------------------------------------

WORKSHOP_STARTED_DAYS_AGO = 470
WORKSHOP_DAYS = 91
WORKSHOP_UNITS = (
    "DKC-KTR", "PKM-06", "PTSP-FO", "PKM-03", "PKM-01",
    "RSUD-UTAMA", "DISHUB-PKB", "LABKESDA", "BPD-KTR", "KOMINFO-KTR",
)  # fmt: skip
WORKSHOP_MENTORS = ("mentor",) * 4 + ("mentor.lan",) * 3 + ("mentor.upr",) * 3
# Teams whose design is an innovation of the registry, applied since (its key).
WORKSHOP_BORN = {"DKC-KTR": IMPACT_KEY, "PKM-06": "pkm06-ruang-tunggu"}
# The team whose last report was never reviewed: its plan is not accepted.
WORKSHOP_UNFINISHED = "KOMINFO-KTR"
# (title, method, day, facilitator index or None, hours)
WORKSHOP_SESSIONS = (
    ("Pembukaan: konsep pelayanan publik dan inovasi", "materi", 0, 0, (9, 12)),
    ("Praktik baik inovasi pelayanan", "studi_kasus", 7, 1, (9, 12)),
    ("Diagnosis dari unsur SKM terlemah dan pengaduan", "diskusi", 14, 0, (9, 12)),
    ("Desain inovasi dan klinik proposal", "coaching", 28, 2, (9, 15)),
    ("Rencana aksi per tim", "mentoring", 35, 2, (9, 12)),
    ("Kunjungan benchmark ke Kota Surabaya", "benchmark", 56, None, (8, 17)),
    ("Review rencana aksi", "mentoring", 70, 2, (9, 12)),
    ("Presentasi hasil dan penutupan", "materi", 90, 1, (9, 12)),
)
BENCHMARK_DAY = 56


def _finished_workshop(ctx: DemoContext) -> None:
    admin = ctx.users["admin.pemda"]
    starts_on = ctx.days_ago(WORKSHOP_STARTED_DAYS_AGO)
    ends_on = starts_on + timedelta(days=WORKSHOP_DAYS - 1)
    workshop = services.programme_create(
        pemda=ctx.pemda,
        organiser_opd=None,
        by=admin,
        kind=Kind.WORKSHOP,
        title=f"Workshop Inovasi Pelayanan Publik {starts_on.year}",
        description=(
            "Tindak lanjut SKM: unit dengan unsur terlemah merancang inovasi bersama"
            " mentor, dari diagnosis sampai rencana aksi."
        ),
        starts_on=starts_on,
        ends_on=ends_on,
        venue="Aula Bappeda Kota Prima Raya",
        attendance_threshold=80,
        late_after_minutes=15,
    )
    by_unit = _nominate_and_accept(ctx, workshop, WORKSHOP_UNITS)
    participants = [p for members in by_unit.values() for p in members]
    teams = _teams(ctx, workshop, by_unit, WORKSHOP_MENTORS)
    sessions = _sessions(
        ctx,
        workshop,
        WORKSHOP_SESSIONS,
        starts_on=starts_on,
        facilitators=_facilitators(workshop),
        participants=participants,
        rng=ctx.rng("programme-workshop"),
    )
    for code, team in zip(WORKSHOP_UNITS, teams, strict=True):
        member = by_unit[code][0].user
        mentor = ctx.users[WORKSHOP_MENTORS[teams.index(team)]]
        if code in WORKSHOP_BORN:
            innovation = ctx.innovations[WORKSHOP_BORN[code]]
            _diagnose(
                team,
                member,
                on=starts_on + timedelta(days=14),
                prefer=tuple(innovation.target_codes()),
            )
            # The registry step wrote this innovation's whole history (applied,
            # measured); the workshop is where it was designed.
            TeamDesign.objects.create(
                team=team, innovation=innovation, created_by=member
            )
        else:
            _diagnose(team, member, on=starts_on + timedelta(days=14))
            _draft(team, member)
        _clinic(team, member, mentor)
        _plan(
            team,
            member,
            mentor,
            first_due=starts_on + timedelta(days=49),
            finish=code != WORKSHOP_UNFINISHED,
        )
    _workshop_visit(ctx, workshop, participants, starts_on + timedelta(BENCHMARK_DAY))
    _score_plans(ctx, workshop, teams)
    passed = [
        row.participant
        for row in certificate_services.eligibility_rows(workshop)
        if row.meets_threshold and row.plan_accepted
    ]
    certificate_services.programme_close(workshop, by=admin, passed=passed)
    issued = certificate_services.certificates_issue(workshop, by=admin, today=ends_on)
    certificate_services.certificate_revoke(
        issued[-1],
        by=admin,
        reason="Nama pada sertifikat salah; diterbitkan ulang setelah diperbaiki.",
    )
    _backdate_workshop(workshop, sessions, starts_on, ends_on)


PLAN_NOTES = (
    "Tonggak jelas dan terukur; bukti lengkap.",
    "Rencana realistis; perkuat anggaran tahun depan.",
    "Bukti uji coba meyakinkan; sosialisasi perlu menjangkau kelurahan.",
)


def _score_plans(ctx: DemoContext, workshop, teams) -> None:
    """The final review scores every accepted plan (the unfinished one has none)."""
    rng = ctx.rng("programme-plan-scores")
    for team in teams:
        if team.unit.code == WORKSHOP_UNFINISHED:
            continue
        certificate_services.plan_score_save(
            team,
            by=ctx.users["admin.pemda"],
            score=rng.randint(72, 92),
            note=rng.choice(PLAN_NOTES),
        )


def _workshop_visit(ctx: DemoContext, workshop, participants, visited_on: date):
    """The benchmarking visit to Kota Surabaya: two innovations observed and
    recorded into the library; Disdukcapil copies one of them."""
    admin = ctx.users["admin.pemda"]
    visit = benchmark_services.visit_save(
        programme=workshop,
        by=admin,
        host_region="Kota Surabaya",
        visited_on=visited_on,
        participants=participants[:6],
        notes="Kunjungan ke Mal Pelayanan Publik Siola dan Kelurahan Ketabang.",
    )
    for title, agency, sector, seen, opd, copy, adapt in OBSERVED:
        observation = benchmark_services.observation_add(
            visit,
            by=admin,
            title=title,
            origin_agency=agency,
            sector=sector,
            observed=seen,
            adopting_opd=ctx.opds[opd] if opd else None,
            copy_what=copy,
            adapt_how=adapt,
        )
        if opd is None:
            continue
        # The Pemda administrator completed the record in the library, published
        # it, and Disdukcapil's replication draft was started from the visit.
        innovation = observation.innovation
        for name in SECTIONS[innovation.group]:
            if not getattr(innovation, name):
                setattr(innovation, name, LIBRARY_TEXT)
        innovation.save()
        innovation_services.innovation_publish(innovation, by=admin)
        benchmark_services.observation_replicate(observation, by=admin)


def _backdate_workshop(workshop, sessions, starts_on: date, ends_on: date) -> None:
    """Move the workshop's "now" timestamps back to the days they belong to."""
    Participant.objects.filter(programme=workshop).update(
        nominated_at=_at(starts_on - timedelta(days=14), 10),
        decided_at=_at(starts_on - timedelta(days=7), 10),
    )
    for session in sessions:
        Attendance.objects.filter(session=session).update(recorded_at=session.ends_at)
        Material.objects.filter(session=session).update(
            created_at=session.starts_at - timedelta(days=1)
        )
    teams = workshop.teams.all()
    TeamDiagnosis.objects.filter(team__in=teams).update(
        updated_at=_at(starts_on + timedelta(days=14), 14)
    )
    designed = TeamDesign.objects.filter(team__in=teams)
    designed.update(created_at=_at(starts_on + timedelta(days=21), 10))
    Innovation.objects.filter(
        pk__in=designed.values("innovation"), status="draft"
    ).update(
        created_at=_at(starts_on + timedelta(days=21), 10),
        updated_at=_at(starts_on + timedelta(days=28), 10),
    )
    ProposalVersion.objects.filter(team__in=teams).update(
        submitted_at=_at(starts_on + timedelta(days=27), 16)
    )
    ClinicReview.objects.filter(version__team__in=teams).update(
        created_at=_at(starts_on + timedelta(days=28), 14)
    )
    Milestone.objects.filter(team__in=teams).update(
        created_at=_at(starts_on + timedelta(days=35), 11)
    )
    for report in MilestoneReport.objects.filter(milestone__team__in=teams):
        due = report.milestone.due_on + timedelta(days=report.round - 2)
        MilestoneReport.objects.filter(pk=report.pk).update(
            reported_at=_at(due, 10),
            reviewed_at=_at(due + timedelta(days=2), 15)
            if report.reviewed_at
            else None,
        )
    visit_moment = _at(starts_on + timedelta(days=BENCHMARK_DAY + 1), 9)
    BenchmarkVisit.objects.filter(programme=workshop).update(created_at=visit_moment)
    closed = _at(ends_on, 15)
    Closure.objects.filter(programme=workshop).update(closed_at=closed)
    PassMark.objects.filter(participant__programme=workshop).update(marked_at=closed)
    PlanScore.objects.filter(team__programme=workshop).update(scored_at=closed)
    Certificate.objects.filter(programme=workshop).update(
        issued_at=closed + timedelta(hours=1)
    )
    Certificate.objects.filter(programme=workshop, revoked_at__isnull=False).update(
        revoked_at=closed + timedelta(days=30)
    )


# The diklat in progress -------------------------------------------------------------

DIKLAT_STARTED_DAYS_AGO = 21
DIKLAT_DAYS = 42
DIKLAT_UNITS = (
    "KEC-SKM", "KEL-SKM1", "KEC-PRK", "KEL-PRK1", "KEC-TJH",
    "KEL-TJH1", "KEC-BKI", "KEL-BKI1", "KEC-SGJ", "KEL-SGJ1",
)  # fmt: skip
DIKLAT_MENTORS = ("mentor",) * 3 + ("mentor.lan",) * 4 + ("mentor.upr",) * 3
# (title, method, day, facilitator index or None, hours): the diklat's walk from
# best practice to benchmarking; the session of day 21 is today's.
DIKLAT_SESSIONS = (
    ("Praktik baik inovasi pelayanan", "materi", 0, 0, (8, 12)),
    ("Diagnosis inovasi dari SKM dan pengaduan", "studi_kasus", 7, 1, (8, 12)),
    ("Desain inovasi", "diskusi", 14, 1, (8, 12)),
    ("Klinik rencana aksi", "coaching", 21, 2, (8, 16)),
    ("Review rencana aksi", "mentoring", 28, 2, (8, 12)),
    ("Kunjungan benchmark ke Kabupaten Banyuwangi", "benchmark", 35, None, (7, 17)),
)


def _diklat_in_progress(ctx: DemoContext) -> None:
    admin = ctx.users["admin.pemda"]
    starts_on = ctx.days_ago(DIKLAT_STARTED_DAYS_AGO)
    diklat = services.programme_create(
        pemda=ctx.pemda,
        organiser_opd=None,
        by=admin,
        kind=Kind.DIKLAT,
        title="Diklat Inovasi Pelayanan Kecamatan dan Kelurahan",
        description="Dari praktik baik, diagnosis dan desain sampai rencana aksi,"
        " reviu dan kunjungan benchmark.",
        starts_on=starts_on,
        ends_on=starts_on + timedelta(days=DIKLAT_DAYS - 1),
        venue="BPSDM Kota Prima Raya",
        attendance_threshold=75,
        late_after_minutes=15,
        target_opds=sorted(
            {ctx.units[code].opd for code in DIKLAT_UNITS}, key=lambda o: o.code
        ),
    )
    by_unit = _nominate_and_accept(ctx, diklat, DIKLAT_UNITS)
    teams = _teams(ctx, diklat, by_unit, DIKLAT_MENTORS)
    _sessions(
        ctx,
        diklat,
        DIKLAT_SESSIONS,
        starts_on=starts_on,
        facilitators=_facilitators(diklat),
        participants=[p for members in by_unit.values() for p in members],
        rng=ctx.rng("programme-diklat"),
    )
    mentor = ctx.users["mentor"]
    for code, team in zip(DIKLAT_UNITS, teams, strict=True):
        member = by_unit[code][0].user
        _diagnose(team, member, on=ctx.today)
        if team.mentor_id != mentor.pk:
            continue
        _draft(team, member)
        _clinic(team, member, mentor)
        _plan(team, member, mentor, first_due=ctx.today, finish=False)


# (title, agency, sector, what was observed, adopting OPD code, copy, adapt)
OBSERVED = (
    (
        "Klampid New Generation",
        "Dispendukcapil Kota Surabaya",
        "adminduk",
        "Warga mengajukan akta dan KK dari kelurahan secara daring; dokumen"
        " dicetak sendiri dengan kertas HVS dan TTE.",
        "DISDUKCAPIL",
        "Pengajuan dokumen kependudukan daring dari kantor kelurahan.",
        "Dimulai di dua kecamatan; verifikasi berkas oleh petugas kecamatan.",
    ),
    (
        "Surabaya Single Window",
        "DPMPTSP Kota Surabaya",
        "perizinan",
        "Satu portal perizinan dengan pelacakan status permohonan.",
        None,
        "",
        "",
    ),
)
LIBRARY_TEXT = "Dicatat dari kunjungan benchmark Workshop Inovasi Pelayanan Publik."
