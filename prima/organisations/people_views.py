"""Staff pages where the Pemda and OPD administrators manage their people.

What a user may give or change is decided by ``prima.organisations.reach`` inside
the services; these views only fetch through the scoped selectors, bind a form and
call one service.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from prima.accounts.tokens import invitation_token
from prima.core.forms import add_service_errors
from prima.core.roles import VIEW, Area
from prima.core.scoping import user_can
from prima.organisations import people_selectors as selectors
from prima.organisations import people_services as services
from prima.organisations import reach
from prima.organisations.people_forms import GrantForm, InvitationForm, MemberFilterForm

MEMBERS_PER_PAGE = 50


@login_required
def member_list(request):
    """List the staff whose roles the user sees, searchable."""
    if not user_can(request.user, Area.USERS, VIEW):
        raise PermissionDenied
    form = MemberFilterForm(request.GET or None)
    members = selectors.member_list(user=request.user, q=form.query())
    page = Paginator(members, MEMBERS_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page_obj": page,
        "can_invite": reach.may_manage(request.user),
    }
    return TemplateResponse(request, "organisations/member_list.html", context)


@login_required
def member_invite(request):
    """Invite a person by e-mail with a first role within the user's reach."""
    if not reach.may_manage(request.user):
        raise PermissionDenied
    form = InvitationForm(request.POST or None, user=request.user)
    if form.is_valid():
        try:
            invitation = services.member_invite(by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            member = invitation.membership.user
            if invitation.created:
                text = _(
                    "%(email)s is invited; the e-mail with the link is on its way."
                )
            else:
                text = _("%(email)s already had an account; the role was added to it.")
            messages.success(request, text % {"email": member.email})
            return redirect("organisations:member-detail", pk=member.pk)
    context = {"form": form, "invitation_days": invitation_token.max_age().days}
    return TemplateResponse(request, "organisations/member_invite.html", context)


def _member_page(request, member, form=None):
    overview = selectors.member_overview(user=request.user, member=member)
    if form is None and overview["can_add_role"]:
        form = GrantForm(user=request.user)
    context = {"member": member, "form": form, **overview}
    return TemplateResponse(request, "organisations/member_detail.html", context)


@login_required
def member_detail(request, pk: int):
    """Show a member's roles the user sees, their history, and the actions allowed."""
    return _member_page(request, selectors.member_get(user=request.user, pk=pk))


@login_required
@require_POST
def membership_add(request, pk: int):
    """Give the member another role within the user's reach."""
    member = selectors.member_get(user=request.user, pk=pk)
    if not reach.may_manage(request.user):
        raise PermissionDenied
    form = GrantForm(request.POST, user=request.user)
    if form.is_valid():
        try:
            membership = services.membership_add(
                by=request.user, member=member, **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("%(member)s is now %(role)s of %(scope)s.")
                % {
                    "member": member,
                    "role": membership.get_role_display(),
                    "scope": membership.scope_object,
                },
            )
            return redirect("organisations:member-detail", pk=member.pk)
    return _member_page(request, member, form=form)


def _done_or_refused(request, change, success: str, pk: int):
    """Run ``change()``; show ``success`` or the service's refusal on the member page."""
    try:
        change()
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, success)
    return redirect("organisations:member-detail", pk=pk)


@login_required
@require_POST
def membership_end(request, pk: int):
    """End one of a member's roles."""
    membership = selectors.membership_get(user=request.user, pk=pk)
    return _done_or_refused(
        request,
        lambda: services.membership_end(by=request.user, membership=membership),
        _("The role %(role)s of %(scope)s has ended.")
        % {"role": membership.get_role_display(), "scope": membership.scope_object},
        membership.user_id,
    )


@login_required
@require_POST
def member_deactivate(request, pk: int):
    """Deactivate a member's account: they can no longer sign in."""
    member = selectors.member_get(user=request.user, pk=pk)
    return _done_or_refused(
        request,
        lambda: services.member_deactivate(by=request.user, member=member),
        _("%(member)s is deactivated and can no longer log in.") % {"member": member},
        member.pk,
    )


@login_required
@require_POST
def member_unlock(request, pk: int):
    """Let a member locked out by failed logins try again now."""
    member = selectors.member_get(user=request.user, pk=pk)
    return _done_or_refused(
        request,
        lambda: services.member_unlock(by=request.user, member=member),
        _("%(member)s can try to log in again.") % {"member": member},
        member.pk,
    )


@login_required
@require_POST
def member_reactivate(request, pk: int):
    """Let a deactivated member sign in again."""
    member = selectors.member_get(user=request.user, pk=pk)
    return _done_or_refused(
        request,
        lambda: services.member_reactivate(by=request.user, member=member),
        _("%(member)s can log in again.") % {"member": member},
        member.pk,
    )
