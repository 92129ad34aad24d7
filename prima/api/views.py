"""A staff member's own API tokens: issue one (shown once), list, revoke."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from prima.api.forms import TokenIssueForm
from prima.api.models import ApiToken
from prima.api.tokens import token_issue, token_revoke, user_tokens

ISSUED_SESSION_KEY = "api_token_issued"


@login_required
def token_list(request):
    """List the user's tokens and issue a new one, shown once.

    Any account may hold tokens: a token reads as its owner, so an account without
    a role reads open data only.
    """
    form = TokenIssueForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        token, secret = token_issue(user=request.user, **form.cleaned_data)
        request.session[ISSUED_SESSION_KEY] = {"name": token.name, "token": secret}
        return redirect("api-tokens:list")
    context = {
        "form": form,
        "tokens": user_tokens(request.user),
        "issued": request.session.pop(ISSUED_SESSION_KEY, None),
    }
    return TemplateResponse(request, "api/token_list.html", context)


@login_required
@require_POST
def token_revoke_view(request, pk: int):
    """Revoke one of the user's own tokens."""
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    token_revoke(token)
    messages.success(
        request, _("The token “%(name)s” was revoked.") % {"name": token.name}
    )
    return redirect("api-tokens:list")
