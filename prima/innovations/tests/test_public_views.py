"""Tests of the public library pages: catalogue, innovation page and evidence files."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.urls import NoReverseMatch, reverse

from prima.innovations.models import Evidence
from prima.innovations.public_views import PAGE_SIZE
from prima.innovations.services import innovation_replicate
from prima.innovations.testing import AFTER, APPLIED, BEFORE, make_innovation, rollup

pytestmark = pytest.mark.django_db
LIBRARY = reverse("innovations:library")


def detail_url(innovation) -> str:
    return reverse("innovations:public_detail", kwargs={"pk": innovation.pk})


def add_evidence(innovation, *, kind, name, content_type) -> Evidence:
    item = Evidence(
        innovation=innovation,
        kind=kind,
        original_name=name,
        content_type=content_type,
        size=8,
        caption=f"caption of {name}",
    )
    item.file.save(name, ContentFile(b"content!"), save=True)
    return item


def test_library_lists_published_rows_with_origin_and_count(org, en):
    """A row shows title, OPD and Pemda (or origin), stage, targets and copy count."""
    own = make_innovation(unit=org.unit, title="Antrean daring", targets=("U3",))
    make_innovation(
        pemda=org.pemda,
        title="Mal pelayanan",
        origin_region="Kota Contoh",
        origin_agency="DPMPTSP Contoh",
    )
    make_innovation(unit=org.unit, title="Draf rahasia", published=False)
    unit = org.other_pemda_unit
    innovation_replicate(own, by=None, pemda=unit.pemda, opd=unit.opd, unit=unit)
    page = en.get(LIBRARY).content.decode()
    assert "2 innovations found." in page
    assert "Antrean daring" in page and org.opd.name in page
    assert "DPMPTSP Contoh, Kota Contoh" in page and "recorded by Kota Alpha" in page
    assert "U3 Waktu Penyelesaian" in page and "Applied" in page
    assert "replicated 1 time" in page and "replicated 0 times" not in page
    assert "Draf rahasia" not in page
    assert f'href="{LIBRARY}?pemda=kota-alpha"' in page


def test_library_search_and_filter_from_the_query(org, en):
    """GET words and filters narrow the list and stay in the form."""
    make_innovation(unit=org.unit, title="Antrean daring", kebaruan="Lewat WhatsApp.")
    make_innovation(unit=org.other_pemda_unit, title="Akta sekali datang")
    response = en.get(LIBRARY, {"q": "whatsapp", "pemda": "kota-alpha"})
    page = response.content.decode()
    assert "1 innovation found." in page and "Akta sekali datang" not in page
    assert 'value="whatsapp"' in page


@pytest.mark.parametrize(
    "query",
    [
        {"unsur": "U99"},
        {"sector": "<script>"},
        {"stage": "x", "pemda": "tidak-ada"},
        {"q": "x" * 500},
        {"page": "banyak"},
    ],
)
def test_bad_filter_values_are_ignored_with_a_message(org, en, query):
    """Unknown values never break the page: the field is marked and ignored."""
    make_innovation(unit=org.unit, title="Antrean daring")
    response = en.get(LIBRARY, query)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Antrean daring" in page
    if "page" not in query:
        assert "are ignored" in page
    assert "<script>" not in page


def test_library_paginates(org, en):
    """More rows than a page hold spread over pages with a link to the next."""
    for n in range(PAGE_SIZE + 1):
        make_innovation(unit=org.unit, title=f"Inovasi {n}")
    first = en.get(LIBRARY)
    assert first.context["page_obj"].paginator.num_pages == 2
    assert "?page=2" in first.content.decode()
    assert len(en.get(LIBRARY, {"page": 2}).context["page_obj"]) == 1


def test_library_page_queries_do_not_grow_with_rows(
    org, client, django_assert_max_num_queries
):
    """A full page costs a fixed number of queries."""
    for n in range(PAGE_SIZE):
        make_innovation(unit=org.unit, title=f"Inovasi {n}", targets=("U1", "U2"))
    with django_assert_max_num_queries(8):
        client.get(LIBRARY)


def test_detail_shows_sections_targets_services_and_video(org, en):
    """The public page shows the proposal sections, targets, services and video."""
    innovation = make_innovation(
        unit=org.unit,
        title="Antrean daring",
        targets=("U3", "U7"),
        kebaruan="Nomor antrean lewat WhatsApp.",
        video_url="https://video.example.test/antrean",
    )
    innovation.layanan.set([org.layanan])
    page = en.get(detail_url(innovation)).content.decode()
    assert "Nomor antrean lewat WhatsApp." in page
    assert "U3 Waktu Penyelesaian" in page and "U7 Perilaku Pelaksana" in page
    assert org.layanan.name in page
    assert "https://video.example.test/antrean" in page
    assert "Applied" in page


def test_draft_is_never_public(org, users, client):
    """A draft answers 404 to everyone, its own OPD administrator included."""
    draft = make_innovation(unit=org.unit, published=False)
    assert client.get(detail_url(draft)).status_code == 404
    client.force_login(users["admin_opd"])
    assert client.get(detail_url(draft)).status_code == 404


def test_detail_shows_lineage_and_hides_a_draft_copy(org, en):
    """The origin's page names its published copy and only counts the draft one."""
    root = make_innovation(unit=org.unit, title="Antrean daring")
    unit = org.other_pemda_unit
    innovation_replicate(
        root, by=None, pemda=unit.pemda, opd=unit.opd, unit=unit, title="Salinan Beta"
    )
    page = en.get(detail_url(root)).content.decode()
    assert "Salinan Beta" not in page
    assert "1 unpublished copy" in page


def test_detail_shows_measured_impact_with_chart(org, en):
    """An applied innovation with rollups shows the comparison and the SVG chart."""
    rollup(org.layanan, APPLIED - timedelta(days=30), BEFORE)
    rollup(org.layanan, APPLIED + timedelta(days=30), AFTER)
    innovation = make_innovation(unit=org.unit, applied_on=APPLIED)
    page = en.get(detail_url(innovation)).content.decode()
    assert "[0.112, 0.588]" in page and "+0.35" in page and "Improved" in page
    assert "<svg" in page
    assert "180 days each" in page


def test_detail_window_form_changes_the_window(org, en):
    """``?jendela=60&jeda=7`` compares 60 days after a 7-day ramp-up."""
    innovation = make_innovation(unit=org.unit, applied_on=APPLIED)
    rollup(org.layanan, APPLIED - timedelta(days=3), BEFORE)
    rollup(org.layanan, APPLIED + timedelta(days=10), AFTER)
    response = en.get(detail_url(innovation), {"jendela": 60, "jeda": 7})
    impact = response.context["impact"]
    assert (impact.window_days, impact.ramp_days, impact.days_compared) == (60, 7, 60)
    bad = en.get(detail_url(innovation), {"jendela": 1000})
    assert bad.status_code == 200
    assert "Showing the default instead." in bad.content.decode()


def test_detail_says_why_no_impact_is_shown(org, en):
    """An innovation not yet applied says so instead of showing numbers."""
    innovation = make_innovation(unit=org.unit, stage="uji_coba")
    page = en.get(detail_url(innovation)).content.decode()
    assert "the innovation is not applied" in page


@pytest.mark.parametrize(
    ("user", "may"),
    [("admin_opd", True), ("operator_unit", True), ("juri", False), (None, False)],
)
def test_replicate_offered_to_innovation_writers_only(org, users, client, user, may):
    """The "Replikasi" button is for users holding the innovation change grant."""
    innovation = make_innovation(unit=org.other_pemda_unit)
    if user:
        client.force_login(users[user])
    response = client.get(detail_url(innovation))
    assert response.context["can_replicate"] is may
    try:
        url = reverse("innovations:replicate", args=[innovation.pk])
    except NoReverseMatch:  # the registry's view is not wired yet
        return
    assert (url in response.content.decode()) is may


def test_photo_evidence_is_shown_inline(org, client):
    """A photo of a published innovation is served inline, with nosniff."""
    innovation = make_innovation(unit=org.unit)
    photo = add_evidence(
        innovation, kind=Evidence.Kind.PHOTO, name="foto.png", content_type="image/png"
    )
    response = client.get(
        reverse("innovations:public_evidence", kwargs={"pk": photo.pk})
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("inline")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == b"content!"
    page = client.get(detail_url(innovation)).content.decode()
    assert f'<img src="/inovasi/bukti/{photo.pk}/"' in page


def test_pdf_evidence_is_a_download(org, client):
    """A PDF is served as an attachment under its original name."""
    innovation = make_innovation(unit=org.unit)
    pdf = add_evidence(
        innovation,
        kind=Evidence.Kind.DOCUMENT,
        name="laporan.pdf",
        content_type="application/pdf",
    )
    response = client.get(reverse("innovations:public_evidence", kwargs={"pk": pdf.pk}))
    assert response["Content-Disposition"].startswith("attachment")
    assert "laporan.pdf" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_evidence_of_a_draft_is_not_public(org, users, client):
    """Evidence of a draft answers 404, whoever asks."""
    draft = make_innovation(unit=org.unit, published=False)
    item = add_evidence(
        draft, kind=Evidence.Kind.PHOTO, name="foto.png", content_type="image/png"
    )
    url = reverse("innovations:public_evidence", kwargs={"pk": item.pk})
    assert client.get(url).status_code == 404
    client.force_login(users["admin_opd"])
    assert client.get(url).status_code == 404


def test_detail_page_queries_are_bounded(org, client, django_assert_max_num_queries):
    """An innovation with copies, evidence and impact renders in a fixed few queries."""
    rollup(org.layanan, APPLIED - timedelta(days=30), BEFORE)
    rollup(org.layanan, APPLIED + timedelta(days=30), AFTER)
    root = make_innovation(unit=org.unit, applied_on=APPLIED, targets=("U3", "U5"))
    root.layanan.set([org.layanan])
    for n in range(3):
        add_evidence(
            root, kind=Evidence.Kind.PHOTO, name=f"f{n}.png", content_type="image/png"
        )
        unit = org.other_pemda_unit
        innovation_replicate(root, by=None, pemda=unit.pemda, opd=unit.opd, unit=unit)
    with django_assert_max_num_queries(15):
        assert client.get(detail_url(root)).status_code == 200
