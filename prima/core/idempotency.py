"""Storing a public submission once, however often it is sent.

Every citizen form carries a key issued with the page (``core.forms.SubmissionKeyForm``)
and the row stores it under a unique constraint. A double tap or a retried request
then finds the stored row instead of making a second one; two requests racing with
the same key meet at the constraint, and the loser returns the winner's row.

The back button may bring a page with a fresh key, so the key alone cannot tell a
resend from a new submission. ``same_submission_key`` recognises the same content
sent from the same browser session within ``SAME_SUBMISSION_SECONDS`` and hands back
the key it was first sent with (docs/adr/0007-same-submission.md).
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterable, Mapping
from contextlib import nullcontext
from typing import Any, TypeVar

from django.db import IntegrityError, models, transaction
from django.utils.crypto import salted_hmac

Row = TypeVar("Row", bound=models.Model)


def store_once(
    model: type[Row],
    *,
    key: Mapping[str, Any],
    store: Callable[[], Row],
    look_first: bool = True,
    atomic: bool = True,
) -> tuple[Row, bool]:
    """Return ``(row, created)``: the row stored under ``key``, else the one ``store``
    saves.

    ``store`` validates and saves the new row (and anything written with it); it runs
    in a transaction unless ``atomic`` is False, for a caller whose single statement
    is atomic by itself. ``look_first=False`` skips the lookup before storing, for a
    hot path where a repeated key is rare: the unique constraint still catches it.
    """
    if look_first:
        existing = model._default_manager.filter(**key).first()
        if existing is not None:
            return existing, False
    try:
        with transaction.atomic() if atomic else nullcontext():
            return store(), True
    except IntegrityError:
        existing = model._default_manager.filter(**key).first()
        if existing is None:
            raise
        return existing, False


SAME_SUBMISSION_SECONDS = 10 * 60
SESSION_KEY = "prima_recent_submissions"
# A session remembers this many recent submissions at most: enough for one person,
# small enough that the session stays a few kilobytes.
MAX_REMEMBERED = 20
_SALT = "prima.core.idempotency.same_submission"


def _now() -> float:
    return time.time()


def content_fingerprint(scope: str, content: Iterable[object]) -> str:
    """Return a keyed hash of ``content`` sent to ``scope`` (a form's address).

    Whitespace runs and letter case do not count, so text retyped or re-wrapped by
    the browser is still the same text. The hash is keyed with the secret key: the
    session stores no readable trace of what was written.
    """
    parts = [" ".join(str(value).split()).casefold() for value in content]
    return salted_hmac(_SALT, "\x1e".join([scope, *parts])).hexdigest()[:32]


def same_submission_key(
    session, *, scope: str, content: Iterable[object], key: uuid.UUID
) -> uuid.UUID:
    """Return the key to store this submission under, and remember it.

    If this session sent the same ``content`` to ``scope`` within
    ``SAME_SUBMISSION_SECONDS``, that sending's key is returned, so storing finds
    the row already made; otherwise ``key``. Each sending restarts the window.
    Another session (another citizen) never shares a key this way.
    """
    now = _now()
    recent = {
        fingerprint: entry
        for fingerprint, entry in session.get(SESSION_KEY, {}).items()
        if entry[1] > now - SAME_SUBMISSION_SECONDS
    }
    fingerprint = content_fingerprint(scope, content)
    if fingerprint in recent:
        key = uuid.UUID(recent.pop(fingerprint)[0])
    recent[fingerprint] = [str(key), now]
    newest = sorted(recent.items(), key=lambda item: item[1][1])[-MAX_REMEMBERED:]
    session[SESSION_KEY] = dict(newest)
    return key
