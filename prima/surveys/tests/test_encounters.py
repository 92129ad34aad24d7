"""One survey response per served visit (prima/surveys/encounters.py)."""

from __future__ import annotations

import threading
import uuid

import pytest
from django.db import connection, connections
from django.utils import timezone

from prima.surveys.encounters import (
    EncounterUsed,
    encounter_for_token,
    encounter_issue,
    encounter_response_submit,
    ikm_by,
)
from prima.surveys.models import Encounter, Response

SCORES = {f"U{i}": 4 for i in range(1, 10)}


def test_token_takes_one_response_and_repeats_its_key(org):
    """The first response is stored and bound; its key sent again returns it; any
    other response is refused."""
    encounter, token = encounter_issue(
        layanan=org.layanan, served_at=timezone.now(), place="MPP", counter="Loket 1"
    )
    assert encounter_for_token(token) == encounter
    assert encounter_for_token("x" * 65) is None
    key = uuid.uuid4()
    first, created = encounter_response_submit(
        encounter, idempotency_key=key, scores=SCORES
    )
    again, created_again = encounter_response_submit(
        encounter, idempotency_key=key, scores=SCORES
    )
    assert (created, created_again, again.pk) == (True, False, first.pk)
    with pytest.raises(EncounterUsed):
        encounter_response_submit(
            encounter, idempotency_key=uuid.uuid4(), scores=SCORES
        )
    assert Response.objects.count() == 1
    assert Encounter.objects.get().response == first
    assert first.layanan == org.layanan


def test_ikm_by_counter(org):
    """The IKM per counter counts only answered visits."""
    for counter, score in (("Loket 1", 4), ("Loket 1", 3), ("Loket 2", 2)):
        encounter, _ = encounter_issue(
            layanan=org.layanan, served_at=timezone.now(), counter=counter
        )
        encounter_response_submit(
            encounter,
            idempotency_key=uuid.uuid4(),
            scores={f"U{i}": score for i in range(1, 10)},
        )
    encounter_issue(layanan=org.layanan, served_at=timezone.now(), counter="Loket 3")
    rows = ikm_by(Encounter.objects.all(), "counter")
    assert [(r.label, r.responses, str(r.result.ikm_display)) for r in rows] == [
        ("Loket 1", 2, "87.50"),
        ("Loket 2", 1, "50.00"),
    ]


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the in-memory SQLite test database cannot be shared between threads",
)
@pytest.mark.django_db(transaction=True)
def test_two_responses_at_once_store_one(org):
    """Six phones sending the same token's survey at once store one response: the
    encounter row's lock makes the others see it used."""
    encounter, _ = encounter_issue(layanan=org.layanan, served_at=timezone.now())
    start = threading.Barrier(6)
    outcomes = []

    def send():
        try:
            start.wait()
            encounter_response_submit(
                Encounter.objects.get(pk=encounter.pk),
                idempotency_key=uuid.uuid4(),
                scores=SCORES,
            )
            outcomes.append("stored")
        except EncounterUsed:
            outcomes.append("used")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["stored"] + ["used"] * 5
    assert Response.objects.count() == 1
