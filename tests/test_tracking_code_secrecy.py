"""The tracking code is the citizen's alone: no staff page, export or e-mail of any
role shows it. Each staff role walks every page of the access matrix it may open
(PDFs as the HTML they are made from, XLSX as their cells) with a case in the
work list, and the mails of the case's steps are read too."""

from __future__ import annotations

import io

import pytest
from django.core import mail
from django.urls import reverse
from openpyxl import load_workbook

from prima.complaints.services import case_answer, case_assign, case_start
from prima.complaints.testing import make_case
from tests.matrix import all_cases

# Rendered text and links do not depend on the database.
pytestmark = pytest.mark.sqlite_part_only

ROLES = ["admin_pemda", "admin_opd", "operator_unit", "pimpinan", "superuser"]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def case(org, users, django_capture_on_commit_callbacks, monkeypatch):
    """An answered case of ``org.unit``; PDFs render to their HTML."""
    monkeypatch.setattr("prima.reports.pdf.html_to_pdf", lambda html: html.encode())
    staff = users["admin_pemda"]
    with django_capture_on_commit_callbacks(execute=True):
        case = make_case(org, contact_email="warga@example.test", layanan=org.layanan)
        case_assign(case=case, actor=staff, unit=org.unit)
        case_start(case=case, actor=staff, note="Kami tangani.")
        case_answer(case=case, actor=staff, answer="Loket ditambah.")
    return case


def text_of(response) -> str:
    body = b"".join(response) if response.streaming else response.content
    if response.get("Content-Type", "").startswith(XLSX):
        book = load_workbook(io.BytesIO(body), read_only=True)
        return "\n".join(
            str(value)
            for sheet in book.worksheets
            for row in sheet.iter_rows(values_only=True)
            for value in row
            if value is not None
        )
    return body.decode("utf-8", errors="replace")


@pytest.mark.parametrize("role", ROLES)
def test_no_staff_page_or_export_shows_the_tracking_code(
    client, org, users, case, role
):
    """Every page the role may GET lacks the code; the work list shows the case."""
    client.force_login(users[role])
    worklist = client.get(reverse("complaints:worklist")).content.decode()
    assert case.subject in worklist and f"#{case.number}" in worklist
    pages = [
        row for row in all_cases() if row.method == "get" and row.expected[role] == 200
    ]
    assert len(pages) > 20
    for row in pages:
        url = reverse(row.name, kwargs=row.kwargs(org))
        response = client.get(url)
        assert case.tracking_code not in text_of(response), url
    detail = client.get(reverse("complaints:case-detail", args=[case.pk]))
    assert case.tracking_code not in text_of(detail)


def test_only_the_citizen_ever_got_the_code_and_not_by_mail(case):
    """No mail of the case's steps, to staff or to the citizen, carries the code."""
    assert any("warga@example.test" in m.to for m in mail.outbox)
    assert any("warga@example.test" not in m.to for m in mail.outbox)
    for message in mail.outbox:
        assert case.tracking_code not in message.subject + message.body
