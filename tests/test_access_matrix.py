"""The role × scope matrix: for every URL of the project, what each role may see or
change. A guard test fails when a URL exists that the matrix does not cover."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.access import USERS, Case
from tests.matrix import CASES, iter_url_names, staff_for

EXEMPT = {
    # Django's language switch only sets a cookie and redirects; it holds no data.
    "set_language",
    # Logout accepts POST only and ends the caller's own session.
    "accounts:logout",
}


def test_matrix_covers_every_url():
    """Every named URL of the project appears in the access matrix."""
    covered = {case.name for case in CASES} | EXEMPT
    missing = sorted(set(iter_url_names()) - covered)
    assert not missing, f"URLs without access rules in the matrix: {missing}"


@pytest.fixture(autouse=True)
def _pdf_engine_stubbed(monkeypatch):
    """Render PDF pages' templates but not the PDF: the matrix judges status codes.

    WeasyPrint took a third of a second per permitted request here; each PDF view's
    own tests (surveys/tests/test_report_views.py, innovations/tests/
    test_proposal_views.py) still render real PDFs.
    """
    monkeypatch.setattr(
        "prima.reports.pdf.html_to_pdf", lambda html: b"%PDF-1.7 access matrix stub"
    )


def case_id(case: Case) -> str:
    return case.label or case.name


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_role_scope_matrix(case: Case, org, users, client):
    """Each user gets exactly the expected status for the URL."""
    url = reverse(case.name, kwargs=case.kwargs(org))
    # A row may also judge users beyond the common ones (the hall manager of the
    # queue rows); the others' rows do not name them.
    names = USERS + [name for name in case.expected if name not in USERS]
    got = {}
    for name in names:
        client.logout()
        user = staff_for(org, users, name)
        if user is not None:
            client.force_login(user)
        response = getattr(client, case.method)(url)
        got[name] = response.status_code
    mismatches = {
        name: (got[name], case.expected[name])
        for name in names
        if got[name] != case.expected[name]
    }
    assert not mismatches, f"{url}: user -> (got, expected): {mismatches}"
