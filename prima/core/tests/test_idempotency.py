"""Tests of storing a submission once: a unique key stands for the submission."""

import pytest
from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction

from prima.core.idempotency import store_once

pytestmark = pytest.mark.django_db


def saving(name: str, calls: list[str]):
    def store() -> Group:
        calls.append(name)
        return Group.objects.create(name=name)

    return store


def test_first_submission_is_stored_and_a_repeat_returns_it():
    """The first call stores the row; a repeat with the same key returns it."""
    calls: list[str] = []
    first, created = store_once(
        Group, key={"name": "kunci"}, store=saving("kunci", calls)
    )
    again, created_again = store_once(
        Group, key={"name": "kunci"}, store=saving("kunci", calls)
    )
    assert created and not created_again
    assert again == first
    assert calls == ["kunci"]  # the repeat never tried to store
    assert Group.objects.count() == 1


def test_a_race_lost_at_the_constraint_returns_the_winner():
    """Without the lookup, the unique constraint finds the row stored first."""
    winner = Group.objects.create(name="kunci")
    calls: list[str] = []
    row, created = store_once(
        Group,
        key={"name": "kunci"},
        store=saving("kunci", calls),
        look_first=False,
    )
    assert (row, created) == (winner, False)
    assert calls == ["kunci"]


def test_a_failed_store_leaves_the_callers_transaction_usable():
    """The store runs in a savepoint: after a lost race the caller's work goes on."""
    Group.objects.create(name="kunci")
    with transaction.atomic():
        store_once(
            Group, key={"name": "kunci"}, store=saving("kunci", []), look_first=False
        )
        Group.objects.create(name="sesudahnya")
    assert Group.objects.filter(name="sesudahnya").exists()


def test_an_integrity_error_of_another_cause_is_raised():
    """A unique violation that is not the key's own is not hidden."""
    Group.objects.create(name="lain")

    def store() -> Group:
        return Group.objects.create(name="lain")

    with pytest.raises(IntegrityError):
        store_once(Group, key={"name": "kunci"}, store=store)
