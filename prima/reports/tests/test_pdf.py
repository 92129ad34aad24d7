"""Tests for the WeasyPrint helper."""

from prima.reports import svg
from prima.reports.pdf import html_to_pdf


def test_html_with_inline_svg_becomes_a_pdf():
    """A document with an inline SVG chart renders to PDF bytes."""
    chart = svg.bar_chart([svg.Bar("U1", 75)], title="t")
    pdf = html_to_pdf(f"<!doctype html><html><body><p>Hi</p>{chart}</body></html>")
    assert pdf.startswith(b"%PDF")
    assert len(pdf) > 1000


def test_only_reports_pdf_imports_weasyprint():
    """Every PDF is rendered through ``prima.reports.pdf``, whose guard refuses
    outside resources: no other module of Prima imports WeasyPrint."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    importers = set()
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            if any(n == "weasyprint" or n.startswith("weasyprint.") for n in names):
                importers.add(str(path.relative_to(root.parent)))
    assert importers == {"prima/reports/pdf.py"}


def test_a_document_naming_outside_resources_still_renders():
    """An image or stylesheet URL is skipped, not fetched, and the PDF is made."""
    html = (
        '<html><head><link rel="stylesheet" href="http://127.0.0.1:9/x.css"></head>'
        '<body><p>Hi</p><img src="file:///etc/hostname"></body></html>'
    )
    assert html_to_pdf(html).startswith(b"%PDF")


def _images(pdf: bytes) -> int:
    import io

    from pypdf import PdfReader

    return sum(len(page.images) for page in PdfReader(io.BytesIO(pdf)).pages)


def test_an_embedded_png_is_drawn_and_a_file_url_is_not():
    """A letterhead's logo travels as a data: URI and is drawn; the same image
    named by a file: URL is skipped."""
    import base64

    from prima.core.testing import png_bytes

    uri = "data:image/png;base64," + base64.b64encode(png_bytes()).decode()
    embedded = html_to_pdf(f'<html><body><img src="{uri}" alt="Logo"></body></html>')
    assert _images(embedded) == 1
    named = html_to_pdf('<html><body><img src="file:///tmp/logo.png"></body></html>')
    assert _images(named) == 0
