"""Tests of the registry reads: scoped list, owners, services and weak unsur."""

from datetime import date

import pytest
from django.http import Http404
from django.utils import timezone

from prima.core.roles import Role
from prima.innovations import selectors
from prima.innovations.models import Stage, Status
from prima.innovations.testing import answer_weakly, make_innovation
from prima.organisations.testing import make_user

pytestmark = pytest.mark.django_db


def titles(queryset) -> set[str]:
    return {item.title for item in queryset}


def test_draft_is_private_to_its_opd(org, users):
    """A draft of OPD A is seen by its admin and unit operator only."""
    make_innovation(unit=org.unit, title="Draf A", published=False)
    other_admin = make_user(role=Role.ADMIN_OPD, opd=org.other_opd)
    assert "Draf A" in titles(selectors.staff_innovations(users["admin_opd"]))
    assert "Draf A" in titles(selectors.staff_innovations(users["operator_unit"]))
    assert "Draf A" not in titles(selectors.staff_innovations(users["admin_pemda"]))
    assert "Draf A" not in titles(selectors.staff_innovations(other_admin))


def test_published_is_seen_across_the_pemda(org, users):
    """A published innovation of OPD A is seen by Pemda roles, not by Kabupaten Beta."""
    make_innovation(unit=org.unit, title="Terbit A")
    for name in ["admin_pemda", "pimpinan", "juri", "admin_opd"]:
        assert "Terbit A" in titles(selectors.staff_innovations(users[name]))
    assert not selectors.staff_innovations(users["other_pemda_admin"]).exists()


def test_list_filters(org, users):
    """Stage, status, OPD and title words narrow the list."""
    make_innovation(unit=org.unit, title="Antrean daring")
    make_innovation(unit=org.unit, title="Jemput bola", stage=Stage.IDE)
    make_innovation(
        unit=org.unit, title="Antrean draf", published=False, stage=Stage.IDE
    )
    make_innovation(unit=org.other_opd_unit, title="Posyandu digital")
    user = users["superuser"]
    assert titles(selectors.staff_innovations(user, {"stage": Stage.IDE})) == {
        "Jemput bola",
        "Antrean draf",
    }
    assert titles(selectors.staff_innovations(user, {"status": Status.DRAFT})) == {
        "Antrean draf"
    }
    assert titles(selectors.staff_innovations(user, {"opd": org.other_opd})) == {
        "Posyandu digital"
    }
    assert titles(selectors.staff_innovations(user, {"q": "antrean DARING"})) == {
        "Antrean daring"
    }


def test_filter_opds_lists_owners_of_visible_innovations(org, users):
    """The OPD filter offers only OPDs owning an innovation the user sees."""
    make_innovation(unit=org.unit)
    make_innovation(unit=org.other_opd_unit, published=False)
    assert list(selectors.filter_opds(users["admin_pemda"])) == [org.opd]


def test_innovation_get_hides_other_opd_drafts(org, users):
    """Fetching another OPD's draft answers 404."""
    item = make_innovation(unit=org.other_opd_unit, published=False)
    with pytest.raises(Http404):
        selectors.innovation_get(users["admin_opd"], item.pk)


def test_owners_of_each_role(org, users):
    """OPD admin: OPD and its units; operator: the unit; Pemda admin: other regions."""
    opd_admin = selectors.owners_for(users["admin_opd"])
    assert list(opd_admin.opds) == [org.opd]
    assert set(opd_admin.units) == {org.unit, org.sibling_unit}
    assert opd_admin.whole_opd_ids == {org.opd.pk}
    assert opd_admin.external_pemda is None
    operator = selectors.owners_for(users["operator_unit"])
    assert list(operator.units) == [org.unit]
    assert operator.whole_opd_ids == frozenset()
    pemda_admin = selectors.owners_for(users["admin_pemda"])
    assert not pemda_admin.opds.exists()
    assert pemda_admin.external_pemda == org.pemda
    assert not selectors.owners_for(users["pimpinan"]).opds.exists()
    assert selectors.owners_for(users["pimpinan"]).is_empty


def test_owners_keep_the_edited_innovation_own(org, users):
    """Editing a published OPD innovation, the Pemda admin keeps its OPD and unit."""
    item = make_innovation(unit=org.unit)
    owners = selectors.owners_for(users["admin_pemda"], current=item)
    assert list(owners.opds) == [org.opd]
    assert list(owners.units) == [org.unit]


def test_owners_for_replication_include_pemda_opds(org, users):
    """For a replication the Pemda admin may choose any OPD of the Pemda."""
    owners = selectors.owners_for(users["admin_pemda"], replication=True)
    assert set(owners.opds) == {org.opd, org.other_opd}
    assert owners.external_pemda is None


def test_layanan_of_owner_names_foreign_services(org):
    """Services outside the chosen unit (or OPD, without one) are returned."""
    chosen = [org.layanan, org.sibling_layanan]
    assert selectors.layanan_of_owner(chosen, opd=org.opd, unit=org.unit) == [
        org.sibling_layanan
    ]
    assert selectors.layanan_of_owner(chosen, opd=org.opd, unit=None) == []
    assert selectors.layanan_of_owner(
        [org.other_opd_layanan], opd=org.opd, unit=None
    ) == [org.other_opd_layanan]


def test_weak_unsur_of_the_last_twelve_months(org):
    """Answers ten days ago make U3 the weakest; answers 400 days ago do not count."""
    today = timezone.localdate()
    answer_weakly(org.layanan)
    lines = selectors.weak_unsur(org.unit, today=today)
    assert [line.unsur.value for line in lines][0] == "U3"
    assert {line.unsur.value for line in lines} == {"U1", "U2", "U3", "U9"}
    assert selectors.weak_unsur(org.sibling_unit, today=today) == []
    assert selectors.weak_unsur(None, today=today) == []


def test_weak_unsur_ignore_old_answers(org):
    """Answers older than twelve months suggest nothing."""
    answer_weakly(org.layanan, days_ago=400)
    assert selectors.weak_unsur(org.unit, today=timezone.localdate()) == []


def test_last_twelve_months_is_365_days():
    """The window ends today and spans 365 days."""
    period = selectors.last_twelve_months(date(2026, 3, 1))
    assert period.end == date(2026, 3, 1) and period.days == 365
