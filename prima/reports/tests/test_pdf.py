"""Tests for the WeasyPrint helper."""

from prima.reports import svg
from prima.reports.pdf import html_to_pdf


def test_html_with_inline_svg_becomes_a_pdf():
    """A document with an inline SVG chart renders to PDF bytes."""
    chart = svg.bar_chart([svg.Bar("U1", 75)], title="t")
    pdf = html_to_pdf(f"<!doctype html><html><body><p>Hi</p>{chart}</body></html>")
    assert pdf.startswith(b"%PDF")
    assert len(pdf) > 1000
