"""Tests of the staff registry pages: list, form, detail, evidence and replication."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from prima.core.roles import Role
from prima.core.testing import ACTIVE_PDF_MARKERS, hostile_jpeg, hostile_pdf
from prima.innovations.forms import ALL_SECTIONS
from prima.innovations.models import Innovation, Status
from prima.innovations.testing import (
    answer_weakly,
    innovation_form_data,
    login,
    make_innovation,
)
from prima.organisations.testing import make_user

pytestmark = pytest.mark.django_db


def png_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (4, 4), (200, 30, 30)).save(out, "PNG")
    return out.getvalue()


def test_list_scopes_drafts_to_their_opd(client, org, users):
    """A draft of OPD A is listed for its admin and operator, not for others."""
    make_innovation(unit=org.unit, title="Draf Disdukcapil", published=False)
    other_admin = make_user(role=Role.ADMIN_OPD, opd=org.other_opd)
    url = reverse("innovations:staff_list")
    for user, seen in [
        (users["admin_opd"], True),
        (users["operator_unit"], True),
        (users["admin_pemda"], False),
        (other_admin, False),
    ]:
        text = login(client, user).get(url).content.decode()
        assert ("Draf Disdukcapil" in text) is seen, user


def test_list_offers_create_to_writers_only(client, org, users):
    """The create link shows for the unit operator, not for leadership."""
    create = reverse("innovations:staff_create")
    url = reverse("innovations:staff_list")
    assert create in login(client, users["operator_unit"]).get(url).content.decode()
    assert create not in login(client, users["pimpinan"]).get(url).content.decode()


def test_list_filters_by_title(client, org, users):
    """The title search narrows the list."""
    make_innovation(unit=org.unit, title="Antrean daring")
    make_innovation(unit=org.unit, title="Jemput bola")
    response = login(client, users["admin_opd"]).get(
        reverse("innovations:staff_list"), {"q": "jemput"}
    )
    text = response.content.decode()
    assert "Jemput bola" in text and "Antrean daring" not in text


def test_create_saves_with_targets_and_services(client, org, users):
    """The operator registers an innovation targeting U3 on their service."""
    response = login(client, users["operator_unit"]).post(
        reverse("innovations:staff_create"),
        innovation_form_data(
            org, layanan=[org.layanan.pk], ringkasan="Antre dari rumah."
        ),
    )
    innovation = Innovation.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("innovations:staff_detail", args=[innovation.pk])
    assert innovation.status == Status.DRAFT
    assert innovation.created_by == users["operator_unit"]
    assert innovation.target_codes() == ["U3"]
    assert list(innovation.layanan.all()) == [org.layanan]
    assert innovation.ringkasan == "Antre dari rumah."


def test_create_form_preselects_the_weakest_unsur(client, org, users):
    """With weak unsur, the form offers only them, with NRR, the weakest checked."""
    answer_weakly(org.layanan)
    text = (
        login(client, users["operator_unit"])
        .get(reverse("innovations:staff_create"))
        .content.decode()
    )
    assert "NRR 2.50" in text
    assert 'value="U3" id="id_targets_0" checked' in text
    assert 'value="U4"' not in text


def test_pick_form_shows_the_chosen_unit_weak_unsur(client, org, users):
    """The OPD admin starts from the OPD's weak unsur and may pick a unit's instead."""
    answer_weakly(org.layanan)
    client = login(client, users["admin_opd"])
    url = reverse("innovations:staff_create")
    plain = client.get(url).content.decode()
    assert 'id="owner-pick"' in plain and "NRR 2.50" in plain
    picked = client.get(url, {"opd": org.opd.pk, "unit": org.sibling_unit.pk})
    text = picked.content.decode()
    assert "NRR 2.50" not in text and 'value="U4"' in text


def test_create_errors_name_the_fields(client, org, users):
    """Missing title and an applied stage without date are shown on their fields."""
    response = login(client, users["operator_unit"]).post(
        reverse("innovations:staff_create"),
        innovation_form_data(org, title="", stage="diterapkan", targets=["U3"]),
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert "title" in form.errors
    assert not Innovation.objects.exists()
    response = login(client, users["operator_unit"]).post(
        reverse("innovations:staff_create"),
        innovation_form_data(org, stage="diterapkan"),
    )
    errors = response.context["form"].errors
    assert list(errors) == ["applied_on"]
    assert "needs the date it was applied from" in response.content.decode()


def test_edit_of_published_shows_missing_section_on_its_field(client, org, users):
    """Emptying a section of a published innovation is refused on that section."""
    innovation = make_innovation(unit=org.unit)
    data = innovation_form_data(org, stage="diterapkan", applied_on="2023-01-02")
    data.update({name: getattr(innovation, name) for name in ALL_SECTIONS})
    data["signifikansi"] = ""
    response = login(client, users["admin_opd"]).post(
        reverse("innovations:staff_edit", args=[innovation.pk]), data
    )
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["signifikansi"]


def test_pemda_admin_records_another_region(client, org, users):
    """The Pemda admin records a benchmarking innovation without an OPD."""
    response = login(client, users["admin_pemda"]).post(
        reverse("innovations:staff_create"),
        innovation_form_data(
            org,
            opd="",
            unit="",
            targets=["U8"],
            origin_region="Kota Surabaya",
            origin_agency="Dispendukcapil Surabaya",
        ),
    )
    innovation = Innovation.objects.get()
    assert response.status_code == 302
    assert innovation.is_external and innovation.pemda == org.pemda
    detail = login(client, users["admin_pemda"]).get(response.url)
    assert "Dispendukcapil Surabaya" in detail.content.decode()


def test_detail_shows_sections_targets_lineage_and_impact(client, org, users):
    """The detail page shows the group's sections, targets, lineage and impact."""
    origin = make_innovation(unit=org.other_pemda_unit, title="Asal Beta")
    innovation = make_innovation(unit=org.unit, title="Salinan Alpha", origin=origin)
    response = login(client, users["admin_opd"]).get(
        reverse("innovations:staff_detail", args=[innovation.pk])
    )
    text = response.content.decode()
    assert "signifikansi: Salinan Alpha" in text
    assert "U3" in text
    assert "Asal Beta" in text
    assert response.context["lineage"].ancestors[0].pk == origin.pk
    assert response.context["impact"] is not None


def test_publish_and_unpublish(client, org, users):
    """The OPD admin publishes a complete draft and takes it back."""
    innovation = make_innovation(unit=org.unit, published=False)
    client = login(client, users["admin_opd"])
    client.post(reverse("innovations:staff_publish", args=[innovation.pk]))
    innovation.refresh_from_db()
    assert innovation.is_published
    client.post(reverse("innovations:staff_unpublish", args=[innovation.pk]))
    innovation.refresh_from_db()
    assert not innovation.is_published


def test_publish_incomplete_names_the_missing_sections(client, org, users):
    """Publishing an incomplete draft says which sections are missing."""
    innovation = make_innovation(unit=org.unit, published=False, ringkasan="")
    response = login(client, users["admin_opd"]).post(
        reverse("innovations:staff_publish", args=[innovation.pk]), follow=True
    )
    assert "complete first: summary" in response.content.decode()
    innovation.refresh_from_db()
    assert not innovation.is_published


def test_evidence_upload_real_png_and_download(client, org, users):
    """A real PNG is stored and served inline with nosniff to the OPD's staff."""
    innovation = make_innovation(unit=org.unit, published=False)
    client = login(client, users["operator_unit"])
    upload = SimpleUploadedFile("antrean.png", png_bytes(), content_type="image/png")
    client.post(
        reverse("innovations:evidence_add", args=[innovation.pk]),
        {"file": upload, "caption": "Layar antrean"},
    )
    item = innovation.evidence.get()
    assert (item.kind, item.caption, item.original_name) == (
        "photo",
        "Layar antrean",
        "antrean.png",
    )
    response = client.get(reverse("innovations:evidence_file", args=[item.pk]))
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert not response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")


def test_evidence_fake_png_refused_naming_the_file(client, org, users):
    """A text file called .png is refused with a message naming it."""
    innovation = make_innovation(unit=org.unit, published=False)
    upload = SimpleUploadedFile("palsu.png", b"not an image", content_type="image/png")
    response = login(client, users["operator_unit"]).post(
        reverse("innovations:evidence_add", args=[innovation.pk]),
        {"file": upload},
        follow=True,
    )
    assert "palsu.png" in response.content.decode()
    assert not innovation.evidence.exists()


def test_evidence_pdf_is_downloaded_as_attachment(client, org, users):
    """A PDF evidence file is served as an attachment."""
    from prima.core.uploads import PDF, CleanFile
    from prima.innovations.services import evidence_add

    innovation = make_innovation(unit=org.unit)
    item = evidence_add(
        innovation,
        by=None,
        clean=CleanFile(original_name="sk.pdf", content_type=PDF, data=b"%PDF-1.4"),
    )
    response = login(client, users["pimpinan"]).get(
        reverse("innovations:evidence_file", args=[item.pk])
    )
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_evidence_delete_twice_is_harmless(client, org, users):
    """Removing evidence twice removes it once and then says it is gone."""
    from prima.core.uploads import PNG, CleanFile
    from prima.innovations.services import evidence_add

    innovation = make_innovation(unit=org.unit, published=False)
    item = evidence_add(
        innovation,
        by=None,
        clean=CleanFile(original_name="a.png", content_type=PNG, data=b"x"),
    )
    client = login(client, users["admin_opd"])
    url = reverse("innovations:evidence_delete", args=[innovation.pk, item.pk])
    assert client.post(url).status_code == 302
    again = client.post(url, follow=True)
    assert "already removed" in again.content.decode()
    assert not innovation.evidence.exists()


def test_read_only_user_cannot_add_evidence(client, org, users):
    """The counter officer reads the draft but may not add evidence."""
    innovation = make_innovation(unit=org.unit, published=False)
    upload = SimpleUploadedFile("a.png", png_bytes(), content_type="image/png")
    response = login(client, users["petugas_loket"]).post(
        reverse("innovations:evidence_add", args=[innovation.pk]), {"file": upload}
    )
    assert response.status_code == 403


def test_replication_across_pemda(client, org, users):
    """An OPD admin of Kabupaten Beta replicates Kota Alpha's published innovation."""
    origin = make_innovation(unit=org.unit, title="Antrean daring")
    beta = make_user(role=Role.ADMIN_OPD, opd=org.other_pemda_opd)
    client = login(client, beta)
    url = reverse("innovations:replicate", args=[origin.pk])
    assert "Antrean daring" in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "title": "Antrean daring Beta",
            "opd": org.other_pemda_opd.pk,
            "unit": org.other_pemda_unit.pk,
        },
    )
    copy = Innovation.objects.get(origin=origin)
    assert response.url == reverse("innovations:staff_edit", args=[copy.pk])
    assert (copy.pemda, copy.unit, copy.status) == (
        org.other_pemda,
        org.other_pemda_unit,
        Status.DRAFT,
    )
    assert "Kota Alpha" in copy.inspirasi


def test_pemda_admin_hands_a_replication_to_an_opd(client, org, users):
    """The Pemda admin starts a replication for an OPD and lands on the list."""
    origin = make_innovation(unit=org.other_pemda_unit)
    response = login(client, users["admin_pemda"]).post(
        reverse("innovations:replicate", args=[origin.pk]),
        {"title": "Salinan", "opd": org.other_opd.pk},
    )
    assert response.url == reverse("innovations:staff_list")
    assert Innovation.objects.get(origin=origin).opd == org.other_opd


def test_replicate_refuses_drafts_and_readers(client, org, users):
    """An unpublished origin answers 404; a reader without the change grant 403."""
    draft = make_innovation(unit=org.unit, published=False)
    published = make_innovation(unit=org.unit)
    client = login(client, users["admin_opd"])
    assert (
        client.get(reverse("innovations:replicate", args=[draft.pk])).status_code == 404
    )
    response = login(client, users["mentor"]).get(
        reverse("innovations:replicate", args=[published.pk])
    )
    assert response.status_code == 403


@pytest.mark.parametrize(
    ("name", "build", "markers"),
    [
        ("surat.pdf", hostile_pdf, ACTIVE_PDF_MARKERS),
        ("foto.jpg", hostile_jpeg, [b"<script>", b"ICC_PROFILE", b"PhoneMaker"]),
    ],
)
def test_evidence_is_stored_without_active_content(
    client, org, users, name, build, markers
):
    """A PDF carrying JavaScript and actions, or a JPEG with a script in its comment,
    is stored (and served back) without any of it."""
    innovation = make_innovation(unit=org.unit, published=False)
    client = login(client, users["operator_unit"])
    client.post(
        reverse("innovations:evidence_add", args=[innovation.pk]),
        {"file": SimpleUploadedFile(name, build())},
    )
    item = innovation.evidence.get()
    with item.file.open("rb") as stored:
        data = stored.read()
    served = client.get(reverse("innovations:evidence_file", args=[item.pk]))
    assert b"".join(served.streaming_content) == data
    for marker in markers:
        assert marker not in data, marker


def test_evidence_with_a_too_long_name_is_refused_as_such(client, org, users):
    """A file name longer than the field holds gets its own message."""
    innovation = make_innovation(unit=org.unit, published=False)
    name = "x" * 240 + ".png"
    response = login(client, users["operator_unit"]).post(
        reverse("innovations:evidence_add", args=[innovation.pk]),
        {"file": SimpleUploadedFile(name, png_bytes(), content_type="image/png")},
        follow=True,
    )
    assert response.status_code == 200
    assert "file name is longer than 200 characters" in response.content.decode()
    assert not innovation.evidence.exists()
