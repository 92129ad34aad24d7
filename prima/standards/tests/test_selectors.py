"""Tests of the reads behind the standards pages."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from prima.core.roles import CHANGE
from prima.organisations import selectors as organisation_pages
from prima.standards import selectors
from prima.standards.models import StandarPelayanan
from prima.standards.selectors import StandardState
from prima.standards.testing import make_maklumat, make_standard

pytestmark = pytest.mark.django_db
Status = StandarPelayanan.Status


def listed(user, **filters):
    today = filters.pop("today", date(2025, 6, 1))
    qs = selectors.layanan_with_standards(user=user, today=today, **filters)
    return selectors.standard_rows(qs, today=today)


@pytest.mark.parametrize(
    ("today", "overdue"), [(date(2025, 3, 10), False), (date(2025, 3, 11), True)]
)
def test_overdue_filter_turns_the_day_after_the_due_date(org, users, today, overdue):
    """A standard set on 10 March 2024 is on time on 10 March 2025, late on the 11th."""
    make_standard(layanan=org.layanan, decree_date=date(2024, 3, 10))
    rows = listed(
        users["operator_unit"], state=StandardState.REVIEW_OVERDUE, today=today
    )
    assert bool(rows) is overdue
    assert listed(users["operator_unit"], today=today)[0].review_overdue is overdue


def test_overdue_filter_clamps_a_leap_day(org, users):
    """A standard set on 29 February is due on 28 February of the next year."""
    make_standard(layanan=org.layanan, decree_date=date(2024, 2, 29))
    state = StandardState.REVIEW_OVERDUE
    assert not listed(users["operator_unit"], state=state, today=date(2025, 2, 28))
    assert listed(users["operator_unit"], state=state, today=date(2025, 3, 1))


def test_drafts_are_never_review_overdue(org, users):
    """A service with only a draft is not flagged for review."""
    make_standard(layanan=org.layanan, status=Status.DRAFT)
    assert not listed(users["operator_unit"], state=StandardState.REVIEW_OVERDUE)
    assert not listed(users["operator_unit"])[0].review_overdue


def test_rows_report_the_published_version_first(org, users):
    """A row's completeness is the published version's when there is one."""
    make_standard(layanan=org.layanan)
    make_standard(layanan=org.layanan, status=Status.DRAFT, produk="")
    (row,) = listed(users["operator_unit"])
    assert row.effective == row.published
    assert (row.published.filled_count, row.draft.filled_count) == (14, 13)


def test_list_counts_queries(org, users, django_assert_max_num_queries):
    """The list reads its rows in a fixed number of queries."""
    for layanan in (org.layanan, org.sibling_layanan, org.other_opd_layanan):
        make_standard(layanan=layanan)
        make_standard(layanan=layanan, status=Status.DRAFT)
    user = users["admin_pemda"]
    # One query for the user's grants, one for the services, one for their versions.
    with django_assert_max_num_queries(3):
        rows = listed(user)
    assert len(rows) == 3


def test_overview_collects_versions_reviews_and_maklumat(org, users):
    """The overview holds every version, the reviews and the unit's Maklumat."""
    old = make_standard(layanan=org.layanan, status=Status.SUPERSEDED)
    published = make_standard(layanan=org.layanan)
    draft = make_standard(layanan=org.layanan, status=Status.DRAFT)
    maklumat = make_maklumat(unit=org.unit)
    overview = selectors.standard_overview(
        layanan=org.layanan, user=users["pimpinan"], today=date(2025, 1, 1)
    )
    assert overview.versions == [draft, published, old]
    assert (overview.published, overview.draft) == (published, draft)
    assert overview.effective == published
    assert overview.maklumat == maklumat
    assert not overview.can_change and not overview.can_change_maklumat


def test_overview_grants_change_to_editors(org, users):
    """An operator of the unit may change the standard and the Maklumat."""
    overview = selectors.standard_overview(
        layanan=org.layanan, user=users["operator_unit"], today=date(2025, 1, 1)
    )
    assert overview.can_change and overview.can_change_maklumat
    assert overview.effective is None and not overview.review_overdue


def test_edit_source_prefers_the_draft(org, users):
    """An edit starts from the draft, else from the published version."""
    user = users["operator_unit"]
    assert selectors.standard_edit_source(layanan=org.layanan, user=user) is None
    published = make_standard(layanan=org.layanan)
    assert selectors.standard_edit_source(layanan=org.layanan, user=user) == published
    draft = make_standard(layanan=org.layanan, status=Status.DRAFT)
    assert selectors.standard_edit_source(layanan=org.layanan, user=user) == draft


def test_unit_for_catalog_hides_and_refuses(org, users):
    """Units are judged by catalog grants: 404 without them, 403 when read-only."""
    with pytest.raises(Http404):
        selectors.unit_get_for_catalog(user=users["juri"], pk=org.unit.pk)
    with pytest.raises(Http404):
        selectors.unit_get_for_catalog(
            user=users["operator_unit"], pk=org.sibling_unit.pk
        )
    with pytest.raises(PermissionDenied):
        selectors.unit_get_for_catalog(
            user=users["evaluator"], pk=org.unit.pk, action=CHANGE
        )
    unit = selectors.unit_get_for_catalog(
        user=users["admin_opd"], pk=org.sibling_unit.pk, action=CHANGE
    )
    assert unit == org.sibling_unit


def test_organisation_service_lists_flag_a_published_standard(org, users):
    """This app flags, on the organisation pages' lists, services with a published version."""
    StandarPelayanan.objects.create(
        pemda=org.pemda, layanan=org.layanan, version=1, status="published"
    )
    StandarPelayanan.objects.create(
        pemda=org.pemda, layanan=org.sibling_layanan, version=1, status="draft"
    )
    admin = users["admin_pemda"]
    flags = {
        x.pk: x.has_published_standard
        for x in organisation_pages.layanan_list(user=admin)
    }
    assert flags[org.layanan.pk] is True
    assert flags[org.sibling_layanan.pk] is False
    overview = organisation_pages.unit_overview(user=admin, unit=org.unit)
    assert [x.has_published_standard for x in overview["services"]] == [True]


def test_organisation_unit_page_gets_the_visible_maklumat(org, users):
    """The unit overview holds the unit's Maklumat when the catalog is shown."""
    maklumat = make_maklumat(unit=org.unit)
    admin = organisation_pages.unit_overview(user=users["admin_pemda"], unit=org.unit)
    assert admin["maklumat"] == maklumat
    other = organisation_pages.unit_overview(
        user=users["admin_pemda"], unit=org.sibling_unit
    )
    assert other["maklumat"] is None
    juri = organisation_pages.unit_overview(user=users["juri"], unit=org.unit)
    assert not juri["show_catalog"] and "maklumat" not in juri
