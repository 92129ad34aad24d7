"""HTML → PDF with WeasyPrint (a pure-Python engine: no browser, no daemon).

Every PDF Prima renders goes through ``html_to_pdf``, which fetches nothing: a test
fails if another module imports WeasyPrint.
"""

from __future__ import annotations

import base64
from typing import Any

from django.template.loader import render_to_string


def _no_fetch(url: str, *args: Any, **kwargs: Any) -> dict:
    """Refuse every external resource: a report embeds its CSS and SVG inline.

    Fetching URLs while rendering would let report content reach the network and
    would make the output depend on a running web server.
    """
    raise ValueError(f"external resource refused in PDF rendering: {url[:80]}")


# Embedded images (a letterhead's logo) travel inside the HTML as data: URIs; they
# are decoded here, nothing is fetched.
EMBEDDED_IMAGES = {
    "data:image/png;base64,": "image/png",
    "data:image/jpeg;base64,": "image/jpeg",
}


def _embedded(url: str) -> tuple[bytes, str] | None:
    """Return the bytes and type of a base64 PNG or JPEG data: URI, else None."""
    for prefix, content_type in EMBEDDED_IMAGES.items():
        if url.startswith(prefix):
            return base64.b64decode(url[len(prefix) :], validate=True), content_type
    return None


def _fetcher() -> Any:
    """Return a WeasyPrint URL fetcher that refuses every URL through ``_no_fetch``
    but decodes embedded PNG and JPEG data: URIs.

    WeasyPrint 70 needs a ``URLFetcher`` instance: a plain function that raises makes
    the whole rendering fail instead of skipping the one resource with a warning.
    """
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class NoFetch(URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> Any:
            embedded = _embedded(url)
            if embedded is None:
                return _no_fetch(url)
            body, content_type = embedded
            return URLFetcherResponse(url, body, {"Content-Type": content_type})

    return NoFetch(allowed_protocols=(), allow_redirects=False)


def html_to_pdf(html: str) -> bytes:
    """Return the PDF rendering of a complete HTML document."""
    # Imported here: WeasyPrint loads Pango and fonts, which costs time at startup
    # for every process that never renders a PDF.
    from weasyprint import HTML

    return HTML(string=html, url_fetcher=_fetcher()).write_pdf()


def render_pdf(template_name: str, context: dict[str, Any], request=None) -> bytes:
    """Render ``template_name`` with ``context`` and return it as PDF bytes."""
    return html_to_pdf(render_to_string(template_name, context, request))
