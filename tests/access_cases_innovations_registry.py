"""Role × scope rows for the staff innovation registry: list, form, detail, publish,
evidence, replication and the One Agency One Innovation coverage.

Every role of Kota Alpha holds the innovation grant (juri read-only), so every
staff user reaches the list. A draft is private to its OPD: Pemda-level roles see
published innovations only.
"""

from __future__ import annotations

from tests.access import LOGIN, OTHER_PEMDA, Case, profile

REGISTRY_LIST = profile(200, anonymous=LOGIN, no_role=403)
INNOVATION_CREATE = profile(
    403,
    anonymous=LOGIN,
    admin_pemda=200,
    admin_opd=200,
    operator_unit=200,
    other_pemda_admin=200,
    superuser=200,
)
# A published innovation of Kota Alpha's first unit.
PUBLISHED_VIEW = profile(200, anonymous=LOGIN, no_role=404, other_pemda_admin=404)
PUBLISHED_CHANGE = {
    **PUBLISHED_VIEW,
    "petugas_loket": 403,
    "evaluator": 403,
    "juri": 403,
    "mentor": 403,
    "pimpinan": 403,
}
# A draft of the same unit: only its OPD's and unit's staff (and the superuser).
DRAFT_VIEW = profile(
    404,
    anonymous=LOGIN,
    admin_opd=200,
    operator_unit=200,
    petugas_loket=200,
    superuser=200,
)
DRAFT_CHANGE = {**DRAFT_VIEW, "petugas_loket": 403}
# Replication of any Pemda's published innovation: every holder of the change grant.
REPLICATE = INNOVATION_CREATE
REPLICATE_UNPUBLISHED = {
    **{k: (404 if v == 200 else v) for k, v in INNOVATION_CREATE.items()},
    "no_role": 403,
}
COVERAGE = profile(
    200,
    anonymous=LOGIN,
    no_role=403,
    admin_opd=403,
    operator_unit=403,
    petugas_loket=403,
)
COVERAGE_REMIND = profile(
    403, anonymous=LOGIN, admin_pemda=302, other_pemda_admin=302, superuser=302
)


def post(expected: dict[str, int]) -> dict[str, int]:
    return {k: (302 if v == 200 else v) for k, v in expected.items()}


def innovation(unit_attr: str = "unit", published: bool = True):
    def build(org) -> dict:
        from prima.innovations.testing import make_innovation

        return {
            "pk": make_innovation(unit=getattr(org, unit_attr), published=published).pk
        }

    return build


def incomplete_draft(org) -> dict:
    """A draft missing its summary: publishing it fails, so it stays a draft."""
    from prima.innovations.testing import make_innovation

    return {"pk": make_innovation(unit=org.unit, published=False, ringkasan="").pk}


def held_by_competition(org) -> dict:
    """A published innovation submitted to a call: taking it back fails."""
    from django.utils import timezone

    from prima.competitions.models import Call, Category, Entry
    from prima.innovations.testing import make_innovation

    item = make_innovation(unit=org.unit)
    call = Call.objects.create(
        pemda=org.pemda, title="KIPP", year=2026, deadline=timezone.now()
    )
    Entry.objects.create(
        call=call,
        innovation=item,
        category=Category.objects.create(call=call, name="Umum"),
        submitted_at=timezone.now(),
    )
    return {"pk": item.pk}


def evidence(unit_attr: str = "unit", published: bool = True, nested: bool = False):
    def build(org) -> dict:
        from django.core.files.base import ContentFile

        from prima.innovations.models import Evidence
        from prima.innovations.testing import make_innovation

        item = Evidence(
            innovation=make_innovation(
                unit=getattr(org, unit_attr), published=published
            ),
            kind=Evidence.Kind.PHOTO,
            original_name="foto.png",
            content_type="image/png",
            size=3,
        )
        item.file.save("foto.png", ContentFile(b"PNG"), save=True)
        if nested:
            return {"pk": item.innovation_id, "evidence_pk": item.pk}
        return {"pk": item.pk}

    return build


CASES: list[Case] = [
    Case("innovations:staff_list", expected=REGISTRY_LIST),
    Case("innovations:staff_create", expected=INNOVATION_CREATE),
    Case("innovations:staff_detail", innovation(), PUBLISHED_VIEW),
    Case(
        "innovations:staff_detail",
        innovation(published=False),
        DRAFT_VIEW,
        label="staff_detail draft",
    ),
    Case(
        "innovations:staff_detail",
        innovation("other_opd_unit", published=False),
        profile(404, anonymous=LOGIN, superuser=200),
        label="staff_detail draft of another OPD",
    ),
    Case(
        "innovations:staff_detail",
        innovation("other_pemda_unit"),
        OTHER_PEMDA,
        label="staff_detail other Pemda",
    ),
    Case("innovations:staff_edit", innovation(), PUBLISHED_CHANGE),
    Case(
        "innovations:staff_edit",
        innovation(published=False),
        DRAFT_CHANGE,
        label="staff_edit draft",
    ),
    Case(
        "innovations:staff_edit",
        innovation("other_pemda_unit"),
        OTHER_PEMDA,
        label="staff_edit other Pemda",
    ),
    Case(
        "innovations:staff_publish",
        incomplete_draft,
        post(DRAFT_CHANGE),
        method="post",
    ),
    Case(
        "innovations:staff_unpublish",
        held_by_competition,
        post(PUBLISHED_CHANGE),
        method="post",
    ),
    Case(
        "innovations:staff_unpublish",
        innovation("other_pemda_unit"),
        {k: (302 if v == 200 else v) for k, v in OTHER_PEMDA.items()},
        method="post",
        label="staff_unpublish other Pemda",
    ),
    # An empty upload redirects back with a message.
    Case(
        "innovations:evidence_add",
        innovation(published=False),
        post(DRAFT_CHANGE),
        method="post",
    ),
    Case("innovations:evidence_file", evidence(), PUBLISHED_VIEW),
    Case(
        "innovations:evidence_file",
        evidence(published=False),
        DRAFT_VIEW,
        label="evidence_file draft",
    ),
    Case(
        "innovations:evidence_file",
        evidence("other_pemda_unit"),
        OTHER_PEMDA,
        label="evidence_file other Pemda",
    ),
    Case(
        "innovations:evidence_delete",
        evidence(published=False, nested=True),
        post(DRAFT_CHANGE),
        method="post",
    ),
    Case("innovations:replicate", innovation(), REPLICATE),
    Case(
        "innovations:replicate",
        innovation("other_pemda_unit"),
        REPLICATE,
        label="replicate from another Pemda",
    ),
    Case(
        "innovations:replicate",
        innovation(published=False),
        REPLICATE_UNPUBLISHED,
        label="replicate unpublished",
    ),
    Case("innovations:coverage", expected=COVERAGE),
    Case("innovations:coverage_remind", expected=COVERAGE_REMIND, method="post"),
]
