"""Role × scope rows for an innovation's proposal PDF: public for a published
innovation, and through the registry's scope (drafts included) for staff."""

from __future__ import annotations

from tests.access import PUBLIC, Case, profile
from tests.access_cases_innovations_library import NOBODY, innovation
from tests.access_cases_innovations_registry import DRAFT_VIEW

CASES: list[Case] = [
    Case("innovations:public_proposal_pdf", innovation(), PUBLIC),
    Case(
        "innovations:public_proposal_pdf",
        innovation(published=False),
        NOBODY,
        label="public_proposal_pdf draft",
    ),
    Case(
        "innovations:staff_proposal_pdf",
        innovation(published=False),
        DRAFT_VIEW,
        label="staff_proposal_pdf draft",
    ),
    Case(
        "innovations:staff_proposal_pdf",
        innovation(pemda_attr="other_pemda"),
        profile(404, anonymous=302, other_pemda_admin=200, superuser=200),
        label="staff_proposal_pdf other Pemda",
    ),
]
