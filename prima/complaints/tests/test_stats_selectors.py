"""The complaint statistics read from cases moved through the real workflow services."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from prima.complaints.models import Case, Kind, Status
from prima.complaints.statistics import Durations
from prima.complaints.stats_selectors import (
    pemda_statistics,
    pemda_summary,
    scope_statistics,
    unit_complaint_summary,
    user_statistics,
)
from prima.core.periods import parse_key

pytestmark = pytest.mark.django_db

TODAY = date(2026, 6, 1)
YEAR = parse_key("2026")


def test_pemda_figures_use_working_days_and_holidays(org, cases):
    """The Pemda's figures match the worked example, its holiday skipped."""
    summary = pemda_summary(org.pemda, YEAR)
    assert summary.total == 4
    assert summary.by_status == {"closed": 2, "rejected": 1, "assigned": 1}
    assert summary.by_kind == {"pengaduan": 3, "saran": 1}
    assert summary.verify == Durations(3, 0, 3)
    assert summary.answer == Durations(2, 2, 18)
    assert summary.within_deadline == Fraction(1, 2)
    assert summary.reopened_share == Fraction(1, 2)
    assert (summary.rating_count, summary.rating_mean) == (2, Decimal("3.00"))


def test_scope_statistics_follow_the_users_scope(org, users, cases):
    """An OPD administrator sees only their OPD's units; overdue cases count today."""
    admin = scope_statistics(Case.objects.visible_to(users["admin_pemda"]), YEAR, TODAY)
    assert [(p.name, s.total, s.overdue_now) for p, s in admin.pemdas] == [
        ("Kota Alpha", 4, 2)  # the 2025 case is still unverified: overdue today
    ]
    assert {o.name: s.total for o, s in admin.opds} == {
        org.opd.name: 2,
        org.other_opd.name: 2,
    }
    overdue = {u.name: s.overdue_now for u, s in admin.units}
    assert overdue == {
        org.unit.name: 1,
        org.sibling_unit.name: 0,
        org.other_opd_unit.name: 1,
    }
    opd = scope_statistics(Case.objects.visible_to(users["admin_opd"]), YEAR, TODAY)
    assert [u.name for u, _ in opd.units] == [org.unit.name, org.sibling_unit.name]
    assert [(p.name, s.total) for p, s in opd.pemdas] == [("Kota Alpha", 2)]


def test_table_rows_count_in_the_column_order_of_status_and_kind(org, users, cases):
    """Each row lists its counts in the order of the Status and Kind choices, and
    the staff tables start from the user's scope."""
    tables = user_statistics(users["admin_opd"], YEAR, TODAY)
    assert [row.subject.name for row in tables.units] == [
        org.unit.name,
        org.sibling_unit.name,
    ]
    row = pemda_statistics(org.pemda, YEAR)
    assert row.subject == org.pemda and row.summary.total == 4
    statuses = dict(zip(Status.values, row.statuses, strict=True))
    kinds = dict(zip(Kind.values, row.kinds, strict=True))
    assert statuses == dict.fromkeys(Status.values, 0) | row.summary.by_status
    assert kinds == dict.fromkeys(Kind.values, 0) | {"pengaduan": 3, "saran": 1}


def test_period_selects_cases_by_date_received(org, cases):
    """Cases received outside the period are left out."""
    assert pemda_summary(org.pemda, parse_key("2025")).total == 1
    assert pemda_summary(org.pemda, parse_key("2026-T2")).total == 0


def test_unit_complaint_summary_feeds_the_skm(org, cases):
    """The SKM feed of a unit gives its rating, median days and on-time share."""
    feed = unit_complaint_summary(org.sibling_unit, YEAR)
    assert (feed.rating_mean, feed.rating_count) == (Decimal("2.00"), 1)
    assert feed.median_days_to_answer == 18
    assert feed.within_deadline == Fraction(0) and feed.answered == 1
    empty = unit_complaint_summary(org.unit, parse_key("2025"))
    assert (empty.rating_count, empty.rating_mean, empty.within_deadline) == (
        0,
        None,
        None,
    )
