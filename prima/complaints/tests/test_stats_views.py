"""The staff statistics page and the public figures of a Pemda."""

from __future__ import annotations

from datetime import date

import pytest
from django.conf import settings
from django.urls import reverse

# The worked example of the selector tests, shared as a fixture.

pytestmark = pytest.mark.django_db

STAFF_URL = reverse("complaints:stats")


@pytest.fixture(autouse=True)
def today(monkeypatch):
    monkeypatch.setattr("prima.complaints.stats_views._today", lambda: date(2026, 6, 1))


def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.mark.usefixtures("cases")
def test_staff_page_shows_the_scope_of_an_opd_admin(client, org, users):
    """An OPD administrator sees their OPD's units and not the other OPD's."""
    client.force_login(users["admin_opd"])
    page = english(client).get(STAFF_URL).content.decode()
    assert "Complaint statistics" in page and "Tahun 2026" in page
    assert org.unit.name in page and org.sibling_unit.name in page
    assert org.other_opd_unit.name not in page
    assert "50.0% (1/2)" in page  # one of the OPD's two answers was on time


@pytest.mark.usefixtures("cases")
def test_staff_page_takes_a_period_and_reports_an_unknown_one(client, org, users):
    """A quarter shows only units with cases in it or overdue now; a bad key warns."""
    client.force_login(users["admin_pemda"])
    year = english(client).get(STAFF_URL).content.decode()
    quiet = english(client).get(STAFF_URL, {"periode": "2026-T2"}).content.decode()
    assert org.sibling_unit.name in year and "Triwulan II 2026" in quiet
    assert org.sibling_unit.name not in quiet and org.other_opd_unit.name in quiet
    wrong = english(client).get(STAFF_URL, {"periode": "kemarin"}).content.decode()
    assert "is not a period; showing Tahun 2026" in wrong
    assert "Kota Alpha" in wrong


@pytest.mark.usefixtures("cases")
def test_public_figures_show_no_case_contents(client, org):
    """The public page gives the Pemda's counts and timeliness, never a case's text."""
    url = reverse("complaints:public-stats", kwargs={"pemda_slug": org.pemda.slug})
    page = english(client).get(url).content.decode()
    assert "4 cases received in this period." in page
    assert "50.0% (1/2)" in page and "3.00" in page
    assert "Antrean lama" not in page and "Siti Rahma" not in page
    assert "PRM-" not in page and "<script" not in page


def test_public_figures_of_a_quiet_pemda(client, org):
    """A Pemda without cases shows zero cases and no figures."""
    url = reverse("complaints:public-stats", kwargs={"pemda_slug": org.pemda.slug})
    page = english(client).get(url, {"periode": "2025"}).content.decode()
    assert "0 cases received in this period." in page and "Tahun 2025" in page


@pytest.mark.usefixtures("cases")
def test_public_figures_list_each_kind_and_status_on_its_own_line(client, org):
    """Each kind and each status is a row of label and count, so a phone shows all."""
    import re

    from django.utils import translation

    from prima.complaints.models import Kind, Status

    url = reverse("complaints:public-stats", kwargs={"pemda_slug": org.pemda.slug})
    page = english(client).get(url).content.decode()
    for choices in (Kind, Status):
        counts = {
            label: int(n)
            for label, n in re.findall(
                r'<tr><th scope="row">([^<]+)</th><td>(\d+)</td></tr>', page
            )
        }
        with translation.override("en"):
            labels = {str(label) for label in choices.labels}
        assert labels <= set(counts), choices
        counts = {label: n for label, n in counts.items() if label in labels}
        assert sum(counts.values()) == 4, choices
