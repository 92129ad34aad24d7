"""Builders of SKM data for tests: skm.md's worked example through the real service."""

from __future__ import annotations

import uuid
from datetime import date

from prima.surveys.models import Channel
from prima.surveys.services import response_submit

# skm.md's worked example: four respondents' answers on U1…U9.
FOUR_RESPONDENTS = (
    (4, 4, 4, 4, 4, 4, 4, 4, 4),
    (3, 3, 3, 3, 3, 3, 3, 3, 3),
    (2, 3, 2, 4, 3, 3, 3, 3, 2),
    (3, 2, 1, 4, 3, 4, 4, 3, 3),
)


def submit_scores(layanan, row, *, day: date, channel=Channel.ONLINE, **kwargs):
    """Store one response with ``row`` as the answers on U1…U9."""
    return response_submit(
        layanan=layanan,
        scores={f"U{i}": s for i, s in enumerate(row, start=1)},
        idempotency_key=uuid.uuid4(),
        channel=channel,
        service_date=day,
        **kwargs,
    )


def submit_four(layanan, day=date(2025, 2, 10), channel=Channel.ONLINE, **kwargs):
    """Store the four-respondent worked example of skm.md for ``layanan``."""
    for row in FOUR_RESPONDENTS:
        submit_scores(layanan, row, day=day, channel=channel, **kwargs)
