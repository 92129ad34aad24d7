"""Public pages of the objection window (uji publik): a call's open shortlist and the
objection form of one entry on it. No account and no JavaScript.

A submission key is issued with every display of the form and handed to
``services.objection_submit``, so a double tap or a retry stores one objection;
the thank-you page is the answer to the POST itself.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from prima.competitions import selectors, services
from prima.competitions.models import Call, CallStatus, Entry
from prima.competitions.objection_forms import ObjectionForm
from prima.core.ratelimit import AddressLimit

# Objections one client address may send per hour: a committee answers each by
# hand, so a flood from one place must not bury the real ones.
MAX_OBJECTIONS = 5
OBJECTIONS = AddressLimit("innovations:objections", MAX_OBJECTIONS, 60 * 60)


def public_shortlist(request, pk: int):
    """Show the call's shortlists open to objection today; 404 outside the window."""
    call = get_object_or_404(
        Call.objects.filter(status=CallStatus.JUDGING).select_related("pemda"), pk=pk
    )
    shortlists = selectors.public_shortlists(call, timezone.localdate())
    if not shortlists:
        raise Http404
    context = {"call": call, "shortlists": shortlists}
    return TemplateResponse(request, "competitions/objections/shortlist.html", context)


def objection_submit(request, pk: int):
    """Show and handle the objection form of an entry on an open shortlist."""
    entry = get_object_or_404(
        Entry.objects.select_related("call__pemda", "innovation__opd"), pk=pk
    )
    stage = services.objection_stage(entry, timezone.localdate())
    if stage is None:
        raise Http404
    form = ObjectionForm(
        request.POST if request.method == "POST" else None, request=request
    )
    if form.is_valid() and OBJECTIONS.reached(request):
        form.add_error(
            None,
            _("Too many objections from your connection; try again in an hour."),
        )
    elif form.is_valid():
        try:
            _stored, created = services.objection_submit(
                entry=entry, **form.submission()
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if created:
                OBJECTIONS.count(request)
            context = {"entry": entry, "call": entry.call}
            return TemplateResponse(
                request, "competitions/objections/submitted.html", context
            )
    context = {
        "entry": entry,
        "call": entry.call,
        "stage": stage,
        "form": form,
        "key": form.display_key(),
    }
    return TemplateResponse(request, "competitions/objections/form.html", context)
