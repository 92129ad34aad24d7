"""No request makes a server error: every URL of the project, for anonymous visitors
and for each role on the URLs it reaches (the access matrix's rows), is fetched with
junk query parameters, and every form on each page is posted with junk data.

Junk is what a hand, a bot or a broken client sends: 19-digit and negative numbers,
very long strings, control characters and NUL bytes, wrong types, a date in year
10000, missing and duplicated fields. The page may refuse it (400, 404, a form error,
a message), never with a 5xx. New URLs and forms are walked without change here:
rows come from ``tests/matrix.py`` (whose guard test fails on a URL it misses) and
forms from each page's HTML.

One row per URL name is walked. The first user let in (anonymous on a public page)
sends every variant; each other user sends the plain page and one variant in turn,
so the walk stays within about a minute and a half of one core on SQLite. Every
request runs in a savepoint rolled back after it, so the walk is repeatable. On
PostgreSQL (``make test-postgres``) the same walk also catches what only that
database refuses, such as a NUL byte in a query.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.db import transaction
from django.test import Client
from django.urls import Resolver404, resolve, reverse

from tests.access import USERS, Case
from tests.matrix import CASES, staff_for

HUGE = str(10**19)
LONG = "x" * 10_000
CONTROL = "a\x00b\x0bc"
SENTINEL = 7_654_321_012_345  # stands in a reversed URL for an id made huge after
# Parameter names read by some page, besides those of the page's own GET forms.
QUERY_NAMES = (
    "periode",
    "page",
    "q",
    "tahun",
    "pemda",
    "opd",
    "unit",
    "layanan",
    "status",
    "jendela",
    "jeda",
)
JUNK = {
    "huge": HUGE,
    "negative": "-1",
    "long": LONG,
    "control": CONTROL,
    "wrong type": "abc",
    "digit, not a number": "²",  # str.isdigit says yes, int() says no
    "far date": "10000-01-01",
}
# The junk a field of each HTML type most likely lets through to the database when
# the rest of the form is plausible: an id or number no column holds (SQLite holds
# 99999 in a small integer column), a date at an end of the calendar (valid, but the
# day after or before it is no date).
JUNK_FOR_TYPE = {
    "number": [HUGE, "99999"],
    "select": [HUGE],
    "checkbox": [HUGE],
    "radio": [HUGE],
    "hidden": [HUGE],
    "date": ["9999-12-31", "0001-01-01"],
}
PLAUSIBLE_FOR_TYPE = {"number": "1", "date": "2026-01-15", "email": "a@example.test"}
# Fields that stand for others: the first row of a formset for the later rows, and
# Django's own formset bookkeeping, which it bounds itself.
SKIPPED_FIELD = re.compile(r"-[1-9][0-9]*-|_FORMS$")
# Posting these would end the walking user's session or switch the language.
SKIPPED_ACTIONS = {"accounts:logout", "set_language"}


@dataclass
class Form:
    """A form found on a page: where it goes and the value each field shows."""

    method: str
    action: str
    fields: dict[str, list[str]] = field(default_factory=dict)
    types: dict[str, str] = field(default_factory=dict)


class _Forms(HTMLParser):
    def __init__(self):
        super().__init__()
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = {k: v or "" for k, v in attrs}
        if tag == "form":
            method = attrs.get("method", "get").lower()
            self._form = Form(method, attrs.get("action", ""))
            self.forms.append(self._form)
            return
        name = attrs.get("name")
        if self._form is None or not name or name == "csrfmiddlewaretoken":
            return
        values = self._form.fields.setdefault(name, [])
        kind = attrs.get("type", "text").lower() if tag == "input" else tag
        self._form.types.setdefault(name, kind)
        if tag == "input":
            if kind not in ("checkbox", "radio") or "checked" in attrs:
                values.append(attrs.get("value", ""))
            elif not values:
                values.append(attrs.get("value", "on"))
        elif tag == "select":
            self._select = name
        elif tag == "option" and self._select and attrs.get("value"):
            options = self._form.fields[self._select]
            if "selected" in attrs or not options:
                options[:] = [attrs["value"]]
        elif tag == "textarea":
            self._textarea = name
        elif tag == "button" and not values:
            values.append(attrs.get("value", ""))

    def handle_data(self, data):
        if self._form is not None and self._textarea:
            self._form.fields[self._textarea] = [data]

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def forms_of(html: str) -> list[Form]:
    parser = _Forms()
    parser.feed(html)
    return parser.forms


def query_variants(names: set[str]) -> list[dict[str, object]]:
    """Return query strings that set every name to one kind of junk, and one that
    repeats every name."""
    variants = [dict.fromkeys(names, value) for value in JUNK.values()]
    return [*variants, {name: ["1", HUGE] for name in names}]


def post_variants(form: Form) -> list[dict[str, object]]:
    """Return junk bodies for ``form``: empty; every shown field set to one kind of
    junk (hidden fields keep their values, so the junk reaches past them); every
    text field long and full of control characters, and each number, date, choice
    or hidden field alone set to the junk of its type, in an otherwise plausible
    body (one bad field makes the whole form invalid, which would hide the others);
    every field duplicated; every field, hidden ones too, of control characters."""
    plausible = {
        name: values if any(values) else [PLAUSIBLE_FOR_TYPE.get(form.types[name], "1")]
        for name, values in form.fields.items()
    }
    shown = [name for name in form.fields if form.types[name] != "hidden"]
    variants: list[dict[str, object]] = [{}]
    for value in JUNK.values():
        variants.append(plausible | dict.fromkeys(shown, value))
    texts = [name for name in shown if form.types[name] not in JUNK_FOR_TYPE]
    variants.append(plausible | dict.fromkeys(texts, LONG + CONTROL))
    for name, kind in form.types.items():
        if SKIPPED_FIELD.search(name):
            continue
        for value in JUNK_FOR_TYPE.get(kind, []):
            variants.append(plausible | {name: value})
    variants.append({name: [*values, HUGE] for name, values in plausible.items()})
    variants.append(dict.fromkeys(form.fields, CONTROL))
    return variants


def _url_name(path: str) -> str | None:
    try:
        return resolve(path).view_name
    except Resolver404:
        return None


@dataclass
class Walk:
    client: Client
    who: str
    failures: list[str] = field(default_factory=list)

    def request(self, method: str, url: str, data) -> object:
        # Each POST runs in a savepoint that is rolled back, so a junk body that
        # deletes or closes something leaves the next request the same data.
        with transaction.atomic():
            response = getattr(self.client, method)(url, data)
            transaction.set_rollback(True)
        if response.status_code >= 500:
            error = getattr(response, "exc_info", None)
            detail = repr(error[1])[:300] if error else ""
            shown = {k: (str(v)[:40]) for k, v in (data or {}).items()}
            self.failures.append(
                f"{self.who} {method.upper()} {url} {shown}: "
                f"{response.status_code} {detail}"
            )
        return response

    def page(self, case: Case, url: str, *, turn: int | None) -> None:
        """Walk one URL: junk queries, then junk bodies for each form on the page.

        With ``turn`` None every variant is sent; otherwise the empty body and one
        variant chosen by ``turn``, so the users after the first still vary the junk
        without multiplying the walk's time.
        """
        if case.method == "post":
            form = Form("post", url, {"x": [""]}, {"x": "text"})
            for body in pick(post_variants(form), turn):
                self.request("post", url, body)
            return
        response = self.request("get", url, None)
        if response.status_code != 200 or response.streaming:
            return
        forms = forms_of(response.content.decode(errors="replace"))
        names = set(QUERY_NAMES)
        names.update(n for f in forms if f.method == "get" for n in f.fields)
        for query in pick(query_variants(names), turn):
            self.request("get", url, query)
        seen = set()
        for form in forms:
            action = urlsplit(form.action).path or url
            name = _url_name(action)
            key = (name, tuple(sorted(form.fields)))
            if form.method != "post" or name in SKIPPED_ACTIONS or key in seen:
                continue
            seen.add(key)
            for body in pick(post_variants(form), turn):
                self.request("post", action, body)


def pick(variants: list, turn: int | None) -> list:
    if turn is None:
        return variants
    return [variants[0], variants[1 + turn % (len(variants) - 1)]]


@pytest.fixture(autouse=True)
def _pdf_engine_stubbed(monkeypatch):
    """Render PDF pages' templates but not the PDF (as the access matrix does)."""
    monkeypatch.setattr(
        "prima.reports.pdf.html_to_pdf", lambda html: b"%PDF-1.7 no-5xx walk stub"
    )


def deep_walker(case: Case, walkers: list[str]) -> str:
    """Return who sends every variant: anonymous on a public page, else the first
    staff user let in; the others vary the junk by turn."""
    if case.expected["anonymous"] == 200:
        return "anonymous"
    return next((who for who in walkers if who != "anonymous"), "anonymous")


def reached_by(case: Case) -> list[str]:
    """Return the users the row lets in (anonymous always walks)."""
    ok = (200,) if case.method == "get" else (200, 302)
    return [who for who in USERS if who == "anonymous" or case.expected[who] in ok]


def with_huge_ids(case: Case, kwargs: dict) -> str | None:
    """Return the URL with every integer in its path made 19 digits long."""
    ints = {key: SENTINEL for key, value in kwargs.items() if isinstance(value, int)}
    if not ints:
        return None
    return reverse(case.name, kwargs=kwargs | ints).replace(str(SENTINEL), HUGE)


def first_row_per_name() -> list[Case]:
    """Return the matrix's first row of each URL name: rows of one name differ in the
    object they reach, not in the code that handles the request."""
    rows: dict[str, Case] = {}
    for case in CASES:
        rows.setdefault(case.name, case)
    return list(rows.values())


@pytest.mark.parametrize("case", first_row_per_name(), ids=lambda case: case.name)
def test_no_server_error(case: Case, org, users):
    """No junk query, junk form body or huge id on this URL makes a 5xx, for any
    user."""
    kwargs = case.kwargs(org)
    url = reverse(case.name, kwargs=kwargs)
    huge_url = with_huge_ids(case, kwargs)
    failures = []
    walkers = reached_by(case)
    deep = deep_walker(case, walkers)
    for turn, who in enumerate(walkers):
        client = Client(raise_request_exception=False)
        user = staff_for(org, users, who)
        if user is not None:
            client.force_login(user)
        walk = Walk(client, who)
        walk.page(case, url, turn=None if who == deep else turn)
        if huge_url and who == deep:
            walk.request(case.method, huge_url, None)
        failures += walk.failures
    assert not failures, "\n".join(failures)
