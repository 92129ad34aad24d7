"""Builders of competitions at each step, through the real services, for the judging
tests and the access-matrix rows."""

from __future__ import annotations

from datetime import date, timedelta

from django.utils import timezone

from prima.innovations import competition, judging
from prima.innovations.models import Group
from prima.innovations.testing import make_innovation

DEADLINE_IN = timedelta(days=30)


def open_call(*, pemda, admin, deadline=None, stages=None, **eligibility):
    """Return an open call of ``pemda`` with one category per proposal group."""
    call = competition.call_create(
        pemda=pemda,
        by=admin,
        title="Kompetisi Inovasi 2026",
        year=2026,
        deadline=deadline or timezone.now() + DEADLINE_IN,
        categories=[
            ("Inovasi umum", Group.UMUM),
            ("Replikasi", Group.REPLIKASI),
            ("Inovasi khusus", Group.KHUSUS),
        ],
        stages=stages or [("Top 2", 2), ("Pemenang", 1)],
        **eligibility,
    )
    return competition.call_open(call, by=admin)


def category(call, group: str = Group.UMUM):
    return call.categories.get(group=group)


def submitted_entry(call, *, admin, unit, title: str = "Antrean daring"):
    """Return an entry of a new, eligible innovation of ``unit`` in ``call``."""
    innovation = make_innovation(unit=unit, title=title, applied_on=date(2020, 1, 6))
    return judging.entry_submit(
        call=call, innovation=innovation, category=category(call), by=admin
    )


def judged_entries(*, pemda, admin, units, juries, titles=None):
    """Return (call, entries, assignments per entry) of a call in judging, every
    entry accepted into the first stage and assigned to every juri."""
    call = open_call(pemda=pemda, admin=admin)
    titles = titles or [f"Inovasi {n}" for n in range(1, len(units) + 1)]
    entries = [
        submitted_entry(call, admin=admin, unit=unit, title=title)
        for unit, title in zip(units, titles, strict=True)
    ]
    competition.call_start_judging(call, by=admin)
    for juri in juries:
        competition.panel_add(call, juri=juri, by=admin)
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
    from prima.innovations.scoring import CRITERIA

    return dict(zip(CRITERIA, values, strict=True))
