"""Fixtures and file builders shared by the apps' test folders; a conftest imports the ones it applies
(``from prima.core.testing import english_messages  # noqa: F401``)."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import ExifTags, Image
from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    TextStringObject,
)


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


# Hostile files: active content and metadata that cleaning must remove. --------------

JS = b"app.alert('pwned')"


def _action(writer, subtype, **entries):
    action = DictionaryObject({NameObject("/S"): NameObject(subtype)})
    action.update({NameObject(k): v for k, v in entries.items()})
    return writer._add_object(action)


def hostile_pdf() -> bytes:
    """Return a one-page PDF that runs JavaScript on opening the document, on
    opening the page, from a link, a form field and a name tree, and launches a
    program from another link."""
    writer = PdfWriter()
    page = writer.add_blank_page(width=200, height=200)
    script = DecodedStreamObject()
    script.set_data(JS)
    js_stream = writer._add_object(script)
    js = TextStringObject(JS.decode())
    writer._root_object[NameObject("/OpenAction")] = _action(
        writer, "/JavaScript", **{"/JS": js_stream}
    )
    named = _action(writer, "/JavaScript", **{"/JS": js})
    writer._root_object[NameObject("/Names")] = DictionaryObject(
        {
            NameObject("/JavaScript"): DictionaryObject(
                {NameObject("/Names"): ArrayObject([TextStringObject("go"), named])}
            )
        }
    )
    page[NameObject("/AA")] = DictionaryObject(
        {NameObject("/O"): _action(writer, "/JavaScript", **{"/JS": js})}
    )
    rect = ArrayObject(
        [FloatObject(10), FloatObject(10), FloatObject(90), FloatObject(90)]
    )

    def annotation(subtype, action):
        return writer._add_object(
            DictionaryObject(
                {
                    NameObject("/Type"): NameObject("/Annot"),
                    NameObject("/Subtype"): NameObject(subtype),
                    NameObject("/Rect"): rect,
                    NameObject("/A"): action,
                }
            )
        )

    link = annotation("/Link", _action(writer, "/JavaScript", **{"/JS": js}))
    launch = annotation(
        "/Link",
        _action(writer, "/Launch", **{"/F": TextStringObject("calc.exe")}),
    )
    field = annotation("/Widget", _action(writer, "/JavaScript", **{"/JS": js}))
    field.get_object()[NameObject("/AA")] = DictionaryObject(
        {NameObject("/K"): _action(writer, "/JavaScript", **{"/JS": js})}
    )
    field.get_object()[NameObject("/FT")] = NameObject("/Tx")
    field.get_object()[NameObject("/T")] = TextStringObject("nama")
    page[NameObject("/Annots")] = ArrayObject([link, launch, field])
    writer._root_object[NameObject("/AcroForm")] = DictionaryObject(
        {NameObject("/Fields"): ArrayObject([field])}
    )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


ACTIVE_PDF_MARKERS = [
    b"/JavaScript",
    b"/JS",
    b"/OpenAction",
    b"/AA",
    b"/Launch",
    b"/AcroForm",
    b"(calc",
    b"pwned",
]


def hostile_jpeg() -> bytes:
    """Return a JPEG whose comment segment (COM) holds a script, with an ICC profile
    and EXIF."""
    out = io.BytesIO()
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    Image.new("RGB", (40, 30), (200, 30, 30)).save(
        out,
        "JPEG",
        comment=b"<script>alert(1)</script>",
        icc_profile=b"\0" * 128 + b"ICCPROFILEDATA",
        exif=exif,
    )
    return out.getvalue()
