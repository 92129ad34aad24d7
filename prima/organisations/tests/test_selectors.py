"""Tests of the staff reads of the organisation tree."""

import pytest

from prima.organisations import selectors
from prima.organisations.testing import make_layanan, make_unit

pytestmark = pytest.mark.django_db


def test_layanan_list_is_scoped_and_searchable(org, users):
    """The list holds only visible services and narrows by text, OPD and unit."""
    admin = users["admin_pemda"]
    assert set(selectors.layanan_list(user=admin)) == {
        org.layanan,
        org.sibling_layanan,
        org.other_opd_layanan,
    }
    assert list(selectors.layanan_list(user=admin, q="ktp")) == [org.layanan]
    assert list(selectors.layanan_list(user=admin, opd=org.other_opd)) == [
        org.other_opd_layanan
    ]
    assert list(selectors.layanan_list(user=admin, unit=org.sibling_unit)) == [
        org.sibling_layanan
    ]
    assert list(selectors.layanan_list(user=users["operator_unit"])) == [org.layanan]


def test_filter_choices_are_what_the_user_sees(org, users):
    """The OPD and unit filters offer only the user's visible rows."""
    opds, units = selectors.layanan_filter_choices(user=users["admin_opd"])
    assert list(opds) == [org.opd]
    assert set(units) == {org.unit, org.sibling_unit}


def test_catalog_units_are_those_the_user_may_change(org, users):
    """Units for new services are those with the catalog change grant."""
    assert list(selectors.catalog_units_for(user=users["operator_unit"])) == [org.unit]
    assert not selectors.catalog_units_for(user=users["pimpinan"]).exists()


def test_opd_list_counts_only_visible_units(org, users):
    """A unit operator's OPD shows one unit, not the OPD's two."""
    opds = list(selectors.opd_list(user=users["operator_unit"]))
    assert [(o, o.unit_count) for o in opds] == [(org.opd, 1)]
    counts = {o: o.unit_count for o in selectors.opd_list(user=users["admin_pemda"])}
    assert counts == {org.opd: 2, org.other_opd: 1}


def test_unit_list_counts_visible_services(org, users):
    """Each unit carries the number of its services the user may see."""
    make_layanan(unit=org.unit, name="Legalisir")
    make_unit(opd=org.opd, name="Loket Kosong")
    counts = {
        u.name: u.layanan_count for u in selectors.unit_list(user=users["admin_opd"])
    }
    assert counts == {
        "Kantor Disdukcapil Pusat": 2,
        "Loket Disdukcapil Timur": 1,
        "Loket Kosong": 0,
    }
    assert {u.name for u in selectors.unit_list(user=users["juri"])} >= {"Loket Kosong"}
    assert all(u.layanan_count == 0 for u in selectors.unit_list(user=users["juri"]))


def test_unit_overview_shows_only_granted_parts(org, users):
    """Services need the catalog grant and memberships the users grant."""
    juri = selectors.unit_overview(user=users["juri"], unit=org.unit)
    assert not juri["show_catalog"] and not list(juri["services"])
    admin = selectors.unit_overview(user=users["admin_pemda"], unit=org.unit)
    assert admin["show_staff"] and admin["can_edit"]
    assert {m.user.username for m in admin["memberships"]} == {
        "operator_unit",
        "petugas_loket",
    }
    # The OPD administrator manages the staff of its units, so sees them too.
    opd = selectors.unit_overview(user=users["admin_opd"], unit=org.unit)
    assert opd["show_staff"] and not opd["can_edit"] and opd["can_change_catalog"]
    assert {m.user.username for m in opd["memberships"]} == {
        "operator_unit",
        "petugas_loket",
    }
    assert not selectors.unit_overview(user=users["pimpinan"], unit=org.unit)[
        "show_staff"
    ]
    assert list(opd["services"]) == [org.layanan]
