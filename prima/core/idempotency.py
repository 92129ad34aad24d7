"""Storing a public submission once, however often it is sent.

Every citizen form carries a key issued with the page (``core.forms.SubmissionKeyForm``)
and the row stores it under a unique constraint. A double tap, the back button or a
retried request then finds the stored row instead of making a second one; two
requests racing with the same key meet at the constraint, and the loser returns the
winner's row.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from contextlib import nullcontext
from typing import Any, TypeVar

from django.db import IntegrityError, models, transaction

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
