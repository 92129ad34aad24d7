"""Tests of the organisation admin: superusers only, rows validated by clean."""

import pytest
from django.urls import reverse

from prima.organisations.models import Layanan, Membership
from prima.organisations.testing import make_user

pytestmark = pytest.mark.django_db

MODELS = ["pemda", "perangkatdaerah", "unit", "layanan", "membership"]


@pytest.mark.parametrize("model", MODELS)
def test_superuser_opens_changelist_and_add_form(model, org, users, client):
    """A superuser can list and add every organisation model."""
    client.force_login(users["superuser"])
    assert (
        client.get(reverse(f"admin:organisations_{model}_changelist")).status_code
        == 200
    )
    assert client.get(reverse(f"admin:organisations_{model}_add")).status_code == 200


@pytest.mark.parametrize("model", MODELS)
def test_staff_without_superuser_is_refused(model, org, client):
    """Staff accounts that are not superusers cannot use the organisation admin."""
    client.force_login(make_user(username="staf", is_staff=True))
    response = client.get(reverse(f"admin:organisations_{model}_changelist"))
    assert response.status_code == 403


def test_layanan_of_a_unit_of_another_pemda_is_refused(org, users, client):
    """The admin refuses a service whose unit belongs to another Pemda."""
    client.force_login(users["superuser"])
    response = client.post(
        reverse("admin:organisations_layanan_add"),
        {
            "pemda": org.pemda.pk,
            "unit": org.other_pemda_unit.pk,
            "code": "X-1",
            "name": "Uji",
            "active": "on",
        },
    )
    assert response.status_code == 200
    assert "The unit belongs to another Pemda." in response.content.decode()
    assert not Layanan.objects.filter(code="X-1").exists()


def test_membership_at_wrong_level_is_refused(org, users, client):
    """The admin refuses an OPD admin role given at unit level."""
    client.force_login(users["superuser"])
    response = client.post(
        reverse("admin:organisations_membership_add"),
        {
            "user": users["no_role"].pk,
            "role": "admin_opd",
            "pemda": org.pemda.pk,
            "unit": org.unit.pk,
            "active": "on",
        },
    )
    assert response.status_code == 200
    assert "This role is scoped to" in response.content.decode()
    assert not Membership.objects.filter(user=users["no_role"]).exists()


def test_member_history_admin_is_read_only(users, client):
    """A superuser reads the staff history in the admin but cannot change it."""
    from prima.organisations import people_services

    people_services.member_deactivate(by=users["admin_pemda"], member=users["juri"])
    client.force_login(users["superuser"])
    changelist = client.get(reverse("admin:organisations_memberevent_changelist"))
    assert changelist.status_code == 200
    assert "juri" in changelist.content.decode()
    assert client.get(reverse("admin:organisations_memberevent_add")).status_code == 403
    client.force_login(users["admin_pemda"])
    assert (
        client.get(reverse("admin:organisations_memberevent_changelist")).status_code
        == 302
    )
