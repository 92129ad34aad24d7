"""Citizen intake of the SKM: the questionnaire a unit shows, kiosk tokens, QR posters.

The questionnaire asks the nine unsur in the regulation's sample order (U9 before
U8), each in the unit's own wording when it has one. A kiosk is bound to its unit by
a random token of which only the SHA-256 is stored, so a leaked database does not
open any kiosk.
"""

from __future__ import annotations

import hashlib
import os
import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from prima.organisations.models import Layanan, Unit
from prima.reports.pdf import html_to_pdf
from prima.surveys.ikm import QUESTIONNAIRE_ORDER
from prima.surveys.models import ExtraQuestion, KioskDevice, QuestionWording
from prima.surveys.questions import DEFAULT_QUESTIONS, UNSUR_NAMES

# A citizen may rate a service received up to this many days ago.
MAX_DAYS_BACK = 31
TOKEN_BYTES = 24


@dataclass(frozen=True)
class Question:
    """One unsur as a unit asks it: number on the form, wording and four labels."""

    number: int
    unsur: str
    name: str
    text: str
    labels: tuple[str, str, str, str]
    reworded: bool = False

    @property
    def field_name(self) -> str:
        return self.unsur.lower()


# Every citizen form needs the unit's questions; they change rarely, so each worker
# keeps them for a minute. The edit services clear them at once in their own worker.
QUESTIONNAIRE_CACHE_SECONDS = 60

# The objects themselves stay in this process, each under a random stamp that the
# cache holds for a minute: a lookup reads the stamp (a small int) instead of
# unpickling a service with its unit and Pemda, or nine questions, which cost about
# a twentieth of a submission. Whatever removes the cache entry (its timeout,
# ``questionnaire_changed``, ``cache.clear()``) retires the object with it. The
# objects are shared by the requests of the process: callers must not modify them.
_HELD: dict[str, tuple[int, object]] = {}


def _cached(key: str, load):
    stamp = cache.get(key)
    if stamp is not None:
        held = _HELD.get(key)
        if held is not None and held[0] == stamp:
            return held[1]
    value = load()
    # Random, not a counter: forked workers or a cache shared between processes
    # must not take another process's stamp for their own.
    stamp = int.from_bytes(os.urandom(8), "big")
    _HELD[key] = (stamp, value)
    cache.set(key, stamp, QUESTIONNAIRE_CACHE_SECONDS)
    return value


def _cache_key(kind: str, unit_pk: int, language: str = "") -> str:
    return f"prima:skm:{kind}:{unit_pk}:{language}"


def questionnaire_changed(unit: Unit) -> None:
    """Forget the cached questions of ``unit`` after a rewording or a new question."""
    keys = [
        _cache_key("questions", unit.pk, code) for code, _name in settings.LANGUAGES
    ] + [_cache_key("extras", unit.pk)]
    cache.delete_many(keys)
    for key in keys:
        _HELD.pop(key, None)


def active_service(pk: int) -> Layanan | None:
    """Return the active service ``pk`` with its unit, or None; cached like questions.

    A service switched off stops taking answers within a minute in every worker.
    """
    found = _cached(
        _cache_key("service", pk),
        lambda: (
            Layanan.objects.active()
            .filter(pk=pk)
            .select_related("unit", "pemda")
            .first()
            or False
        ),
    )
    return found or None


def questionnaire(unit: Unit) -> tuple[Question, ...]:
    """Return the nine questions of ``unit`` in questionnaire order, reworded."""
    return _cached(
        _cache_key("questions", unit.pk, get_language()),
        lambda: tuple(build_questionnaire(unit)),
    )


def build_questionnaire(unit: Unit) -> list[Question]:
    """Return the unit's questions as stored now, bypassing the cache (staff pages)."""
    wordings = {w.unsur: w for w in QuestionWording.objects.filter(unit=unit)}
    questions = []
    for number, unsur in enumerate(QUESTIONNAIRE_ORDER, start=1):
        wording = wordings.get(unsur.value)
        if wording is not None:
            text = wording.text
            labels = (
                wording.label_1,
                wording.label_2,
                wording.label_3,
                wording.label_4,
            )
        else:
            default = DEFAULT_QUESTIONS[unsur]
            text, labels = str(default.text), tuple(str(x) for x in default.labels)
        questions.append(
            Question(
                number,
                unsur.value,
                str(UNSUR_NAMES[unsur]),
                text,
                labels,
                reworded=wording is not None,
            )
        )
    return questions


def extra_questions(unit: Unit) -> tuple[ExtraQuestion, ...]:
    """Return the unit's active optional questions in their order."""
    return _cached(
        _cache_key("extras", unit.pk),
        lambda: tuple(ExtraQuestion.objects.active().filter(unit=unit)),
    )


def service_date_range(today: date) -> tuple[date, date]:
    """Return the earliest and latest date of service a citizen may give."""
    return today - timedelta(days=MAX_DAYS_BACK), today


# Kiosk tokens ---------------------------------------------------------------


def kiosk_token_hash(token: str) -> str:
    """Return the hex SHA-256 of a kiosk token, the only form that is stored."""
    return hashlib.sha256(token.encode()).hexdigest()


def kiosk_issue(*, unit: Unit, name: str, issued_by=None) -> tuple[KioskDevice, str]:
    """Register a kiosk for ``unit``; return the device and its token (shown once)."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    device = KioskDevice(
        pemda_id=unit.pemda_id,
        unit=unit,
        name=name.strip(),
        token_hash=kiosk_token_hash(token),
        issued_by=issued_by,
    )
    device.full_clean()
    device.save()
    return device, token


def kiosk_for_token(token: str) -> KioskDevice | None:
    """Return the active kiosk of an active unit holding ``token``, else None."""
    return (
        KioskDevice.objects.active()
        .filter(token_hash=kiosk_token_hash(token), unit__active=True)
        .select_related("unit", "pemda")
        .first()
    )


def kiosk_revoke(device: KioskDevice) -> None:
    """Deactivate a kiosk: its token no longer opens the questionnaire."""
    KioskDevice.objects.filter(pk=device.pk).update(active=False)
    device.active = False


def kiosk_touch(device: KioskDevice, *, now: datetime | None = None) -> None:
    """Record that the kiosk was just used."""
    now = now or timezone.now()
    KioskDevice.objects.filter(pk=device.pk).update(last_used_at=now)
    device.last_used_at = now


# QR posters -----------------------------------------------------------------


def qr_svg(url: str) -> str:
    """Return an inline SVG QR code of ``url`` (no XML declaration)."""
    import segno  # QR codes for posters; pure Python, no system dependency.

    qr = segno.make(url, error="m")
    return qr.svg_inline(scale=10, border=2)


def poster_html(*, url: str, title: str, subtitle: str = "") -> str:
    """Return the HTML of an A4 poster inviting citizens to scan ``url``."""
    return render_to_string(
        "surveys/intake/poster.html",
        {
            "url": url,
            "title": title,
            "subtitle": subtitle,
            "qr": mark_safe(qr_svg(url)),  # noqa: S308 - segno's own SVG output
        },
    )


def poster_pdf(html: str) -> bytes:
    """Return ``html`` rendered to PDF bytes, fetching no outside resource."""
    return html_to_pdf(html)
