"""Which SKM periods a Pemda publishes: every period, or, when it chose so in its
survey settings, only those that have closed (the regulation asks for published
results, not live interim numbers). The public pages, the transparency portal and
the open data ask here."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from prima.core.periods import Period
from prima.organisations.models import Pemda
from prima.surveys.models import SurveySettings


def hides_running_period(pemda: Pemda) -> bool:
    return SurveySettings.objects.filter(pemda=pemda, hide_running_period=True).exists()


def withheld(pemda: Pemda, period: Period, today: date | None = None) -> bool:
    """Whether ``period``'s results stay unpublished: it has not closed yet and the
    Pemda publishes closed periods only."""
    today = today or timezone.localdate()
    return period.end >= today and hides_running_period(pemda)


def published(pemda: Pemda, periods: list[Period], today: date | None = None):
    """Return ``periods`` without those whose results stay unpublished."""
    today = today or timezone.localdate()
    if not hides_running_period(pemda):
        return list(periods)
    return [period for period in periods if period.end < today]
