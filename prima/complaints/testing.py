"""Builders for complaint tests: real image and PDF bytes, uploads, and a case made
through the real submission service."""

from __future__ import annotations

import io
import uuid
from datetime import UTC, date, datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image
from pypdf import PdfWriter

from prima.complaints.models import Case, Holiday, RejectReason
from prima.complaints.services import (
    case_answer,
    case_assign,
    case_rate,
    case_reject,
    case_reopen,
    case_submit,
    case_verify,
)


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


def make_case(org, **overrides) -> Case:
    data = {
        "pemda": org.pemda,
        "kind": "pengaduan",
        "subject": "Antrean lama",
        "description": "Saya menunggu tiga jam.",
        "submission_key": uuid.uuid4(),
    }
    case, _ = case_submit(**{**data, **overrides})
    return case


def at(month: int, day: int, year: int = 2026) -> datetime:
    """Return 10:00 in Jakarta on the given day."""
    return datetime(year, month, day, 3, 0, tzinfo=UTC)


def submit(pemda, layanan, now, kind="pengaduan"):
    case, _ = case_submit(
        pemda=pemda,
        kind=kind,
        subject="Antrean lama",
        description="Menunggu tiga jam di loket.",
        layanan=layanan,
        contact_name="Siti Rahma",
        submission_key=uuid.uuid4(),
        now=now,
    )
    return case


def statistics_example(org, users):
    """Build the worked example: two answered cases, one rejected, one overdue."""
    staff = users["admin_pemda"]
    Holiday.objects.create(pemda=org.pemda, day=date(2026, 3, 9), name="Libur")
    # Verified in 3 working days, answered 2 working days after assignment, rated 4.
    a = submit(org.pemda, org.layanan, at(3, 2))
    case_verify(case=a, actor=staff, now=at(3, 5))
    case_assign(case=a, actor=staff, unit=org.unit, now=at(3, 5))
    case_answer(case=a, actor=staff, answer="Loket ditambah.", now=at(3, 10))
    case_rate(case=a, rating=4, now=at(3, 11))
    # Assigned at once, answered late, re-opened, answered again, rated 2.
    b = submit(org.pemda, org.sibling_layanan, at(3, 2), kind="saran")
    case_assign(case=b, actor=staff, unit=org.sibling_unit, now=at(3, 2))
    case_answer(case=b, actor=staff, answer="Sudah.", now=at(3, 24))
    case_reopen(case=b, reply="Belum beres.", now=at(3, 25))
    case_answer(case=b, actor=staff, answer="Sudah diperbaiki.", now=at(3, 27))
    case_rate(case=b, rating=2, now=at(3, 30))
    c = submit(org.pemda, org.other_opd_layanan, at(3, 2))
    case_reject(
        case=c,
        actor=staff,
        reason=RejectReason.NOT_OUR_AUTHORITY,
        note="Kewenangan provinsi.",
        forwarded_to="Dinas Kesehatan Provinsi",
        now=at(3, 3),
    )
    d = submit(org.pemda, org.other_opd_layanan, at(1, 5))
    case_assign(case=d, actor=staff, unit=org.other_opd_unit, now=at(1, 5))
    submit(org.pemda, org.layanan, at(12, 1, 2025))  # before the period
    other = submit(org.other_pemda, org.other_pemda_layanan, at(3, 2))
    case_assign(case=other, actor=None, unit=org.other_pemda_unit, now=at(3, 2))
    return a, b, c, d
