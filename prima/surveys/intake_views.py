"""Citizen intake pages (no login, no JavaScript needed) and the staff pages that
feed them: QR posters and kiosk devices. The kiosk page alone loads a script, which
keeps answers on the tablet while its connection is down (static/js/kiosk.js).

A submission key is issued with every display of the form and handed to
``response_submit``, so a double tap, the back button or a retry stores one response.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from prima.core.roles import CHANGE, VIEW, Area
from prima.core.scoping import get_for_user, user_can
from prima.organisations.models import Layanan, Unit
from prima.surveys import encounters, intake
from prima.surveys.intake_forms import KioskIssueForm, SurveyForm, plain_submission
from prima.surveys.models import Channel, KioskDevice
from prima.surveys.services import response_submit

ISSUED_SESSION_KEY = "surveys_kiosk_issued"
# After a submission the phone keeps its key for a while in a cookie scoped to the
# form's path: going back re-renders the form with that used key (browsers do not
# restore hidden fields), so sending the stale page again is not counted twice.
RECENT_COOKIE = "skm_sent"
RECENT_SALT = "prima.surveys.intake.recent"
RECENT_SECONDS = 30 * 60
ANOTHER_PERSON = "baru"


def _recent_key(request) -> str | None:
    """Return the key this browser last used on this form, if recent."""
    if request.method != "GET" or ANOTHER_PERSON in request.GET:
        return None
    return request.get_signed_cookie(
        RECENT_COOKIE, default=None, salt=RECENT_SALT, max_age=RECENT_SECONDS
    )


@lru_cache(maxsize=32)
def _thanks_url(script_prefix: str, urlconf: str | None) -> str:
    return reverse("surveys:survey-thanks", urlconf=urlconf)


def _thanks(request, key):
    # Reversing the URL cost about a twentieth of a submission: keep it per script
    # prefix and URLconf (the two things ``reverse`` reads besides its arguments).
    url = _thanks_url(get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)
    response = HttpResponseRedirect(url)
    response.set_signed_cookie(
        RECENT_COOKIE,
        str(key),
        salt=RECENT_SALT,
        max_age=RECENT_SECONDS,
        path=request.path,
        secure=request.is_secure(),
        httponly=True,
        samesite="Lax",
    )
    return response


def _survey(request, *, unit, layanan=None, kiosk=None):
    """Show and take the questionnaire of ``unit``; return the response to send."""
    questions = intake.questionnaire(unit)
    extras = intake.extra_questions(unit)
    today = timezone.localdate()
    submission = form = None
    if request.method == "POST" and layanan is not None:
        # Most answers come from a service's QR code and are valid: store them
        # without building the form, which would cost more than storing them.
        submission = plain_submission(
            request.POST,
            questions=questions,
            extras=extras,
            layanan=layanan,
            today=today,
        )
    if submission is None:
        services = Layanan.objects.active().filter(unit=unit).select_related("unit")
        if layanan is not None:
            services = services.filter(pk=layanan.pk)
        form = SurveyForm(
            request.POST if request.method == "POST" else None,
            questions=questions,
            extras=extras,
            services=services,
            fixed_layanan=layanan,
            today=today,
        )
        if form.is_valid():
            submission = form.submission()
    if submission is not None:
        channel = Channel.KIOSK if kiosk else Channel.ONLINE
        response_submit(**submission, channel=channel, kiosk=kiosk)
        if kiosk is None:
            return _thanks(request, submission["idempotency_key"])
        intake.kiosk_touch(kiosk)
        messages.success(request, _("Thank you! Your answers were saved."))
        return redirect(request.path)
    recent = None if kiosk else _recent_key(request)
    context = {
        "form": form,
        "key": recent or form.display_key(),
        "already_sent": bool(recent),
        "unit": unit,
        "layanan": layanan,
        "kiosk": kiosk,
        "has_services": services.exists(),
    }
    template = "surveys/intake/kiosk.html" if kiosk else "surveys/intake/survey.html"
    return TemplateResponse(request, template, context)


def survey_unit(request, unit_pk: int):
    """The questionnaire of a unit, reached from its short link or QR code."""
    unit = Unit.objects.active().filter(pk=unit_pk).select_related("pemda").first()
    if unit is None:
        raise Http404
    return _survey(request, unit=unit)


def survey_service(request, layanan_pk: int):
    """The questionnaire of a unit with the service fixed by the link."""
    layanan = intake.active_service(layanan_pk)
    if layanan is None:
        raise Http404
    return _survey(request, unit=layanan.unit, layanan=layanan)


def survey_encounter(request, token: str):
    """The questionnaire of one served visit: one response per token.

    An unknown token and a used one each get a plain page saying so, and a used
    token never stores a second response (``encounters.encounter_response_submit``).
    """
    encounter = encounters.encounter_for_token(token)
    if encounter is None:
        template = "surveys/intake/encounter_unknown.html"
        return TemplateResponse(request, template, {}, status=404)
    if encounter.response_id is not None:
        return TemplateResponse(request, "surveys/intake/encounter_used.html", {})
    layanan, unit = encounter.layanan, encounter.layanan.unit
    questions, extras = intake.questionnaire(unit), intake.extra_questions(unit)
    form = SurveyForm(
        request.POST if request.method == "POST" else None,
        questions=questions,
        extras=extras,
        services=Layanan.objects.filter(pk=layanan.pk).select_related("unit"),
        fixed_layanan=layanan,
        today=timezone.localdate(),
    )
    if form.is_valid():
        submission = form.submission()
        submission.pop("layanan")
        try:
            encounters.encounter_response_submit(encounter, **submission)
        except encounters.EncounterUsed:
            return TemplateResponse(request, "surveys/intake/encounter_used.html", {})
        return redirect("surveys:survey-thanks")
    context = {
        "form": form,
        "key": form.display_key(),
        "unit": unit,
        "layanan": layanan,
        "encounter": encounter,
        "has_services": True,
    }
    return TemplateResponse(request, "surveys/intake/survey.html", context)


def survey_thanks(request):
    """Thank the citizen after a stored response."""
    return TemplateResponse(request, "surveys/intake/thanks.html", {})


KIOSK_WORKER = Path(__file__).resolve().parent.parent / "static" / "js" / "kiosk-sw.js"


@lru_cache(maxsize=1)
def _kiosk_worker_source() -> bytes:
    return KIOSK_WORKER.read_bytes()


def kiosk_worker(request):
    """Serve the kiosk's service worker from the kiosk's own path.

    A service worker controls only pages under the folder it is served from, and
    the static files live elsewhere; so the script from ``static/js`` is sent here,
    where its scope covers every kiosk page. Browsers check it for updates on each
    visit, so it is never kept in an HTTP cache.
    """
    response = HttpResponse(
        _kiosk_worker_source(), content_type="text/javascript; charset=utf-8"
    )
    response["Service-Worker-Allowed"] = request.path.rsplit("/", 1)[0] + "/"
    response["Cache-Control"] = "no-cache"
    return response


def kiosk(request, token: str):
    """The questionnaire on a counter tablet; it resets after every response."""
    device = intake.kiosk_for_token(token)
    if device is None:
        raise Http404
    if request.method == "GET":
        intake.kiosk_touch(device)
    return _survey(request, unit=device.unit, kiosk=device)


# Staff: posters -------------------------------------------------------------


def _poster(request, *, url: str, title: str, subtitle: str, filename: str):
    html = intake.poster_html(url=url, title=title, subtitle=subtitle)
    response = HttpResponse(intake.poster_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@login_required
def poster_unit(request, unit_pk: int):
    """An A4 PDF poster with the QR code of a unit's survey link."""
    unit = get_for_user(
        Unit.objects.select_related("pemda"),
        request.user,
        VIEW,
        area=Area.SURVEY,
        pk=unit_pk,
    )
    url = request.build_absolute_uri(reverse("surveys:survey-unit", args=[unit.pk]))
    return _poster(
        request,
        url=url,
        title=unit.name,
        subtitle=unit.pemda.name,
        filename=f"skm-unit-{unit.pk}.pdf",
    )


@login_required
def poster_service(request, layanan_pk: int):
    """An A4 PDF poster with the QR code of one service's survey link."""
    layanan = get_for_user(
        Layanan.objects.select_related("unit"),
        request.user,
        VIEW,
        area=Area.SURVEY,
        pk=layanan_pk,
    )
    path = reverse("surveys:survey-service", args=[layanan.pk])
    return _poster(
        request,
        url=request.build_absolute_uri(path),
        title=layanan.name,
        subtitle=layanan.unit.name,
        filename=f"skm-layanan-{layanan.pk}.pdf",
    )


# Staff: kiosks --------------------------------------------------------------


@login_required
def kiosk_list(request):
    """List the kiosks the user may see and issue a new one for a unit."""
    if not user_can(request.user, Area.SURVEY, VIEW):
        raise PermissionDenied
    units = Unit.objects.scoped(request.user, CHANGE, area=Area.SURVEY).active()
    form = KioskIssueForm(request.POST or None, units=units)
    if request.method == "POST":
        if not units.exists():
            raise PermissionDenied
        if form.is_valid():
            device, token = intake.kiosk_issue(
                **form.cleaned_data, issued_by=request.user
            )
            request.session[ISSUED_SESSION_KEY] = {"pk": device.pk, "token": token}
            return redirect("surveys:kiosk-list")
    issued = request.session.pop(ISSUED_SESSION_KEY, None)
    if issued:
        path = reverse("surveys:kiosk", args=[issued["token"]])
        issued["url"] = request.build_absolute_uri(path)
    devices = KioskDevice.objects.visible_to(request.user).select_related("unit")
    context = {
        "devices": devices.order_by("-active", "unit__name", "name"),
        "editable": set(
            KioskDevice.objects.editable_by(request.user).values_list("pk", flat=True)
        ),
        "form": form if units.exists() else None,
        "issued": issued,
    }
    return TemplateResponse(request, "surveys/intake/kiosk_list.html", context)


@login_required
@require_POST
def kiosk_revoke(request, pk: int):
    """Revoke a kiosk so its token stops working."""
    device = get_for_user(KioskDevice.objects, request.user, CHANGE, pk=pk)
    intake.kiosk_revoke(device)
    messages.success(
        request, _("The kiosk “%(name)s” was revoked.") % {"name": device.name}
    )
    return redirect("surveys:kiosk-list")
