"""Staff management: invitations, roles given and ended, accounts deactivated and
unlocked.

Every function takes the acting user as ``by`` and asks ``prima.organisations.reach``
whether the change is within their reach; a change beyond it raises
``PermissionDenied`` (the pages offer only what is within reach, so only a forged
request meets it), a change that makes no sense raises ``ValidationError``. Each
change writes a ``MemberEvent`` row in the same transaction, and the e-mail it
causes is sent once that transaction commits.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Model
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from prima.accounts import throttle
from prima.accounts.tokens import invitation_token
from prima.core.links import absolute_url
from prima.core.roles import ROLE_LEVELS, Level, Role
from prima.organisations import reach
from prima.organisations.models import (
    MemberEvent,
    Membership,
    Pemda,
    PerangkatDaerah,
    Unit,
)


@dataclass(frozen=True)
class Invitation:
    """What an invitation did: the role given, and whether the account is new."""

    membership: Membership
    created: bool


def _scope_fields(target: Model) -> dict[str, Any]:
    if isinstance(target, Pemda):
        return {"pemda": target, "opd": None, "unit": None}
    if isinstance(target, PerangkatDaerah):
        return {"pemda": target.pemda, "opd": target, "unit": None}
    if isinstance(target, Unit):
        return {"pemda": target.pemda, "opd": None, "unit": target}
    raise TypeError(f"not a Pemda, OPD or unit: {target!r}")


def _check_grant(by: Any, role: str, target: Model) -> None:
    allowed = ROLE_LEVELS.get(role, frozenset())
    if reach.level_of(target) not in allowed:
        raise ValidationError(
            {
                "target": _("The role %(role)s is given on: %(levels)s.")
                % {
                    "role": Role(role).label,
                    "levels": ", ".join(str(Level(lv).label) for lv in sorted(allowed)),
                }
            }
        )
    if not reach.may_grant(by, role=role, target=target):
        raise PermissionDenied


def _record(*, by: Any, member: Any, action: str, membership=None) -> MemberEvent:
    return MemberEvent.objects.create(
        member=member,
        actor=by,
        action=action,
        membership=membership,
        role=membership.role if membership else "",
        scope=str(membership.scope_object) if membership else "",
    )


def _lock_user(user: Any) -> Any:
    return get_user_model().objects.select_for_update().get(pk=user.pk)


def _free_username(email: str) -> str:
    """Return the address itself as the username, or a numbered variant if taken."""
    users = get_user_model().objects
    base = email[:140]
    candidate, n = base, 1
    while users.filter(username__iexact=candidate).exists():
        n += 1
        candidate = f"{base}.{n}"
    return candidate


def _new_account(*, email: str, full_name: str, position: str) -> Any:
    user = get_user_model()(
        username=_free_username(email),
        email=email,
        full_name=full_name.strip(),
        position=position.strip(),
    )
    # No password until the invited person chooses one through the link.
    user.set_unusable_password()
    try:
        # The database, not a read before the write, keeps one account per address
        # (``unique_user_email``): a simultaneous invitation may create it first.
        user.full_clean(validate_constraints=False)
    except ValidationError as exc:
        # The username is derived from the address; report it where it was typed.
        errors = exc.message_dict
        if "username" in errors:
            errors.setdefault("email", []).extend(errors.pop("username"))
        raise ValidationError(errors) from None
    user.save()
    return user


def _accounts_with(email: str) -> list[Any]:
    """Return up to two accounts whose address is ``email``, whatever its case."""
    return list(get_user_model().objects.filter(email__iexact=email)[:2])


def _holding(member: Any, role: str, target: Model) -> Membership | None:
    """Return ``member``'s active membership of ``role`` on ``target``, if any."""
    return Membership.objects.filter(
        user=member, role=role, active=True, **_scope_fields(target)
    ).first()


def _give(*, by: Any, member: Any, role: str, target: Model) -> Membership:
    if _holding(member, role, target) is not None:
        raise ValidationError(
            {
                "role": _("%(member)s already holds this role there.")
                % {"member": member}
            }
        )
    membership = Membership(user=member, role=Role(role), **_scope_fields(target))
    membership.full_clean()
    membership.save()
    return membership


@transaction.atomic
def member_invite(
    *,
    by: Any,
    email: str,
    role: str,
    target: Model,
    full_name: str = "",
    position: str = "",
) -> Invitation:
    """Give ``role`` on ``target`` to the person with ``email``, inviting them.

    A new address gets an account without a password and an e-mail with a link to
    set one (``PRIMA_INVITATION_DAYS`` valid, once). An address that already has an
    account gets the role added to that account; if its owner never set a
    password, a fresh link is sent. Inviting again someone who already holds the
    role and never accepted sends the link again.
    """
    _check_grant(by, role, target)
    email = get_user_model().objects.normalize_email(email.strip()).lower()
    existing = _accounts_with(email)
    if len(existing) > 1:
        raise ValidationError(
            {"email": _("Several accounts use this address; ask the platform team.")}
        )
    member = None
    if not existing:
        try:
            with transaction.atomic():
                member = _new_account(
                    email=email, full_name=full_name, position=position
                )
        except IntegrityError:
            # Another invitation of the same address committed its account between
            # our look-up and our insert: give the role to that account instead.
            existing = _accounts_with(email)
            if not existing:
                raise
    if member is not None:
        membership = _give(by=by, member=member, role=role, target=target)
        _record(
            by=by,
            member=member,
            action=MemberEvent.Action.INVITED,
            membership=membership,
        )
        transaction.on_commit(partial(_send_invitation, member.pk, by.pk), robust=True)
        return Invitation(membership=membership, created=True)
    member = _lock_user(existing[0])
    if not member.is_active:
        raise ValidationError(
            {"email": _("This account is deactivated; reactivate it first.")}
        )
    pending = not member.has_usable_password()
    held = _holding(member, role, target)
    if pending and held is not None:
        # The invited person lost the link or let it expire: send it again.
        membership, action = held, MemberEvent.Action.INVITED
    else:
        membership = _give(by=by, member=member, role=role, target=target)
        action = MemberEvent.Action.ROLE_ADDED
    _record(by=by, member=member, action=action, membership=membership)
    send = _send_invitation if pending else _send_role_notice
    transaction.on_commit(partial(send, member.pk, by.pk), robust=True)
    return Invitation(membership=membership, created=False)


@transaction.atomic
def membership_add(*, by: Any, member: Any, role: str, target: Model) -> Membership:
    """Give ``member`` another role on ``target`` and tell them by e-mail."""
    _check_grant(by, role, target)
    member = _lock_user(member)
    if not member.is_active:
        raise ValidationError(
            _("This account is deactivated; reactivate it before giving it a role.")
        )
    membership = _give(by=by, member=member, role=role, target=target)
    _record(
        by=by,
        member=member,
        action=MemberEvent.Action.ROLE_ADDED,
        membership=membership,
    )
    pending = not member.has_usable_password()
    send = _send_invitation if pending else _send_role_notice
    transaction.on_commit(partial(send, member.pk, by.pk), robust=True)
    return membership


@transaction.atomic
def membership_end(*, by: Any, membership: Membership) -> Membership:
    """End a role; the membership stays, inactive, as history."""
    membership = (
        Membership.objects.select_for_update(of=("self",))
        .select_related("user", "pemda", "opd", "unit")
        .get(pk=membership.pk)
    )
    if not reach.may_change_membership(by, membership):
        raise PermissionDenied
    if membership.user_id == by.pk:
        raise ValidationError(
            _("You cannot end your own role; ask another administrator.")
        )
    if not membership.active:
        raise ValidationError(_("This role has already ended."))
    membership.active = False
    membership.save(update_fields=["active"])
    _record(
        by=by,
        member=membership.user,
        action=MemberEvent.Action.ROLE_ENDED,
        membership=membership,
    )
    return membership


def _set_active(*, by: Any, member: Any, active: bool) -> Any:
    member = _lock_user(member)
    if member.pk == by.pk:
        raise ValidationError(_("You cannot deactivate your own account."))
    if not reach.may_manage_account(by, member):
        raise PermissionDenied
    if member.is_active == active:
        raise ValidationError(
            _("The account is already active.")
            if active
            else _("The account is already deactivated.")
        )
    member.is_active = active
    member.save(update_fields=["is_active"])
    action = (
        MemberEvent.Action.REACTIVATED if active else MemberEvent.Action.DEACTIVATED
    )
    _record(by=by, member=member, action=action)
    return member


@transaction.atomic
def member_deactivate(*, by: Any, member: Any) -> Any:
    """Deactivate an account: it can no longer sign in, and its open sessions end.

    Its roles stay as they were, so reactivating restores them.
    """
    return _set_active(by=by, member=member, active=False)


@transaction.atomic
def member_reactivate(*, by: Any, member: Any) -> Any:
    """Let a deactivated account sign in again, with the roles it holds."""
    return _set_active(by=by, member=member, active=True)


@transaction.atomic
def member_unlock(*, by: Any, member: Any) -> Any:
    """Let an account locked by failed logins try again at once.

    Whoever may deactivate the account may unlock it; nobody else, so an
    administrator never unlocks an account of another Pemda.
    """
    member = _lock_user(member)
    if not reach.may_manage_account(by, member):
        raise PermissionDenied
    if not throttle.account_locked(member.get_username()):
        raise ValidationError(_("The account is not locked."))
    throttle.account_unlock(member.get_username())
    _record(by=by, member=member, action=MemberEvent.Action.UNLOCKED)
    return member


# --- E-mails, sent after the change commits ----------------------------------------


def invitation_link(user: Any) -> str:
    """Return the absolute, single-use link with which ``user`` sets a password."""
    path = reverse(
        "accounts:invitation-accept",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": invitation_token.make_token(user),
        },
    )
    return absolute_url(path)


def _mail_context(member_pk: int, by_pk: int) -> dict[str, Any]:
    users = get_user_model().objects
    member = users.get(pk=member_pk)
    roles = (
        Membership.objects.filter(user=member, active=True)
        .select_related("pemda", "opd", "unit")
        .order_by("pemda__name", "role", "pk")
    )
    return {
        "member": member,
        "by": users.filter(pk=by_pk).first(),
        "roles": list(roles),
        "login_url": absolute_url(reverse("accounts:login")),
    }


def _send_invitation(member_pk: int, by_pk: int) -> None:
    context = _mail_context(member_pk, by_pk)
    member = context["member"]
    context.update(link=invitation_link(member), days=invitation_token.max_age().days)
    send_mail(
        _("Your invitation to Prima"),
        render_to_string("organisations/email/invitation.txt", context),
        None,
        [member.email],
    )


def _send_role_notice(member_pk: int, by_pk: int) -> None:
    context = _mail_context(member_pk, by_pk)
    send_mail(
        _("Your roles in Prima have changed"),
        render_to_string("organisations/email/role_given.txt", context),
        None,
        [context["member"].email],
    )
