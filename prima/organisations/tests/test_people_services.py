"""Tests of staff management: invitations, roles, deactivation and their history."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from prima.accounts import throttle
from prima.accounts.tokens import invitation_token
from prima.core.roles import Role
from prima.organisations import people_services as services
from prima.organisations.models import MemberEvent, Membership
from prima.organisations.testing import TEST_PASSWORD, make_user

pytestmark = pytest.mark.django_db

LINK = re.compile(r"http://testserver/akun/undangan/(?P<uid>[^/]+)/(?P<token>[^/\s]+)/")


def invite(by, target, role=Role.ADMIN_OPD, email="rina@example.test", **extra):
    return services.member_invite(
        by=by, email=email, role=role, target=target, full_name="Rina Wati", **extra
    )


def test_invitation_creates_account_role_history_and_mail(
    org, users, django_capture_on_commit_callbacks
):
    """A new address gets an account without password, the role, a history row and,
    after the commit, an e-mail with an absolute single-use link."""
    with django_capture_on_commit_callbacks(execute=True):
        invitation = invite(users["admin_pemda"], org.opd, email=" Rina@Example.test ")
    member = invitation.membership.user
    assert invitation.created
    assert member.email == "rina@example.test" == member.username
    assert not member.has_usable_password()
    assert invitation.membership.role == Role.ADMIN_OPD
    assert invitation.membership.opd == org.opd
    event = MemberEvent.objects.get(member=member)
    assert (event.action, event.actor, event.role) == (
        "invited",
        users["admin_pemda"],
        Role.ADMIN_OPD,
    )
    assert event.scope == str(org.opd)
    [message] = mail.outbox
    assert message.to == ["rina@example.test"]
    token = LINK.search(message.body).group("token")
    assert invitation_token.check_token(member, token)
    assert str(org.opd) in message.body


def test_no_mail_when_the_change_rolls_back(
    org, users, django_capture_on_commit_callbacks
):
    """The e-mail waits for the commit: nothing is queued before it."""
    with django_capture_on_commit_callbacks() as callbacks:
        invite(users["admin_pemda"], org.opd)
    assert len(callbacks) == 1
    assert mail.outbox == []


def test_existing_address_gets_the_role_not_a_second_account(
    org, users, django_capture_on_commit_callbacks
):
    """Inviting the address of an existing account adds the role to that account and
    tells its owner, without a password link."""
    operator = users["operator_unit"]
    with django_capture_on_commit_callbacks(execute=True):
        invitation = invite(
            users["admin_pemda"],
            org.sibling_unit,
            role=Role.PETUGAS_LOKET,
            email=operator.email.upper(),
        )
    assert not invitation.created
    assert invitation.membership.user == operator
    assert get_user_model().objects.filter(email__iexact=operator.email).count() == 1
    assert operator.memberships.filter(active=True).count() == 2
    assert MemberEvent.objects.get(member=operator).action == "role_added"
    [message] = mail.outbox
    assert not LINK.search(message.body)
    assert str(org.sibling_unit) in message.body


def test_simultaneous_invitations_of_a_new_address_open_one_account(
    org, users, monkeypatch
):
    """When another invitation of the same address commits its account between this
    one's look-up and its insert, the role goes to that account: no second account,
    no error."""
    first = invite(users["admin_pemda"], org.opd)
    real_lookup = services._accounts_with
    lookups = []

    def lookup_before_the_other_commit(email):
        lookups.append(email)
        return [] if len(lookups) == 1 else real_lookup(email)

    monkeypatch.setattr(services, "_accounts_with", lookup_before_the_other_commit)
    second = invite(users["admin_opd"], org.unit, role=Role.OPERATOR_UNIT)
    member = first.membership.user
    assert len(lookups) == 2
    assert second.membership.user == member and not second.created
    assert get_user_model().objects.filter(email__iexact=member.email).count() == 1
    assert member.memberships.filter(active=True).count() == 2


def test_the_database_keeps_one_account_per_address(users):
    """The unique address holds whatever the case of the letters."""
    from django.db import IntegrityError, transaction

    operator = users["operator_unit"]
    with pytest.raises(IntegrityError), transaction.atomic():
        get_user_model().objects.create(
            username="another", email=operator.email.upper()
        )


def test_inviting_again_resends_the_link_without_duplicating(
    org, users, django_capture_on_commit_callbacks
):
    """Someone invited who never set a password gets a fresh link, one role."""
    with django_capture_on_commit_callbacks(execute=True):
        first = invite(users["admin_pemda"], org.opd)
        second = invite(users["admin_pemda"], org.opd)
    assert second.membership == first.membership
    assert Membership.objects.filter(user=first.membership.user).count() == 1
    assert len(mail.outbox) == 2 and all(LINK.search(m.body) for m in mail.outbox)


def test_role_already_held_is_refused(org, users):
    """An active account that already holds the role there is not given it twice."""
    with pytest.raises(ValidationError) as exc:
        invite(
            users["admin_pemda"],
            org.unit,
            role=Role.OPERATOR_UNIT,
            email=users["operator_unit"].email,
        )
    assert "role" in exc.value.message_dict


def test_role_at_a_level_it_does_not_allow_is_refused(org, users):
    """A Pemda-level role cannot be held on an OPD: reported on the target."""
    with pytest.raises(ValidationError) as exc:
        invite(users["admin_pemda"], org.opd, role=Role.JURI)
    assert "target" in exc.value.message_dict


@pytest.mark.parametrize(
    ("name", "role", "attr"),
    [
        ("admin_opd", Role.ADMIN_PEMDA, "pemda"),
        ("admin_opd", Role.JURI, "pemda"),
        ("admin_opd", Role.ADMIN_OPD, "other_opd"),
        ("admin_opd", Role.OPERATOR_UNIT, "other_opd_unit"),
        ("operator_unit", Role.OPERATOR_UNIT, "unit"),
        ("operator_unit", Role.PETUGAS_LOKET, "unit"),
        ("petugas_loket", Role.PETUGAS_LOKET, "unit"),
        ("pimpinan", Role.OPERATOR_UNIT, "unit"),
        ("evaluator", Role.EVALUATOR, "pemda"),
        ("juri", Role.JURI, "pemda"),
        ("mentor", Role.MENTOR, "pemda"),
        ("no_role", Role.PETUGAS_LOKET, "unit"),
        ("admin_pemda", Role.ADMIN_PEMDA, "other_pemda"),
        ("other_pemda_admin", Role.OPERATOR_UNIT, "unit"),
    ],
)
def test_role_beyond_reach_is_refused(org, users, name, role, attr):
    """Nobody gives a role beyond their reach; nothing is stored."""
    with pytest.raises(PermissionDenied):
        invite(users[name], getattr(org, attr), role=role)
    assert not get_user_model().objects.filter(email="rina@example.test").exists()
    assert not MemberEvent.objects.exists()


@pytest.mark.parametrize(
    ("name", "role", "attr"),
    [
        ("admin_opd", Role.ADMIN_OPD, "opd"),
        ("admin_opd", Role.OPERATOR_UNIT, "sibling_unit"),
        ("admin_pemda", Role.ADMIN_PEMDA, "pemda"),
        ("admin_pemda", Role.OPERATOR_UNIT, "other_opd_unit"),
        ("superuser", Role.ADMIN_PEMDA, "other_pemda"),
    ],
)
def test_role_within_reach_is_given(org, users, name, role, attr):
    """The positive control of the refusals above."""
    invitation = invite(users[name], getattr(org, attr), role=role)
    assert invitation.membership.scope_object == getattr(org, attr)


def test_membership_add_and_end_write_history(
    org, users, django_capture_on_commit_callbacks
):
    """Giving and ending a role each write a row with the actor and the role."""
    admin, operator = users["admin_opd"], users["operator_unit"]
    with django_capture_on_commit_callbacks(execute=True):
        added = services.membership_add(
            by=admin, member=operator, role=Role.PETUGAS_LOKET, target=org.sibling_unit
        )
    assert len(mail.outbox) == 1
    services.membership_end(by=admin, membership=added)
    added.refresh_from_db()
    assert not added.active
    actions = list(
        MemberEvent.objects.filter(member=operator).values_list("action", "actor")
    )
    assert actions == [("role_ended", admin.pk), ("role_added", admin.pk)]
    with pytest.raises(ValidationError):
        services.membership_end(by=admin, membership=added)


def test_ending_roles_beyond_reach_or_ones_own_is_refused(org, users):
    """An OPD admin cannot end a Pemda-level role; nobody ends their own role."""
    with pytest.raises(PermissionDenied):
        services.membership_end(
            by=users["admin_opd"],
            membership=users["evaluator"].memberships.get(),
        )
    with pytest.raises(PermissionDenied):
        services.membership_end(
            by=users["operator_unit"],
            membership=users["petugas_loket"].memberships.get(),
        )
    with pytest.raises(ValidationError):
        services.membership_end(
            by=users["admin_pemda"],
            membership=users["admin_pemda"].memberships.get(),
        )
    assert Membership.objects.filter(active=False).count() == 0


def test_deactivated_account_cannot_log_in_until_reactivated(org, users, client):
    """Deactivation stops the login and ends the session; reactivation restores it."""
    operator = users["operator_unit"]
    client.force_login(operator)
    services.member_deactivate(by=users["admin_pemda"], member=operator)
    operator.refresh_from_db()
    assert not operator.is_active
    assert operator.memberships.get().active  # the role is kept
    assert client.get("/staf/").status_code == 302  # the session no longer counts
    assert not client.login(username=operator.username, password=TEST_PASSWORD)
    services.member_reactivate(by=users["admin_opd"], member=operator)
    assert client.login(username=operator.username, password=TEST_PASSWORD)
    actions = list(
        MemberEvent.objects.filter(member=operator).values_list("action", flat=True)
    )
    assert actions == ["reactivated", "deactivated"]


def test_deactivation_refused_for_oneself_and_beyond_reach(org, users):
    """An admin cannot deactivate themselves nor someone outside their reach."""
    with pytest.raises(ValidationError):
        services.member_deactivate(by=users["admin_pemda"], member=users["admin_pemda"])
    with pytest.raises(PermissionDenied):
        services.member_deactivate(by=users["admin_opd"], member=users["admin_pemda"])
    with pytest.raises(PermissionDenied):
        services.member_deactivate(by=users["other_pemda_admin"], member=users["juri"])
    with pytest.raises(PermissionDenied):
        services.member_deactivate(
            by=users["operator_unit"], member=users["petugas_loket"]
        )
    assert get_user_model().objects.filter(is_active=False).count() == 0


def test_deactivated_account_is_not_given_roles(org, users):
    """A deactivated account must be reactivated before it is given a role."""
    juri = users["juri"]
    services.member_deactivate(by=users["admin_pemda"], member=juri)
    with pytest.raises(ValidationError):
        invite(users["admin_pemda"], org.pemda, role=Role.MENTOR, email=juri.email)
    with pytest.raises(ValidationError):
        services.membership_add(
            by=users["admin_pemda"], member=juri, role=Role.MENTOR, target=org.pemda
        )


def lock(member) -> None:
    for _ in range(throttle.ACCOUNT_LOGINS.limit):
        throttle.login_attempt(None, member.username)


def test_unlock_lets_a_locked_account_log_in_again(org, users, client):
    """After failed logins lock an account, its Pemda admin unlocks it, recorded."""
    operator = users["operator_unit"]
    lock(operator)
    assert not client.login(username=operator.username, password=TEST_PASSWORD)
    services.member_unlock(by=users["admin_pemda"], member=operator)
    assert client.login(username=operator.username, password=TEST_PASSWORD)
    event = MemberEvent.objects.get(member=operator)
    assert (event.action, event.actor) == ("unlocked", users["admin_pemda"])


def test_unlock_refused_beyond_reach_and_when_not_locked(org, users):
    """A Pemda admin cannot unlock an account of another Pemda, whose own admin can;
    an account that is not locked is not unlocked."""
    beta_operator = make_user(role=Role.OPERATOR_UNIT, unit=org.other_pemda_unit)
    lock(beta_operator)
    with pytest.raises(PermissionDenied):
        services.member_unlock(by=users["admin_pemda"], member=beta_operator)
    with pytest.raises(PermissionDenied):
        services.member_unlock(by=users["operator_unit"], member=beta_operator)
    assert throttle.account_locked(beta_operator.username)
    services.member_unlock(by=users["other_pemda_admin"], member=beta_operator)
    assert not throttle.account_locked(beta_operator.username)
    with pytest.raises(ValidationError):
        services.member_unlock(by=users["other_pemda_admin"], member=beta_operator)
