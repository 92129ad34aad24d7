"""Tests of the citizen pages: sending a case, the one-time code and the portal links."""

from __future__ import annotations

import uuid

import pytest
from django.conf import settings
from django.urls import reverse

from prima.complaints.models import Attachment, Case, Privacy
from prima.core.testing import jpeg_bytes, pdf_bytes, upload

pytestmark = pytest.mark.django_db


def submit_url(org, query: str = "") -> str:
    return reverse("complaints:submit", kwargs={"pemda_slug": org.pemda.slug}) + query


def form_data(**overrides) -> dict:
    return {
        "key": str(uuid.uuid4()),
        "kind": "pengaduan",
        "subject": "Petugas tidak ada",
        "description": "Loket tutup pada jam layanan.",
        "privacy": "open",
        "contact_name": "Siti",
        "contact_email": "siti@example.org",
        "contact_phone": "0812",
        **overrides,
    }


@pytest.fixture
def en(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def test_form_shows_units_and_a_fresh_key_each_time(en, org):
    """The form lists the Pemda's units and issues a new UUID4 key on every display."""
    first = en.get(submit_url(org))
    second = en.get(submit_url(org))
    assert first.status_code == 200
    assert org.unit.name in first.content.decode()
    assert org.other_pemda_unit.name not in first.content.decode()
    assert first.context["key"] != second.context["key"]
    assert uuid.UUID(first.context["key"]).version == 4
    assert "<script" not in first.content.decode()


def test_service_link_prefills_the_service(en, org):
    """?layanan= fixes the service, and the case goes to its unit."""
    url = submit_url(org, f"?layanan={org.layanan.pk}")
    assert org.layanan.name in en.get(url).content.decode()
    en.post(url, form_data())
    case = Case.objects.get()
    assert case.layanan == org.layanan
    assert case.unit == org.unit


def test_unit_link_preselects_the_unit(en, org):
    """?unit= preselects that unit in the select."""
    response = en.get(submit_url(org, f"?unit={org.sibling_unit.pk}"))
    assert (
        f'<option value="{org.sibling_unit.pk}" selected>' in response.content.decode()
    )
    assert response.context["layanan"] is None


def test_other_pemda_service_link_ignored(en, org):
    """A service of another Pemda in the link is not used."""
    response = en.get(submit_url(org, f"?layanan={org.other_pemda_layanan.pk}"))
    assert response.context["layanan"] is None


@pytest.mark.parametrize("junk", ["²", "9" * 19, "-1", "abc"])
def test_junk_service_or_unit_in_the_link_is_ignored(en, org, junk):
    """A service or unit in the link that is no plain id shows the empty form."""
    response = en.get(submit_url(org), {"layanan": junk, "unit": junk})
    assert response.status_code == 200
    assert response.context["layanan"] is None


def test_submit_redirects_and_shows_the_code_once(en, org):
    """A sent case redirects to a page showing its code, once, and never in a URL."""
    response = en.post(submit_url(org), form_data(unit=org.unit.pk))
    case = Case.objects.get()
    assert response.status_code == 302
    assert case.tracking_code not in response["Location"]
    page = en.get(response["Location"])
    assert case.tracking_code in page.content.decode()
    assert "Write this code down" in page.content.decode()
    assert "no-store" in page["Cache-Control"]
    again = en.get(response["Location"])
    assert case.tracking_code not in again.content.decode()
    assert case.unit == org.unit
    assert case.contact_email == "siti@example.org"


def test_the_unlocked_case_page_is_never_stored(en, org):
    """The case page a tracking code unlocks is kept by no cache."""
    en.post(submit_url(org), form_data())
    case = Case.objects.get()
    track = reverse("complaints:track", kwargs={"pemda_slug": org.pemda.slug})
    unlocked = en.post(track, {"code": case.tracking_code}, follow=True)
    assert case.subject in unlocked.content.decode()
    assert "no-store" in unlocked["Cache-Control"]


def test_double_submit_stores_one_case(en, org):
    """Sending the same form twice stores one case and no second code is shown."""
    data = form_data()
    en.post(submit_url(org), data)
    en.get(reverse("complaints:submitted", kwargs={"pemda_slug": org.pemda.slug}))
    response = en.post(submit_url(org), data)
    assert Case.objects.count() == 1
    page = en.get(response["Location"])
    assert Case.objects.get().tracking_code not in page.content.decode()


def test_back_and_send_again_with_a_fresh_key_stores_one_case(en, org):
    """The same text sent again from the same session under a new key is one case."""
    sent = en.post(submit_url(org), form_data(unit=org.unit.pk))
    en.get(sent["Location"])  # the code is shown once
    fresh = en.get(submit_url(org)).context["key"]  # Back brings a new page
    response = en.post(
        submit_url(org),
        form_data(key=fresh, description="  Loket tutup pada\njam layanan. "),
    )
    assert response.status_code == 302
    assert Case.objects.count() == 1
    page = en.get(response["Location"])
    assert Case.objects.get().tracking_code not in page.content.decode()


def test_new_text_from_the_same_session_is_a_new_case(en, org):
    """Another complaint from the same browser is stored as a second case."""
    en.post(submit_url(org), form_data())
    en.post(submit_url(org), form_data(subject="Toilet rusak"))
    assert Case.objects.count() == 2


def test_two_citizens_sending_the_same_text_make_two_cases(org, client):
    """Two sessions sending identical text are two citizens: two cases."""
    from django.test import Client

    client.post(submit_url(org), form_data())
    Client().post(submit_url(org), form_data())
    assert Case.objects.count() == 2


def test_the_same_text_after_the_window_is_a_new_case(en, org, monkeypatch):
    """Sent again more than ten minutes later, the same text is a new case."""
    from prima.core import idempotency

    monkeypatch.setattr(idempotency, "_now", lambda: 1_000_000.0)
    en.post(submit_url(org), form_data())
    later = 1_000_000.0 + idempotency.SAME_SUBMISSION_SECONDS + 1
    monkeypatch.setattr(idempotency, "_now", lambda: later)
    en.post(submit_url(org), form_data())
    assert Case.objects.count() == 2


def test_confidential_choice_stored(en, org):
    """The confidential choice is stored with the contact details."""
    en.post(submit_url(org), form_data(privacy="confidential"))
    case = Case.objects.get()
    assert case.privacy == Privacy.CONFIDENTIAL
    assert case.contact_name == "Siti"


def test_anonymous_keeps_no_contact(en, org):
    """An anonymous case keeps no contact details even if typed."""
    en.post(submit_url(org), form_data(privacy="anonymous"))
    case = Case.objects.get()
    assert case.privacy == Privacy.ANONYMOUS
    assert (case.contact_name, case.contact_email, case.contact_phone) == ("", "", "")


def test_files_stored_with_case(en, org):
    """Valid files are stored as attachments of the new case."""
    files = [upload("a.jpg", jpeg_bytes(exif=True)), upload("b.pdf", pdf_bytes())]
    en.post(submit_url(org), {**form_data(), "files": files})
    case = Case.objects.get()
    stored = {a.original_name: a.content_type for a in case.attachments.all()}
    assert stored == {"a.jpg": "image/jpeg", "b.pdf": "application/pdf"}
    photo = case.attachments.get(original_name="a.jpg").file.read()
    assert b"Exif" not in photo


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ([upload("foto.jpg", b"this is text")], "foto.jpg"),
        ([upload("foto.png", pdf_bytes())], "does not match its name"),
        ([upload("besar.jpg", jpeg_bytes() + b"\0" * (5 * 1024 * 1024))], "5 MB"),
        ([upload(f"f{i}.jpg", jpeg_bytes()) for i in range(4)], "at most 3"),
    ],
)
def test_bad_files_store_nothing(en, org, files, message):
    """A wrong-type, lying, oversized or fourth file stores no case and no file."""
    response = en.post(submit_url(org), {**form_data(), "files": files})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Case.objects.count() == 0
    assert Attachment.objects.count() == 0


def test_missing_fields_rerender_with_errors(en, org):
    """A form without subject is shown again and stores nothing."""
    response = en.post(submit_url(org), form_data(subject=""))
    assert response.status_code == 200
    assert "Nothing was sent yet" in response.content.decode()
    assert Case.objects.count() == 0


def test_forged_key_refused(en, org):
    """A key that is not a UUID4 is refused and nothing is stored."""
    response = en.post(submit_url(org), form_data(key="not-a-key"))
    assert response.status_code == 200
    assert Case.objects.count() == 0


def test_unknown_pemda_is_404(client, org):
    """An unknown Pemda address answers 404."""
    url = reverse("complaints:submit", kwargs={"pemda_slug": "nowhere"})
    assert client.get(url).status_code == 404


def test_portal_pages_link_to_the_form(en, org):
    """The service and unit pages of the portal link to the prefilled form."""
    service = en.get(
        reverse(
            "portal:service-detail",
            kwargs={"pemda_slug": org.pemda.slug, "pk": org.layanan.pk},
        )
    ).content.decode()
    unit = en.get(
        reverse(
            "portal:unit-detail",
            kwargs={"pemda_slug": org.pemda.slug, "pk": org.unit.pk},
        )
    ).content.decode()
    assert f"{submit_url(org)}?layanan={org.layanan.pk}" in service
    assert f"{submit_url(org)}?unit={org.unit.pk}" in unit
    assert "Complain or suggest" in service
    assert "Complain or suggest" in unit
