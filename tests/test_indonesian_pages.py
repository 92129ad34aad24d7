"""An Indonesian page shows no English: no visible text is an untranslated msgid.

Every page the access matrix lets an anonymous visitor or one of a few staff roles
open is rendered in Indonesian; a text node that equals an English msgid
of the project's catalogue whose Indonesian translation differs means a string
skipped translation (or was stored in English).
"""

from __future__ import annotations

import gettext
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.urls import reverse

from tests.matrix import CASES, staff_for

# Rendered text and links do not depend on the database.
pytestmark = pytest.mark.sqlite_part_only

ROLES = ["anonymous", "admin_pemda", "operator_unit", "pimpinan", "juri"]
CATALOGUE = settings.BASE_DIR / "prima" / "locale" / "id" / "LC_MESSAGES" / "django.mo"


def translated_msgids() -> set[str]:
    """Return the project's msgids that read differently in Indonesian."""
    with CATALOGUE.open("rb") as handle:
        catalogue = gettext.GNUTranslations(handle)._catalog
    msgids = set()
    for key, text in catalogue.items():
        if isinstance(key, tuple):  # plural forms: judged by their singular
            key = key[0]
        key = key.split("\x04", 1)[-1]  # drop a msgctxt
        if key and "%" not in key and "{" not in key and text.strip() != key.strip():
            msgids.add(key.strip())
    return msgids


class TextNodes(HTMLParser):
    """Collect the visible text nodes of a page, skipping scripts and styles."""

    def __init__(self):
        super().__init__()
        self.nodes: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._hidden += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._hidden:
            self._hidden -= 1

    def handle_data(self, data):
        text = " ".join(data.split())
        if text and not self._hidden:
            self.nodes.append(text)


@pytest.fixture(autouse=True)
def _pdf_engine_stubbed(monkeypatch):
    monkeypatch.setattr("prima.reports.pdf.html_to_pdf", lambda html: b"%PDF-1.7")


@pytest.mark.parametrize("role", ROLES)
def test_pages_in_indonesian_show_no_english_msgid(role, org, users, client, settings):
    settings.LANGUAGE_CODE = "id"
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "id"
    user = staff_for(org, users, role)
    if user is not None:
        client.force_login(user)
    english = translated_msgids()
    pages = {
        reverse(case.name, kwargs=case.kwargs(org))
        for case in CASES
        if case.method == "get" and case.expected.get(role) == 200
    }
    found = []
    for page in sorted(pages):
        response = client.get(page)
        if "text/html" not in response.get("Content-Type", ""):
            continue
        parser = TextNodes()
        parser.feed(response.content.decode())
        found += [f"{page}: {node!r}" for node in parser.nodes if node in english]
    assert not found, "English text on Indonesian pages:\n" + "\n".join(found)


def test_the_check_finds_english_on_an_english_page(org, users, client, settings):
    """The same check on the English staff home finds the msgids: it can fail."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(users["admin_pemda"])
    parser = TextNodes()
    parser.feed(client.get(reverse("portal:staff-home")).content.decode())
    assert len([node for node in parser.nodes if node in translated_msgids()]) > 5
