"""Tests of the staff pages for submitting to a call and for juri score sheets."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from prima.competitions import judging, services
from prima.competitions.models import Entry, RejectReason, ScoreChange
from prima.competitions.testing import category, judged_entries, scores
from prima.innovations.models import Group
from prima.innovations.testing import make_innovation

pytestmark = pytest.mark.django_db


def _form(sheet: dict[str, int], **extra) -> dict:
    return {**{k: str(v) for k, v in sheet.items()}, **extra}


# --- Submitting to a call -------------------------------------------------------


def test_submit_page_explains_eligibility(en, call, org, users):
    """The page lists the user's published innovations and why some cannot enter."""
    deadline = timezone.localtime(call.deadline).date()
    make_innovation(unit=org.unit, title="Layanan Siap", applied_on=date(2020, 1, 6))
    make_innovation(
        unit=org.unit, title="Masih Baru", applied_on=deadline - timedelta(days=30)
    )
    make_innovation(unit=org.unit, title="Masih Draf", published=False)
    make_innovation(unit=org.other_opd_unit, title="OPD Lain")
    en.force_login(users["admin_opd"])
    page = en.get(reverse("competitions:call_submit", kwargs={"pk": call.pk}))
    text = page.content.decode()
    assert "Layanan Siap" in text and "Masih Baru" in text
    assert "Not applied long enough" in text
    assert "Masih Draf" not in text and "OPD Lain" not in text
    assert text.count('name="innovation"') == 1


def test_submit_post_is_idempotent(en, call, org, users):
    """A retried POST stores one entry and says it is submitted."""
    innovation = make_innovation(unit=org.unit, applied_on=date(2020, 1, 6))
    en.force_login(users["operator_unit"])
    url = reverse("competitions:call_submit", kwargs={"pk": call.pk})
    data = {"innovation": innovation.pk, "category": category(call).pk}
    first = en.post(url, data)
    again = en.post(url, data, follow=True)
    assert first.status_code == 302
    assert Entry.objects.filter(call=call, innovation=innovation).count() == 1
    assert "awaits screening" in again.content.decode()


def test_submit_post_refuses_a_mismatched_category(en, call, org, users):
    """Choosing a category of another group is refused with the reason."""
    innovation = make_innovation(unit=org.unit, applied_on=date(2020, 1, 6))
    en.force_login(users["admin_opd"])
    url = reverse("competitions:call_submit", kwargs={"pk": call.pk})
    data = {"innovation": innovation.pk, "category": category(call, Group.REPLIKASI).pk}
    page = en.post(url, data, follow=True)
    assert "takes Replication proposals" in page.content.decode()
    assert not Entry.objects.exists()


def test_submit_after_judging_started_says_so(en, call, org, users):
    """Once the call is not open the page says so and a POST stores nothing."""
    innovation = make_innovation(unit=org.unit, applied_on=date(2020, 1, 6))
    services.call_start_judging(call, by=users["admin_pemda"])
    en.force_login(users["admin_opd"])
    url = reverse("competitions:call_submit", kwargs={"pk": call.pk})
    page = en.get(url)
    assert "not open for proposals" in page.content.decode()
    data = {"innovation": innovation.pk, "category": category(call).pk}
    after = en.post(url, data, follow=True)
    assert "not open for proposals" in after.content.decode()
    assert not Entry.objects.exists()


def test_submit_page_lists_screening_outcome(en, call, org, users):
    """The user's entries show their screening status and rejection reason."""
    innovation = make_innovation(
        unit=org.unit, title="Ditolak", applied_on=date(2020, 1, 6)
    )
    entry = judging.entry_submit(
        call=call, innovation=innovation, category=category(call), by=users["admin_opd"]
    )
    services.call_start_judging(call, by=users["admin_pemda"])
    services.entry_screen(
        entry,
        by=users["admin_pemda"],
        accept=False,
        reason=RejectReason.INCOMPLETE,
        note="Bukti kurang.",
    )
    en.force_login(users["admin_opd"])
    page = en.get(reverse("competitions:call_submit", kwargs={"pk": call.pk}))
    text = page.content.decode()
    assert "Rejected at screening" in text and "Incomplete proposal" in text
    assert "Bukti kurang." in text


# --- Juri pages -----------------------------------------------------------------


@pytest.fixture
def judged(org, users, second_juri):
    call, entries, assignments = judged_entries(
        pemda=org.pemda,
        admin=users["admin_pemda"],
        units=[org.unit],
        juries=[users["juri"], second_juri],
        titles=["Antrean Daring"],
    )
    mine, theirs = assignments[entries[0].pk]
    return call, mine, theirs


def test_juri_list_shows_only_own_assignments(en, judged, users, second_juri):
    """A juri sees what they must score; a user without assignments sees none."""
    _call, mine, _theirs = judged
    en.force_login(users["juri"])
    text = en.get(reverse("competitions:juri_list")).content.decode()
    assert "Antrean Daring" in text and "To score" in text
    assert reverse("competitions:juri_sheet", kwargs={"pk": mine.pk}) in text
    en.force_login(users["admin_opd"])
    text = en.get(reverse("competitions:juri_list")).content.decode()
    assert "You have no proposals to score." in text


def test_juri_sheet_submit_then_locked(en, judged, users):
    """Submitting stores the sheet; the page then shows it locked, without a form,
    and a second POST is refused."""
    _call, mine, _theirs = judged
    en.force_login(users["juri"])
    url = reverse("competitions:juri_sheet", kwargs={"pk": mine.pk})
    page = en.get(url)
    assert 'id="score-form"' in page.content.decode()
    assert "Antrean Daring" in page.content.decode()
    done = en.post(url, _form(scores(8, 7, 9, 6, 7), comment="Bagus"), follow=True)
    text = done.content.decode()
    assert 'id="locked"' in text and 'id="score-form"' not in text
    assert reverse("competitions:juri_sheet_change", kwargs={"pk": mine.pk}) in text
    again = en.post(url, _form(scores(1, 1, 1, 1, 1)), follow=True)
    assert "already submitted and are locked" in again.content.decode()
    mine.refresh_from_db()
    assert mine.sheet.scores == scores(8, 7, 9, 6, 7)


def test_juri_sheet_errors_name_the_criterion(en, judged, users):
    """A score off the scale is refused next to its criterion."""
    _call, mine, _theirs = judged
    en.force_login(users["juri"])
    url = reverse("competitions:juri_sheet", kwargs={"pk": mine.pk})
    page = en.post(url, _form(scores(11, 7, 9, 6, 7)))
    assert "Novelty: give a whole number from 1 to 10." in page.content.decode()
    assert not judging.sheet_of(mine)


@pytest.mark.parametrize("who", ["juri2", "admin_opd", "admin_pemda", "superuser"])
def test_juri_sheet_is_only_for_its_juri(client, judged, users, second_juri, who):
    """Another juri, the OPD and even the admin get 404 on someone's sheet."""
    _call, mine, _theirs = judged
    client.force_login(second_juri if who == "juri2" else users[who])
    url = reverse("competitions:juri_sheet", kwargs={"pk": mine.pk})
    assert client.get(url).status_code == 404
    assert client.post(url, _form(scores(8, 7, 9, 6, 7))).status_code == 404
    assert not judging.sheet_of(mine)


def test_juri_sheet_needs_login(client, judged):
    """An anonymous visitor is sent to the login page."""
    _call, mine, _theirs = judged
    url = reverse("competitions:juri_sheet", kwargs={"pk": mine.pk})
    assert client.get(url).status_code == 302


def test_other_juri_scores_hidden_until_the_stage_closes(
    en, judged, users, second_juri
):
    """A juri sees that another submitted, but not their scores, until the close."""
    call, mine, theirs = judged
    judging.sheet_submit(mine, scores=scores(8, 7, 9, 6, 7), by=users["juri"])
    judging.sheet_submit(theirs, scores=scores(3, 4, 2, 5, 4), by=second_juri)
    en.force_login(users["juri"])
    url = reverse("competitions:juri_sheet", kwargs={"pk": mine.pk})
    text = en.get(url).content.decode()
    assert "2 of 2 juri have submitted." in text
    assert "<td>2</td>" not in text
    services.stage_close(call.stages_in_order().first(), by=users["admin_pemda"])
    text = en.get(url).content.decode()
    assert 'id="others-hidden"' not in text
    assert "juri2" in text and "<td>2</td>" in text


def test_sheet_change_needs_a_reason_and_is_recorded(en, judged, users):
    """A change without a reason is refused; with one it is applied and listed."""
    _call, mine, _theirs = judged
    judging.sheet_submit(mine, scores=scores(8, 7, 9, 6, 7), by=users["juri"])
    en.force_login(users["juri"])
    url = reverse("competitions:juri_sheet_change", kwargs={"pk": mine.pk})
    page = en.get(url)
    assert 'value="8"' in page.content.decode()
    refused = en.post(url, _form(scores(8, 8, 9, 6, 7)))
    assert "Reason: say why the scores change." in refused.content.decode()
    assert not ScoreChange.objects.exists()
    done = en.post(url, _form(scores(8, 8, 9, 6, 7), reason="Salah ketik"), follow=True)
    text = done.content.decode()
    assert "Salah ketik" in text and 'id="changes"' in text
    change = ScoreChange.objects.get()
    assert (change.changed_by, change.before, change.after) == (
        users["juri"],
        scores(8, 7, 9, 6, 7),
        scores(8, 8, 9, 6, 7),
    )


def test_sheet_change_by_the_pemda_admin(en, judged, users, second_juri):
    """The call's Pemda admin may correct a sheet; another juri or the OPD may not."""
    _call, mine, _theirs = judged
    judging.sheet_submit(mine, scores=scores(8, 7, 9, 6, 7), by=users["juri"])
    url = reverse("competitions:juri_sheet_change", kwargs={"pk": mine.pk})
    for outsider in (second_juri, users["admin_opd"], users["other_pemda_admin"]):
        en.force_login(outsider)
        assert en.get(url).status_code == 404
    en.force_login(users["admin_pemda"])
    en.post(url, _form(scores(9, 7, 9, 6, 7), reason="Koreksi panitia"))
    assert ScoreChange.objects.get().changed_by == users["admin_pemda"]
