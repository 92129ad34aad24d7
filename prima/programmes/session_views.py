"""Sessions of a programme: their form and page, the organiser's attendance sheet
(one row per participant, no JavaScript), the QR code participants check in with,
materials, and the attendance workbook.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import mark_safe
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from prima.core.forms import add_service_errors
from prima.core.http import stored_file_response
from prima.core.roles import CHANGE
from prima.core.uploads import clean_upload
from prima.programmes import checkin, exports, selectors, services
from prima.programmes.forms import AttendanceRowForm, MaterialForm, SessionForm

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _session_form_page(request, *, programme, session=None):
    form = SessionForm(request.POST or None, instance=session, programme=programme)
    if request.method == "POST" and form.is_valid():
        try:
            session = services.session_save(
                session, programme=programme, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Session saved."))
            return redirect("programmes:session_detail", pk=session.pk)
    context = {"form": form, "programme": programme, "session": session}
    return TemplateResponse(request, "programmes/session_form.html", context)


@login_required
def session_create(request, pk: int):
    programme = selectors.programme_get(request.user, pk, CHANGE)
    return _session_form_page(request, programme=programme)


@login_required
def session_edit(request, pk: int):
    session = selectors.session_get(request.user, pk, CHANGE)
    return _session_form_page(request, programme=session.programme, session=session)


@login_required
def session_detail(request, pk: int):
    session = selectors.session_get(request.user, pk)
    powers = selectors.access(request.user, session.programme)
    context = {
        "session": session,
        "programme": session.programme,
        "powers": powers,
        "materials": session.materials.all() if powers.materials else None,
        "own": selectors.own_attendance(request.user, session),
        "material_form": MaterialForm() if powers.change else None,
        "marks": selectors.session_marks(session) if powers.oversee else None,
    }
    return TemplateResponse(request, "programmes/session_detail.html", context)


@login_required
def attendance_take(request, pk: int):
    """The organiser's sheet: one row per accepted participant, radio buttons."""
    session = selectors.session_get(request.user, pk, CHANGE)
    current = selectors.attendance_by_participant(session)
    rows = []
    for participant in selectors.accepted(session.programme):
        mark = current.get(participant.pk)
        initial = {"status": mark.status, "remark": mark.remark} if mark else {}
        form = AttendanceRowForm(
            request.POST or None, prefix=f"p{participant.pk}", initial=initial
        )
        rows.append((participant, form))
    if request.method == "POST" and all(form.is_valid() for _p, form in rows):
        changed = services.attendance_record(
            session,
            by=request.user,
            rows=[
                (p, f.cleaned_data["status"], f.cleaned_data["remark"]) for p, f in rows
            ],
        )
        messages.success(
            request,
            _("Attendance saved (%(count)d rows changed).") % {"count": changed},
        )
        return redirect("programmes:session_detail", pk=session.pk)
    context = {"session": session, "programme": session.programme, "rows": rows}
    return TemplateResponse(request, "programmes/attendance_form.html", context)


def _qr_svg(url: str) -> str:
    import segno  # QR codes; pure Python, no system dependency.

    return segno.make(url, error="m").svg_inline(scale=8, border=2)


@login_required
def session_qr(request, pk: int):
    """The code the organiser shows in the room; the page reloads itself when the
    code changes."""
    session = selectors.session_get(request.user, pk, CHANGE)
    now = timezone.now()
    code = checkin.current_code(settings.SECRET_KEY, session.pk, now)
    url = request.build_absolute_uri(
        reverse("programmes:check_in", kwargs={"pk": session.pk, "code": code})
    )
    opens, closes = checkin.window(session.starts_at, session.ends_at)
    context = {
        "session": session,
        "programme": session.programme,
        "url": url,
        "qr": mark_safe(_qr_svg(url)),  # noqa: S308 - segno's own SVG output
        "refresh": min(checkin.seconds_left(now) + 1, checkin.STEP),
        "open": opens <= now <= closes,
        "opens": opens,
    }
    return TemplateResponse(request, "programmes/session_qr.html", context)


@login_required
def check_in(request, pk: int, code: str):
    """A participant's check-in: the scanned link shows a button that posts it."""
    session = selectors.session_get(request.user, pk)
    own = selectors.own_attendance(request.user, session)
    if not selectors.accepted(session.programme).filter(user=request.user).exists():
        raise Http404
    code = code[:64]
    error = None
    if request.method == "POST" and own is None:
        try:
            own = services.attendance_check_in(
                session, user=request.user, code=code, secret=settings.SECRET_KEY
            )
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(request, _("You are checked in."))
            return redirect("programmes:session_detail", pk=session.pk)
    elif own is None:
        # Say at once when the scanned code can no longer be used.
        error = services.check_in_refusal(
            session, code=code, secret=settings.SECRET_KEY, now=timezone.now()
        )
    context = {"session": session, "own": own, "error": error}
    return TemplateResponse(request, "programmes/check_in.html", context)


@login_required
@require_POST
def material_add(request, pk: int):
    session = selectors.session_get(request.user, pk, CHANGE)
    form = MaterialForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Give the material a title and a file or a link."))
        return redirect("programmes:session_detail", pk=session.pk)
    upload = form.cleaned_data["file"]
    try:
        services.material_add(
            session,
            by=request.user,
            title=form.cleaned_data["title"],
            clean=clean_upload(upload) if upload else None,
            link=form.cleaned_data["link"],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Material added."))
    return redirect("programmes:session_detail", pk=session.pk)


@login_required
def material_file(request, pk: int):
    material = selectors.material_get(request.user, pk)
    if not material.file:
        raise Http404
    return stored_file_response(
        material.file,
        filename=material.original_name,
        content_type=material.content_type,
        inline=False,
    )


@login_required
@require_POST
def material_remove(request, pk: int):
    material = selectors.material_get(request.user, pk)
    selectors.session_get(request.user, material.session_id, CHANGE)
    services.material_remove(material)
    messages.success(request, _("Material removed."))
    return redirect("programmes:session_detail", pk=material.session_id)


@login_required
def attendance_xlsx(request, pk: int):
    """The programme's attendance sheet, with session lengths, as .xlsx."""
    programme = selectors.programme_get(request.user, pk)
    if not selectors.access(request.user, programme).oversee:
        raise PermissionDenied
    response = HttpResponse(exports.attendance_workbook(programme), content_type=XLSX)
    filename = f"presensi-{slugify(programme.title)[:60]}.xlsx"
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
