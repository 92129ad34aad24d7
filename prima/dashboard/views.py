"""The leadership dashboard: one scope (the Pemda or an OPD), one closed period."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from prima.core.period_choice import period_from_request
from prima.core.query import text_param
from prima.dashboard import selectors


def _chosen_scope(request, scopes):
    """The scope named by GET ``cakupan`` among the user's, else their first."""
    key = text_param(request.GET, "cakupan", max_length=40)
    if not key:
        return scopes[0]
    for scope in scopes:
        if scope.key == key:
            return scope
    raise Http404


@login_required
def dashboard(request):
    scopes = selectors.dashboard_scopes(request.user)
    if not scopes:
        raise PermissionDenied
    scope = _chosen_scope(request, scopes)
    today = timezone.localdate()
    choices = selectors.closed_periods(scope.pemda, today)
    selection = period_from_request(
        request,
        default=choices[0],
        choices=choices,
        invalid_message=_("“%(key)s” is not a period; showing %(period)s."),
    )
    context = {
        "scopes": scopes if len(scopes) > 1 else [],
        "selection": selection,
        "period": selection.period,
        "board": selectors.dashboard(request.user, scope, selection.period, today),
    }
    return TemplateResponse(request, "dashboard/dashboard.html", context)
