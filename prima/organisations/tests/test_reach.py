"""Tests of the one rule of staff management: who may give which role where."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from prima.core.roles import ROLE_LEVELS, Role
from prima.organisations import reach
from prima.organisations.models import Membership
from prima.organisations.testing import make_user

pytestmark = pytest.mark.django_db

KOTA_ALPHA = [
    "pemda",
    "opd",
    "unit",
    "sibling_unit",
    "other_opd",
    "other_opd_unit",
]
BETA = ["other_pemda", "other_pemda_opd", "other_pemda_unit"]
# The targets (attributes of the ``org`` tree) on which each user may give roles.
REACH = {
    "anonymous": [],
    "no_role": [],
    "admin_pemda": KOTA_ALPHA,
    "admin_opd": ["opd", "unit", "sibling_unit"],
    "operator_unit": [],
    "petugas_loket": [],
    "evaluator": [],
    "juri": [],
    "mentor": [],
    "pimpinan": [],
    "other_pemda_admin": BETA,
    "superuser": KOTA_ALPHA + BETA,
}
ROLES_GIVEN = {
    "admin_pemda": list(Role.values),
    "other_pemda_admin": list(Role.values),
    "superuser": list(Role.values),
    # OPD and unit roles only: never a Pemda-level role.
    "admin_opd": [
        Role.ADMIN_OPD,
        Role.OPERATOR_UNIT,
        Role.PETUGAS_LOKET,
        Role.PIMPINAN,
    ],
}


def actor(users, name):
    return AnonymousUser() if name == "anonymous" else users[name]


@pytest.mark.parametrize("name", list(REACH))
def test_each_user_gives_roles_only_within_reach(org, users, name):
    """A role is grantable exactly on the targets in the user's reach, at a level
    the role allows; every other (role, target) pair is refused."""
    user = actor(users, name)
    got, expected = set(), set()
    for attr in KOTA_ALPHA + BETA:
        target = getattr(org, attr)
        level = reach.level_of(target)
        for role in Role.values:
            if reach.may_grant(user, role=role, target=target):
                got.add((role, attr))
            if attr in REACH[name] and level in ROLE_LEVELS[role]:
                expected.add((role, attr))
    assert got == expected


@pytest.mark.parametrize("name", list(REACH))
def test_grantable_roles_per_user(org, users, name):
    """The role menu offers what the user may give somewhere, nothing more."""
    roles = reach.grantable_roles(actor(users, name))
    assert set(roles) == set(ROLES_GIVEN.get(name, []))
    assert reach.may_manage(actor(users, name)) == bool(ROLES_GIVEN.get(name))


def test_admin_opd_reaches_unit_memberships_of_its_opd(org, users):
    """An OPD administrator may end the roles held on its OPD and its units, not
    those of another OPD or of the Pemda."""
    admin = users["admin_opd"]
    own_unit = Membership.objects.get(user=users["operator_unit"])
    own_opd = Membership.objects.get(user=admin)
    other = make_user(role=Role.OPERATOR_UNIT, unit=org.other_opd_unit)
    pemda_level = Membership.objects.get(user=users["evaluator"])
    assert reach.may_change_membership(admin, own_unit)
    assert reach.may_change_membership(admin, own_opd)
    assert not reach.may_change_membership(admin, other.memberships.get())
    assert not reach.may_change_membership(admin, pemda_level)
    managed = set(reach.managed_memberships(admin))
    assert {own_unit, own_opd} <= managed
    assert other.memberships.get() not in managed
    assert pemda_level not in managed


def test_account_managed_only_when_every_active_role_is_within_reach(org, users):
    """Deactivating needs a role in reach and none beyond it; never oneself."""
    admin_pemda, admin_opd = users["admin_pemda"], users["admin_opd"]
    operator = users["operator_unit"]
    assert reach.may_manage_account(admin_pemda, operator)
    assert reach.may_manage_account(admin_opd, operator)
    assert not reach.may_manage_account(admin_opd, admin_pemda)
    assert not reach.may_manage_account(admin_pemda, admin_pemda)
    assert not reach.may_manage_account(users["operator_unit"], users["petugas_loket"])
    assert not reach.may_manage_account(users["other_pemda_admin"], operator)
    assert not reach.may_manage_account(admin_pemda, users["superuser"])
    # A second role in another OPD puts the operator beyond the OPD admin's reach.
    Membership.objects.create(
        user=operator, role=Role.OPERATOR_UNIT, pemda=org.pemda, unit=org.other_opd_unit
    )
    assert not reach.may_manage_account(admin_opd, operator)
    assert reach.may_manage_account(admin_pemda, operator)
    # Once that role ends, the OPD admin reaches the account again.
    operator.memberships.filter(unit=org.other_opd_unit).update(active=False)
    assert reach.may_manage_account(admin_opd, operator)


def test_deactivated_admin_reaches_nothing(org, users):
    """An administrator whose account or role is inactive may give no role."""
    admin = users["admin_pemda"]
    admin.memberships.update(active=False)
    assert not reach.may_grant(admin, role=Role.JURI, target=org.pemda)
    admin = make_user(role=Role.ADMIN_PEMDA, pemda=org.pemda, is_active=False)
    assert not reach.may_grant(admin, role=Role.JURI, target=org.pemda)
