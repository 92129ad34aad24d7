"""Open data for Satu Data Indonesia: each Pemda's public datasets as CSV and JSON,
and a DCAT catalogue (JSON-LD) that a CKAN DCAT harvester (ckanext-dcat) ingests.

A dataset is a declaration (``DATASETS``): its name, title, description, how often
it changes, its columns and the function building its rows from the API's
selectors. Rows hold only what the public pages show: active units and services,
published standards, IKM summed from the rollups, a Pemda's complaint figures and
published innovations. The licence is ``PRIMA_OPEN_DATA_LICENSE`` (CC BY 4.0 by
default), the publisher the Pemda itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from prima.api import selectors
from prima.complaints.stats_selectors import pemda_summary
from prima.core.periods import Period, PeriodKind
from prima.organisations.models import Pemda
from prima.surveys import ikm, publication
from prima.surveys.models import SurveySettings
from prima.surveys.selectors import Scope, results_by, survey_periods

# How many survey periods the IKM and complaint datasets cover, newest last.
PERIODS = 8
# The frequency vocabulary DCAT-AP (and ckanext-dcat) expects.
FREQUENCY = "http://publications.europa.eu/resource/authority/frequency/"
PERIOD_FREQUENCY = {
    PeriodKind.TRIWULAN: "QUARTERLY",
    PeriodKind.SEMESTER: "ANNUAL_2",
    PeriodKind.TAHUN: "ANNUAL",
}


@dataclass(frozen=True)
class Dataset:
    """One public dataset of a Pemda."""

    name: str
    title: Any  # lazily translated
    description: Any
    columns: tuple[str, ...]
    rows: Callable[[Pemda], list[dict[str, Any]]]
    # None: changes whenever staff edit it (DCAT "continuous" updates).
    follows_survey_period: bool = False


def _periods(pemda: Pemda) -> list[Period]:
    today = timezone.localdate()
    return list(reversed(survey_periods(pemda, today=today, count=PERIODS)))


def _skm_periods(pemda: Pemda) -> list[Period]:
    """The survey periods whose results the Pemda publishes (``publication``)."""
    return publication.published(pemda, _periods(pemda))


def period_kind(pemda: Pemda) -> PeriodKind:
    setting = SurveySettings.objects.filter(pemda=pemda).first()
    return PeriodKind(setting.period_kind) if setting else PeriodKind.TRIWULAN


def _service_rows(pemda: Pemda) -> list[dict[str, Any]]:
    rows = selectors.service_rows(pemda=pemda.slug, opd=None, unit=None)
    return [
        {**selectors.service_out(layanan), "opd_name": layanan.unit.opd.name}
        for layanan in rows.select_related("unit__opd")
    ]


def _unit_rows(pemda: Pemda) -> list[dict[str, Any]]:
    units = selectors.unit_rows(pemda=pemda.slug, opd=None)
    return [selectors.unit_out(unit) for unit in units]


def _ikm_rows(pemda: Pemda) -> list[dict[str, Any]]:
    units = list(selectors.unit_rows(pemda=pemda.slug, opd=None))
    rows = []
    for period in _skm_periods(pemda):
        results = results_by(period, pemda=pemda, group="unit")
        for unit in units:
            out = selectors.ikm_out(Scope.of(unit), period, results.get(unit.pk))
            nrr = {u["code"]: u["nrr"] for u in out["unsur"]}
            rows.append(
                {
                    "period": out["period"],
                    "start": out["start"],
                    "end": out["end"],
                    "opd": unit.opd_id,
                    "opd_name": unit.opd.name,
                    "unit": unit.pk,
                    "unit_name": unit.name,
                    "respondents": out["respondents"],
                    "ikm": out["ikm"],
                    "mutu": out["mutu"],
                    **{
                        f"nrr_{u.value.lower()}": nrr.get(u.value)
                        for u in ikm.CODE_ORDER
                    },
                }
            )
    return rows


def _complaint_rows(pemda: Pemda) -> list[dict[str, Any]]:
    rows = []
    for period in _periods(pemda):
        figures = selectors.figures_out(
            "pemda", pemda, pemda, period, pemda_summary(pemda, period)
        )
        rows.append(
            {
                "period": period.key,
                "start": period.start,
                "end": period.end,
                **{
                    key: value
                    for key, value in figures.items()
                    if key
                    not in (
                        "scope",
                        "id",
                        "pemda",
                        "name",
                        "period",
                        "by_status",
                        "by_kind",
                    )
                },
            }
        )
    return rows


def _innovation_rows(pemda: Pemda) -> list[dict[str, Any]]:
    rows = selectors.published_innovations(pemda=pemda.slug, opd=None, unit=None)
    return [
        {
            **selectors.innovation_out(innovation),
            "target_unsur": " ".join(innovation.target_codes()),
        }
        for innovation in rows
    ]


DATASETS: dict[str, Dataset] = {
    dataset.name: dataset
    for dataset in (
        Dataset(
            "unit-layanan",
            _("Service units"),
            _("Active public service units with their OPD, address and opening hours."),
            (
                "id", "opd", "opd_name", "code", "name", "kind", "address", "phone",
                "opening_hours",
            ),
            _unit_rows,
        ),
        Dataset(
            "layanan",
            _("Services and their service standards"),
            _(
                "Each unit's active services and whether their Standar Pelayanan is "
                "set and published."
            ),
            (
                "id", "opd", "opd_name", "unit", "unit_name", "code", "name",
                "description", "has_published_standard",
            ),
            _service_rows,
        ),
        Dataset(
            "ikm",
            _("Community Satisfaction Index (IKM) per unit"),
            _(
                "The IKM and the mean score (NRR) of the nine SKM unsur per service "
                "unit and survey period (PermenPANRB 14/2017), from the tallied "
                "answers."
            ),
            (
                "period", "start", "end", "opd", "opd_name", "unit", "unit_name",
                "respondents", "ikm", "mutu",
                *(f"nrr_{u.value.lower()}" for u in ikm.CODE_ORDER),
            ),
            _ikm_rows,
            follows_survey_period=True,
        ),
        Dataset(
            "pengaduan",
            _("Complaint statistics"),
            _(
                "Complaints received, answered and answered on time, handling time "
                "in working days and the complainants' ratings, per period."
            ),
            (
                "period", "start", "end", "total", "answered",
                "answered_within_deadline", "within_deadline_percent",
                "days_to_verify_median", "days_to_answer_median",
                "days_to_answer_p90", "reopened", "rating_count", "rating_mean",
                "overdue_now",
            ),
            _complaint_rows,
            follows_survey_period=True,
        ),
        Dataset(
            "inovasi",
            _("Public service innovations"),
            _(
                "Published innovations with their stage, date applied, the SKM "
                "unsur they target and what they replicate."
            ),
            (
                "id", "opd", "unit", "title", "group", "stage", "sector",
                "started_on", "applied_on", "published_at", "target_unsur", "origin",
                "origin_region", "origin_agency",
            ),
            _innovation_rows,
        ),
    )
}  # fmt: skip


def dataset_rows(dataset: Dataset, pemda: Pemda) -> list[dict[str, Any]]:
    """Return the dataset's rows, each with exactly its columns, in order."""
    return [
        {column: row.get(column) for column in dataset.columns}
        for row in dataset.rows(pemda)
    ]


def _language() -> str:
    """Return the language of the titles, as the catalogue is read (ISO 639-1)."""
    code = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return f"http://id.loc.gov/vocabulary/iso639-1/{code}"


def _iso(day: date) -> str:
    return day.isoformat()


def _frequency(dataset: Dataset, pemda: Pemda) -> str:
    if dataset.follows_survey_period:
        return FREQUENCY + PERIOD_FREQUENCY[period_kind(pemda)]
    return FREQUENCY + "CONT"


def _dataset_node(dataset: Dataset, pemda: Pemda, base: str) -> dict[str, Any]:
    pemda_url = base + reverse("portal:pemda", kwargs={"pemda_slug": pemda.slug})
    node: dict[str, Any] = {
        "@id": f"{pemda_url}#dataset-{dataset.name}",
        "@type": "dcat:Dataset",
        "dct:identifier": f"{pemda.slug}-{dataset.name}",
        "dct:title": f"{dataset.title} — {pemda.name}",
        "dct:description": str(dataset.description),
        "dct:language": {"@id": _language()},
        "dct:publisher": {
            "@id": pemda_url,
            "@type": "foaf:Agent",
            "foaf:name": pemda.name,
        },
        "dct:license": {"@id": settings.PRIMA_OPEN_DATA_LICENSE},
        "dct:accrualPeriodicity": {"@id": _frequency(dataset, pemda)},
        "dct:modified": {
            "@value": _iso(timezone.localdate()),
            "@type": "xsd:date",
        },
        "dcat:keyword": [str(_("public service")), pemda.name, dataset.name],
        "dcat:landingPage": {"@id": pemda_url},
        "dcat:distribution": [
            _distribution(dataset, pemda, base, fmt) for fmt in ("csv", "json")
        ],
    }
    if dataset.follows_survey_period:
        periods = _periods(pemda)
        node["dct:temporal"] = {
            "@type": "dct:PeriodOfTime",
            "dcat:startDate": {"@value": _iso(periods[0].start), "@type": "xsd:date"},
            "dcat:endDate": {"@value": _iso(periods[-1].end), "@type": "xsd:date"},
        }
    return node


MEDIA_TYPES = {"csv": "text/csv", "json": "application/json"}


def _distribution(dataset: Dataset, pemda: Pemda, base: str, fmt: str) -> dict:
    url = base + reverse(
        "opendata:dataset",
        kwargs={"pemda_slug": pemda.slug, "dataset": dataset.name, "fmt": fmt},
    )
    return {
        "@id": url,
        "@type": "dcat:Distribution",
        "dct:title": f"{dataset.title} ({fmt.upper()})",
        "dct:format": fmt.upper(),
        "dcat:mediaType": {
            "@id": f"https://www.iana.org/assignments/media-types/{MEDIA_TYPES[fmt]}"
        },
        "dcat:accessURL": {"@id": url},
        "dcat:downloadURL": {"@id": url},
        "dct:license": {"@id": settings.PRIMA_OPEN_DATA_LICENSE},
    }


CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def catalogue(pemdas: list[Pemda], *, base: str, url: str) -> dict[str, Any]:
    """Return the DCAT catalogue of the given Pemda's datasets as JSON-LD."""
    return {
        "@context": CONTEXT,
        "@id": url,
        "@type": "dcat:Catalog",
        "dct:title": str(_("Prima — open public service data")),
        "dct:description": str(
            _(
                "Open public service data of regional governments: units and "
                "services, service standards, the Community Satisfaction Index, "
                "complaint statistics and innovations."
            )
        ),
        "dct:language": {"@id": _language()},
        "dct:license": {"@id": settings.PRIMA_OPEN_DATA_LICENSE},
        "dct:modified": {"@value": _iso(timezone.localdate()), "@type": "xsd:date"},
        "dcat:dataset": [
            _dataset_node(dataset, pemda, base)
            for pemda in pemdas
            for dataset in DATASETS.values()
        ],
    }
