"""Citizen pages of complaints: send a case, then follow it with the tracking code.

No account and no JavaScript. A submission key is issued with every display of the
form and handed to ``case_submit``, so a double tap or a retry stores one case; the
same text sent again from the same session within minutes (Back, then Send again)
is recognised by the form and stores nothing new either. The
tracking code is shown once, after the redirect, from the session — never in a URL.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from prima.complaints import selectors, tracking
from prima.complaints.models import Status
from prima.complaints.public_forms import CaseForm, RateForm, ReplyForm, TrackForm
from prima.complaints.services import (
    case_rate,
    case_reopen,
    case_submit,
    reopen_until,
)
from prima.organisations.models import Pemda

SUBMITTED_SESSION_KEY = "complaints_submitted_code"


def _pemda(slug: str) -> Pemda:
    return get_object_or_404(Pemda, slug=slug)


def submit(request, pemda_slug: str):
    """Take a complaint, suggestion, appreciation or request for information."""
    pemda = _pemda(pemda_slug)
    layanan, unit = selectors.submission_prefill(request.GET, pemda)
    form = CaseForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        pemda=pemda,
        units=selectors.submission_units(pemda),
        layanan=layanan,
        initial={"unit": unit},
        request=request,
    )
    if form.is_valid():
        case, created = case_submit(**form.submission())
        if created:
            request.session[SUBMITTED_SESSION_KEY] = case.tracking_code
            tracking.unlock(request, case)
        return redirect("complaints:submitted", pemda_slug=pemda.slug)
    context = {"pemda": pemda, "form": form, "key": form.display_key()}
    context["layanan"] = layanan
    return TemplateResponse(request, "complaints/public/case_form.html", context)


# The tracking code and the case it unlocks belong to one citizen: no browser cache or
# shared proxy may keep them (a phone is often shared, a kiosk always).
@never_cache
def submitted(request, pemda_slug: str):
    """Show the tracking code of the case just sent, once."""
    pemda = _pemda(pemda_slug)
    code = request.session.pop(SUBMITTED_SESSION_KEY, None)
    context = {"pemda": pemda, "code": code}
    return TemplateResponse(request, "complaints/public/submitted.html", context)


def track(request, pemda_slug: str):
    """Ask for the tracking code and unlock the case it belongs to."""
    pemda = _pemda(pemda_slug)
    form = TrackForm(request.POST if request.method == "POST" else None)
    context = {"pemda": pemda, "form": form}
    template = "complaints/public/track_form.html"
    if request.method == "POST" and tracking.is_blocked(request):
        context["blocked"] = True
        return TemplateResponse(request, template, context, status=429)
    if form.is_valid():
        case = tracking.lookup(pemda, form.cleaned_data["code"])
        if case is not None:
            tracking.unlock(request, case)
            return redirect("complaints:track-case", pemda_slug=pemda.slug)
        tracking.record_failure(request)
        form.add_error(
            "code", _("No case was found with this code. Check the code and try again.")
        )
    return TemplateResponse(request, template, context)


def _unlocked(request, pemda_slug: str):
    pemda = _pemda(pemda_slug)
    case = tracking.unlocked_case(request, pemda)
    if case is None:
        messages.info(request, _("Enter your tracking code to see your case."))
    return pemda, case


@never_cache
def track_case(request, pemda_slug: str):
    """Show the unlocked case: its state, public steps, answer and deadlines."""
    pemda, case = _unlocked(request, pemda_slug)
    if case is None:
        return redirect("complaints:track", pemda_slug=pemda_slug)
    today = timezone.localdate()
    until = reopen_until(case) if case.status == Status.ANSWERED else None
    context = {
        "pemda": pemda,
        "case": case,
        "events": case.events.filter(public=True),
        "overdue": selectors.case_overdue(case, today=today),
        "reopen_until": until,
        "can_reopen": until is not None and today <= until,
        "can_rate": case.answered_at is not None and case.rating is None,
        "reply_form": ReplyForm(),
        "rate_form": RateForm(),
    }
    return TemplateResponse(request, "complaints/public/track_case.html", context)


def _act(request, pemda_slug: str, form_class, action, done: str):
    pemda, case = _unlocked(request, pemda_slug)
    if case is None:
        return redirect("complaints:track", pemda_slug=pemda_slug)
    form = form_class(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError([e for errs in form.errors.values() for e in errs])
        action(case, **form.cleaned_data)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, done)
    return redirect("complaints:track-case", pemda_slug=pemda.slug)


@require_POST
def track_reply(request, pemda_slug: str):
    """Re-open an answered case with the citizen's reply."""
    return _act(
        request,
        pemda_slug,
        ReplyForm,
        lambda case, reply: case_reopen(case=case, reply=reply),
        _("Your reply was sent and the case is open again."),
    )


@require_POST
def track_rate(request, pemda_slug: str):
    """Record the citizen's rating of the answer."""
    return _act(
        request,
        pemda_slug,
        RateForm,
        lambda case, rating: case_rate(case=case, rating=rating),
        _("Thank you for rating the answer."),
    )


@require_POST
def track_forget(request, pemda_slug: str):
    """Lock the case on this browser again, e.g. on a shared phone."""
    tracking.forget(request)
    messages.success(request, _("The case is locked again on this device."))
    return redirect("complaints:track", pemda_slug=pemda_slug)
