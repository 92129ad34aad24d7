"""Rows of the role × scope matrix for the staff SKM pages (results, diagnosis,
population, RTL and paper import)."""

from __future__ import annotations

from datetime import date

from tests.access import (
    OTHER_PEMDA,
    SURVEY_CHANGE_OTHER_OPD,
    SURVEY_CHANGE_OWN,
    SURVEY_LIST,
    SURVEY_VIEW_OTHER_OPD,
    SURVEY_VIEW_OWN,
    Case,
    unit,
)


def followup(attr: str):
    def build(org) -> dict:
        from prima.surveys.models import FollowUp

        target = getattr(org, attr)
        item = FollowUp.objects.create(
            pemda=target.pemda,
            unit=target,
            period_start=date(2026, 4, 1),
            period_end=date(2026, 6, 30),
            unsur="U3",
            action="Tambah petugas loket",
            due_on=date(2026, 9, 30),
            responsible="Kepala Unit",
        )
        return {"pk": item.pk}

    return build


CASES: list[Case] = [
    Case("surveys:results", expected=SURVEY_LIST),
    Case("surveys:unit-results", unit("unit"), SURVEY_VIEW_OWN),
    Case(
        "surveys:unit-results",
        unit("other_opd_unit"),
        SURVEY_VIEW_OTHER_OPD,
        label="unit-results other OPD",
    ),
    Case(
        "surveys:unit-results",
        unit("other_pemda_unit"),
        OTHER_PEMDA,
        label="unit-results other Pemda",
    ),
    Case("surveys:population-edit", unit("unit"), SURVEY_CHANGE_OWN),
    Case(
        "surveys:population-edit",
        unit("other_opd_unit"),
        SURVEY_CHANGE_OTHER_OPD,
        label="population-edit other OPD",
    ),
    Case(
        "surveys:population-edit",
        unit("other_pemda_unit"),
        OTHER_PEMDA,
        label="population-edit other Pemda",
    ),
    Case("surveys:followup-create", unit("unit"), SURVEY_CHANGE_OWN),
    Case(
        "surveys:followup-create",
        unit("other_pemda_unit"),
        OTHER_PEMDA,
        label="followup-create other Pemda",
    ),
    Case("surveys:followup-update", followup("unit"), SURVEY_CHANGE_OWN),
    Case(
        "surveys:followup-update",
        followup("other_opd_unit"),
        SURVEY_CHANGE_OTHER_OPD,
        label="followup-update other OPD",
    ),
    Case(
        "surveys:followup-update",
        followup("other_pemda_unit"),
        OTHER_PEMDA,
        label="followup-update other Pemda",
    ),
    Case("surveys:import", unit("unit"), SURVEY_CHANGE_OWN),
    Case(
        "surveys:import",
        unit("other_pemda_unit"),
        OTHER_PEMDA,
        label="import other Pemda",
    ),
]
