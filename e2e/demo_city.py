"""The small demo city the browser tests walk, and every public page of it.

The pages are the URLs the access matrix lets an anonymous visitor GET (tests/
matrix.py), each filled with real ids and slugs of the demo city; the phone-width
test fails when a public URL appears that ``PAGES`` does not know how to visit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import SimpleNamespace

from django.test import override_settings
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from tests.matrix import CASES as MATRIX

# Public URLs that answer with something other than a page to lay out.
NOT_PAGES = {
    "portal:healthz": "plain text for monitoring",
    "innovations:public_evidence": "an uploaded file",
    "innovations:public_proposal_pdf": "a PDF",
    "surveys:kiosk-worker": "the kiosk's service worker script",
    "api:openapi-view": "Swagger UI as Django Ninja bundles it, for developers",
    "api:openapi-json": "the OpenAPI document (JSON)",
    "api:pemda_list": "API JSON",
    "api:unit_list": "API JSON",
    "api:service_list": "API JSON",
    "api:service_detail": "API JSON",
    "api:innovation_list": "API JSON",
    "api:innovation_detail": "API JSON",
    "opendata:catalogue": "the DCAT catalogue (JSON-LD)",
    "opendata:pemda-catalogue": "the DCAT catalogue (JSON-LD)",
    "opendata:dataset": "a CSV or JSON download",
    "mpp:board_data": "JSON for the display board's script",
}
# Enough of the demo city for every page to show real rows, loaded in seconds.
DEMO_SIZE = override_settings(
    PRIMA_DEMO_SURVEY_RESPONSES=3000, PRIMA_DEMO_COMPLAINTS=300
)


def public_url_names() -> set[str]:
    """Return the URL names the access matrix lets an anonymous visitor GET."""
    return {
        case.name
        for case in MATRIX
        if case.method == "get" and case.expected.get("anonymous") == 200
    }


@dataclass
class Demo:
    """The demo city's objects the public pages are filled with."""

    pemda: object
    opds: list
    units: list
    layanan: list
    innovations: list
    calls: list
    kiosk_token: str
    shortlist_call: object
    shortlisted_entry: object
    invitation: dict
    users: dict
    user_form_token: str
    published_cycles: list
    certificates: list
    mpp_kiosk_token: str
    mpp_venue: object
    mpp_tickets: list
    mpp_survey_token: str
    mpp_bookings: list


def load_demo() -> Demo:
    from prima.accounts.tokens import invitation_token
    from prima.competitions.models import Call
    from prima.competitions.testing import shortlisted_call
    from prima.demo.services import demo_city_load
    from prima.evaluations.models import Cycle, UserFormLink
    from prima.innovations.models import Innovation
    from prima.organisations.models import Layanan, PerangkatDaerah, Unit
    from prima.programmes.models import Certificate
    from prima.queues.models import Booking, Ticket, Venue
    from prima.queues.services import kiosk_issue as mpp_kiosk_issue
    from prima.surveys.intake import kiosk_issue

    with DEMO_SIZE:
        ctx = demo_city_load()
    pemda = ctx.pemda
    units = list(Unit.objects.filter(pemda=pemda).order_by("pk"))
    # The demo's competition is over; a second call with its objection window open
    # today gives the uji publik pages something to show.
    unit = units[0]
    call, entries = shortlisted_call(
        SimpleNamespace(pemda=pemda, unit=unit), ctx.users["admin.pemda"]
    )
    _device, token = kiosk_issue(unit=unit, name="Tablet loket")
    # This year's cycle, in its F-01 phase, has one F-03 link.
    user_form = UserFormLink.objects.get(
        cycle_unit__cycle__pemda=pemda, cycle_unit__cycle__published_at__isnull=True
    )
    published = Cycle.objects.filter(pemda=pemda, published_at__isnull=False)
    venue = Venue.objects.get(pemda=pemda)
    _mpp_kiosk, mpp_token = mpp_kiosk_issue(venue=venue, name="Anjungan uji")
    # One ticket of each state: waiting (a priority one too), called, served, absent.
    tickets = {t.state + t.priority: t for t in Ticket.objects.filter(venue=venue)}
    invited = ctx.users["admin.pemda"]
    invitation = {
        "uidb64": urlsafe_base64_encode(force_bytes(invited.pk)),
        "token": invitation_token.make_token(invited),
    }
    return Demo(
        pemda=pemda,
        opds=list(PerangkatDaerah.objects.filter(pemda=pemda).order_by("pk")),
        units=units,
        layanan=list(Layanan.objects.filter(pemda=pemda).order_by("pk")),
        innovations=list(Innovation.objects.published().order_by("pk")),
        calls=list(Call.objects.published().order_by("pk")),
        kiosk_token=token,
        shortlist_call=call,
        shortlisted_entry=entries[0],
        invitation=invitation,
        users=ctx.users,
        user_form_token=user_form.token,
        published_cycles=list(published),
        # Valid and revoked ones (the demo's finished diklat).
        certificates=list(Certificate.objects.filter(pemda=pemda).order_by("pk")),
        mpp_kiosk_token=mpp_token,
        mpp_venue=venue,
        mpp_tickets=[tickets[key] for key in sorted(tickets)],
        mpp_survey_token=Ticket.objects.filter(
            venue=venue, encounter__response__isnull=True
        )
        .exclude(survey_token="")
        .first()
        .survey_token,
        # Checked in, lapsed and booked.
        mpp_bookings=list(Booking.objects.filter(venue=venue).order_by("pk")),
    )


def slug(demo: Demo) -> list[dict]:
    return [{"pemda_slug": demo.pemda.slug}]


def nothing(demo: Demo) -> list[dict]:
    return [{}]


def widest(items: list, count: int = 6) -> list:
    """The ``count`` objects with the longest names, and the first: a page of one
    object is as wide as its longest name or table, so these stand for all of them
    (visiting each of the demo's 320 services and 100 units took minutes)."""
    longest = sorted(items, key=lambda x: len(getattr(x, "name", "") or str(x)))
    chosen = [*longest[-count:], *items[:1]]
    return list({id(x): x for x in chosen}.values())


# How to fill each public URL from the demo. Pages of one object are visited for the
# objects with the longest names (``widest``), so a long name shows up.
PAGES: dict[str, Callable[[Demo], list[dict]]] = {
    "portal:home": nothing,
    "portal:pemda": slug,
    "portal:directory": slug,
    "portal:transparency": slug,
    "portal:service-detail": lambda d: [
        {"pemda_slug": d.pemda.slug, "pk": x.pk} for x in widest(d.layanan)
    ],
    "portal:unit-detail": lambda d: [
        {"pemda_slug": d.pemda.slug, "pk": x.pk} for x in widest(d.units)
    ],
    "accounts:login": nothing,
    "accounts:password_reset": nothing,
    "accounts:password_reset_done": nothing,
    "accounts:password_reset_complete": nothing,
    "accounts:password_reset_confirm": lambda d: [
        {"uidb64": "MQ", "token": "bad-token"}
    ],
    # A demo member's real invitation (the set-password form), and a spoilt link.
    "accounts:invitation-accept": lambda d: [
        d.invitation,
        {"uidb64": "MQ", "token": "bad-token"},
    ],
    # A valid certificate and the revoked one.
    "certificates:verify": lambda d: [
        {"code": x.code} for x in (d.certificates[0], d.certificates[-1])
    ],
    "competitions:results_list": nothing,
    "competitions:results": lambda d: [{"pk": x.pk} for x in d.calls],
    "competitions:public_shortlist": lambda d: [{"pk": d.shortlist_call.pk}],
    "competitions:objection_submit": lambda d: [{"pk": d.shortlisted_entry.pk}],
    "complaints:submit": slug,
    "complaints:submitted": slug,
    "complaints:track": slug,
    "complaints:public-stats": slug,
    "innovations:library": nothing,
    "opendata:index": nothing,
    "innovations:public_detail": lambda d: [
        {"pk": x.pk} for x in widest(d.innovations, 10)
    ],
    "surveys:survey-unit": lambda d: [{"unit_pk": x.pk} for x in widest(d.units)],
    "surveys:survey-service": lambda d: [
        {"layanan_pk": x.pk} for x in widest(d.layanan)
    ],
    "surveys:survey-thanks": nothing,
    "surveys:kiosk": lambda d: [{"token": d.kiosk_token}],
    "mpp:kiosk": lambda d: [{"token": d.mpp_kiosk_token}],
    "mpp:kiosk_ticket": lambda d: [
        {"token": d.mpp_kiosk_token, "code": d.mpp_tickets[0].public_code}
    ],
    "mpp:ticket": lambda d: [{"code": x.public_code} for x in d.mpp_tickets],
    "mpp:board": lambda d: [{"pk": d.mpp_venue.pk}],
    "mpp:kiosk_check_in": lambda d: [{"token": d.mpp_kiosk_token}],
    "mpp:booking": lambda d: [{"pk": d.mpp_venue.pk}],
    "mpp:booking_detail": lambda d: [{"code": x.code} for x in d.mpp_bookings],
    "surveys:survey-encounter": lambda d: [{"token": d.mpp_survey_token}],
    "surveys:public-pemda": slug,
    "surveys:public-opd": lambda d: [
        {"pemda_slug": d.pemda.slug, "opd_pk": x.pk} for x in widest(d.opds)
    ],
    "pekppp:user_form": lambda d: [{"token": d.user_form_token}],
    "pekppp:user_form_thanks": lambda d: [{"token": d.user_form_token}],
    "pekppp:results": lambda d: [
        {"pemda_slug": d.pemda.slug, "pk": x.pk} for x in d.published_cycles
    ],
    "surveys:public-unit": lambda d: [
        {"pemda_slug": d.pemda.slug, "unit_pk": x.pk} for x in widest(d.units)
    ],
}


def demo_urls(demo: Demo) -> list[str]:
    urls = []
    for name in sorted(PAGES):
        urls += [reverse(name, kwargs=kwargs) for kwargs in PAGES[name](demo)]
    return urls


def demo_page_types(demo: Demo) -> list[str]:
    """Return one URL per public page type: the first object of each."""
    return [reverse(name, kwargs=PAGES[name](demo)[0]) for name in sorted(PAGES)]
