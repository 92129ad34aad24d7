"""Tests of the staff-management pages: what each administrator sees and may do."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from prima.accounts import throttle
from prima.core.roles import Role
from prima.organisations.models import MemberEvent, Membership
from prima.organisations.testing import make_user

pytestmark = pytest.mark.django_db


def test_list_shows_only_staff_within_reach(org, users, client):
    """An OPD admin lists the staff of its OPD and units, not of another OPD."""
    other = make_user(
        full_name="Dewi Lain", role=Role.OPERATOR_UNIT, unit=org.other_opd_unit
    )
    client.force_login(users["admin_opd"])
    page = client.get(reverse("organisations:member-list")).content.decode()
    assert users["operator_unit"].username in page
    assert other.username not in page
    assert users["admin_pemda"].username not in page
    client.force_login(users["admin_pemda"])
    page = client.get(reverse("organisations:member-list")).content.decode()
    assert other.username in page and users["admin_opd"].username in page
    assert users["other_pemda_admin"].username not in page


def test_invite_form_offers_only_what_the_user_may_give(org, users, client):
    """An OPD admin's menus hold OPD and unit roles on its own OPD and units."""
    client.force_login(users["admin_opd"])
    form = client.get(reverse("organisations:member-invite")).context["form"]
    roles = {value for value, _label in form.fields["role"].choices}
    assert roles == {
        Role.ADMIN_OPD,
        Role.OPERATOR_UNIT,
        Role.PETUGAS_LOKET,
        Role.PIMPINAN,
    }
    targets = {
        value
        for _group, options in form.fields["target"].choices
        for value, _ in options
    }
    assert targets == {
        f"opd:{org.opd.pk}",
        f"unit:{org.unit.pk}",
        f"unit:{org.sibling_unit.pk}",
    }


def test_invite_by_post_creates_the_member_and_sends_the_link(
    org, users, client, django_capture_on_commit_callbacks
):
    """A valid invitation leads to the new member's page and sends one e-mail."""
    client.force_login(users["admin_pemda"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("organisations:member-invite"),
            {
                "email": "andi@example.test",
                "full_name": "Andi Saputra",
                "position": "Kasubbag Umum",
                "role": Role.ADMIN_OPD,
                "target": f"opd:{org.other_opd.pk}",
            },
        )
    membership = Membership.objects.get(user__email="andi@example.test")
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "organisations:member-detail", kwargs={"pk": membership.user_id}
    )
    assert membership.opd == org.other_opd
    assert len(mail.outbox) == 1
    page = client.get(response["Location"]).content.decode()
    assert "Invited" in page and "invitation not yet accepted" in page


def test_forged_target_beyond_reach_is_an_error(org, users, client):
    """A target the menus do not offer is refused by the form; nothing is stored."""
    client.force_login(users["admin_opd"])
    response = client.post(
        reverse("organisations:member-invite"),
        {
            "email": "andi@example.test",
            "full_name": "Andi Saputra",
            "role": Role.OPERATOR_UNIT,
            "target": f"unit:{org.other_opd_unit.pk}",
        },
    )
    assert response.status_code == 200
    assert "target" in response.context["form"].errors
    assert not Membership.objects.filter(user__email="andi@example.test").exists()


def test_wrong_level_for_the_role_is_reported_on_the_target(org, users, client):
    """A juri role on an OPD is refused with the levels the role allows."""
    client.force_login(users["admin_pemda"])
    response = client.post(
        reverse("organisations:member-invite"),
        {
            "email": "andi@example.test",
            "full_name": "Andi Saputra",
            "role": Role.JURI,
            "target": f"opd:{org.opd.pk}",
        },
    )
    assert response.status_code == 200
    assert "target" in response.context["form"].errors


def test_unit_operator_cannot_reach_any_page_to_grant(org, users, client):
    """A unit operator sees no staff link and is refused the staff pages."""
    client.force_login(users["operator_unit"])
    home = client.get(reverse("portal:staff-home")).content.decode()
    assert reverse("organisations:member-list") not in home
    assert client.get(reverse("organisations:member-invite")).status_code == 403
    assert client.get(reverse("organisations:member-list")).status_code == 403
    client.force_login(users["admin_opd"])
    home = client.get(reverse("portal:staff-home")).content.decode()
    assert reverse("organisations:member-list") in home


def test_member_page_shows_roles_history_and_allowed_actions(org, users, client):
    """The page shows the end and deactivate buttons only where allowed."""
    operator = users["operator_unit"]
    client.force_login(users["admin_opd"])
    url = reverse("organisations:member-detail", kwargs={"pk": operator.pk})
    page = client.get(url).content.decode()
    end = reverse(
        "organisations:membership-end", kwargs={"pk": operator.memberships.get().pk}
    )
    assert end in page
    assert (
        reverse("organisations:member-deactivate", kwargs={"pk": operator.pk}) in page
    )
    own = reverse("organisations:member-detail", kwargs={"pk": users["admin_opd"].pk})
    page = client.get(own).content.decode()
    assert (
        reverse("organisations:member-deactivate", kwargs={"pk": users["admin_opd"].pk})
        not in page
    )
    assert "End this role" not in page


def test_deactivate_and_reactivate_by_post(org, users, client):
    """The buttons change the account and add history rows shown on the page."""
    operator = users["operator_unit"]
    client.force_login(users["admin_pemda"])
    url = reverse("organisations:member-deactivate", kwargs={"pk": operator.pk})
    response = client.post(url, follow=True)
    operator.refresh_from_db()
    assert not operator.is_active
    page = response.content.decode()
    assert "Account deactivated" in page and "can no longer log in" in page
    client.post(reverse("organisations:member-reactivate", kwargs={"pk": operator.pk}))
    operator.refresh_from_db()
    assert operator.is_active
    assert MemberEvent.objects.filter(member=operator).count() == 2


def test_refusal_is_shown_as_a_message(org, users, client):
    """Ending one's own role is refused with a message, the role stays."""
    admin = users["admin_pemda"]
    client.force_login(admin)
    membership = admin.memberships.get()
    response = client.post(
        reverse("organisations:membership-end", kwargs={"pk": membership.pk}),
        follow=True,
    )
    assert "cannot end your own role" in response.content.decode()
    membership.refresh_from_db()
    assert membership.active


def test_add_role_on_member_page(org, users, client):
    """An admin gives an existing member a second role from the member page."""
    operator = users["operator_unit"]
    client.force_login(users["admin_pemda"])
    response = client.post(
        reverse("organisations:membership-add", kwargs={"pk": operator.pk}),
        {"role": Role.PETUGAS_LOKET, "target": f"unit:{org.other_opd_unit.pk}"},
    )
    assert response.status_code == 302
    assert operator.memberships.filter(unit=org.other_opd_unit, active=True).exists()


def test_history_hides_roles_beyond_the_viewer(org, users, client):
    """An OPD admin does not read the history of a role in another OPD."""
    from prima.organisations import people_services

    operator = users["operator_unit"]
    people_services.membership_add(
        by=users["admin_pemda"],
        member=operator,
        role=Role.PETUGAS_LOKET,
        target=org.other_opd_unit,
    )
    url = reverse("organisations:member-detail", kwargs={"pk": operator.pk})
    client.force_login(users["admin_pemda"])
    assert org.other_opd_unit.name in client.get(url).content.decode()
    client.force_login(users["admin_opd"])
    assert org.other_opd_unit.name not in client.get(url).content.decode()


def test_locked_login_is_shown_and_unlocked_by_post(org, users, client):
    """The member page marks a locked login and offers the admin to unlock it."""
    operator = users["operator_unit"]
    for _ in range(throttle.ACCOUNT_LOGINS.limit):
        throttle.login_attempt(None, operator.username)
    client.force_login(users["admin_pemda"])
    url = reverse("organisations:member-unlock", kwargs={"pk": operator.pk})
    page = client.get(
        reverse("organisations:member-detail", kwargs={"pk": operator.pk})
    ).content.decode()
    assert "login locked" in page and f'action="{url}"' in page
    page = client.post(url, follow=True).content.decode()
    assert "can try to log in again" in page and "Login unlocked" in page
    assert "login locked" not in page
    assert not throttle.account_locked(operator.username)


def test_another_pemda_admin_cannot_unlock(org, users, client):
    """An admin of another Pemda gets 404 and the account stays locked."""
    operator = users["operator_unit"]
    for _ in range(throttle.ACCOUNT_LOGINS.limit):
        throttle.login_attempt(None, operator.username)
    client.force_login(users["other_pemda_admin"])
    url = reverse("organisations:member-unlock", kwargs={"pk": operator.pk})
    assert client.post(url).status_code == 404
    assert throttle.account_locked(operator.username)
