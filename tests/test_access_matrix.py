"""The role × scope matrix: for every URL of the project, what each role may see or
change. A guard test fails when a URL exists that the matrix does not cover."""

from __future__ import annotations

import importlib
import pkgutil

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

import tests
from tests.access import CASES as FOUNDATION_CASES
from tests.access import USERS, Case


def all_cases() -> list[Case]:
    """Return the foundation's rows plus every ``tests/access_cases_*.py`` module's."""
    cases = list(FOUNDATION_CASES)
    for module in pkgutil.iter_modules(tests.__path__):
        if module.name.startswith("access_cases_"):
            cases += importlib.import_module(f"tests.{module.name}").CASES
    return cases


CASES = all_cases()


def staff_for(org, users, name: str):
    return None if name == "anonymous" else users[name]


def iter_url_names(resolver=None, prefix: str = ""):
    """Yield every named URL of the project, namespaced, except Django admin's."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace == "admin":
                continue
            ns = f"{prefix}{entry.namespace}:" if entry.namespace else prefix
            yield from iter_url_names(entry, ns)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{prefix}{entry.name}"


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
    got = {}
    for name in USERS:
        client.logout()
        user = staff_for(org, users, name)
        if user is not None:
            client.force_login(user)
        response = getattr(client, case.method)(url)
        got[name] = response.status_code
    mismatches = {
        name: (got[name], case.expected[name])
        for name in USERS
        if got[name] != case.expected[name]
    }
    assert not mismatches, f"{url}: user -> (got, expected): {mismatches}"
