"""Tests of the single scoping mechanism behind every queryset and view.

The mechanism is core's; it is tested here, beside the other cross-app suites, on the
organisation models it scopes, which core's own tests may not import.
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404

from prima.core.scoping import get_for_user, user_can
from prima.core.testing import english  # noqa: F401
from prima.organisations.models import Layanan, Pemda, PerangkatDaerah, Unit
from prima.organisations.testing import make_user

pytestmark = pytest.mark.django_db


def names(qs):
    return sorted(str(x) for x in qs)


def test_admin_pemda_sees_whole_pemda_and_nothing_of_another(org, users):
    """An admin Pemda sees every service of its Pemda and none of another Pemda."""
    visible = Layanan.objects.visible_to(users["admin_pemda"])
    assert set(visible) == {org.layanan, org.sibling_layanan, org.other_opd_layanan}


def test_admin_opd_sees_only_its_opd(org, users):
    """An admin OPD sees the services of its own OPD's units only."""
    visible = Layanan.objects.visible_to(users["admin_opd"])
    assert set(visible) == {org.layanan, org.sibling_layanan}


def test_operator_sees_and_edits_only_its_unit(org, users):
    """A unit operator sees and edits the services of its unit only."""
    op = users["operator_unit"]
    assert set(Layanan.objects.visible_to(op)) == {org.layanan}
    assert set(Layanan.objects.editable_by(op)) == {org.layanan}


def test_read_only_roles_cannot_edit_catalog(org, users):
    """Pimpinan, evaluator, mentor and counter staff read but never change services."""
    for role in ["pimpinan", "evaluator", "mentor", "petugas_loket"]:
        assert Layanan.objects.visible_to(users[role]).exists(), role
        assert not Layanan.objects.editable_by(users[role]).exists(), role


def test_juri_has_no_catalog_access(org, users):
    """A jury member has no business in the service catalog."""
    assert not Layanan.objects.visible_to(users["juri"]).exists()
    assert not user_can(users["juri"], "catalog")


def test_anonymous_and_roleless_see_nothing(org, users, django_user_model):
    """A user without membership and an anonymous visitor see no scoped row."""
    from django.contrib.auth.models import AnonymousUser

    for user in [users["no_role"], AnonymousUser()]:
        assert not Layanan.objects.visible_to(user).exists()
        assert not Pemda.objects.visible_to(user).exists()


def test_reverse_lookups_do_not_repeat_rows(org, users):
    """Scoping across reverse relations returns each OPD and Pemda once."""
    op = users["operator_unit"]
    assert list(PerangkatDaerah.objects.visible_to(op)) == [org.opd]
    assert list(Pemda.objects.visible_to(op)) == [org.pemda]
    assert set(Unit.objects.visible_to(users["admin_opd"])) == {
        org.unit,
        org.sibling_unit,
    }


def test_get_for_user_hides_out_of_scope_and_refuses_read_only(org, users):
    """Out-of-scope rows answer 404; visible but read-only rows answer 403 on change."""
    with pytest.raises(Http404):
        get_for_user(Layanan.objects, users["admin_opd"], pk=org.other_opd_layanan.pk)
    with pytest.raises(PermissionDenied):
        get_for_user(Layanan.objects, users["pimpinan"], "change", pk=org.layanan.pk)
    assert get_for_user(
        Layanan.objects, users["admin_opd"], "change", pk=org.layanan.pk
    )


def test_inactive_membership_grants_nothing(org):
    """A deactivated membership stops granting access."""
    user = make_user(role="admin_pemda", pemda=org.pemda)
    user.memberships.update(active=False)
    assert not Layanan.objects.visible_to(user).exists()


def test_pemdas_where_counts_pemda_level_grants_of_the_area_and_action(org, users):
    """Only a Pemda-level grant giving the action on the area reaches its Pemda."""
    from prima.core.roles import CHANGE, Area
    from prima.core.scoping import pemdas_where

    admin = pemdas_where(users["admin_pemda"], Area.COMPETITION, CHANGE)
    assert admin.ids == {org.pemda.pk}
    assert org.pemda.pk in admin
    assert org.other_pemda.pk not in admin
    # An OPD-level grant is not a Pemda-level one, and a read grant is not a change.
    assert not pemdas_where(users["admin_opd"], Area.COMPETITION, CHANGE)
    assert not pemdas_where(users["pimpinan"], Area.SURVEY, CHANGE)
    assert set(Pemda.objects.filter(admin.q("pk"))) == {org.pemda}


def test_pemdas_where_at_any_level_counts_grants_inside_the_pemda(org, users):
    """``levels=None`` counts a unit or OPD grant towards the Pemda holding it."""
    from prima.core.roles import CHANGE, Area
    from prima.core.scoping import pemdas_where

    reach = pemdas_where(users["operator_unit"], Area.INNOVATION, CHANGE, levels=None)
    assert reach.ids == {org.pemda.pk}
    assert pemdas_where(users["juri"], None, levels=None).ids == {org.pemda.pk}


def test_pemdas_where_reaches_everywhere_only_for_an_active_superuser(org, users):
    """An active superuser reaches every Pemda; a deactivated one reaches none."""
    from prima.core.roles import CHANGE, Area
    from prima.core.scoping import pemdas_where

    root = users["superuser"]
    reach = pemdas_where(root, Area.COMPETITION, CHANGE)
    assert reach.everywhere and org.other_pemda.pk in reach
    assert Pemda.objects.filter(reach.q("pk")).count() == Pemda.objects.count()
    root.is_active = False
    assert not pemdas_where(root, Area.COMPETITION, CHANGE)
    assert not pemdas_where(AnonymousUser(), Area.COMPETITION)


def test_inactive_membership_reaches_no_pemda(org):
    """A deactivated membership gives no Pemda-level reach either."""
    from prima.core.roles import Area
    from prima.core.scoping import pemdas_where

    user = make_user(role="admin_pemda", pemda=org.pemda)
    user.memberships.update(active=False)
    assert not pemdas_where(user, Area.SURVEY)


def test_targets_where_returns_the_rows_held_at_one_level(org, users):
    """``targets_where`` names the OPD or units the grants of a level point at."""
    from prima.core.roles import CHANGE, Area, Level
    from prima.core.scoping import targets_where

    admin_opd = users["admin_opd"]
    assert targets_where(admin_opd, Area.INNOVATION, CHANGE, level=Level.OPD) == {
        org.opd.pk
    }
    assert not targets_where(admin_opd, Area.INNOVATION, CHANGE, level=Level.UNIT)


def test_reach_q_uses_lookups_per_level_and_builder_functions(org, users):
    """A lookup may be a function of the target id; absent levels reach nothing."""
    from django.db.models import Q

    from prima.core.roles import Level
    from prima.core.scoping import reach_q

    lookups = {
        Level.PEMDA: lambda pk: Q(pemda_id=pk) & Q(name__startswith="Penerbitan"),
        Level.OPD: "unit__opd_id",
    }
    admin = Layanan.objects.filter(
        reach_q(users["admin_pemda"], lookups, area="catalog")
    )
    assert set(admin) == {org.layanan, org.sibling_layanan}
    opd = Layanan.objects.filter(reach_q(users["admin_opd"], lookups, area=None))
    assert set(opd) == {org.layanan, org.sibling_layanan}
    unit_only = reach_q(users["operator_unit"], lookups, area="catalog")
    assert not Layanan.objects.filter(unit_only).exists()
