"""Matrix rows for the SKM reports: staff exports need the survey view grant on the
unit; the public results pages are open to everyone but only under the unit's or
OPD's own Pemda address."""

from __future__ import annotations

from tests.access import (
    OTHER_PEMDA,
    PUBLIC,
    SURVEY_VIEW_OTHER_OPD,
    SURVEY_VIEW_OWN,
    Case,
    profile,
    unit,
)

NOT_FOUND = profile(404)


def _public_unit(attr: str, slug_of: str = "pemda"):
    return lambda org: {
        "pemda_slug": getattr(org, slug_of).slug,
        "unit_pk": getattr(org, attr).pk,
    }


def _public_opd(attr: str, slug_of: str = "pemda"):
    return lambda org: {
        "pemda_slug": getattr(org, slug_of).slug,
        "opd_pk": getattr(org, attr).pk,
    }


CASES: list[Case] = []
for _name in ("surveys:report-pdf", "surveys:report-xlsx", "surveys:report-csv"):
    CASES += [
        Case(_name, unit("unit"), SURVEY_VIEW_OWN),
        Case(
            _name,
            unit("other_opd_unit"),
            SURVEY_VIEW_OTHER_OPD,
            label=f"{_name} other OPD",
        ),
        Case(
            _name,
            unit("other_pemda_unit"),
            OTHER_PEMDA,
            label=f"{_name} other Pemda",
        ),
    ]

CASES += [
    Case("surveys:public-pemda", lambda org: {"pemda_slug": org.pemda.slug}, PUBLIC),
    Case("surveys:public-opd", _public_opd("opd"), PUBLIC),
    Case(
        "surveys:public-opd",
        _public_opd("other_pemda_opd"),
        NOT_FOUND,
        label="public-opd of another Pemda",
    ),
    Case("surveys:public-unit", _public_unit("unit"), PUBLIC),
    Case(
        "surveys:public-unit",
        _public_unit("other_pemda_unit"),
        NOT_FOUND,
        label="public-unit of another Pemda",
    ),
]

# Consolidated reports: a Pemda's for its Pemda-level survey grants; an OPD's also
# for the OPD's own administrator.
PEMDA_REPORT = profile(
    404,
    anonymous=302,
    admin_pemda=200,
    evaluator=200,
    mentor=200,
    pimpinan=200,
    superuser=200,
)
OPD_REPORT = {**PEMDA_REPORT, "admin_opd": 200}


def _pk(attr: str):
    return lambda org: {"pk": getattr(org, attr).pk}


for _kind in ("pdf", "xlsx"):
    CASES += [
        Case(f"surveys:pemda-report-{_kind}", _pk("pemda"), PEMDA_REPORT),
        Case(
            f"surveys:pemda-report-{_kind}",
            _pk("other_pemda"),
            OTHER_PEMDA,
            label=f"pemda-report-{_kind} other Pemda",
        ),
        Case(f"surveys:opd-report-{_kind}", _pk("opd"), OPD_REPORT),
        Case(
            f"surveys:opd-report-{_kind}",
            _pk("other_opd"),
            PEMDA_REPORT,
            label=f"opd-report-{_kind} other OPD",
        ),
        Case(
            f"surveys:opd-report-{_kind}",
            _pk("other_pemda_opd"),
            OTHER_PEMDA,
            label=f"opd-report-{_kind} other Pemda",
        ),
    ]
