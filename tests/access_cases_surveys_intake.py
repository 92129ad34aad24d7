"""Role × scope rows for the SKM intake: public questionnaire links and kiosk pages,
staff QR posters and kiosk management."""

from __future__ import annotations

from tests.access import (
    OTHER_PEMDA,
    POST_OTHER_PEMDA,
    PUBLIC,
    SURVEY_LIST,
    SURVEY_POST_CHANGE_OWN,
    SURVEY_VIEW_OTHER_OPD,
    SURVEY_VIEW_OWN,
    Case,
    layanan,
    unit,
)


def kiosk_token(attr: str):
    def build(org) -> dict:
        from prima.surveys.intake import kiosk_issue

        _, token = kiosk_issue(unit=getattr(org, attr), name="Tablet")
        return {"token": token}

    return build


def kiosk_device(attr: str):
    def build(org) -> dict:
        from prima.surveys.intake import kiosk_issue

        device, _ = kiosk_issue(unit=getattr(org, attr), name="Tablet")
        return {"pk": device.pk}

    return build


CASES: list[Case] = [
    # Citizens: short links and the counter kiosk need no login.
    Case("surveys:survey-unit", unit("unit"), PUBLIC),
    Case(
        "surveys:survey-unit",
        unit("other_pemda_unit"),
        PUBLIC,
        label="survey-unit other Pemda",
    ),
    Case("surveys:survey-service", layanan("layanan"), PUBLIC),
    Case("surveys:survey-thanks", expected=PUBLIC),
    Case("surveys:kiosk", kiosk_token("unit"), PUBLIC),
    Case("surveys:kiosk-worker", expected=PUBLIC),
    # Staff: posters need the survey view grant on the unit or service.
    Case("surveys:survey-poster-unit", unit("unit"), SURVEY_VIEW_OWN),
    Case(
        "surveys:survey-poster-unit",
        unit("other_opd_unit"),
        SURVEY_VIEW_OTHER_OPD,
        label="survey-poster-unit other OPD",
    ),
    Case(
        "surveys:survey-poster-unit",
        unit("other_pemda_unit"),
        OTHER_PEMDA,
        label="survey-poster-unit other Pemda",
    ),
    Case("surveys:survey-poster-service", layanan("layanan"), SURVEY_VIEW_OWN),
    Case(
        "surveys:survey-poster-service",
        layanan("other_pemda_layanan"),
        OTHER_PEMDA,
        label="survey-poster-service other Pemda",
    ),
    # Staff: kiosks.
    Case("surveys:kiosk-list", expected=SURVEY_LIST),
    Case(
        "surveys:kiosk-revoke",
        kiosk_device("unit"),
        SURVEY_POST_CHANGE_OWN,
        method="post",
    ),
    Case(
        "surveys:kiosk-revoke",
        kiosk_device("other_pemda_unit"),
        POST_OTHER_PEMDA,
        method="post",
        label="kiosk-revoke other Pemda",
    ),
]
