"""Tests of the account admin: superusers only, roles validated inline."""

import pytest
from django.urls import reverse

from prima.organisations.models import Membership
from prima.organisations.testing import make_user

pytestmark = pytest.mark.django_db


def inline_data(prefix="memberships", **row):
    data = {
        f"{prefix}-TOTAL_FORMS": "1",
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    data.update({f"{prefix}-0-{key}": value for key, value in row.items()})
    return data


def user_change_data(user, **extra):
    return {
        "username": user.username,
        "full_name": "Budi Santoso",
        "position": "Kepala Seksi",
        "email": user.email,
        "is_active": "on",
        "last_login_0": "",
        "date_joined_0": "2026-01-01",
        "date_joined_1": "08:00:00",
        **extra,
    }


def test_superuser_opens_user_admin(users, client):
    """A superuser can list users and open one with the roles inline."""
    client.force_login(users["superuser"])
    assert client.get(reverse("admin:accounts_user_changelist")).status_code == 200
    url = reverse("admin:accounts_user_change", args=[users["admin_opd"].pk])
    response = client.get(url)
    assert response.status_code == 200
    assert "memberships-0-role" in response.content.decode()


def test_staff_without_superuser_is_refused(users, client):
    """A staff account that is not superuser cannot use the user admin."""
    staff = make_user(username="staf", is_staff=True)
    client.force_login(staff)
    response = client.get(reverse("admin:accounts_user_changelist"))
    assert response.status_code == 403


def test_inline_role_at_wrong_level_is_refused(org, users, client):
    """A unit-level role given at Pemda level is refused by Membership.clean."""
    client.force_login(users["superuser"])
    target = users["no_role"]
    url = reverse("admin:accounts_user_change", args=[target.pk])
    data = user_change_data(
        target,
        **inline_data(role="operator_unit", pemda=org.pemda.pk, active="on"),
    )
    response = client.post(url, data)
    assert response.status_code == 200
    assert "This role is scoped to" in response.content.decode()
    assert not Membership.objects.filter(user=target).exists()


def test_inline_role_is_saved(org, users, client):
    """A valid role added inline is saved."""
    client.force_login(users["superuser"])
    target = users["no_role"]
    url = reverse("admin:accounts_user_change", args=[target.pk])
    data = user_change_data(
        target,
        **inline_data(
            role="operator_unit", pemda=org.pemda.pk, unit=org.unit.pk, active="on"
        ),
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    membership = Membership.objects.get(user=target)
    assert (membership.role, membership.unit) == ("operator_unit", org.unit)
