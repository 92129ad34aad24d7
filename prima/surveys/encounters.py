"""One survey response per served visit, through a one-time token.

Another app (the MPP queue) records a served visit with ``encounter_issue`` and shows
its token as a link; the survey takes one response through it
(``encounter_response_submit``), bound to the visit, so the IKM can be read per
counter and per officer. Only the token's SHA-256 is stored here. A used token
refuses a second response, also when two are sent at once: the encounter row is
locked while its response is stored.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from prima.organisations.models import Layanan
from prima.surveys.ikm import CODE_ORDER, IkmResult, compute_from_rows
from prima.surveys.models import Encounter, Response
from prima.surveys.services import response_submit

TOKEN_BYTES = 18


class EncounterUsed(Exception):
    """The encounter's survey was already answered."""


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def encounter_issue(
    *,
    layanan: Layanan,
    served_at: datetime,
    place: str = "",
    counter: str = "",
    officer=None,
) -> tuple[Encounter, str]:
    """Record a served visit; return it and the token of its survey link."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    encounter = Encounter(
        pemda_id=layanan.pemda_id,
        unit_id=layanan.unit_id,
        layanan=layanan,
        token_hash=token_hash(token),
        place=place[:200],
        counter=counter[:100],
        officer=officer,
        served_at=served_at,
    )
    encounter.full_clean(exclude=["pemda", "unit", "layanan", "officer"])
    encounter.save()
    return encounter, token


def encounter_for_token(token: str) -> Encounter | None:
    """Return the encounter of ``token`` with its service and unit, or None."""
    if not token or len(token) > 64:
        return None
    return (
        Encounter.objects.filter(token_hash=token_hash(token))
        .select_related("layanan__unit", "unit", "pemda")
        .first()
    )


@transaction.atomic
def encounter_response_submit(
    encounter: Encounter, *, idempotency_key: uuid.UUID, **submission
) -> tuple[Response, bool]:
    """Store the encounter's one response; return (response, created).

    The same submission sent again (its key) returns the stored response; any other
    response to a used encounter raises ``EncounterUsed``.
    """
    locked = Encounter.objects.select_for_update().get(pk=encounter.pk)
    if locked.response_id is not None:
        existing = Response.objects.get(pk=locked.response_id)
        if existing.idempotency_key == idempotency_key:
            return existing, False
        raise EncounterUsed
    submission["layanan"] = locked.layanan
    submission["service_date"] = timezone.localdate(locked.served_at)
    response, created = response_submit(idempotency_key=idempotency_key, **submission)
    locked.response = response
    locked.save(update_fields=["response"])
    encounter.response = response
    return response, created


@dataclass(frozen=True)
class EncounterIkm:
    """The IKM of the responses given through some served visits."""

    label: str
    responses: int
    result: IkmResult


def ikm_by(encounters, field: str) -> list[EncounterIkm]:
    """Return the IKM of the answered ``encounters`` grouped by ``field`` ("counter"
    or "officer"), largest group first; unanswered visits are left out."""
    if field not in ("counter", "officer"):
        raise ValueError(field)
    rows: dict[str, list[tuple[int, ...]]] = defaultdict(list)
    answered = encounters.filter(response__isnull=False).select_related(
        "response", "officer"
    )
    for encounter in answered:
        label = encounter.counter if field == "counter" else _officer(encounter)
        scores = encounter.response.scores()
        rows[label].append(tuple(scores[u] for u in CODE_ORDER))
    found = [
        EncounterIkm(label, len(answers), compute_from_rows(answers))
        for label, answers in rows.items()
    ]
    return sorted(found, key=lambda row: (-row.responses, row.label))


def _officer(encounter: Encounter) -> str:
    officer = encounter.officer
    if officer is None:
        return "—"
    return officer.get_full_name() or officer.get_username()


def served_in(unit, period) -> QuerySet[Encounter]:
    """Return the unit's visits served within ``period``'s local days (an index
    range on ``served_at``, not a date cast)."""
    start = timezone.make_aware(datetime.combine(period.start, time.min))
    until = timezone.make_aware(
        datetime.combine(period.end + timedelta(days=1), time.min)
    )
    return Encounter.objects.filter(
        unit=unit, served_at__gte=start, served_at__lt=until
    )


def officer_ikm(unit, period, officer=None):
    """Return the IKM per officer of the unit's visits served in ``period``: every
    officer's for the unit's administrators, one officer's for themselves."""
    visits = served_in(unit, period)
    if officer is not None:
        visits = visits.filter(officer=officer)
    return ikm_by(visits, "officer")
