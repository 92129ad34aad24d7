"""No one but its own juri sees a score sheet before its stage closes, on any page,
whatever their role; after the close the other juri and the Pemda admin do."""

from __future__ import annotations

import pytest
from django.urls import reverse

from prima.competitions import judging, services
from prima.competitions.testing import judged_entries, scores
from tests.access import USERS

pytestmark = pytest.mark.django_db

SECRET = "Catatan-rahasia-juri-kedua"


@pytest.fixture
def judged(org, users, second_juri):
    call, entries, assignments = judged_entries(
        pemda=org.pemda,
        admin=users["admin_pemda"],
        units=[org.unit],
        juries=[users["juri"], second_juri],
    )
    mine, theirs = assignments[entries[0].pk]
    judging.sheet_submit(
        theirs, scores=scores(3, 4, 2, 5, 4), by=second_juri, comment=SECRET
    )
    return call, entries[0], mine, theirs, second_juri


def pages(call, entry, mine, theirs) -> list[str]:
    return [
        reverse("competitions:call_detail", kwargs={"pk": call.pk}),
        reverse("competitions:entry_detail", kwargs={"pk": entry.pk}),
        reverse("competitions:juri_list"),
        reverse("competitions:juri_sheet", kwargs={"pk": mine.pk}),
        reverse("competitions:juri_sheet", kwargs={"pk": theirs.pk}),
        reverse("competitions:juri_sheet_change", kwargs={"pk": theirs.pk}),
        reverse("competitions:call_submit", kwargs={"pk": call.pk}),
    ]


def seen_by(client, user, urls) -> list[str]:
    """Return the URLs whose page shows the second juri's comment to ``user``."""
    client.logout()
    if user is not None:
        client.force_login(user)
    return [url for url in urls if SECRET in client.get(url).content.decode()]


@pytest.mark.parametrize("who", [u for u in USERS if u != "superuser"])
def test_no_other_role_sees_a_sheet_before_the_stage_closes(client, users, judged, who):
    call, entry, mine, theirs, _second = judged
    user = None if who == "anonymous" else users[who]
    leaked = seen_by(client, user, pages(call, entry, mine, theirs))
    assert leaked == [], f"{who} saw the second juri's sheet on {leaked}"


def test_the_sheets_own_juri_sees_it(client, judged):
    call, entry, mine, theirs, second = judged
    url = reverse("competitions:juri_sheet", kwargs={"pk": theirs.pk})
    assert seen_by(client, second, [url]) == [url]


def test_after_the_close_the_other_juri_and_the_admin_see_it(client, users, judged):
    call, entry, mine, theirs, _second = judged
    judging.sheet_submit(mine, scores=scores(8, 7, 9, 6, 7), by=users["juri"])
    services.stage_close(call.stages_in_order().first(), by=users["admin_pemda"])
    mine_page = reverse("competitions:juri_sheet", kwargs={"pk": mine.pk})
    entry_page = reverse("competitions:entry_detail", kwargs={"pk": entry.pk})
    assert seen_by(client, users["juri"], [mine_page]) == [mine_page]
    assert seen_by(client, users["admin_pemda"], [entry_page]) == [entry_page]
    assert seen_by(client, users["admin_opd"], [entry_page, mine_page]) == []
