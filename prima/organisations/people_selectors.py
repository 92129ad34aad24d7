"""Reads of the staff-management pages, always starting from the viewing user."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Prefetch, Q, QuerySet
from django.db.models.functions import Lower
from django.http import Http404

from prima.accounts import throttle
from prima.organisations import reach
from prima.organisations.models import MemberEvent, Membership


def _visible_memberships(user: Any) -> QuerySet[Membership]:
    return Membership.objects.visible_to(user).select_related("pemda", "opd", "unit")


def member_list(*, user: Any, q: str = "") -> QuerySet:
    """Return the accounts holding or having held a role the user sees, each with
    ``visible_roles``: their active roles the user sees."""
    visible = _visible_memberships(user)
    members = get_user_model().objects.filter(
        pk__in=visible.values("user_id"), is_superuser=False
    )
    for word in q.split()[:5]:
        members = members.filter(
            Q(full_name__icontains=word)
            | Q(username__icontains=word)
            | Q(email__icontains=word)
        )
    return members.prefetch_related(
        Prefetch(
            "memberships",
            queryset=visible.filter(active=True).order_by("role", "pk"),
            to_attr="visible_roles",
        )
    ).order_by(Lower("full_name"), Lower("username"), "pk")


def member_get(*, user: Any, pk: int) -> Any:
    """Return the account ``pk`` if it holds or held a role the user sees, else 404."""
    try:
        return member_list(user=user).get(pk=pk)
    except get_user_model().DoesNotExist as exc:
        raise Http404 from exc


def membership_get(*, user: Any, pk: int) -> Membership:
    """Return a membership the user sees, else 404."""
    try:
        return _visible_memberships(user).select_related("user").get(pk=pk)
    except Membership.DoesNotExist as exc:
        raise Http404 from exc


def member_overview(*, user: Any, member: Any) -> dict[str, Any]:
    """Return what the member page shows: the roles the user sees (with whether the
    user may end each), the history and what the user may do with the account."""
    memberships = list(
        _visible_memberships(user).filter(user=member).order_by("-active", "role", "pk")
    )
    rows = [
        {
            "membership": m,
            "can_end": m.active
            and m.user_id != user.pk
            and reach.may_change_membership(user, m),
        }
        for m in memberships
    ]
    return {
        "roles": rows,
        "events": MemberEvent.objects.shown_to(user, member),
        "can_manage_account": reach.may_manage_account(user, member),
        "login_locked": throttle.account_locked(member.get_username()),
        "can_add_role": member.is_active and reach.may_manage(user),
        "invitation_pending": not member.has_usable_password(),
    }
