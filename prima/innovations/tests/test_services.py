"""Tests of the registry writes: consistency, publishing, replication, evidence."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from prima.core.uploads import PDF, PNG, CleanFile
from prima.innovations import services
from prima.innovations.models import SECTIONS, Group, Innovation, Stage, Status
from prima.innovations.testing import make_innovation

pytestmark = pytest.mark.django_db


def draft(org, **fields) -> Innovation:
    values = {
        "pemda": org.pemda,
        "opd": org.opd,
        "unit": org.unit,
        "title": "Antrean daring",
        "sector": "adminduk",
        **fields,
    }
    return Innovation(**values)


def error_fields(excinfo) -> set[str]:
    return set(excinfo.value.error_dict)


def test_unit_of_another_opd_is_named(org):
    """A unit outside the chosen OPD is refused with an error on "unit"."""
    with pytest.raises(ValidationError) as excinfo:
        services.innovation_save(draft(org, unit=org.other_opd_unit), by=None)
    assert error_fields(excinfo) == {"unit"}


def test_opd_of_another_pemda_is_named(org):
    """An OPD of another Pemda is refused with an error on "opd"."""
    with pytest.raises(ValidationError) as excinfo:
        services.innovation_save(
            draft(org, opd=org.other_pemda_opd, unit=None), by=None
        )
    assert error_fields(excinfo) == {"opd"}


def test_applied_stage_needs_applied_date(org):
    """An applied innovation without its applied date fails on "applied_on"."""
    with pytest.raises(ValidationError) as excinfo:
        services.innovation_save(draft(org, stage=Stage.DITERAPKAN), by=None)
    assert error_fields(excinfo) == {"applied_on"}


def test_applied_date_not_before_start(org):
    """An applied date before the start date fails on "applied_on"."""
    innovation = draft(
        org,
        stage=Stage.DITERAPKAN,
        started_on=date(2024, 5, 1),
        applied_on=date(2024, 4, 1),
    )
    with pytest.raises(ValidationError) as excinfo:
        services.innovation_save(innovation, by=None)
    assert error_fields(excinfo) == {"applied_on"}


def test_save_sets_targets_and_services(org, users):
    """Saving stores the targets and services, and a later save replaces them."""
    innovation = services.innovation_save(
        draft(org),
        by=users["operator_unit"],
        targets=["U3", "U1"],
        layanan=[org.layanan],
    )
    assert innovation.created_by == users["operator_unit"]
    assert innovation.target_codes() == ["U1", "U3"]
    assert list(innovation.layanan.all()) == [org.layanan]
    services.innovation_save(innovation, by=None, targets=["U9"], layanan=[])
    assert innovation.target_codes() == ["U9"]
    assert not innovation.layanan.exists()


def test_publish_requires_every_section_of_the_group(org):
    """Publishing a replication draft names each empty section of its group."""
    innovation = services.innovation_save(
        draft(org, group=Group.REPLIKASI, ringkasan="Ringkas"), by=None
    )
    with pytest.raises(ValidationError) as excinfo:
        services.innovation_publish(innovation, by=None)
    assert error_fields(excinfo) == set(SECTIONS[Group.REPLIKASI]) - {"ringkasan"}
    innovation.refresh_from_db()
    assert innovation.status == Status.DRAFT


def test_publish_ignores_sections_of_other_groups(org):
    """A general proposal publishes without the replication-only sections."""
    innovation = make_innovation(unit=org.unit, published=False)
    assert innovation.inspirasi == ""
    services.innovation_publish(innovation, by=None)
    assert innovation.status == Status.PUBLISHED
    assert innovation.published_at is not None


def test_saving_a_published_innovation_keeps_its_sections(org):
    """Emptying a section of a published innovation is refused on that section."""
    innovation = make_innovation(unit=org.unit)
    innovation.signifikansi = ""
    with pytest.raises(ValidationError) as excinfo:
        services.innovation_save(innovation, by=None)
    assert error_fields(excinfo) == {"signifikansi"}


def test_replicate_links_origin_and_fills_inspiration(org, users):
    """A replication is a draft of the replicating OPD linked to its origin."""
    origin = make_innovation(unit=org.unit, targets=("U3", "U9"))
    copy = services.innovation_replicate(
        origin,
        by=users["other_pemda_admin"],
        pemda=org.other_pemda,
        opd=org.other_pemda_opd,
        unit=org.other_pemda_unit,
        title="Antrean daring Beta",
    )
    assert copy.origin == origin
    assert (copy.group, copy.stage, copy.status) == (
        Group.REPLIKASI,
        Stage.IDE,
        Status.DRAFT,
    )
    assert copy.title == "Antrean daring Beta"
    assert copy.target_codes() == ["U3", "U9"]
    assert origin.title in copy.inspirasi
    assert org.pemda.name in copy.inspirasi
    assert copy.ringkasan == origin.ringkasan
    assert list(origin.replications.all()) == [copy]


def test_replicate_names_the_other_region_of_an_external_origin(org):
    """Replicating an innovation recorded from another region names that region."""
    origin = make_innovation(
        pemda=org.pemda,
        origin_region="Kota Surabaya",
        origin_agency="Dispendukcapil Surabaya",
    )
    copy = services.innovation_replicate(origin, by=None, pemda=org.pemda, opd=org.opd)
    assert "Kota Surabaya" in copy.inspirasi
    assert "Dispendukcapil Surabaya" in copy.inspirasi


def test_replication_note_is_indonesian_whatever_the_language_of_the_request(org):
    """The stored note is read on Indonesian pages: never "… by …" from English."""
    from django.utils import translation

    origin = make_innovation(pemda=org.pemda, origin_agency="Disdukcapil")
    with translation.override("en"):
        copy = services.innovation_replicate(
            origin, by=None, pemda=org.pemda, opd=org.opd
        )
    assert "” oleh Disdukcapil, " in copy.inspirasi
    assert " by " not in copy.inspirasi


def test_replicate_refuses_a_draft(org):
    """Only a published innovation can be replicated."""
    origin = make_innovation(unit=org.unit, published=False)
    with pytest.raises(ValidationError):
        services.innovation_replicate(
            origin, by=None, pemda=org.other_pemda, opd=org.other_pemda_opd
        )


def clean_file(content_type=PNG, name="foto.png") -> CleanFile:
    return CleanFile(original_name=name, content_type=content_type, data=b"data")


def test_evidence_kind_follows_the_content_type(org):
    """A PDF is stored as a document, a PNG as a photo, with its size."""
    innovation = make_innovation(unit=org.unit)
    photo = services.evidence_add(innovation, by=None, clean=clean_file())
    document = services.evidence_add(
        innovation, by=None, clean=clean_file(PDF, "sk.pdf"), caption="SK"
    )
    assert (photo.kind, photo.size) == ("photo", 4)
    assert (document.kind, document.caption) == ("document", "SK")
    assert photo.file.name.endswith(".png")


def test_evidence_limited_to_ten_files(org):
    """The eleventh evidence file is refused."""
    innovation = make_innovation(unit=org.unit)
    for _ in range(services.MAX_EVIDENCE):
        services.evidence_add(innovation, by=None, clean=clean_file())
    with pytest.raises(ValidationError):
        services.evidence_add(innovation, by=None, clean=clean_file())
    assert innovation.evidence.count() == services.MAX_EVIDENCE


def test_evidence_remove_deletes_file_and_row(org):
    """Removing evidence deletes both the stored file and its row."""
    innovation = make_innovation(unit=org.unit)
    item = services.evidence_add(innovation, by=None, clean=clean_file())
    storage, name = item.file.storage, item.file.name
    services.evidence_remove(item, by=None)
    assert not storage.exists(name)
    assert not innovation.evidence.exists()
