"""Tests of the public objection window's pages: the open shortlist, the objection
form and its thank-you page, and the admin's decision on the staff pages."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from prima.competitions import services
from prima.competitions.models import Call, Objection, ObjectionStatus
from prima.competitions.objection_views import MAX_OBJECTIONS
from prima.competitions.testing import call_form_data, objection, shortlisted_call
from prima.innovations.testing import login

pytestmark = pytest.mark.django_db


@pytest.fixture
def shortlisted(org, users):
    """A call whose Top 2 closed now, open to public objection for 5 days."""
    return shortlisted_call(org, users["admin_pemda"])


def shortlist_url(call) -> str:
    return reverse("competitions:public_shortlist", args=[call.pk])


def form_url(entry) -> str:
    return reverse("competitions:objection_submit", args=[entry.pk])


def test_shortlist_lists_the_advanced_entries_with_the_end_date(en, shortlisted):
    """The page names the shortlisted innovations, links their objection forms and
    says until when; the entry that did not advance is not on it."""
    call, (first, second, third) = shortlisted
    response = en.get(shortlist_url(call))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Pertama" in html and "Kedua" in html and "Ketiga" not in html
    assert form_url(first) in html and form_url(second) in html
    end = call.stages_in_order().first().objection_end()
    with translation.override("en"):
        assert f"until {date_format(end)}." in html
    assert "<script" not in html


def test_shortlist_is_404_without_an_open_window(en, org, users):
    """A stage without objection days, or a window that ended, shows no page."""
    admin = users["admin_pemda"]
    without, _entries = shortlisted_call(org, admin, days=0)
    assert en.get(shortlist_url(without)).status_code == 404
    ended, _entries = shortlisted_call(
        org, admin, closed_at=timezone.now() - timedelta(days=10)
    )
    assert en.get(shortlist_url(ended)).status_code == 404


def test_results_list_links_the_shortlist_in_its_window(en, shortlisted):
    """The public results list points to the call's open shortlist."""
    call, _entries = shortlisted
    html = en.get(reverse("competitions:results_list")).content.decode()
    assert shortlist_url(call) in html


def test_answered_objections_show_without_the_objectors_identity(
    en, shortlisted, users
):
    """A dismissed objection and its answer appear; the name and e-mail do not."""
    call, (first, _second, _third) = shortlisted
    pending = objection(first, name="Budi Santoso", email="budi@example.org")
    services.objection_decide(
        pending, by=users["admin_pemda"], uphold=False, answer="Sudah diverifikasi."
    )
    html = en.get(shortlist_url(call)).content.decode()
    assert "Sudah diverifikasi." in html and "Dismissed" in html
    assert "Budi" not in html and "budi@example.org" not in html


def test_objection_form_errors_name_the_field(en, shortlisted):
    """An empty objection comes back with the error on the text field."""
    _call, (first, _second, _third) = shortlisted
    response = en.post(form_url(first), {"key": str(uuid.uuid4()), "text": ""})
    assert response.status_code == 200
    assert response.context["form"].errors["text"]
    assert 'id="id_text"' in response.content.decode()
    assert not Objection.objects.exists()


def test_objection_is_stored_once_and_thanked(en, shortlisted):
    """A valid objection is stored once even when posted twice, and the answer is a
    thank-you page saying the committee will answer."""
    _call, (first, _second, _third) = shortlisted
    data = {"key": str(uuid.uuid4()), "text": "Belum diterapkan.", "name": "Ani"}
    assert en.get(form_url(first)).status_code == 200
    en.post(form_url(first), data)
    response = en.post(form_url(first), data)
    assert response.status_code == 200
    assert "committee will examine your objection" in response.content.decode()
    stored = Objection.objects.get()
    assert (stored.entry, stored.name, stored.status) == (
        first,
        "Ani",
        ObjectionStatus.PENDING,
    )


def test_the_same_objection_sent_again_after_back_is_stored_once(en, shortlisted):
    """Back shows a fresh key; the same text from the same visitor is still the
    objection already stored, while another text is a new one."""
    _call, (first, _second, _third) = shortlisted
    text = {"text": "Inovasi ini belum diterapkan.", "name": "Ani"}
    en.post(form_url(first), {"key": str(uuid.uuid4()), **text})
    en.post(form_url(first), {"key": str(uuid.uuid4()), **text})
    assert Objection.objects.count() == 1
    en.post(form_url(first), {"key": str(uuid.uuid4()), "text": "Datanya keliru."})
    assert Objection.objects.count() == 2


def test_objections_from_one_address_are_limited(en, shortlisted):
    """After five stored objections an address is told to wait; retries of an
    already stored one do not count."""
    _call, (first, second, _third) = shortlisted
    for n in range(MAX_OBJECTIONS):
        data = {"key": str(uuid.uuid4()), "text": f"Keberatan {n}."}
        en.post(form_url(first), data)
        en.post(form_url(first), data)  # a retry of the same submission
    refused = en.post(form_url(second), {"key": str(uuid.uuid4()), "text": "Lagi."})
    assert "Too many objections" in refused.content.decode()
    assert Objection.objects.count() == MAX_OBJECTIONS


def test_objection_form_is_404_off_the_shortlist(en, shortlisted):
    """The entry that did not advance has no objection form."""
    _call, (_first, _second, third) = shortlisted
    assert en.get(form_url(third)).status_code == 404


def test_indonesian_is_the_default(client, shortlisted):
    """Without a language choice, the public pages speak Indonesian."""
    call, _entries = shortlisted
    response = client.get(shortlist_url(call))
    assert response.status_code == 200
    assert 'lang="id"' in response.content.decode()


# --- Staff pages ----------------------------------------------------------------------


def test_call_page_shows_objections_identity_only_to_the_admin(
    client, shortlisted, users
):
    """The admin sees the objector's e-mail and a decide form; the OPD admin sees the
    objection without either."""
    call, (first, _second, _third) = shortlisted
    objection(first, email="budi@example.org", text="Data tidak benar.")
    url = reverse("competitions:call_detail", args=[call.pk])
    admin_html = login(client, users["admin_pemda"]).get(url).content.decode()
    assert "budi@example.org" in admin_html and "Data tidak benar." in admin_html
    assert "/putuskan/" in admin_html
    reader_html = login(client, users["admin_opd"]).get(url).content.decode()
    assert "Data tidak benar." in reader_html
    assert "budi@example.org" not in reader_html and "/putuskan/" not in reader_html


def test_admin_upholds_from_the_entry_page(client, shortlisted, users):
    """Upholding from the entry page eliminates the entry and returns there."""
    _call, (first, _second, _third) = shortlisted
    pending = objection(first)
    prefix = f"objection-{pending.pk}"
    response = login(client, users["admin_pemda"]).post(
        reverse("competitions:objection_decide", args=[pending.pk]),
        {
            f"{prefix}-decision": "uphold",
            f"{prefix}-answer": "Terbukti belum diterapkan.",
            "back": "entry",
        },
    )
    assert response.url == reverse("competitions:entry_detail", args=[first.pk])
    first.refresh_from_db()
    pending.refresh_from_db()
    assert first.eliminated and pending.status == ObjectionStatus.UPHELD


def test_decide_without_an_answer_keeps_it_pending(client, shortlisted, users):
    """A decision posted without an answer is refused with a message."""
    call, (first, _second, _third) = shortlisted
    pending = objection(first)
    response = login(client, users["admin_pemda"]).post(
        reverse("competitions:objection_decide", args=[pending.pk]),
        {f"objection-{pending.pk}-decision": "dismiss"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse(
        "competitions:call_detail", args=[call.pk]
    )
    assert any("write the answer" in str(m) for m in response.context["messages"])
    pending.refresh_from_db()
    assert pending.is_pending


def test_call_form_stores_objection_days(client, org, users):
    """The stage rows of the call form carry the public objection days."""
    data = call_form_data(pemda=str(org.pemda.pk), **{"stages-0-objection_days": "5"})
    login(client, users["admin_pemda"]).post(reverse("competitions:call_create"), data)
    call = Call.objects.get()
    assert [s.objection_days for s in call.stages_in_order()] == [5, 0, 0]
