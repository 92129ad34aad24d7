"""Builders of innovation rows and SKM answers for tests and access-matrix cases:
plain functions, importable without pytest."""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.utils import timezone

from prima.innovations.models import SECTIONS, Group, Innovation, Stage, Status
from prima.innovations.services import innovation_publish, innovation_save
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
