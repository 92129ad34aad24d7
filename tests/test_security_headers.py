"""Every page carries the Content-Security-Policy and Permissions-Policy, every staff
or account page is kept out of caches, and no page or template has inline script,
event handlers or style, which the policy would block.

The walk takes every row of the access matrix, once as an anonymous visitor and
once as the first user the row lets in (else the platform superuser).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from tests.access import USERS, Case
from tests.matrix import CASES, staff_for

ROOT = Path(__file__).resolve().parent.parent
# Headers and templates do not depend on the database.
pytestmark = pytest.mark.sqlite_part_only
# Rendered by WeasyPrint into PDF, never sent to a browser: their <style> stays.
PDF_TEMPLATES = {
    "innovations/pdf/proposal.html",
    "surveys/reports/laporan.html",
    "surveys/reports/consolidated.html",
    "surveys/intake/poster.html",
    "programmes/certificates/pdf.html",
    "programmes/report_pdf.html",
    "evaluations/pdf/_style.html",
}
# A <script> without src (JSON data blocks never run, so the policy allows them).
INLINE_SCRIPT = re.compile(
    r"<script\b(?![^>]*\bsrc=)(?![^>]*\btype=\"application/(?:ld\+)?json\")[^>]*>",
    re.IGNORECASE,
)
INLINE_HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.IGNORECASE)
INLINE_STYLE = re.compile(r"<[a-z][^>]*\sstyle\s*=|<style\b", re.IGNORECASE)


def inline_code(markup: str) -> list[str]:
    """Return the inline scripts, event handlers and styles found in ``markup``."""
    return [
        match.group(0)[:80]
        for pattern in (INLINE_SCRIPT, INLINE_HANDLER, INLINE_STYLE)
        for match in pattern.finditer(markup)
    ]


def test_inline_code_is_recognised():
    """The checks find each kind of inline code and pass files and JSON data."""
    found = inline_code(
        '<script>alert(1)</script><a href="#" onclick="x()">a</a>'
        '<p style="color:red">b</p><style>p{}</style>'
    )
    assert len(found) == 4
    assert not inline_code(
        '<script src="/static/js/a.js" defer></script>'
        '<script type="application/json" id="d">{}</script>'
        '<p class="only">one of the styles online</p>'
    )


def test_charts_use_presentation_attributes_only():
    """The SVG charts pages embed colour with fill= and stroke=, never style=."""
    from prima.reports import svg

    bars = svg.bar_chart([svg.Bar("U1", 80, False), svg.Bar("U2", 60, True)], title="t")
    line = svg.line_chart(
        [("2026-I", 80), ("2026-II", None), ("2026-III", 70)], title="t"
    )
    assert "fill=" in bars and "stroke=" in line
    assert not inline_code(bars + line)


def template_files() -> list[Path]:
    return sorted(
        path
        for path in (ROOT / "prima").rglob("templates/**/*.html")
        if path.as_posix().split("/templates/", 1)[1] not in PDF_TEMPLATES
    )


def test_no_template_has_inline_script_handler_or_style():
    """Templates load JavaScript and CSS from files only."""
    assert len(template_files()) > 50
    offenders = {
        str(path.relative_to(ROOT)): found
        for path in template_files()
        if (found := inline_code(path.read_text()))
    }
    assert not offenders


@pytest.fixture(autouse=True)
def _pdf_engine_stubbed(monkeypatch):
    """PDF pages are judged by their headers; their own tests render real PDFs."""
    monkeypatch.setattr(
        "prima.reports.pdf.html_to_pdf", lambda html: b"%PDF-1.7 headers stub"
    )


def let_in(case: Case) -> str:
    """Return the first user the row lets in, else the platform superuser."""
    allowed = 302 if case.method == "post" else 200
    staff = [name for name in USERS if name != "anonymous"]
    return next((n for n in staff if case.expected[n] == allowed), "superuser")


def is_private(url: str, user) -> bool:
    return url.startswith(("/staf/", "/akun/")) or user is not None


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.label or case.name)
def test_every_response_has_the_policies(case: Case, org, users, client):
    """Each response has both policies, no inline code if it is a page, and staff
    and account responses may not be stored."""
    url = reverse(case.name, kwargs=case.kwargs(org))
    problems = []
    for name in ("anonymous", let_in(case)):
        client.logout()
        user = staff_for(org, users, name)
        if user is not None:
            client.force_login(user)
        response = getattr(client, case.method)(url)
        html = response["Content-Type"].startswith("text/html")
        if html and response.get("Content-Security-Policy") != (
            settings.PRIMA_CONTENT_SECURITY_POLICY
        ):
            problems.append((name, "Content-Security-Policy"))
        if "Content-Security-Policy" not in response:
            problems.append((name, "no Content-Security-Policy"))
        if response.get("Permissions-Policy") != settings.PRIMA_PERMISSIONS_POLICY:
            problems.append((name, "Permissions-Policy"))
        cache_control = response.get("Cache-Control", "")
        if is_private(url, user) and not (
            "no-store" in cache_control and "private" in cache_control
        ):
            problems.append((name, f"Cache-Control: {cache_control!r}"))
        if html and not response.streaming:
            problems += [(name, found) for found in inline_code(response.text)]
    assert not problems, f"{url}: {problems}"


def test_public_pages_stay_cacheable(client, org):
    """A citizen's page is not marked no-store: only staff and account pages are."""
    response = client.get(reverse("portal:home"))
    assert "no-store" not in response.get("Cache-Control", "")
    assert response["Content-Security-Policy"] == settings.PRIMA_CONTENT_SECURITY_POLICY
