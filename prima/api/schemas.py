"""The shapes the API reads and writes; the OpenAPI document is generated from them."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Generic, TypeVar

from ninja import Field, Schema

T = TypeVar("T")


class Page(Schema, Generic[T]):
    """One page of a list: ``count`` rows in all, ``page`` of ``pages``."""

    count: int
    page: int
    pages: int
    page_size: int
    items: list[T]


class ProblemError(Schema):
    """One field that failed validation."""

    location: str = Field(description="query, path or body")
    field: str
    detail: str


class Problem(Schema):
    """RFC 9457 problem details."""

    type: str
    title: str
    status: int
    detail: str
    instance: str | None = None
    errors: list[ProblemError] | None = None


class PemdaOut(Schema):
    slug: str
    name: str
    kind: str


class OpdOut(Schema):
    id: int
    pemda: str = Field(description="slug of the Pemda")
    code: str
    name: str
    short_name: str


class UnitOut(Schema):
    id: int
    pemda: str = Field(description="slug of the Pemda")
    opd: int
    opd_name: str
    code: str
    name: str
    kind: str
    address: str
    phone: str
    opening_hours: str


class ServiceOut(Schema):
    id: int
    pemda: str
    opd: int
    unit: int
    unit_name: str
    code: str
    name: str
    description: str
    has_published_standard: bool


class StandardOut(Schema):
    """The citizen-facing components of the published Standar Pelayanan."""

    version: int
    decree_number: str
    decree_date: date | None
    decree_signatory: str
    published_at: datetime | None
    requirements: list[str]
    procedure: list[str]
    service_time: str
    tariff: Decimal | None
    is_free: bool
    tariff_legal_basis: str
    product: str
    complaint_channel: str


class ServiceDetailOut(ServiceOut):
    standard: StandardOut | None


class UnsurOut(Schema):
    code: str
    name: str
    nrr: Decimal = Field(description="mean score 1–4, four decimals")
    nrr_converted: Decimal = Field(description="NRR × 25, two decimals")
    mutu: str


class IkmOut(Schema):
    """The IKM of one scope in one period, with the NRR of each unsur."""

    scope: str = Field(description="pemda, opd, unit or service")
    pemda: str
    opd: int | None
    unit: int | None
    service: int | None
    name: str
    period: str
    period_label: str
    start: date
    end: date
    respondents: int = Field(description="each answers all nine unsur")
    ikm: Decimal | None = Field(description="None when nobody answered")
    mutu: str | None
    kinerja: str | None
    unsur: list[UnsurOut]


class ComplaintFiguresOut(Schema):
    """Complaint figures of one Pemda, OPD or unit in one period."""

    scope: str
    id: int | None
    pemda: str
    name: str
    period: str
    total: int
    by_status: dict[str, int]
    by_kind: dict[str, int]
    answered: int
    answered_within_deadline: int
    within_deadline_percent: Decimal | None
    days_to_verify_median: int | None
    days_to_answer_median: int | None
    days_to_answer_p90: int | None
    reopened: int
    rating_count: int
    rating_mean: Decimal | None
    overdue_now: int


class LineageNodeOut(Schema):
    id: int | None = Field(description="None when the viewer may not see it")
    title: str
    owner: str
    region: str
    hidden_copies: int


class LineageOut(Schema):
    ancestors: list[LineageNodeOut]
    copies: list[LineageNodeOut]
    copies_total: int
    truncated: bool


class ImpactUnsurOut(Schema):
    unsur: str
    n_before: int
    n_after: int
    nrr_before: Decimal | None
    nrr_after: Decimal | None
    difference: Decimal | None
    low: Decimal | None
    high: Decimal | None
    verdict: str


class ImpactOut(Schema):
    window_days: int
    missing: str | None
    before_start: date | None
    before_end: date | None
    after_start: date | None
    after_end: date | None
    ikm_before: Decimal | None
    ikm_after: Decimal | None
    unsur: list[ImpactUnsurOut]


class InnovationOut(Schema):
    id: int
    pemda: str
    opd: int | None
    unit: int | None
    title: str
    group: str
    stage: str
    sector: str
    status: str
    started_on: date | None
    applied_on: date | None
    published_at: datetime | None
    target_unsur: list[str]
    origin: int | None
    origin_region: str
    origin_agency: str


class InnovationDetailOut(InnovationOut):
    summary: str
    services: list[int]
    lineage: LineageOut
    impact: ImpactOut


class GrantOut(Schema):
    role: str
    level: str
    target: int
    pemda: int


class MeOut(Schema):
    username: str
    full_name: str
    token: str | None = Field(description="the token's name, None for a session")
    grants: list[GrantOut]


SCORE = Field(..., ge=1, le=4)


class SurveyResponseIn(Schema):
    """One SKM answer from a partner kiosk: the nine unsur, scored 1–4."""

    idempotency_key: uuid.UUID = Field(
        description="a UUID4 the kiosk makes per answer; sending it again stores "
        "nothing new"
    )
    service: int = Field(..., ge=1, le=999_999_999_999_999_999)
    service_date: date | None = Field(None, description="default: today")
    u1: int = SCORE
    u2: int = SCORE
    u3: int = SCORE
    u4: int = SCORE
    u5: int = SCORE
    u6: int = SCORE
    u7: int = SCORE
    u8: int = SCORE
    u9: int = SCORE
    gender: str = Field("", max_length=1)
    age: int | None = Field(None, ge=10, le=120)
    education: str = Field("", max_length=6)
    occupation: str = Field("", max_length=10)
    suggestion: str = Field("", max_length=2000)


class SurveyResponseOut(Schema):
    id: int
    created: bool = Field(description="False when the key was already stored")
