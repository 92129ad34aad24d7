"""No one but its own juri sees a score sheet before its stage closes, on any page,
whatever their role; after the close the other juri and the Pemda admin do."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from prima.competitions import judging, scoring, services
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


class _ScoreValues(HTMLParser):
    """Collect every score value a sheet page shows: the locked sheet's table cells,
    the change form's prefilled inputs and the history's before/after lines."""

    def __init__(self):
        super().__init__()
        self.values: list[str] = []
        self._in_scores = False
        self._in_cell = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and "scores" in (attrs.get("class") or ""):
            self._in_scores = True
        self._in_cell = self._in_scores and tag == "td"
        if tag == "input" and attrs.get("name") in scoring.CRITERIA:
            self.values += [attrs["value"]] if attrs.get("value") else []

    def handle_endtag(self, tag):
        self._in_scores = self._in_scores and tag != "table"
        self._in_cell = False

    def handle_data(self, data):
        if self._in_cell or data.strip().startswith(("Before:", "Sebelum:")):
            self.values.append(data.strip())


def scores_shown(client, user, url) -> list[str]:
    client.logout()
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    parser = _ScoreValues()
    parser.feed(response.content.decode())
    return parser.values


@pytest.mark.parametrize("who", ["admin_pemda", "superuser"])
def test_the_change_page_hides_a_locked_sheets_scores(client, users, judged, who):
    """The call's admin (and the platform operator) may change another juri's locked
    sheet before the stage closes, and the page records the change's reason, but
    shows none of the juri's scores, before or after."""
    _call, _entry, _mine, theirs, second = judged
    sheet = judging.sheet_of(theirs)
    judging.sheet_change(
        sheet, scores=scores(6, 4, 2, 5, 4), by=second, reason="Salah ketik"
    )
    url = reverse("competitions:juri_sheet_change", kwargs={"pk": theirs.pk})
    # Positive control: the sheet's own juri reads its scores on the same page.
    assert len(scores_shown(client, second, url)) >= 10
    assert scores_shown(client, users[who], url) == []
    assert "Salah ketik" in client.get(url).content.decode()
