"""Tests of the Pemda admin's competition pages, per role: the call list and form, the
call dashboard (never a score before its stage closes), the entry page and the
POST actions."""

from __future__ import annotations

import pytest
from django.urls import reverse

from prima.competitions import services
from prima.competitions.models import (
    Assignment,
    Call,
    CallStatus,
    PanelMember,
    ScoreChange,
    Screening,
    StageResult,
)
from prima.competitions.testing import (
    FIRST,
    call_form_data,
    judging_call,
    make_call,
    make_entry,
    make_juri,
    score,
    seat,
    submit_sheet,
)
from prima.innovations.testing import login, make_innovation

pytestmark = pytest.mark.django_db


def page(client, name: str, *args) -> str:
    response = client.get(reverse(f"competitions:{name}", args=args))
    assert response.status_code == 200
    return response.content.decode()


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


# --- List and form --------------------------------------------------------------------


def test_call_list_shows_the_pemda_calls(client, org, users):
    """The OPD admin reads the list; the juri is refused it."""
    call = make_call(org.pemda, users["admin_pemda"])
    assert call.title in page(login(client, users["admin_opd"]), "call_list")
    response = login(client, users["juri"]).get(reverse("competitions:call_list"))
    assert response.status_code == 403


def test_call_create_stores_the_call_with_its_rows(client, org, users):
    """Posting the form creates the call with its categories and stages in order."""
    data = call_form_data(pemda=str(org.pemda.pk))
    response = login(client, users["admin_pemda"]).post(
        reverse("competitions:call_create"), data
    )
    call = Call.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("competitions:call_detail", args=[call.pk])
    assert [(s.name, s.advance) for s in call.stages_in_order()] == [
        ("Top 99", 99),
        ("Top 45", 45),
        ("Pemenang", 3),
    ]
    assert call.categories.count() == 2 and call.pemda == org.pemda


def test_call_create_names_the_weights_when_they_do_not_sum_to_one(client, org, users):
    """Weights summing to 1.05 come back with the error on the weight fields."""
    data = call_form_data(pemda=str(org.pemda.pk), weight_kebaruan="0.30")
    response = login(client, users["admin_pemda"]).post(
        reverse("competitions:call_create"), data
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert "must sum to 1" in form.errors["weight_kebaruan"][0]
    assert "weight_berkelanjutan" in form.errors
    assert not Call.objects.exists()


def test_call_create_refuses_a_repeated_tie_criterion(client, org, users):
    """A tie order naming a criterion twice is refused on the tie-break fields."""
    data = call_form_data(pemda=str(org.pemda.pk), tie_2="bermanfaat")
    response = login(client, users["admin_pemda"]).post(
        reverse("competitions:call_create"), data
    )
    assert "tie_1" in response.context["form"].errors
    assert not Call.objects.exists()


def test_call_create_offers_only_the_admins_pemda(client, org, users):
    """Another Pemda's admin cannot create a call for Kota Alpha."""
    data = call_form_data(pemda=str(org.pemda.pk))
    response = login(client, users["other_pemda_admin"]).post(
        reverse("competitions:call_create"), data
    )
    assert "pemda" in response.context["form"].errors
    assert not Call.objects.exists()


def test_call_edit_changes_a_prepared_call(client, org, users):
    """The edit form shows the rules and saves the changes."""
    admin = users["admin_pemda"]
    call = make_call(org.pemda, admin)
    text = page(login(client, admin), "call_edit", call.pk)
    assert "Top 2" in text
    data = call_form_data(
        title="KIPP baru",
        **{"categories-INITIAL_FORMS": "0", "stages-INITIAL_FORMS": "0"},
    )
    client.post(reverse("competitions:call_edit", args=[call.pk]), data)
    call.refresh_from_db()
    assert call.title == "KIPP baru" and call.stages.count() == 3


def test_call_edit_of_an_open_call_redirects_with_a_message(client, org, users):
    """An open call cannot be edited."""
    admin = users["admin_pemda"]
    call = make_call(org.pemda, admin)
    services.call_open(call, by=admin)
    response = login(client, admin).get(
        reverse("competitions:call_edit", args=[call.pk]), follow=True
    )
    assert "only while prepared" in " ".join(messages_of(response))


# --- The call page ---------------------------------------------------------------------


def test_call_page_never_shows_a_score_before_the_stage_closes(client, org, users):
    """Before closing the admin sees who submitted; after closing, the result."""
    admin = users["admin_pemda"]
    done, waiting = (
        make_juri(org.pemda, "juri_selesai"),
        make_juri(org.pemda, "juri_belum"),
    )
    call, (entry,) = judging_call(org, admin)
    seat(call, admin, done)
    seat(call, admin, waiting)
    score(entry, admin, [(done, FIRST[0])])
    services.assign_juri(entry, juri=waiting, by=admin)
    text = page(login(client, admin), "call_detail", call.pk)
    assert "juri_selesai ✓" in text and "juri_belum" in text
    assert "1 of 2" in text
    assert "76.0" not in text
    services.stage_close(call.stages_in_order().first(), by=admin)
    text = page(client, "call_detail", call.pk)
    assert "76.00" in text


def test_opd_admin_sees_only_their_opds_entries(client, org, users):
    """The OPD admin reads the call with their own entry and not another OPD's."""
    call = make_call(org.pemda, users["admin_pemda"])
    make_entry(call, make_innovation(unit=org.unit, title="Layanan Disdukcapil"))
    make_entry(call, make_innovation(unit=org.other_opd_unit, title="Layanan Dinkes"))
    text = page(login(client, users["admin_opd"]), "call_detail", call.pk)
    assert "Layanan Disdukcapil" in text and "Layanan Dinkes" not in text
    assert "Add a juri" not in text


def test_assign_form_leaves_out_conflicted_juri(client, org, users):
    """The juri of the entry's own OPD is not offered in the assign form."""
    admin = users["admin_pemda"]
    call, (entry,) = judging_call(org, admin)
    free, conflicted = (
        make_juri(org.pemda, "juri_bebas"),
        make_juri(org.pemda, "juri_opd"),
    )
    seat(call, admin, free)
    seat(call, admin, conflicted, affiliation_opd=org.opd)
    response = login(client, admin).get(
        reverse("competitions:call_detail", args=[call.pk])
    )
    (row,) = response.context["dashboard"].stages[0].progress
    assert list(row.form.fields["juri"].queryset) == [free]


# --- POST actions ---------------------------------------------------------------------


def test_assign_refuses_a_conflicted_juri_posted_anyway(client, org, users):
    """Posting a conflicted juri's id assigns nothing and explains why."""
    admin = users["admin_pemda"]
    call, (entry,) = judging_call(org, admin)
    conflicted = make_juri(org.pemda, "juri_opd")
    seat(call, admin, conflicted, affiliation_opd=org.opd)
    response = login(client, admin).post(
        reverse("competitions:assign_juri", args=[entry.pk]),
        {f"assign-{entry.pk}-juri": conflicted.pk},
        follow=True,
    )
    assert "conflict of interest" in " ".join(messages_of(response))
    assert not Assignment.objects.exists()


def test_assign_juri_from_the_entry_page_returns_there(client, org, users):
    """Assigning a free juri stores one assignment, even when posted twice."""
    admin = users["admin_pemda"]
    call, (entry,) = judging_call(org, admin)
    free = make_juri(org.pemda, "juri_bebas")
    seat(call, admin, free)
    url = reverse("competitions:assign_juri", args=[entry.pk])
    data = {f"assign-{entry.pk}-juri": free.pk, "back": "entry"}
    response = login(client, admin).post(url, data)
    assert response.url == reverse("competitions:entry_detail", args=[entry.pk])
    client.post(url, data)
    assert Assignment.objects.filter(entry=entry, juri=free).count() == 1


def test_screen_reject_needs_a_reason(client, org, users):
    """Rejecting without a reason is refused with a message; with one it is stored."""
    admin = users["admin_pemda"]
    call = make_call(org.pemda, admin)
    services.call_open(call, by=admin)
    entry = make_entry(call, make_innovation(unit=org.unit))
    url = reverse("competitions:entry_screen", args=[entry.pk])
    prefix = f"screen-{entry.pk}"
    response = login(client, admin).post(
        url, {f"{prefix}-decision": "reject"}, follow=True
    )
    assert "reason" in " ".join(messages_of(response))
    entry.refresh_from_db()
    assert entry.screening == Screening.PENDING
    client.post(
        url,
        {
            f"{prefix}-decision": "reject",
            f"{prefix}-reason": "duplicate",
            f"{prefix}-note": "Judul sama dengan entri lain.",
        },
    )
    entry.refresh_from_db()
    assert entry.screening == Screening.REJECTED
    text = page(client, "call_detail", call.pk)
    assert "Duplicate title" in text and "Judul sama" in text


def test_screen_accept_puts_the_entry_in_the_first_stage(client, org, users):
    """Accepting from the call page puts the entry into the first stage."""
    admin = users["admin_pemda"]
    call = make_call(org.pemda, admin)
    services.call_open(call, by=admin)
    entry = make_entry(call, make_innovation(unit=org.unit))
    login(client, admin).post(
        reverse("competitions:entry_screen", args=[entry.pk]),
        {f"screen-{entry.pk}-decision": "accept"},
    )
    entry.refresh_from_db()
    assert entry.stage == call.stages_in_order().first()


def test_panel_add_and_remove(client, org, users):
    """The admin seats the Pemda's juri with an OPD, then removes them."""
    admin = users["admin_pemda"]
    call = make_call(org.pemda, admin)
    login(client, admin).post(
        reverse("competitions:panel_add", args=[call.pk]),
        {
            "panel-juri": users["juri"].pk,
            "panel-affiliation_opd": org.opd.pk,
            "panel-affiliation": "Bappeda",
        },
    )
    member = PanelMember.objects.get(call=call)
    assert member.affiliation_opd == org.opd
    client.post(reverse("competitions:panel_remove", args=[member.pk]))
    assert not PanelMember.objects.exists()


def test_call_lifecycle_through_the_pages(client, org, users):
    """Open, start judging, close both stages and publish, each with a message."""
    admin = users["admin_pemda"]
    juri = make_juri(org.pemda)
    call = make_call(org.pemda, admin, stages=[("Final", 1)])
    login(client, admin)
    client.post(reverse("competitions:call_open", args=[call.pk]))
    entry = make_entry(call, make_innovation(unit=org.unit))
    client.post(reverse("competitions:call_start_judging", args=[call.pk]))
    services.entry_screen(entry, by=admin, accept=True)
    seat(call, admin, juri)
    score(entry, admin, [(juri, FIRST[0])])
    stage = call.stages.get()
    response = client.post(
        reverse("competitions:stage_close", args=[stage.pk]), follow=True
    )
    assert "Stage closed" in " ".join(messages_of(response))
    assert StageResult.objects.get().rank == 1
    client.post(reverse("competitions:call_publish", args=[call.pk]))
    call.refresh_from_db()
    entry.refresh_from_db()
    assert call.status == CallStatus.FINISHED and entry.final_rank == 1


def test_stage_close_without_sheets_names_the_entry(client, org, users):
    """Closing a stage with an unscored entry is refused with its title."""
    admin = users["admin_pemda"]
    call, (entry,) = judging_call(org, admin, titles=("Tanpa nilai",))
    response = login(client, admin).post(
        reverse("competitions:stage_close", args=[call.stages_in_order()[0].pk]),
        follow=True,
    )
    assert "Tanpa nilai" in " ".join(messages_of(response))


def test_read_only_roles_cannot_post(client, org, users):
    """The OPD admin reads the call but may not open it."""
    call = make_call(org.pemda, users["admin_pemda"])
    response = login(client, users["admin_opd"]).post(
        reverse("competitions:call_open", args=[call.pk])
    )
    assert response.status_code == 403


# --- The entry page -------------------------------------------------------------------


def _scored_entry_with_change(org, users):
    admin = users["admin_pemda"]
    juri = make_juri(org.pemda, "juri_a")
    call, (entry,) = judging_call(org, admin, titles=("Antrean daring",))
    seat(call, admin, juri)
    sheet = submit_sheet(services.assign_juri(entry, juri=juri, by=admin), FIRST[0])
    ScoreChange.objects.create(
        sheet=sheet,
        changed_by=juri,
        reason="Salah ketik kebaruan",
        before=dict(sheet.scores),
        after=dict(sheet.scores, kebaruan=9),
    )
    return call, entry


def test_entry_page_hides_sheets_until_the_stage_closes(client, org, users):
    """The admin sees the proposal and who submitted; scores and trail come later."""
    call, entry = _scored_entry_with_change(org, users)
    text = page(login(client, users["admin_pemda"]), "entry_detail", entry.pk)
    assert "ringkasan: Antrean daring" in text
    assert "juri_a ✓" in text
    assert "Scores stay hidden" in text
    assert "76.00" not in text and "Salah ketik" not in text
    services.stage_close(call.stages_in_order()[0], by=users["admin_pemda"])
    text = page(client, "entry_detail", entry.pk)
    assert "76.00" in text
    assert "Salah ketik kebaruan" in text and "Novelty: 8 → 9" in text


def test_entry_page_trail_is_for_the_admin_only(client, org, users):
    """After closing, the OPD admin sees the result but not the change trail."""
    call, entry = _scored_entry_with_change(org, users)
    services.stage_close(call.stages_in_order()[0], by=users["admin_pemda"])
    text = page(login(client, users["admin_opd"]), "entry_detail", entry.pk)
    assert "Rank 1" in text
    assert "Salah ketik" not in text


def test_assigned_juri_uses_the_judging_pages(client, org, users):
    """A juri holds no competition grant: the admin's entry page is not theirs."""
    call, entry = _scored_entry_with_change(org, users)
    juri = Assignment.objects.get().juri
    response = login(client, juri).get(
        reverse("competitions:entry_detail", args=[entry.pk])
    )
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("field", "value"),
    [
        *[("stages-0-advance", v) for v in (str(10**19), str(2**31), "10000", "-1")],
        *[
            (field, value)
            for field in ("year", "scale_max", "min_years_umum", "weight_kebaruan")
            for value in (str(10**19), "-1")
        ],
    ],
)
def test_call_create_refuses_numbers_out_of_range_on_the_field(
    client, org, users, field, value
):
    """A number no column holds (a 64-bit one on SQLite, a 32-bit one on PostgreSQL)
    or no call needs is a form error on its field, not a server error, and stores
    nothing."""
    data = call_form_data(pemda=str(org.pemda.pk), **{field: value})
    client = login(client, users["admin_pemda"])
    response = client.post(reverse("competitions:call_create"), data)
    assert response.status_code == 200
    assert field in response.context["form"].errors or any(
        field.removeprefix("stages-0-") in form.errors
        for form in response.context["stages"]
    )
    assert not Call.objects.exists()
