"""Demo step: a capacity-building workshop of Kota Prima Raya, halfway through.

The Bagian Organisasi runs a three-month Workshop Inovasi Pelayanan Publik opened
after the SKM showed the weak unsur: the OPD administrators nominated their unit
operators, the Pemda administrator accepted them, each works in a team of their
unit (the mentor coaches three teams), five sessions are behind them with their
attendance, one runs today from 08.00 to 16.00 (so the check-in QR code works
during a demo), and the benchmarking visit is still ahead. Kecamatan Sukamaju
prepares a diklat of its own. An earlier diklat is over (``_finished_diklat``): it
was closed, its certificates issued (one since revoked), and its benchmarking visit
to Kota Surabaya recorded two innovations into the replication library, one of which
Disdukcapil copies. Everything goes through the programmes' services.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.utils import timezone

from prima.demo import city
from prima.demo.context import DemoContext
from prima.innovations import services as innovation_services
from prima.innovations.models import SECTIONS
from prima.organisations.models import Pemda
from prima.programmes import (
    benchmark_services,
    certificate_services,
    path_selectors,
    services,
)
from prima.programmes import path_services as paths
from prima.programmes.models import AttendanceStatus, Institution, Kind, Programme

# (title, method, day of the programme, facilitator index or None)
SESSIONS = (
    ("Pembukaan: konsep pelayanan publik dan inovasi", "materi", 0, 0),
    ("Praktik baik inovasi pelayanan", "studi_kasus", 7, 1),
    ("Diagnosis inovasi dari unsur SKM terlemah dan pengaduan", "diskusi", 14, 0),
    ("Desain inovasi dan rencana aksi", "coaching", 28, 2),
    ("Review rencana aksi per tim", "mentoring", 35, 2),
)
STARTED_DAYS_AGO = 42
LENGTH_DAYS = 91
# Cumulative shares of hadir, terlambat, izin; the rest is tidak hadir.
ATTENDANCE = ((0.84, AttendanceStatus.HADIR), (0.92, AttendanceStatus.TERLAMBAT))
EXCUSES = ("Dinas luar", "Sakit", "Cuti")


def _at(day, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def create_programmes(ctx: DemoContext) -> None:
    """Create the workshop with its people, sessions and attendance, and the diklat."""
    admin = ctx.users["admin.pemda"]
    starts_on = ctx.days_ago(STARTED_DAYS_AGO)
    workshop = services.programme_create(
        pemda=ctx.pemda,
        organiser_opd=None,
        by=admin,
        kind=Kind.WORKSHOP,
        title="Workshop Inovasi Pelayanan Publik 2026",
        description=(
            "Tindak lanjut SKM: unit dengan unsur terlemah merancang inovasi bersama"
            " mentor, dari diagnosis sampai rencana aksi."
        ),
        starts_on=starts_on,
        ends_on=starts_on + timedelta(days=LENGTH_DAYS),
        venue="Aula Bappeda Kota Prima Raya",
        attendance_threshold=80,
        late_after_minutes=15,
    )
    facilitators = [
        services.facilitator_add(
            workshop, name="Dr. Anita Rahman, M.Si.", institution=Institution.LAN
        ),
        services.facilitator_add(
            workshop,
            name="Prof. Dr. Siti Maharani, M.Si.",
            institution=Institution.UNIVERSITY,
            institution_name="Universitas Prima Raya",
        ),
        services.facilitator_add(
            workshop,
            name="Dr. Fajar Ramadhan, M.AP.",
            institution=Institution.OWN_STAFF,
        ),
    ]
    participants = _nominate_and_accept(ctx, workshop)
    _paths(ctx, _teams(ctx, workshop, participants))
    rng = ctx.rng("programme-attendance")
    for title, method, day, facilitator in SESSIONS:
        date = starts_on + timedelta(days=day)
        session = services.session_save(
            programme=workshop,
            title=title,
            method=method,
            starts_at=_at(date, 9),
            ends_at=_at(date, 12),
            place="Aula Bappeda",
            facilitator=facilitators[facilitator],
        )
        services.material_add(
            session,
            by=admin,
            title=f"Bahan tayang: {title}",
            link=f"https://{city.EMAIL_DOMAIN}/materi/workshop-{day}",
        )
        services.attendance_record(
            session, by=admin, rows=[_mark(rng, p) for p in participants]
        )
    services.session_save(
        programme=workshop,
        title="Klinik rencana aksi",
        method="coaching",
        starts_at=_at(ctx.today, 8),
        ends_at=_at(ctx.today, 16),
        place="Ruang Rapat Bagian Organisasi",
        facilitator=facilitators[2],
    )
    benchmark_day = ctx.today + timedelta(days=21)
    services.session_save(
        programme=workshop,
        title="Kunjungan benchmark ke Kota Surabaya",
        method="benchmark",
        starts_at=_at(benchmark_day, 8),
        ends_at=_at(benchmark_day, 17),
        place="Mal Pelayanan Publik Siola, Surabaya",
    )
    services.programme_create(
        pemda=ctx.pemda,
        organiser_opd=ctx.opds["KEC-SKM"],
        by=ctx.users["admin.kec-sukamaju"],
        kind=Kind.DIKLAT,
        title="Diklat Pelayanan Prima Kecamatan dan Kelurahan",
        starts_on=ctx.today + timedelta(days=14),
        ends_on=ctx.today + timedelta(days=18),
        venue="Kantor Kecamatan Sukamaju",
        target_opds=[ctx.opds["KEC-SKM"]],
    )
    _finished_diklat(ctx)
    ctx.count("programmes", 3)


def _nominate_and_accept(ctx: DemoContext, programme):
    """Each operator is nominated by their OPD's administrator (else the Pemda's)."""
    admins = {s.opd: s.username for s in city.USERS if s.role == "admin_opd"}
    participants = []
    for spec in city.USERS:
        if spec.role != "operator_unit":
            continue
        unit = ctx.units[spec.unit]
        nominator = ctx.users[admins.get(unit.opd.code, "admin.pemda")]
        participant = services.participant_nominate(
            programme=programme, user=ctx.users[spec.username], by=nominator
        )
        services.participant_decide(
            participant, by=ctx.users["admin.pemda"], accept=True
        )
        participants.append(participant)
    return participants


def _teams(ctx: DemoContext, programme, participants) -> list:
    """One team per unit; the mentor coaches the first three (returned)."""
    mentored = []
    for number, participant in enumerate(participants):
        team = services.team_create(
            programme=programme,
            name=f"Tim {participant.unit.code}",
            unit=participant.unit,
        )
        participant.refresh_from_db()
        services.team_member_set(participant, team=team)
        if number < 3:
            services.team_assign_mentor(team, mentor=ctx.users["mentor"])
            mentored.append(team)
    return mentored


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


def _paths(ctx: DemoContext, teams) -> None:
    """Each mentored team: a diagnosis, an innovation draft put once to the clinic
    with the mentor's advice, and an action plan whose first milestone went back
    for a revision before it was accepted, the second awaiting review."""
    mentor = ctx.users["mentor"]
    for team in teams:
        member = team.members.select_related("user").first().user
        weak = path_selectors.diagnosis_facts(team, today=ctx.today).weak_codes
        paths.diagnosis_save(
            team,
            by=member,
            problem_statement=f"Waktu tunggu di {team.unit} dikeluhkan masyarakat.",
            root_causes="Antrean manual; jadwal layanan tidak diumumkan.",
            unsur=weak[:2],
            today=ctx.today,
        )
        innovation = paths.design_start(
            team, by=member, title=f"Antrean daring {team.unit}", sector="tata_kelola"
        )
        paths.proposal_save(
            innovation,
            by=member,
            title=innovation.title,
            sections={
                "ringkasan": "Warga mengambil nomor antrean dari ponsel.",
                "kebaruan": "Pertama di unit ini.",
            },
        )
        version = paths.version_submit(team, by=member)
        paths.clinic_review(version, by=mentor, advice=ADVICE)
        first, second = (
            paths.milestone_add(
                team,
                title=title,
                due_on=ctx.days_ago(STARTED_DAYS_AGO - 28) + timedelta(weeks=weeks),
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
        paths.report_submit(second, by=member, text="Sosialisasi.", link=link)


def _mark(rng, participant):
    draw = rng.random()
    for bound, status in ATTENDANCE:
        if draw < bound:
            return participant, status, ""
    if draw < 0.97:
        return participant, AttendanceStatus.IZIN, rng.choice(EXCUSES)
    return participant, AttendanceStatus.TIDAK_HADIR, ""


def delete_programmes(pemda: Pemda) -> None:
    """Delete the Pemda's programmes before its units (teams protect them)."""
    Programme.objects.filter(pemda=pemda).delete()


# An earlier diklat, finished: closing, certificates, benchmarking -----------------

DIKLAT_SESSIONS = (
    ("Konsep pelayanan publik dan inovasi", "materi", 0),
    ("Diagnosis dan desain inovasi", "diskusi", 1),
    ("Kunjungan benchmark ke Kota Surabaya", "benchmark", 2),
    ("Rencana aksi dan reviu", "coaching", 3),
)
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
LIBRARY_TEXT = "Dicatat dari kunjungan benchmark Diklat Inovasi Pelayanan Angkatan I."


def _finished_diklat(ctx: DemoContext) -> None:
    """A four-day diklat held four months ago: attendance, closing with pass marks,
    certificates (one revoked), and its benchmarking visit."""
    admin = ctx.users["admin.pemda"]
    starts_on = ctx.days_ago(120)
    diklat = services.programme_create(
        pemda=ctx.pemda,
        organiser_opd=None,
        by=admin,
        kind=Kind.DIKLAT,
        title="Diklat Inovasi Pelayanan Angkatan I 2026",
        starts_on=starts_on,
        ends_on=starts_on + timedelta(days=3),
        venue="BPSDM Kota Prima Raya",
        attendance_threshold=75,
    )
    participants = _nominate_and_accept(ctx, diklat)
    benchmark_day = starts_on
    for title, method, day in DIKLAT_SESSIONS:
        date = starts_on + timedelta(days=day)
        benchmark_day = date if method == "benchmark" else benchmark_day
        session = services.session_save(
            programme=diklat,
            title=title,
            method=method,
            starts_at=_at(date, 8),
            ends_at=_at(date, 15),
            place="BPSDM Kota Prima Raya",
        )
        # The second participant missed two days: below the threshold.
        services.attendance_record(
            session,
            by=admin,
            rows=[
                (p, AttendanceStatus.IZIN if n == 1 and day < 2 else "hadir", "")
                for n, p in enumerate(participants)
            ],
        )
    # The last participant's action plan was not finished: not passed.
    certificate_services.programme_close(diklat, by=admin, passed=participants[:-1])
    issued = certificate_services.certificates_issue(diklat, by=admin)
    certificate_services.certificate_revoke(
        issued[-1],
        by=admin,
        reason="Nama pada sertifikat salah; diterbitkan ulang setelah diperbaiki.",
    )
    visit = benchmark_services.visit_save(
        programme=diklat,
        by=admin,
        host_region="Kota Surabaya",
        visited_on=benchmark_day,
        participants=participants[:3],
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
