"""Pages are gzipped for clients that accept it, with the BREACH padding; static text
files get a gzipped copy at collectstatic."""

from __future__ import annotations

import gzip

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from prima.core.middleware import TextGZipMiddleware
from prima.core.staticfiles import PrecompressedStaticFilesStorage
from prima.organisations.testing import make_pemda

pytestmark = pytest.mark.django_db
GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


def _csrf_page_urls() -> list[str]:
    """The staff login and a citizen's complaint form, both with a CSRF token."""
    pemda = make_pemda()
    return [
        reverse("accounts:login"),
        reverse("complaints:submit", kwargs={"pemda_slug": pemda.slug}),
    ]


def test_pages_with_csrf_token_are_gzipped_when_accepted(client):
    """A page holding a CSRF token comes gzipped, with Vary, and decompresses whole."""
    for url in _csrf_page_urls():
        response = client.get(url, **GZIP)
        assert response.status_code == 200, url
        assert response["Content-Encoding"] == "gzip", url
        assert "Accept-Encoding" in response["Vary"], url
        assert int(response["Content-Length"]) == len(response.content)
        html = gzip.decompress(response.content).decode()
        assert 'name="csrfmiddlewaretoken"' in html, url
        assert html.rstrip().endswith("</html>"), url


def test_pages_are_not_gzipped_unless_accepted(client):
    """Without Accept-Encoding: gzip the page is plain HTML, still marked Vary."""
    for url in _csrf_page_urls():
        for headers in ({}, {"HTTP_ACCEPT_ENCODING": "identity"}):
            response = client.get(url, **headers)
            assert response.status_code == 200, url
            assert not response.has_header("Content-Encoding"), url
            assert "Accept-Encoding" in response["Vary"], url
            assert response.content.decode().lstrip().startswith("<!doctype html>")


def test_gzipped_pages_carry_random_padding(client):
    """Each gzip header names a random-length file, Django's BREACH mitigation."""
    url = reverse("accounts:login")
    lengths = set()
    for _ in range(8):
        body = client.get(url, **GZIP).content
        assert body[3] & gzip.FNAME, "gzip header without the random file name"
        lengths.add(body.index(b"\x00", 10) - 10)
    # Eight draws from 0..99 bytes all alike would mean there is no padding.
    assert len(lengths) > 1


@pytest.mark.parametrize(
    ("content_type", "compressed"),
    [
        ("text/html; charset=utf-8", True),
        ("text/csv", True),
        ("image/svg+xml", True),
        ("image/jpeg", False),
        ("application/pdf", False),
        ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", False),
    ],
)
def test_only_text_is_compressed(content_type, compressed):
    """Already-compressed downloads (photos, PDFs, XLSX) are sent as they are."""
    request = RequestFactory().get("/", **GZIP)
    body = b"a" * 5000
    middleware = TextGZipMiddleware(lambda request: HttpResponse(body, content_type))
    response = middleware(request)
    assert response.has_header("Content-Encoding") is compressed
    assert (response.content != body) is compressed


def test_collectstatic_writes_gzipped_copies_of_text_files(tmp_path):
    """Each text file gets ``name.gz`` with the same content; binary files do not."""
    css = b"body { color: #1d2433; }\n" * 50
    storage = PrecompressedStaticFilesStorage(location=tmp_path, base_url="/static/")
    (tmp_path / "css").mkdir()
    (tmp_path / "css" / "site.css").write_bytes(css)
    (tmp_path / "photo.png").write_bytes(b"\x89PNG" + bytes(range(256)) * 4)
    (tmp_path / "tiny.svg").write_bytes(b"<svg/>")

    processed = list(storage.post_process(["css/site.css", "photo.png", "tiny.svg"]))

    assert processed == [("css/site.css", "css/site.css.gz", True)]
    assert gzip.decompress((tmp_path / "css" / "site.css.gz").read_bytes()) == css
    assert not (tmp_path / "photo.png.gz").exists()
    # A copy that would be larger than the file is not worth sending.
    assert not (tmp_path / "tiny.svg.gz").exists()


def test_collectstatic_replaces_a_stale_gzipped_copy(tmp_path):
    """Collecting again after a change rewrites the copy instead of keeping the old."""
    storage = PrecompressedStaticFilesStorage(location=tmp_path, base_url="/static/")
    path = tmp_path / "site.css"
    path.write_bytes(b"a { color: red; }\n" * 40)
    list(storage.post_process(["site.css"]))
    path.write_bytes(b"a { color: blue; }\n" * 40)
    list(storage.post_process(["site.css"]))
    assert gzip.decompress((tmp_path / "site.css.gz").read_bytes()) == path.read_bytes()
    assert not list(tmp_path.glob("site.css_*.gz"))
