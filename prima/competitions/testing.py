"""Builders of competitions, entries, score sheets and objections for tests and
access-matrix cases, through the real services: plain functions, importable without
pytest."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

from django.utils import timezone

from prima.competitions import judging, scoring, services
from prima.competitions.models import Call, Entry, ScoreSheet
from prima.core.roles import Role
from prima.innovations.models import Group
from prima.innovations.testing import make_innovation
from prima.organisations.testing import make_user

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
    return services.call_create(**(rules | overrides))


def open_call(pemda, admin, **overrides) -> Call:
    """Return a call of ``pemda`` (see ``make_call``) that ``admin`` has opened."""
    return services.call_open(make_call(pemda, admin, **overrides), by=admin)


def category(call, group: str = Group.UMUM):
    return call.categories.get(group=group)


def make_juri(pemda, name: str = ""):
    return make_user(username=name, role=Role.JURI, pemda=pemda)


def seat(call, admin, juri, **affiliation):
    return services.panel_add(call, juri=juri, by=admin, **affiliation)


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
    services.call_start_judging(call, by=admin)
    for entry in entries:
        services.entry_screen(entry, by=admin, accept=True)
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
    services.call_start_judging(call, by=admin)
    for juri in juries:
        seat(call, admin, juri)
    assignments = {}
    for entry in entries:
        services.entry_screen(entry, by=admin, accept=True)
        assignments[entry.pk] = [
            services.assign_juri(entry, juri=juri, by=admin) for juri in juries
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
        assignment = services.assign_juri(entry, juri=juri, by=admin, stage=stage)
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
    services.stage_close(call.stages_in_order().first(), by=admin, now=closed_at)
    for entry in entries:
        entry.refresh_from_db()
    return call, entries


def objection(entry, *, now=None, **fields):
    """Submit a public objection to ``entry`` through the service; return it."""
    values = {"text": "Inovasi ini belum diterapkan.", "name": "Warga"} | fields
    submitted, _created = services.objection_submit(
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
