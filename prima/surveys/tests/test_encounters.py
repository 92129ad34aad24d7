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


def test_served_visits_are_the_population_of_the_sample(org):
    """Visits the queue served in the period become N of the Krejcie–Morgan sample,
    ahead of a declared population; without any, the declared one counts."""
    from datetime import date, datetime

    from django.utils import timezone

    from prima.core.periods import PeriodKind, period_containing
    from prima.surveys.diagnosis import unit_sample
    from prima.surveys.encounters import encounter_issue
    from prima.surveys.models import Population
    from prima.surveys.selectors import Scope

    period = period_containing(date(2026, 3, 10), PeriodKind.TRIWULAN)
    Population.objects.create(
        pemda=org.pemda,
        unit=org.unit,
        period_start=period.start,
        period_end=period.end,
        population=500,
    )
    scope = Scope.of(org.unit)
    assert unit_sample(scope, period, 10).population == 500
    for day in (date(2026, 1, 1), date(2026, 3, 31), date(2026, 4, 1)):
        served = timezone.make_aware(datetime.combine(day, datetime.min.time()))
        encounter_issue(layanan=org.layanan, served_at=served.replace(hour=23))
    sample = unit_sample(scope, period, 10)
    assert (sample.population, sample.source) == (2, "served")


def test_officer_ikm_is_for_the_unit_admins_and_each_officer_alone(client, org, users):
    """The unit's administrators see every officer's IKM on the unit's SKM page; a
    counter officer sees only their own; leadership sees none."""
    import uuid
    from datetime import timedelta

    from django.urls import reverse
    from django.utils import timezone

    from prima.core.roles import Role
    from prima.organisations.testing import make_user
    from prima.surveys.encounters import encounter_issue, encounter_response_submit

    other = make_user(username="loket2", role=Role.PETUGAS_LOKET, unit=org.unit)
    served = timezone.now() - timedelta(minutes=5)
    for officer, score in ((users["petugas_loket"], 4), (other, 2)):
        encounter, _token = encounter_issue(
            layanan=org.layanan, served_at=served, officer=officer, counter="Loket 1"
        )
        encounter_response_submit(
            encounter,
            idempotency_key=uuid.uuid4(),
            scores={f"U{i}": score for i in range(1, 10)},
        )
    url = reverse("surveys:unit-results", kwargs={"unit_pk": org.unit.pk})

    def officers(name):
        client.force_login(users.get(name, other))
        return {row.label for row in client.get(url).context["officers"]}

    assert officers("operator_unit") == {"petugas_loket", "loket2"}
    assert officers("admin_opd") == {"petugas_loket", "loket2"}
    assert officers("petugas_loket") == {"petugas_loket"}
    assert officers("loket2") == {"loket2"}
    assert officers("pimpinan") == set()
