"""The proposal PDF: the group's sections, the facts, the draft mark and the
measured impact with its chart, rendered by WeasyPrint."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.urls import reverse
from pypdf import PdfReader

from prima.innovations.testing import AFTER, APPLIED, BEFORE, make_innovation, rollup

pytestmark = pytest.mark.django_db


def pdf_text(response) -> str:
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_public_proposal_has_sections_facts_and_impact(en, org):
    innovation = make_innovation(
        unit=org.unit,
        title="Antrean Daring KTP",
        applied_on=APPLIED,
        latar_belakang="Warga menunggu tiga jam di loket.",
    )
    innovation.layanan.add(org.layanan)
    rollup(org.layanan, APPLIED - timedelta(days=10), BEFORE)
    rollup(org.layanan, APPLIED + timedelta(days=10), AFTER)
    url = reverse("innovations:public_proposal_pdf", kwargs={"pk": innovation.pk})
    text = pdf_text(en.get(url + "?jendela=30"))
    assert "Antrean Daring KTP" in text
    assert "Warga menunggu tiga jam di loket." in text
    assert "Penerbitan KTP-el" in text  # the service it changes
    assert "+0.35" in text and "[0.112, 0.588]" in text and "Improved" in text
    assert "Draft: not published" not in text


def test_staff_proposal_of_a_draft_is_marked_and_lists_empty_sections(en, org, users):
    innovation = make_innovation(
        unit=org.unit, title="Draf Layanan Malam", published=False, kebaruan=""
    )
    en.force_login(users["operator_unit"])
    url = reverse("innovations:staff_proposal_pdf", kwargs={"pk": innovation.pk})
    text = pdf_text(en.get(url))
    assert "Draf Layanan Malam" in text and "Draft: not published" in text
    assert "Not written yet." in text
