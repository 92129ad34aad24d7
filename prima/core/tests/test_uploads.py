"""Tests of upload checking and metadata stripping."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import ValidationError
from PIL import Image
from pypdf import PdfReader

from prima.core import uploads
from prima.core.testing import jpeg_bytes, pdf_bytes, png_bytes, upload


def test_detect_type_reads_magic_bytes():
    """The type comes from the first bytes: JPEG, PNG and PDF; anything else is None."""
    assert uploads.detect_type(jpeg_bytes()[:8]) == uploads.JPEG
    assert uploads.detect_type(png_bytes()[:8]) == uploads.PNG
    assert uploads.detect_type(pdf_bytes()[:8]) == uploads.PDF
    assert uploads.detect_type(b"GIF89a..") is None


def test_jpeg_exif_and_gps_removed():
    """A JPEG carrying EXIF with GPS is stored re-encoded without any EXIF."""
    original = jpeg_bytes(exif=True)
    assert Image.open(io.BytesIO(original)).getexif()
    clean = uploads.clean_upload(upload("foto.jpg", original, "image/jpeg"))
    assert clean.content_type == uploads.JPEG
    assert not Image.open(io.BytesIO(clean.data)).getexif()
    assert b"Exif" not in clean.data
    assert b"PhoneMaker" not in clean.data


def test_png_accepted_and_reencoded():
    """A PNG is accepted and stays a valid PNG of the same size."""
    clean = uploads.clean_upload(upload("bukti.PNG", png_bytes()))
    assert clean.content_type == uploads.PNG
    assert Image.open(io.BytesIO(clean.data)).size == (20, 20)


def test_pdf_document_info_removed():
    """A PDF is rewritten without its author and title."""
    clean = uploads.clean_upload(upload("surat.pdf", pdf_bytes()))
    assert clean.content_type == uploads.PDF
    assert b"Budi Santoso" not in clean.data
    reader = PdfReader(io.BytesIO(clean.data))
    assert len(reader.pages) == 1
    assert not (reader.metadata or {}).get("/Author")


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("foto.jpg", b"just some text, not a photo", "only JPEG or PNG"),
        ("foto.png", pdf_bytes(), "does not match its name"),
        ("surat.pdf", jpeg_bytes(), "does not match its name"),
        ("foto.gif", b"GIF89a" + b"\0" * 20, "only JPEG or PNG"),
        ("foto.jpg", b"\xff\xd8\xff" + b"garbage" * 10, "damaged"),
        ("surat.pdf", b"%PDF-1.4 nothing else", "damaged"),
        ("script.exe", jpeg_bytes(), "does not match its name"),
    ],
)
def test_lying_or_broken_files_refused_with_their_name(name, data, problem):
    """A file whose content is not what its name says, or is unreadable, is refused by name."""
    with pytest.raises(ValidationError) as exc:
        uploads.clean_upload(upload(name, data, "image/jpeg"))
    assert name in exc.value.messages[0]
    assert problem in exc.value.messages[0]


def test_oversized_file_refused():
    """A file above 5 MB is refused, naming it."""
    big = upload("besar.jpg", jpeg_bytes() + b"\0" * uploads.MAX_BYTES)
    with pytest.raises(ValidationError) as exc:
        uploads.clean_upload(big)
    assert "besar.jpg" in exc.value.messages[0]
    assert "5 MB" in exc.value.messages[0]


def test_more_than_three_files_refused():
    """Four files are refused as a whole."""
    files = [upload(f"f{i}.png", png_bytes()) for i in range(4)]
    with pytest.raises(ValidationError, match="at most 3"):
        uploads.clean_uploads(files)


def test_every_bad_file_reported():
    """Each refused file gets its own message."""
    files = [
        upload("a.jpg", b"text"),
        upload("b.png", png_bytes()),
        upload("c.pdf", b"x"),
    ]
    with pytest.raises(ValidationError) as exc:
        uploads.clean_uploads(files)
    assert len(exc.value.messages) == 2
