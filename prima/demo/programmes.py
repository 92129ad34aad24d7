"""Demo step: a capacity-building workshop of Kota Prima Raya, halfway through.

The Bagian Organisasi runs a three-month Workshop Inovasi Pelayanan Publik opened
after the SKM showed the weak unsur: the OPD administrators nominated their unit
operators, the Pemda administrator accepted them, each works in a team of their
unit (the mentor coaches three teams), five sessions are behind them with their
attendance, one runs today from 08.00 to 16.00 (so the check-in QR code works
during a demo), and the benchmarking visit is still ahead. Kecamatan Sukamaju
prepares a diklat of its own. Everything goes through ``prima.programmes.services``.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.utils import timezone

from prima.demo import city
from prima.demo.context import DemoContext
from prima.organisations.models import Pemda
from prima.programmes import path_selectors, services
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
    ctx.count("programmes", 2)


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
