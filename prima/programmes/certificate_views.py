"""Closing a programme and its certificates: the closing page (attendance, pass
marks, certificates, outcomes), bulk issue, revoking, the PDF, and the public
verification page anyone opens from the QR code without logging in.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from prima.core.roles import CHANGE
from prima.programmes import certificate_services, outcome_selectors, selectors
from prima.programmes.closing_forms import CloseForm, PlanScoreForm, RevokeForm
from prima.programmes.models import Certificate, Programme


def _plan_rows(programme: Programme, *, editable: bool) -> list[tuple]:
    """Each team with its plan's acceptance, its score and, for the organiser, a
    score form of its own (ids unique on the page)."""
    rows = []
    for team, accepted, score in certificate_services.plan_rows(programme):
        form = None
        if editable:
            initial = {"score": score.score, "note": score.note} if score else None
            form = PlanScoreForm(initial=initial, auto_id=f"team{team.pk}-%s")
        rows.append((team, accepted, score, form))
    return rows


@login_required
def closing(request, pk: int):
    """Overseers see attendance, pass marks and certificates; organisers close the
    programme, mark who passed and issue the certificates."""
    programme = selectors.programme_get(request.user, pk)
    powers = selectors.access(request.user, programme)
    if not powers.oversee:
        raise PermissionDenied
    accepted = selectors.accepted(programme)
    form = None
    if powers.change:
        # An empty POST is a real answer: nobody passed.
        data = request.POST if request.method == "POST" else None
        form = CloseForm(data, participants=accepted)
        if request.method == "POST" and form.is_valid():
            certificate_services.programme_close(
                programme, by=request.user, passed=form.cleaned_data["passed"]
            )
            messages.success(request, _("Programme closed; pass marks saved."))
            return redirect("programmes:closing", pk=programme.pk)
    elif request.method == "POST":
        raise PermissionDenied
    context = {
        "programme": programme,
        "powers": powers,
        "form": form,
        "closure": getattr(programme, "closure", None)
        if certificate_services.is_closed(programme)
        else None,
        "rows": certificate_services.eligibility_rows(programme),
        "plans": _plan_rows(programme, editable=powers.change),
        "outcome": outcome_selectors.programme_outcome(programme),
    }
    return TemplateResponse(request, "programmes/certificates/closing.html", context)


@login_required
@require_POST
def plan_score(request, pk: int):
    """The organiser's final score of a team's action plan, from the closing page."""
    team = selectors.team_get(request.user, pk)
    programme = selectors.programme_get(request.user, team.programme_id, CHANGE)
    form = PlanScoreForm(request.POST)
    if form.is_valid():
        certificate_services.plan_score_save(
            team,
            by=request.user,
            score=form.cleaned_data["score"],
            note=form.cleaned_data["note"],
        )
        messages.success(request, _("Score of %(team)s saved.") % {"team": team})
    else:
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            messages.error(request, f"{team} · {label}: {' '.join(errors)}")
    return redirect("programmes:closing", pk=programme.pk)


@login_required
@require_POST
def certificates_issue(request, pk: int):
    programme = selectors.programme_get(request.user, pk, CHANGE)
    try:
        issued = certificate_services.certificates_issue(programme, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("%(count)d certificates issued.") % {"count": len(issued)},
        )
    return redirect("programmes:closing", pk=programme.pk)


def _certificate_get(user, pk: int) -> tuple[Certificate, bool]:
    """Return a certificate its holder or its programme's overseers see (404 for
    anyone else) and whether the user organises the programme."""
    certificate = (
        Certificate.objects.select_related("programme", "participant")
        .filter(pk=pk, programme__in=Programme.objects.visible_to(user))
        .first()
    )
    if certificate is None:
        raise Http404
    powers = selectors.access(user, certificate.programme)
    if not (powers.oversee or certificate.participant.user_id == user.pk):
        raise Http404
    return certificate, powers.change


@login_required
def certificate_revoke(request, pk: int):
    certificate, change = _certificate_get(request.user, pk)
    if not change:
        raise PermissionDenied
    form = RevokeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            certificate_services.certificate_revoke(
                certificate, by=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Certificate revoked."))
        return redirect("programmes:closing", pk=certificate.programme_id)
    context = {
        "certificate": certificate,
        "programme": certificate.programme,
        "form": form,
    }
    return TemplateResponse(request, "programmes/certificates/revoke.html", context)


@login_required
def certificate_pdf(request, pk: int):
    """The certificate as PDF, for its holder and the programme's overseers."""
    certificate, _change = _certificate_get(request.user, pk)
    url = request.build_absolute_uri(certificate.get_absolute_url())
    pdf = certificate_services.certificate_pdf(certificate, verify_url=url)
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"sertifikat-{certificate.year}-{certificate.sequence:03d}.pdf"
    response["Content-Disposition"] = content_disposition_header(False, filename)
    return response


def certificate_verify(request, code: str):
    """Public: whether the certificate with this code is valid, without login."""
    certificate = get_object_or_404(
        Certificate.objects.select_related("programme", "pemda"), code=code[:64]
    )
    return TemplateResponse(
        request,
        "programmes/certificates/verify.html",
        {"certificate": certificate, "programme": certificate.programme},
    )
