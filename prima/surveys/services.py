"""Writes of the SKM: storing a response together with its rollup counts."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

import psycopg  # only on PostgreSQL, where Django's backend needs it anyway
from django.core.exceptions import ValidationError
from django.db import (
    DEFAULT_DB_ALIAS,
    IntegrityError,
    connection,
    connections,
    transaction,
)
from django.utils import timezone
from django.utils.translation import gettext as _

from prima.core.idempotency import store_once
from prima.organisations.models import Layanan
from prima.surveys import rollups
from prima.surveys.ikm import CODE_ORDER
from prima.surveys.models import (
    Channel,
    ExtraAnswer,
    ExtraQuestion,
    KioskDevice,
    Response,
)
from prima.surveys.rollups import month_of  # noqa: F401 - the key rule's old home


def rollup_add(response: Response) -> None:
    """Add one response to the daily, monthly and profile counts of its service."""
    with connection.cursor() as cursor:
        for sql, params in rollups.upserts(response, response.layanan.unit.opd_id):
            cursor.execute(sql, params)


def _store_in_one_statement(response: Response) -> None:
    """Insert the response and add it to its rollups in one PostgreSQL statement.

    The statement binds its parameters on the server (a plain ``psycopg.Cursor`` on
    the connection Django opened and health-checked), so psycopg prepares it after
    ``prepare_threshold`` runs on a connection (``DATABASES`` option, set from
    ``DATABASE_PREPARE_THRESHOLD``): planning it cost PostgreSQL more than running
    it. Django's own cursors bind on the client, so no other query is prepared.
    While queries are logged (DEBUG, ``CaptureQueriesContext``) Django's cursor runs
    it instead: the log cannot show a prepared statement's SQL.
    """
    # The connection itself: every attribute read through the ``connection`` proxy
    # looks it up again, which added up to a tenth of a submission's time.
    db = connections[DEFAULT_DB_ALIAS]
    sql = rollups.submission_sql()
    params = rollups.submission_params(response, response.layanan.unit.opd_id, db)
    with db.cursor() as cursor:
        if db.queries_logged:
            cursor.execute(sql, params)
            response.pk = cursor.fetchone()[0]
        else:
            with psycopg.Cursor(db.connection) as server:
                try:
                    server.execute(sql, params)
                except psycopg.IntegrityError as exc:
                    raise IntegrityError(*exc.args) from exc
                response.pk = server.fetchone()[0]
    response._state.adding = False


# Fields ``response_submit`` leaves to its caller (the related rows, which the caller
# looked up) or to the database (the unique key).
_NOT_CLEANED = ("idempotency_key", "pemda", "unit", "layanan", "kiosk")


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
    # The related rows come from the caller's own lookups; checking that they exist
    # again would cost a query each on every submission.
    response.full_clean(
        exclude=_NOT_CLEANED, validate_unique=False, validate_constraints=False
    )
    one_statement = connection.vendor == "postgresql" and not extra_answers

    def store() -> Response:
        if one_statement:
            _store_in_one_statement(response)
        else:
            response.save(force_insert=True)
            rollup_add(response)
            _store_extra_answers(response, extra_answers or {})
        return response

    # A repeated key is rare (a retry, a double tap): the unique key catches it
    # without a lookup first, and the first response counts. The single statement
    # is atomic by itself; it needs a savepoint only inside a caller's transaction,
    # which must survive a repeated key.
    return store_once(
        Response,
        key={"idempotency_key": idempotency_key},
        store=store,
        look_first=False,
        atomic=not one_statement or not transaction.get_autocommit(),
    )


def _store_extra_answers(response: Response, answers: Mapping[int, str]) -> None:
    if not any(text and text.strip() for text in answers.values()):
        return
    questions = ExtraQuestion.objects.active().filter(
        unit_id=response.unit_id, pk__in=list(answers)
    )
    valid = {q.pk for q in questions}
    unknown = set(answers) - valid
    if unknown:
        raise ValidationError({"extra": _("This question is not part of the survey.")})
    ExtraAnswer.objects.bulk_create(
        ExtraAnswer(response=response, question_id=pk, text=text.strip())
        for pk, text in answers.items()
        if text and text.strip()
    )
