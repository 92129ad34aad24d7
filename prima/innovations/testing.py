"""Builders of innovation rows, competitions and SKM answers for tests and
access-matrix cases: plain functions, importable without pytest."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

from django.conf import settings
from django.utils import timezone

from prima.core.roles import Role
from prima.innovations import competition, judging, scoring
from prima.innovations.models import (
    SECTIONS,
    Call,
    Entry,
    Group,
    Innovation,
    ScoreSheet,
    Stage,
    Status,
)
from prima.innovations.services import innovation_publish, innovation_save
from prima.organisations.testing import make_user
from prima.surveys.ikm import CODE_ORDER
from prima.surveys.models import DailyCount, count_field_name
from prima.surveys.testing import submit_four


def make_innovation(
    *,
    unit=None,
    opd=None,
    pemda=None,
    title: str = "Antrean daring KTP-el",
    published: bool = True,
    stage: str = Stage.DITERAPKAN,
    applied_on: date | None = date(2023, 1, 2),
    group: str = Group.UMUM,
    targets: tuple[str, ...] = ("U3",),
    by=None,
    **fields,
) -> Innovation:
    """Return a saved innovation of ``unit`` (or ``opd``, or the Pemda itself) with
    every section of its group written, published unless ``published=False``."""
    opd = opd or (unit.opd if unit else None)
    pemda = pemda or (opd.pemda if opd else None)
    sections = {name: f"{name}: {title}" for name in SECTIONS[group]}
    sections.update(fields)
    innovation = Innovation(
        pemda=pemda,
        opd=opd,
        unit=unit,
        title=title,
        group=group,
        stage=stage,
        sector=fields.pop("sector", "adminduk"),
        started_on=applied_on,
        applied_on=applied_on
        if stage in (Stage.DITERAPKAN, Stage.DIREPLIKASI)
        else None,
        status=Status.DRAFT,
        **{k: v for k, v in sections.items() if k != "sector"},
    )
    innovation_save(innovation, by=by, targets=targets)
    if published:
        innovation_publish(innovation, by=by)
    return innovation


# --- Registry forms and SKM answers ---------------------------------------------------


def innovation_form_data(org, **overrides) -> dict:
    """Return the registry form's fields for a new idea of ``org.unit``; an override of
    ``None`` leaves its field out."""
    values = {
        "opd": org.opd.pk,
        "unit": org.unit.pk,
        "title": "Antrean daring KTP-el",
        "group": "umum",
        "stage": "ide",
        "sector": "adminduk",
        "targets": ["U3"],
    }
    values.update(overrides)
    return {k: v for k, v in values.items() if v is not None}


def login(client, user):
    """Log ``user`` in on ``client`` with English chosen, as the language switch would."""
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


# skm.md's four respondents: weak U1, U2, U3 and U9; U3 (NRR 2.50) the weakest.
def answer_weakly(layanan, days_ago: int = 10) -> None:
    """Submit skm.md's four respondents for ``layanan``, ``days_ago`` days ago."""
    submit_four(layanan, day=timezone.localdate() - timedelta(days=days_ago))


# --- SKM daily rollups around an application date -------------------------------------

APPLIED = date(2024, 7, 1)
BEFORE = {1: 10, 2: 30, 3: 40, 4: 20}
AFTER = {1: 5, 2: 15, 3: 50, 4: 30}


def rollup(layanan, day: date, target: dict[int, int], unsur: str = "U3") -> DailyCount:
    """Store one day of answers: ``target`` on ``unsur``, every other unsur all 3s."""
    n = sum(target.values())
    columns = {}
    for code in CODE_ORDER:
        histogram = target if code == unsur else {3: n}
        for score in (1, 2, 3, 4):
            columns[count_field_name(code.value, score)] = histogram.get(score, 0)
    return DailyCount.objects.create(
        pemda=layanan.pemda,
        opd=layanan.unit.opd,
        unit=layanan.unit,
        layanan=layanan,
        day=day,
        respondents=n,
        **columns,
    )


# --- Competitions, through the real services ------------------------------------------

T0 = datetime(2026, 6, 1, 8, 0, tzinfo=UTC)

# inovasi.md's worked example: both proposals score 75.00; the second has the higher
# mean bermanfaat (8.33 against 8.00) and ranks first although submitted later and
# lower on kebaruan.
FIRST = [(8, 7, 9, 6, 7), (7, 8, 8, 7, 6), (9, 6, 7, 8, 8)]
SECOND = [(8, 7, 9, 6, 7), (7, 8, 8, 7, 6), (8, 6, 8, 8, 8)]
THIRD = [(5, 5, 5, 5, 5), (6, 6, 6, 6, 6), (5, 5, 5, 5, 5)]


def make_call(pemda, admin, **overrides) -> Call:
    """Return a call of ``pemda`` being prepared by ``admin``, with one category per
    proposal group and two stages (Top 2, then one winner)."""
    rules = {
        "pemda": pemda,
        "by": admin,
        "title": "Kompetisi Inovasi 2026",
        "year": 2026,
        "deadline": timezone.now() + timedelta(days=30),
        "categories": [
            ("Inovasi umum", Group.UMUM),
            ("Replikasi", Group.REPLIKASI),
            ("Inovasi khusus", Group.KHUSUS),
        ],
        "stages": [("Top 2", 2), ("Pemenang", 1)],
    }
    return competition.call_create(**(rules | overrides))


def open_call(pemda, admin, **overrides) -> Call:
    """Return a call of ``pemda`` (see ``make_call``) that ``admin`` has opened."""
    return competition.call_open(make_call(pemda, admin, **overrides), by=admin)


def category(call, group: str = Group.UMUM):
    return call.categories.get(group=group)


def make_juri(pemda, name: str = ""):
    return make_user(username=name, role=Role.JURI, pemda=pemda)


def seat(call, admin, juri, **affiliation):
    return competition.panel_add(call, juri=juri, by=admin, **affiliation)


def make_entry(call, innovation, *, at=T0, by=None) -> Entry:
    """Store an entry directly (``judging.entry_submit`` checks eligibility)."""
    return Entry.objects.create(
        call=call,
        innovation=innovation,
        category=category(call, innovation.group),
        submitted_by=by,
        submitted_at=at,
    )


def submitted_entry(call, *, admin, unit, title: str = "Antrean daring") -> Entry:
    """Return an entry of a new, eligible innovation of ``unit`` in ``call``, submitted
    through ``judging.entry_submit``."""
    innovation = make_innovation(unit=unit, title=title, applied_on=date(2020, 1, 6))
    return judging.entry_submit(
        call=call, innovation=innovation, category=category(call), by=admin
    )


def judging_call(org, admin, titles=("Antrean daring",), **overrides):
    """Return (call, entries): a call in judging with accepted entries of ``org.unit``,
    stored directly an hour apart from ``T0``."""
    call = open_call(org.pemda, admin, **overrides)
    entries = [
        make_entry(
            call,
            make_innovation(unit=org.unit, title=title),
            at=T0 + timedelta(hours=n),
        )
        for n, title in enumerate(titles)
    ]
    competition.call_start_judging(call, by=admin)
    for entry in entries:
        competition.entry_screen(entry, by=admin, accept=True)
        entry.refresh_from_db()
    return call, entries


def judged_entries(*, pemda, admin, units, juries, titles=None):
    """Return (call, entries, assignments per entry) of a call in judging, every
    entry submitted through the services, accepted into the first stage and assigned
    to every juri."""
    call = open_call(pemda, admin)
    titles = titles or [f"Inovasi {n}" for n in range(1, len(units) + 1)]
    entries = [
        submitted_entry(call, admin=admin, unit=unit, title=title)
        for unit, title in zip(units, titles, strict=True)
    ]
    competition.call_start_judging(call, by=admin)
    for juri in juries:
        seat(call, admin, juri)
    assignments = {}
    for entry in entries:
        competition.entry_screen(entry, by=admin, accept=True)
        assignments[entry.pk] = [
            competition.assign_juri(entry, juri=juri, by=admin) for juri in juries
        ]
    return call, entries, assignments


def scores(*values: int) -> dict[str, int]:
    """Return a sheet in the order kebaruan, efektif, bermanfaat, mudah disebarkan,
    berkelanjutan (the order of inovasi.md's worked example)."""
    return dict(zip(scoring.CRITERIA, values, strict=True))


def submit_sheet(assignment, values, at=T0) -> ScoreSheet:
    """Store a submitted sheet directly (``judging.sheet_submit`` owns the real step)."""
    return ScoreSheet.objects.create(
        assignment=assignment, scores=scores(*values), submitted_at=at
    )


def score(entry, admin, juri_sheets, stage=None) -> None:
    """Assign each juri to ``entry`` and store their sheet."""
    for juri, values in juri_sheets:
        assignment = competition.assign_juri(entry, juri=juri, by=admin, stage=stage)
        submit_sheet(assignment, values)


def shortlisted_call(org, admin, *, days: int = 5, closed_at=None):
    """Return (call, entries): a call in judging whose first stage (Top 2, open to
    public objection for ``days``) closed at ``closed_at`` (default now), with three
    entries of ``org.unit`` ranked in order: the first two are on the shortlist."""
    call, entries = judging_call(
        org,
        admin,
        titles=("Pertama", "Kedua", "Ketiga"),
        stages=[("Top 2", 2, days), ("Pemenang", 1)],
    )
    juri = make_juri(org.pemda)
    seat(call, admin, juri)
    for entry, values in zip(entries, (FIRST[0], (7,) * 5, THIRD[0]), strict=True):
        score(entry, admin, [(juri, values)])
    competition.stage_close(call.stages_in_order().first(), by=admin, now=closed_at)
    for entry in entries:
        entry.refresh_from_db()
    return call, entries


def objection(entry, *, now=None, **fields):
    """Submit a public objection to ``entry`` through the service; return it."""
    values = {"text": "Inovasi ini belum diterapkan.", "name": "Warga"} | fields
    submitted, _created = competition.objection_submit(
        entry=entry, submission_key=uuid.uuid4(), now=now, **values
    )
    return submitted


def call_form_data(**overrides) -> dict:
    """Return a valid POST of the call create/edit form (three stages), overridden."""
    data = {
        "pemda": "",
        "title": "KIPP Kota Alpha 2027",
        "year": "2027",
        "deadline": "2027-03-31T23:59",
        "description": "Kompetisi tahunan.",
        "weight_kebaruan": "0.25",
        "weight_efektif": "0.20",
        "weight_bermanfaat": "0.25",
        "weight_mudah_disebarkan": "0.15",
        "weight_berkelanjutan": "0.15",
        "scale_min": "1",
        "scale_max": "10",
        "tie_1": "bermanfaat",
        "tie_2": "efektif",
        "tie_3": "kebaruan",
        "tie_4": "berkelanjutan",
        "tie_5": "mudah_disebarkan",
        "min_years_umum": "2",
        "min_years_replikasi": "1",
        "max_umum_per_opd": "10",
        "max_replikasi_per_opd": "5",
        "categories-TOTAL_FORMS": "3",
        "categories-INITIAL_FORMS": "0",
        "categories-0-name": "Inovasi umum OPD",
        "categories-0-group": "umum",
        "categories-1-name": "Replikasi",
        "categories-1-group": "replikasi",
        "categories-2-name": "",
        "categories-2-group": "umum",
        "stages-TOTAL_FORMS": "4",
        "stages-INITIAL_FORMS": "0",
        "stages-0-name": "Top 99",
        "stages-0-advance": "99",
        "stages-1-name": "Top 45",
        "stages-1-advance": "45",
        "stages-2-name": "Pemenang",
        "stages-2-advance": "3",
        "stages-3-name": "",
        "stages-3-advance": "",
    }
    return data | overrides
