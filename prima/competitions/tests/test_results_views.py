"""Tests of the public pages of finished competitions."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from prima.competitions import judging, selectors, services
from prima.competitions.testing import judged_entries, make_juri, open_call, scores
from prima.core.roles import Role
from prima.organisations.testing import make_user

pytestmark = pytest.mark.django_db


def _finish(call, entries, assignments, admin, sheets):
    """Score every assignment of the first stage with ``sheets`` (per entry, per
    juri), then close every stage (the one finalist scored again) and publish."""
    for entry in entries:
        for assignment, sheet in zip(
            assignments[entry.pk], sheets[entry.pk], strict=True
        ):
            judging.sheet_submit(assignment, scores=sheet, by=assignment.juri)
    first, final = call.stages_in_order()
    services.stage_close(first, by=admin)
    for entry in entries:
        entry.refresh_from_db()
        if entry.stage_id == final.pk and not entry.eliminated:
            juri = assignments[entry.pk][0].juri
            later = services.assign_juri(entry, juri=juri, by=admin)
            judging.sheet_submit(later, scores=scores(9, 9, 9, 9, 9), by=juri)
    services.stage_close(final, by=admin)
    return services.results_publish(call, by=admin)


@pytest.fixture
def finished(org, users):
    """A finished call of three entries in Top 2 → 1 winner, after inovasi.md's
    worked example: "Kedua" ties "Pertama" at 75.00 but ranks above on bermanfaat."""
    juries = [users["juri"]] + [make_juri(org.pemda, f"juri{n}") for n in (2, 3)]
    call, entries, assignments = judged_entries(
        pemda=org.pemda,
        admin=users["admin_pemda"],
        units=[org.unit, org.sibling_unit, org.other_opd_unit],
        juries=juries,
        titles=["Pertama", "Kedua", "Ketiga"],
    )
    first, second, third = entries
    sheets = {
        first.pk: [scores(8, 7, 9, 6, 7), scores(7, 8, 8, 7, 6), scores(9, 6, 7, 8, 8)],
        second.pk: [
            scores(8, 7, 9, 6, 7),
            scores(7, 8, 8, 7, 6),
            scores(9, 7, 8, 6, 7),
        ],
        third.pk: [scores(5, 5, 5, 5, 5)] * 3,
    }
    return _finish(call, entries, assignments, users["admin_pemda"], sheets), entries


def test_results_show_ranking_with_criterion_means(en, finished):
    """Each stage's ranking shows the score to 2 decimals and each criterion's mean."""
    call, (first, second, third) = finished
    (top,) = [r for r in selectors.published_results(call) if r.stage.order == 1]
    assert [row.entry for row in top.rows] == [second, first, third]
    assert [str(row.score) for row in top.rows] == ["75.00", "75.00", "50.00"]
    text = en.get(
        reverse("competitions:results", kwargs={"pk": call.pk})
    ).content.decode()
    assert text.index("Kedua") < text.index("Pertama") < text.index("Ketiga")
    assert "75.00" in text and "8.33" in text and "7.33" in text
    assert "Winner" in text and 'class="winner"' in text
    assert "Novelty 25%" in text and "Replicable 15%" in text
    assert "Beneficial, Effective, Novelty, Sustainable, Replicable" in text
    assert first.innovation.get_absolute_url() in text


def test_results_hide_unfinished_calls(en, finished, org, users):
    """A call still open or being judged is neither listed nor shown."""
    finished_call, _entries = finished
    running = open_call(pemda=org.pemda, admin=users["admin_pemda"])
    url = reverse("competitions:results", kwargs={"pk": running.pk})
    assert en.get(url).status_code == 404
    listing = en.get(reverse("competitions:results_list")).content.decode()
    assert reverse("competitions:results", kwargs={"pk": finished_call.pk}) in listing
    assert url not in listing


def test_results_list_newest_first_across_pemda(en, finished, org):
    """Finished calls of every Pemda are listed, newest publication first."""
    call, _entries = finished
    admin = make_user(role=Role.ADMIN_PEMDA, pemda=org.other_pemda)
    juri = make_juri(org.other_pemda)
    other, entries, assignments = judged_entries(
        pemda=org.other_pemda,
        admin=admin,
        units=[org.other_pemda_unit],
        juries=[juri],
        titles=["Beta"],
    )
    _finish(
        other, entries, assignments, admin, {entries[0].pk: [scores(6, 6, 6, 6, 6)]}
    )
    call.published_at = timezone.now() - timezone.timedelta(days=3)
    call.save(update_fields=["published_at"])
    text = en.get(reverse("competitions:results_list")).content.decode()
    assert "Kabupaten Beta" in text and "Kota Alpha" in text
    assert text.index("Kabupaten Beta") < text.index("Kota Alpha")
