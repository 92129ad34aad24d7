"""Every link a role sees on a staff page leads to a page that role may open.

Read-only roles (pimpinan, evaluator, petugas loket, ...) must not be shown edit
links that answer 403. The pages walked are those the access matrix says the role
may open (200); each same-site link on them is followed once per role.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from tests.matrix import CASES, staff_for

# Rendered text and links do not depend on the database.
pytestmark = pytest.mark.sqlite_part_only

ROLES = [
    "no_role",
    "admin_pemda",
    "admin_opd",
    "operator_unit",
    "petugas_loket",
    "evaluator",
    "juri",
    "mentor",
    "pimpinan",
    "other_pemda_admin",
]
HREF = re.compile(r'<a\b[^>]*\bhref="([^"#]+)', re.I)
SKIP_PREFIXES = ("/static/", "/media/", "/admin/")


@pytest.fixture(autouse=True)
def _pdf_engine_stubbed(monkeypatch):
    """A PDF link is judged by its status code, not by WeasyPrint's output."""
    monkeypatch.setattr(
        "prima.reports.pdf.html_to_pdf", lambda html: b"%PDF-1.7 link walk stub"
    )


def links_of(html: str) -> set[str]:
    """Return the same-site paths (with query) that ``html`` links to."""
    found = set()
    for href in HREF.findall(html):
        href = href.replace("&amp;", "&")
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not parts.path.startswith("/"):
            continue
        if parts.path.startswith(SKIP_PREFIXES):
            continue
        found.add(href)
    return found


@pytest.mark.parametrize("role", ROLES)
def test_no_link_on_a_visible_page_answers_403(role, org, users, client):
    client.force_login(staff_for(org, users, role))
    pages = {
        reverse(case.name, kwargs=case.kwargs(org))
        for case in CASES
        if case.method == "get" and case.expected.get(role) == 200
    }
    followed: dict[str, int] = {}
    forbidden = []
    for page in sorted(pages):
        response = client.get(page)
        if response.status_code != 200 or "html" not in response.get(
            "Content-Type", ""
        ):
            continue
        for link in sorted(links_of(response.content.decode())):
            if link not in followed:
                followed[link] = client.get(link).status_code
            if followed[link] == 403:
                forbidden.append(f"{page} -> {link}")
    assert not forbidden, f"{role} is shown links it may not open: {forbidden}"
