"""The transparency portal: a Pemda's published figures in one place."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from prima.core.periods import PeriodKind, period_containing, previous
from prima.innovations.testing import make_innovation
from prima.portal.transparency import transparency
from prima.surveys.testing import submit_four

pytestmark = pytest.mark.django_db


def test_the_figures_are_the_last_closed_periods(org):
    today = timezone.localdate()
    closed = previous(period_containing(today, PeriodKind.TRIWULAN))
    submit_four(org.layanan, day=closed.start + timedelta(days=3))
    submit_four(org.layanan, day=today)  # the running period: not shown
    make_innovation(unit=org.unit, title="Antrean daring")
    figures = transparency(org.pemda, today)
    assert figures.period == closed
    assert figures.result.respondents == 4
    assert [row.opd for row in figures.opds] == [org.opd]
    assert figures.services == 3 and figures.standards == 0  # the org tree's three
    assert (figures.innovations, figures.applied) == (1, 1)
    assert figures.cycles == []


def test_the_page_links_every_public_part(client, org):
    url = reverse("portal:transparency", kwargs={"pemda_slug": org.pemda.slug})
    page = client.get(url).content.decode()
    for part in ("skm", "standards", "complaints", "innovations", "data"):
        assert f'id="transparency-{part}"' in page
    assert f"/{org.pemda.slug}/pengaduan/statistik/" in page
    home = client.get(f"/{org.pemda.slug}/").content.decode()
    assert url in home
