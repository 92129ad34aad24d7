"""Demo step: this year's innovation competition of Kota Prima Raya (KIPP practice).

Registration closed about eight months ago, administrative screening rejected two
proposals with reasons, three juri scored every proposal in both stages (Top 10, then
three winners), a resident objected to one shortlisted proposal during the public
objection window and the committee dismissed it, the stages were closed and the
results published, all through the competition services and ``judging`` so the demo
obeys the same rules as the pages. The entries are innovations of
``prima.demo.innovations``, which runs first.

Only the timestamps the services set to "now" are moved back to the dates the story
needs.
"""

from __future__ import annotations

import random
import uuid
from datetime import datetime, time, timedelta

from django.utils import timezone

from prima.competitions import judging, services
from prima.competitions.models import Call, Entry, RejectReason, Screening
from prima.competitions.scoring import CRITERIA
from prima.demo.context import DemoContext
from prima.innovations.models import Group
from prima.organisations.models import Pemda

# Entries of the competition, by innovation key; the two rejected at screening carry
# their reason and note.
CALL_ENTRIES = (
    "dkc-akta-rsud",
    "ptsp-pbg-kawal",
    "rsud-daftar-online",
    "dishub-kir-nontunai",
    "bkpsdm-pangkat",
    "disdik-peta-zonasi",
    "dinsos-cek-bansos",
    "naker-ak1",
    "perkim-pju",
    "dlh-bank-sampah",
    "kop-halal",
    "dag-tera-pasar",
    "dp3a-sapa",
    "kominfo-lapor",
    "damkar-lokasi",
    "pkm03-si-antre",
    "pkm08-si-antre",
    "dkc-dukling",
)
REJECTED = {
    "perkim-pju": (
        RejectReason.INCOMPLETE,
        "Bagian signifikansi tidak disertai bukti dukung data waktu perbaikan.",
    ),
    "damkar-lokasi": (
        RejectReason.MEANINGLESS,
        "Bagian adaptabilitas dan keberlanjutan hanya mengulang ringkasan.",
    ),
}
# (name, how many advance, public objection days): the Top 10 is open to public
# objection (uji publik) for five calendar days before the presentations.
CALL_STAGES = [
    ("Penilaian Proposal — Top 10", 10, 5),
    ("Presentasi dan Wawancara", 3, 0),
]
OBJECTION = (
    "Menurut saya inovasi ini belum berjalan di semua kelurahan seperti yang "
    "ditulis di proposal; di kelurahan kami layanannya belum pernah ada."
)
OBJECTION_ANSWER = (
    "Tim telah memverifikasi ke perangkat daerah dan meninjau lokasi: inovasi "
    "berjalan di kelurahan yang tercantum dalam proposal, dan perluasan ke kelurahan "
    "lain dijadwalkan tahun depan. Sanggahan tidak diterima."
)
CALL_CATEGORIES = [
    ("Inovasi Perangkat Daerah", Group.UMUM),
    ("Replikasi Inovasi", Group.REPLIKASI),
]
# Registration closed this many days ago.
DEADLINE_DAYS_AGO = 240
PANEL = (
    ("juri1", "Universitas Prima Raya"),
    ("juri2", "Praktisi transformasi digital"),
    ("juri3", "Forum Warga Peduli Pelayanan Publik"),
)

_JURI_COMMENTS = (
    "",
    "",
    "Data capaian kuat; perlu bukti dukung keberlanjutan anggaran.",
    "Mudah direplikasi, tetapi dampak bagi kelompok rentan belum diukur.",
    "Kebaruan cukup; tunjukkan perbandingan sebelum dan sesudah yang lebih rinci.",
    "Sangat relevan dengan keluhan warga; SOP perlu dilampirkan.",
)


def _deadline(ctx: DemoContext) -> datetime:
    day = ctx.days_ago(DEADLINE_DAYS_AGO)
    return datetime.combine(day, time(23, 59), timezone.get_current_timezone())


def _scores(rng: random.Random, quality: float, juri_bias: float) -> dict[str, int]:
    """Return one juri's integer scores around the proposal's quality."""
    return {
        c: max(1, min(10, round(quality + juri_bias + rng.gauss(0, 0.7))))
        for c in CRITERIA
    }


def _judge_stage(stage, entries, ctx, rng, quality, when: datetime) -> None:
    """Assign every panel juri to each entry of ``stage`` and submit their sheets."""
    admin = ctx.users["admin.pemda"]
    for index, entry in enumerate(entries):
        for seat, (username, _affiliation) in enumerate(PANEL):
            juri = ctx.users[username]
            assignment = services.assign_juri(
                entry, juri=juri, by=admin, stage=stage, now=when
            )
            judging.sheet_submit(
                assignment,
                scores=_scores(rng, quality[entry.pk], (seat - 1) * 0.4),
                by=juri,
                comment=rng.choice(_JURI_COMMENTS),
                now=when + timedelta(days=index % 9, hours=seat),
            )


def create_competition(ctx: DemoContext) -> None:
    """Run this year's competition from call to published results."""
    rng = ctx.rng("innovation-competition")
    admin = ctx.users["admin.pemda"]
    deadline = _deadline(ctx)
    opened = deadline - timedelta(days=60)
    call = services.call_create(
        pemda=ctx.pemda,
        by=admin,
        title=f"Kompetisi Inovasi Pelayanan Publik Kota Prima Raya {deadline.year}",
        year=deadline.year,
        deadline=deadline,
        description=(
            "Kompetisi tahunan inovasi pelayanan publik perangkat daerah Kota Prima "
            "Raya. Inovasi umum harus sudah diterapkan paling singkat dua tahun, "
            "replikasi satu tahun. Tiga inovasi terbaik diusulkan ke kompetisi "
            "tingkat nasional."
        ),
        categories=list(CALL_CATEGORIES),
        stages=list(CALL_STAGES),
    )
    for username, affiliation in PANEL:
        services.panel_add(
            call, juri=ctx.users[username], by=admin, affiliation=affiliation
        )
    services.call_open(call, by=admin, now=opened)

    categories = {c.group: c for c in call.categories.all()}
    entries = []
    for index, key in enumerate(CALL_ENTRIES):
        innovation = ctx.innovations[key]
        submitter = innovation.created_by or admin
        entries.append(
            judging.entry_submit(
                call=call,
                innovation=innovation,
                category=categories[innovation.group],
                by=submitter,
                now=deadline - timedelta(days=45 - 2 * index, hours=rng.randint(1, 9)),
            )
        )
    services.call_start_judging(call, by=admin, now=deadline + timedelta(days=1))

    keys = {entry.pk: key for entry, key in zip(entries, CALL_ENTRIES, strict=True)}
    for entry in entries:
        reason, note = REJECTED.get(keys[entry.pk], ("", ""))
        services.entry_screen(
            entry, by=admin, accept=not reason, reason=reason, note=note
        )
    quality = {entry.pk: rng.uniform(5.6, 8.7) for entry in entries}
    when = deadline + timedelta(days=7)
    for stage in call.stages_in_order():
        competing = list(stage.entries.filter(eliminated=False).order_by("pk"))
        _judge_stage(stage, competing, ctx, rng, quality, when)
        closed = when + timedelta(days=12)
        services.stage_close(stage, by=admin, now=closed)
        if stage.objection_days:
            _public_objection(stage, ctx, rng, closed)
        when += timedelta(days=21)
    services.results_publish(call, by=admin, now=when)
    _backdate_screening(call, deadline, rng)
    ctx.count("competition entries", len(entries))


def _public_objection(stage, ctx: DemoContext, rng: random.Random, closed) -> None:
    """A resident objects to one shortlisted entry; the committee dismisses it."""
    entry = rng.choice(list(stage.results.filter(advanced=True).order_by("rank")))
    objection, _created = services.objection_submit(
        entry=entry.entry,
        text=OBJECTION,
        name="Warga Kelurahan",
        submission_key=uuid.UUID(int=rng.getrandbits(128), version=4),
        now=closed + timedelta(days=2, hours=3),
    )
    services.objection_decide(
        objection,
        by=ctx.users["admin.pemda"],
        uphold=False,
        answer=OBJECTION_ANSWER,
        now=closed + timedelta(days=4, hours=5),
    )


def _backdate_screening(call: Call, deadline: datetime, rng: random.Random) -> None:
    """Date the screening in the days after registration closed, not today."""
    for entry in Entry.objects.filter(call=call).exclude(screening=Screening.PENDING):
        moment = deadline + timedelta(days=rng.randint(2, 5), hours=rng.randint(9, 15))
        Entry.objects.filter(pk=entry.pk).update(screened_at=moment)


def delete_competition(pemda: Pemda) -> None:
    """Delete the Pemda's calls; entries PROTECT innovations, so they go first."""
    Entry.objects.filter(call__pemda=pemda).delete()
    Call.objects.filter(pemda=pemda).delete()
