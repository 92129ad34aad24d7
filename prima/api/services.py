"""The one write of the API: an SKM answer sent by a partner kiosk.

The answer is checked by the kiosk page's own form (the unit's active services,
the dates a citizen may rate, the profile choices) and stored by the surveys app's
idempotent ``response_submit`` (docs/adr/0007): the same ``idempotency_key`` sent
again stores nothing and returns the first response.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from prima.organisations.models import Layanan
from prima.surveys import intake
from prima.surveys.intake_forms import SurveyForm
from prima.surveys.models import Channel, KioskDevice, Response
from prima.surveys.services import response_submit

# The form's field names, as the API spells them.
API_FIELDS = {"layanan": "service", "key": "idempotency_key"}


class InvalidAnswer(Exception):
    """The answer failed the questionnaire's checks; ``errors`` maps field names
    (as the API spells them) to messages."""

    def __init__(self, errors: dict[str, list[str]]) -> None:
        super().__init__(errors)
        self.errors = errors


def kiosk_answer_submit(
    *, kiosk: KioskDevice, answer: dict[str, Any]
) -> tuple[Response, bool]:
    """Store ``answer`` for the kiosk's unit; return (response, created)."""
    unit = kiosk.unit
    today = timezone.localdate()
    data = {
        **{key: value for key, value in answer.items() if value is not None},
        "key": str(answer["idempotency_key"]),
        "layanan": str(answer["service"]),
        "service_date": (answer.get("service_date") or today).isoformat(),
    }
    form = SurveyForm(
        {key: str(value) for key, value in data.items()},
        questions=intake.questionnaire(unit),
        extras=(),
        services=Layanan.objects.active().filter(unit=unit),
        today=today,
    )
    if not form.is_valid():
        raise InvalidAnswer(
            {
                API_FIELDS.get(name, name): list(errors)
                for name, errors in form.errors.items()
            }
        )
    response, created = response_submit(
        **form.submission(), channel=Channel.KIOSK, kiosk=kiosk
    )
    intake.kiosk_touch(kiosk)
    return response, created
