"""Tests of the staff home's survey and complaint cards."""

import uuid
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from prima.complaints.services import case_submit

pytestmark = pytest.mark.django_db


def test_complaint_card_counts_open_and_overdue_cases(client, org, users):
    """Admin Pemda sees how many cases are open and how many are overdue."""
    for days_ago in (0, 30):
        case_submit(
            pemda=org.pemda,
            kind="pengaduan",
            subject="Antrean",
            description="Lama",
            submission_key=uuid.uuid4(),
            unit=org.unit,
            now=timezone.now() - timedelta(days=days_ago),
        )
    client.force_login(users["admin_pemda"])
    page = client.get(reverse("portal:staff-home")).content.decode()
    assert "2 open cases." in page and "1 overdue" in page
    assert reverse("complaints:worklist") in page
    assert reverse("surveys:results") in page


def test_juri_sees_neither_survey_nor_complaint_cards(client, org, users):
    """A jury member's home offers no survey or complaint links."""
    client.force_login(users["juri"])
    page = client.get(reverse("portal:staff-home")).content.decode()
    assert reverse("complaints:worklist") not in page
    assert reverse("surveys:results") not in page
