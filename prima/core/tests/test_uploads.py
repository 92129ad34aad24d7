"""Tests of upload checking and metadata stripping."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import ValidationError
from PIL import Image
from pypdf import PdfReader

from prima.core import uploads
from prima.core.testing import (
    ACTIVE_PDF_MARKERS,
    hostile_jpeg,
    hostile_pdf,
    jpeg_bytes,
    pdf_bytes,
    png_bytes,
    upload,
)


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


# Hostile files: active content and metadata that must not survive cleaning. -------


def test_hostile_pdf_builder_carries_every_action():
    """Positive control: the hostile PDF really holds each action before cleaning."""
    data = hostile_pdf()
    assert all(marker in data for marker in ACTIVE_PDF_MARKERS)
    reader = PdfReader(io.BytesIO(data))
    assert "/OpenAction" in reader.trailer["/Root"]
    assert "/JavaScript" in reader.trailer["/Root"]["/Names"]


def test_pdf_actions_and_javascript_removed():
    """Document open action, page actions, link and field actions, the JavaScript
    name tree and the form are gone; the page and its links' rectangles remain."""
    clean = uploads.clean_upload(upload("surat.pdf", hostile_pdf()))
    for marker in ACTIVE_PDF_MARKERS:
        assert marker not in clean.data, marker
    reader = PdfReader(io.BytesIO(clean.data))
    assert len(reader.pages) == 1
    root = reader.trailer["/Root"]
    assert not {"/OpenAction", "/Names", "/AcroForm", "/AA"} & set(root)
    page = reader.pages[0]
    assert "/AA" not in page
    annotations = [a.get_object() for a in page["/Annots"]]
    assert [a["/Subtype"] for a in annotations] == ["/Link", "/Link", "/Widget"]
    assert all("/A" not in a and "/AA" not in a for a in annotations)


def test_jpeg_comment_and_profile_removed():
    """A JPEG comment (COM) holding HTML, an ICC profile and EXIF are all dropped by
    the re-encoding."""
    original = hostile_jpeg()
    assert b"<script>" in original and b"ICC_PROFILE" in original
    clean = uploads.clean_upload(upload("foto.jpg", original))
    for marker in (b"<script>", b"ICC_PROFILE", b"ICCPROFILEDATA", b"Exif", b"Phone"):
        assert marker not in clean.data, marker
    image = Image.open(io.BytesIO(clean.data))
    assert not {"comment", "icc_profile", "exif"} & set(image.info)
    # No application segment but the JFIF header.
    assert all(name == "APP0" for name, _data in image.applist)


def test_png_text_chunks_and_profile_removed():
    """A PNG's text chunks and ICC profile are dropped; its pixels stay."""
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Comment", "<script>alert(1)</script>")
    info.add_text("Author", "Budi Santoso", zip=True)
    info.add_itxt("XML:com.adobe.xmp", "<x:xmpmeta>GPS</x:xmpmeta>")
    out = io.BytesIO()
    Image.new("RGBA", (20, 20), (0, 0, 255, 128)).save(
        out, "PNG", pnginfo=info, icc_profile=b"\0" * 128
    )
    original = out.getvalue()
    assert b"tEXt" in original and b"iCCP" in original
    clean = uploads.clean_upload(upload("bukti.png", original))
    for marker in (b"tEXt", b"zTXt", b"iTXt", b"iCCP", b"<script>"):
        assert marker not in clean.data, marker
    image = Image.open(io.BytesIO(clean.data))
    assert image.size == (20, 20)
    assert image.getpixel((3, 3)) == (0, 0, 255, 128)


def png_header_only(width: int, height: int) -> bytes:
    """Return a PNG that declares ``width`` × ``height`` but holds no pixel data, so
    only a refusal before decoding can name its size."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IEND", b"")


@pytest.mark.parametrize(
    ("width", "height"),
    [(6_000, 5_000), (7_000, 7_000), (20_000, 20_000)],
)
def test_image_over_the_pixel_limit_refused_before_decoding(width, height):
    """An image over 25 megapixels is refused from its header with its own message,
    however far over Pillow's own guard it is."""
    with pytest.raises(ValidationError) as exc:
        uploads.clean_upload(upload("besar.png", png_header_only(width, height)))
    message = exc.value.messages[0]
    assert "besar.png" in message
    assert "larger than 25 megapixels" in message


def test_image_just_under_the_pixel_limit_is_read():
    """Positive control: a header-only PNG under the limit gets as far as decoding,
    and is refused as damaged, not as too large."""
    with pytest.raises(ValidationError) as exc:
        uploads.clean_upload(upload("kecil.png", png_header_only(100, 100)))
    assert "damaged" in exc.value.messages[0]


def test_too_long_file_name_has_its_own_message():
    """A name longer than the attachment field holds is refused as such, not as a
    file whose content does not match its name."""
    name = "bukti-" + "x" * (uploads.MAX_NAME_LENGTH - 9) + ".jpg"
    assert len(name) == uploads.MAX_NAME_LENGTH + 1
    with pytest.raises(ValidationError) as exc:
        uploads.clean_upload(upload(name, jpeg_bytes()))
    assert "file name is longer than 200 characters" in exc.value.messages[0]
    accepted = uploads.clean_upload(upload(name[1:], jpeg_bytes()))
    assert accepted.original_name == name[1:]


def test_name_limit_matches_the_attachment_models():
    """The limit is the ``original_name`` length of every attachment model."""
    from django.apps import apps

    lengths = {
        model._meta.get_field("original_name").max_length
        for model in apps.get_models()
        if any(f.name == "original_name" for f in model._meta.get_fields())
    }
    assert lengths == {uploads.MAX_NAME_LENGTH}


def test_pdf_with_too_many_pages_refused():
    """A PDF over the page limit is refused with its own message; one at the limit
    is accepted."""
    from pypdf import PdfWriter

    def pages(count):
        writer = PdfWriter()
        for _ in range(count):
            writer.add_blank_page(width=10, height=10)
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()

    with pytest.raises(ValidationError) as exc:
        uploads.clean_upload(upload("tebal.pdf", pages(uploads.MAX_PDF_PAGES + 1)))
    assert "more than 500 pages" in exc.value.messages[0]
    clean = uploads.clean_upload(upload("tebal.pdf", pages(uploads.MAX_PDF_PAGES)))
    assert len(PdfReader(io.BytesIO(clean.data)).pages) == uploads.MAX_PDF_PAGES
