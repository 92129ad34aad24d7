"""Rows of the role × scope matrix for a unit's questionnaire pages (wordings,
extra questions) and the Pemda's survey settings."""

from __future__ import annotations

from tests.access import (
    LOGIN,
    OTHER_PEMDA,
    POST_OTHER_PEMDA,
    SURVEY_CHANGE_OTHER_OPD,
    SURVEY_CHANGE_OWN,
    SURVEY_LIST,
    SURVEY_POST_CHANGE_OWN,
    SURVEY_VIEW_OTHER_OPD,
    SURVEY_VIEW_OWN,
    Case,
    profile,
    unit,
)


def unsur(attr: str, code: str = "U3"):
    return lambda org: {"unit_pk": getattr(org, attr).pk, "unsur": code}


def extra(attr: str):
    def build(org) -> dict:
        from prima.surveys.models import ExtraQuestion

        target = getattr(org, attr)
        item = ExtraQuestion.objects.create(
            pemda=target.pemda, unit=target, text="Apakah antrean tertib?"
        )
        return {"pk": item.pk}

    return build


# The survey period belongs to the Pemda: every survey viewer sees it; only a
# Pemda-level survey grant (admin Pemda) posts. An empty post re-renders the form
# with its error (200); a superuser without a chosen Pemda gets the picker (200).
SETTINGS_POST = profile(
    403,
    anonymous=LOGIN,
    admin_pemda=200,
    other_pemda_admin=200,
    superuser=200,
)

CASES: list[Case] = [
    Case("surveys:questionnaire", unit("unit"), SURVEY_VIEW_OWN),
    Case(
        "surveys:questionnaire",
        unit("other_opd_unit"),
        SURVEY_VIEW_OTHER_OPD,
        label="questionnaire other OPD",
    ),
    Case(
        "surveys:questionnaire",
        unit("other_pemda_unit"),
        OTHER_PEMDA,
        label="questionnaire other Pemda",
    ),
    Case("surveys:wording-edit", unsur("unit"), SURVEY_CHANGE_OWN),
    Case(
        "surveys:wording-edit",
        unsur("other_opd_unit"),
        SURVEY_CHANGE_OTHER_OPD,
        label="wording-edit other OPD",
    ),
    Case(
        "surveys:wording-edit",
        unsur("other_pemda_unit"),
        OTHER_PEMDA,
        label="wording-edit other Pemda",
    ),
    Case(
        "surveys:wording-edit",
        unsur("unit", "U10"),
        profile(404, anonymous=LOGIN),
        label="wording-edit unknown unsur",
    ),
    Case(
        "surveys:wording-reset",
        unsur("unit"),
        SURVEY_POST_CHANGE_OWN,
        method="post",
    ),
    Case(
        "surveys:wording-reset",
        unsur("other_pemda_unit"),
        POST_OTHER_PEMDA,
        method="post",
        label="wording-reset other Pemda",
    ),
    Case("surveys:extra-question-add", unit("unit"), SURVEY_CHANGE_OWN),
    Case(
        "surveys:extra-question-add",
        unit("other_opd_unit"),
        SURVEY_CHANGE_OTHER_OPD,
        label="extra-question-add other OPD",
    ),
    Case(
        "surveys:extra-question-add",
        unit("other_pemda_unit"),
        OTHER_PEMDA,
        label="extra-question-add other Pemda",
    ),
    Case("surveys:extra-question-edit", extra("unit"), SURVEY_CHANGE_OWN),
    Case(
        "surveys:extra-question-edit",
        extra("other_opd_unit"),
        SURVEY_CHANGE_OTHER_OPD,
        label="extra-question-edit other OPD",
    ),
    Case(
        "surveys:extra-question-edit",
        extra("other_pemda_unit"),
        OTHER_PEMDA,
        label="extra-question-edit other Pemda",
    ),
    Case("surveys:settings", expected=SURVEY_LIST),
    Case(
        "surveys:settings",
        expected=SETTINGS_POST,
        method="post",
        label="settings post",
    ),
]
