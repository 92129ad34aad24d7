"""Fixtures and file builders shared by the apps' test folders; a conftest imports the ones it applies
(``from prima.core.testing import english_messages  # noqa: F401``)."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import ExifTags, Image
from pypdf import PdfWriter


@pytest.fixture(autouse=True)
def english_messages():
    """Assert on the English msgids, independent of the Indonesian catalog."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def english(settings):
    """Pages as well as messages in English: the project's default language is
    Indonesian, and a page without a language cookie falls back to it.

    ``LANGUAGE_CODE`` is set before the override: changing it resets the active
    language, so this is one fixture rather than ``english_messages`` plus another.
    """
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


def jpeg_bytes(*, exif: bool = False, size=(40, 30)) -> bytes:
    out = io.BytesIO()
    image = Image.new("RGB", size, (200, 30, 30))
    if exif:
        data = Image.Exif()
        data[ExifTags.Base.Make] = "PhoneMaker"
        data[ExifTags.Base.Orientation] = 1
        gps = data.get_ifd(ExifTags.IFD.GPSInfo)
        gps[ExifTags.GPS.GPSLatitudeRef] = "S"
        gps[ExifTags.GPS.GPSLatitude] = (6.0, 12.0, 30.0)
        image.save(out, "JPEG", exif=data)
    else:
        image.save(out, "JPEG")
    return out.getvalue()


def png_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGBA", (20, 20), (0, 0, 255, 128)).save(out, "PNG")
    return out.getvalue()


def pdf_bytes(author: str = "Budi Santoso") -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=72, height=72)
    writer.add_metadata({"/Author": author, "/Title": "Keluhan KTP"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def upload(name: str, data: bytes, content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)
