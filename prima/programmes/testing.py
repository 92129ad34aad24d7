"""Small builders of programme rows for tests, made through the real services."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.utils import timezone

from prima.organisations.models import Pemda, PerangkatDaerah
from prima.programmes import services
from prima.programmes.models import Kind, Participant, Programme, Session


def make_programme(
    *,
    pemda: Pemda,
    organiser_opd: PerangkatDaerah | None = None,
    by=None,
    title: str = "Workshop Inovasi Pelayanan",
    starts_on: date = date(2026, 3, 2),
    ends_on: date = date(2026, 6, 1),
    **fields,
) -> Programme:
    return services.programme_create(
        pemda=pemda,
        organiser_opd=organiser_opd,
        by=by,
        kind=fields.pop("kind", Kind.WORKSHOP),
        title=title,
        starts_on=starts_on,
        ends_on=ends_on,
        **fields,
    )


def make_participant(
    programme: Programme, user, *, unit=None, opd=None, accepted: bool = True
) -> Participant:
    """Add ``user`` as a participant without the nomination step."""
    unit_opd = unit.opd if unit is not None else opd
    return Participant.objects.create(
        programme=programme,
        user=user,
        opd=unit_opd,
        unit=unit,
        status="accepted" if accepted else "nominated",
    )


def make_session(
    programme: Programme,
    *,
    starts_at: datetime | None = None,
    minutes: int = 120,
    title: str = "Diagnosis inovasi",
) -> Session:
    starts_at = starts_at or timezone.now().replace(microsecond=0)
    return services.session_save(
        programme=programme,
        title=title,
        method="materi",
        starts_at=starts_at,
        ends_at=starts_at + timedelta(minutes=minutes),
        place="Aula Bappeda",
    )
