"""Writes of the SKM: storing a response together with its rollup counts."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from prima.organisations.models import Layanan
from prima.surveys.ikm import CODE_ORDER
from prima.surveys.models import (
    Channel,
    DailyCount,
    DailyProfileCount,
    ExtraAnswer,
    ExtraQuestion,
    KioskDevice,
    ProfileDimension,
    Response,
    age_group,
    count_field_name,
)


def _bump(model, *, keys: dict[str, Any], defaults: dict[str, Any], increments):
    """Add ``increments`` to the row identified by ``keys``, creating it at zero.

    The insert runs in a savepoint so that a concurrent insert of the same key turns
    into an update instead of an error.
    """
    updated = model.objects.filter(**keys).update(
        **{field: F(field) + amount for field, amount in increments.items()}
    )
    if updated:
        return
    try:
        with transaction.atomic():
            model.objects.create(**keys, **defaults, **increments)
    except IntegrityError:
        model.objects.filter(**keys).update(
            **{field: F(field) + amount for field, amount in increments.items()}
        )


def rollup_add(response: Response) -> None:
    """Add one response to the per-service per-day counts."""
    layanan = response.layanan
    base = {
        "pemda_id": response.pemda_id,
        "opd_id": layanan.unit.opd_id,
        "unit_id": response.unit_id,
    }
    keys = {"layanan_id": layanan.pk, "day": response.service_date}
    increments = {"respondents": 1}
    for unsur, score in response.scores().items():
        increments[count_field_name(unsur.value, score)] = 1
    _bump(DailyCount, keys=keys, defaults=base, increments=increments)
    profile = {
        ProfileDimension.GENDER: response.gender,
        ProfileDimension.AGE: age_group(response.age),
        ProfileDimension.EDUCATION: response.education,
        ProfileDimension.OCCUPATION: response.occupation,
    }
    for dimension, category in profile.items():
        if category:
            _bump(
                DailyProfileCount,
                keys={**keys, "dimension": dimension, "category": category},
                defaults=base,
                increments={"count": 1},
            )


def response_submit(
    *,
    layanan: Layanan,
    scores: Mapping[str, int],
    idempotency_key: uuid.UUID,
    channel: str = Channel.ONLINE,
    service_date: date | None = None,
    profile: Mapping[str, Any] | None = None,
    suggestion: str = "",
    extra_answers: Mapping[int, str] | None = None,
    kiosk: KioskDevice | None = None,
    now: datetime | None = None,
) -> tuple[Response, bool]:
    """Store one response and its rollups; return (response, created).

    ``scores`` maps unsur codes ("U1".."U9") to 1–4. A key already used returns
    the stored response with ``created`` False, so a retried submission is stored
    once. Extra answers are stored beside the response and never enter the IKM.
    """
    now = now or timezone.now()
    existing = Response.objects.filter(idempotency_key=idempotency_key).first()
    if existing is not None:
        return existing, False
    response = Response(
        pemda_id=layanan.pemda_id,
        unit_id=layanan.unit_id,
        layanan=layanan,
        channel=channel,
        service_date=service_date or timezone.localdate(now),
        submitted_at=now,
        idempotency_key=idempotency_key,
        kiosk=kiosk,
        suggestion=suggestion.strip(),
        **(profile or {}),
        **{u.value.lower(): scores.get(u.value) for u in CODE_ORDER},
    )
    response.full_clean(exclude=["idempotency_key"])
    try:
        with transaction.atomic():
            response.save()
            rollup_add(response)
            _store_extra_answers(response, extra_answers or {})
    except IntegrityError:
        # A concurrent retry with the same key won the race.
        existing = Response.objects.filter(idempotency_key=idempotency_key).first()
        if existing is None:
            raise
        return existing, False
    return response, True


def _store_extra_answers(response: Response, answers: Mapping[int, str]) -> None:
    questions = ExtraQuestion.objects.active().filter(
        unit_id=response.unit_id, pk__in=list(answers)
    )
    valid = {q.pk for q in questions}
    unknown = set(answers) - valid
    if unknown:
        raise ValidationError({"extra": "unknown question"})
    ExtraAnswer.objects.bulk_create(
        ExtraAnswer(response=response, question_id=pk, text=text.strip())
        for pk, text in answers.items()
        if text and text.strip()
    )
