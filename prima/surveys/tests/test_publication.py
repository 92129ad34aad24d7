"""A Pemda may publish SKM results only once a period has closed."""

from __future__ import annotations

from datetime import date

import pytest

from prima.core.periods import PeriodKind, period_containing, previous
from prima.surveys import publication
from prima.surveys.questionnaire import settings_update

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 20)
RUNNING = period_containing(TODAY, PeriodKind.TRIWULAN)
CLOSED = previous(RUNNING)


def test_by_default_every_period_is_published(org):
    assert not publication.withheld(org.pemda, RUNNING, TODAY)
    assert publication.published(org.pemda, [RUNNING, CLOSED], TODAY) == [
        RUNNING,
        CLOSED,
    ]


def test_a_pemda_may_publish_closed_periods_only(org):
    settings_update(pemda=org.pemda, period_kind="triwulan", hide_running_period=True)
    assert publication.withheld(org.pemda, RUNNING, TODAY)
    assert not publication.withheld(org.pemda, CLOSED, TODAY)
    assert publication.published(org.pemda, [RUNNING, CLOSED], TODAY) == [CLOSED]
    assert not publication.withheld(org.other_pemda, RUNNING, TODAY)


def test_the_public_page_of_a_running_period_says_when_it_is_published(client, org):
    from django.utils import timezone

    running = period_containing(timezone.localdate(), PeriodKind.TRIWULAN)
    url = f"/{org.pemda.slug}/skm/unit/{org.unit.pk}/?periode={running.key}"
    assert 'id="withheld"' not in client.get(url).content.decode()
    settings_update(pemda=org.pemda, period_kind="triwulan", hide_running_period=True)
    page = client.get(url)
    assert page.status_code == 200
    assert 'id="withheld"' in page.content.decode()
    assert "results" not in page.context
    closed = client.get(f"/{org.pemda.slug}/skm/unit/{org.unit.pk}/")
    assert running not in closed.context["results"].periods
