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


def test_same_content_in_one_session_gets_the_first_key():
    """The same text (spacing and case aside) sent again returns the first key."""
    import uuid

    from prima.core.idempotency import same_submission_key

    session: dict = {}
    first, second, third = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    same = same_submission_key(session, scope="f /a/", content=["Antri"], key=first)
    again = same_submission_key(session, scope="f /a/", content=[" antri "], key=second)
    other = same_submission_key(session, scope="f /b/", content=["Antri"], key=third)
    assert (same, again, other) == (first, first, third)
    assert "Antri" not in str(session)  # only a keyed hash is kept


def test_a_session_remembers_a_bounded_number_of_sendings():
    """Old sendings beyond the limit are forgotten, so the session stays small."""
    import uuid

    from prima.core.idempotency import MAX_REMEMBERED, SESSION_KEY, same_submission_key

    session: dict = {}
    for n in range(MAX_REMEMBERED + 5):
        same_submission_key(session, scope="f", content=[n], key=uuid.uuid4())
    assert len(session[SESSION_KEY]) == MAX_REMEMBERED
