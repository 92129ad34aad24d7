"""Builders for complaint tests: a case made through the real submission service."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

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
