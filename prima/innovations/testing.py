"""Builders of innovation rows for tests and access-matrix cases."""

from __future__ import annotations

from datetime import date

from prima.innovations.models import SECTIONS, Group, Innovation, Stage, Status
from prima.innovations.services import innovation_publish, innovation_save


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
