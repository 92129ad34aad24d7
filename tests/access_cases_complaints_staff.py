"""Role × scope rows for the staff complaint workflow: work list, case page,
attachments and the POST-only actions."""

from __future__ import annotations

from tests.access import (
    COMPLAINTS_CHANGE_OWN,
    COMPLAINTS_LIST,
    COMPLAINTS_VIEW_OWN,
    LOGIN,
    OTHER_PEMDA,
    Case,
    profile,
)


def make_case(org, unit_attr: str | None = "unit", pemda_attr: str = "pemda"):
    import uuid

    from prima.complaints.services import case_submit

    case, _ = case_submit(
        pemda=getattr(org, pemda_attr),
        kind="pengaduan",
        subject="Antrean lama",
        description="Menunggu tiga jam.",
        submission_key=uuid.uuid4(),
        unit=getattr(org, unit_attr) if unit_attr else None,
        contact_email="warga@example.test",
    )
    return case


def case(unit_attr: str | None = "unit", pemda_attr: str = "pemda"):
    return lambda org: {"pk": make_case(org, unit_attr, pemda_attr).pk}


def attachment(unit_attr: str = "unit", pemda_attr: str = "pemda"):
    def build(org) -> dict:
        from django.core.files.base import ContentFile

        from prima.complaints.models import Attachment

        item = Attachment(
            case=make_case(org, unit_attr, pemda_attr),
            original_name="foto.png",
            content_type="image/png",
            size=3,
        )
        item.file.save("foto.png", ContentFile(b"PNG"), save=True)
        return {"pk": item.pk}

    return build


def post(expected: dict[str, int]) -> dict[str, int]:
    return {k: (302 if v == 200 else v) for k, v in expected.items()}


# Cases not yet assigned to a unit: Pemda-level roles only.
UNASSIGNED_VIEW = profile(
    404, anonymous=LOGIN, admin_pemda=200, evaluator=200, pimpinan=200, superuser=200
)
# Bulk reassignment: Pemda and OPD complaint administrators; an empty post
# redirects back with a message.
BULK = profile(
    403,
    anonymous=LOGIN,
    admin_pemda=302,
    admin_opd=302,
    other_pemda_admin=302,
    superuser=302,
)

CASES: list[Case] = [
    Case("complaints:worklist", expected=COMPLAINTS_LIST),
    Case("complaints:case-detail", case(), COMPLAINTS_VIEW_OWN),
    Case(
        "complaints:case-detail",
        case(None),
        UNASSIGNED_VIEW,
        label="case-detail unassigned",
    ),
    Case(
        "complaints:case-detail",
        case("other_pemda_unit", "other_pemda"),
        OTHER_PEMDA,
        label="case-detail other Pemda",
    ),
    Case("complaints:attachment", attachment(), COMPLAINTS_VIEW_OWN),
    Case(
        "complaints:attachment",
        attachment("other_pemda_unit", "other_pemda"),
        OTHER_PEMDA,
        label="attachment other Pemda",
    ),
    Case("complaints:bulk-assign", expected=BULK, method="post"),
]
for name in ["verify", "reject", "assign", "start", "answer"]:
    CASES += [
        Case(
            f"complaints:case-{name}",
            case(),
            post(COMPLAINTS_CHANGE_OWN),
            method="post",
        ),
        Case(
            f"complaints:case-{name}",
            case("other_pemda_unit", "other_pemda"),
            post(OTHER_PEMDA),
            method="post",
            label=f"case-{name} other Pemda",
        ),
    ]
