"""Role × scope rows for the MPP queue (prima/queues) and the survey of a served
ticket.

The scenario (``_scenario``): a service hall of Kota Alpha with Kota Alpha's first
unit (service A, its counter ``own``) and a unit of the other OPD (service B, counter
``other``), a waiting ticket and a finished one. The hall itself and its settings
are reached at Pemda level only: the Pemda administrator and the hall manager
(``pengelola_mpp``, checked in these rows only) change them, leadership reads them.
A counter is also reached by its unit's OPD and unit: the counter officer works the
counters of their unit, the OPD administrator and the unit operator only read them.
"""

from __future__ import annotations

from tests.access import LOGIN, PUBLIC, Case, profile

MANAGER = "pengelola_mpp"


def _with_manager(expected: dict[str, int], status: int) -> dict[str, int]:
    return {**expected, MANAGER: status}


def post(expected: dict[str, int]) -> dict[str, int]:
    return {k: (302 if v == 200 else v) for k, v in expected.items()}


QUEUE_LIST = _with_manager(
    profile(200, anonymous=LOGIN, no_role=403, evaluator=403, juri=403, mentor=403),
    200,
)
VENUE_CREATE = _with_manager(
    profile(
        403,
        anonymous=LOGIN,
        admin_pemda=200,
        other_pemda_admin=200,
        superuser=200,
    ),
    200,
)
VENUE_VIEW = _with_manager(
    profile(404, anonymous=LOGIN, admin_pemda=200, pimpinan=200, superuser=200), 200
)
VENUE_CHANGE = {**VENUE_VIEW, "pimpinan": 403}
COUNTER_VIEW = {
    **VENUE_VIEW,
    "admin_opd": 200,
    "operator_unit": 200,
    "petugas_loket": 200,
}
COUNTER_CHANGE = {
    **COUNTER_VIEW,
    "admin_opd": 403,
    "operator_unit": 403,
    "pimpinan": 403,
}
OTHER_COUNTER_VIEW = {
    **COUNTER_VIEW,
    "admin_opd": 404,
    "operator_unit": 404,
    "petugas_loket": 404,
}
OTHER_COUNTER_CHANGE = {
    **COUNTER_CHANGE,
    "admin_opd": 404,
    "operator_unit": 404,
    "petugas_loket": 404,
}
OTHER_PEMDA_VENUE = _with_manager(
    profile(404, anonymous=LOGIN, other_pemda_admin=200, superuser=200), 404
)


def _scenario(org) -> dict:
    import uuid

    from django.utils import timezone

    from prima.queues import services
    from prima.queues.testing import make_counter, make_service, make_venue

    venue = make_venue(pemda=org.pemda)
    service = make_service(
        venue=venue,
        unit=org.unit,
        layanan=org.layanan,
        prefix="A",
        slot_minutes=30,
        slot_capacity=2,
    )
    other = make_service(venue=venue, unit=org.other_opd_unit, prefix="B")
    own = make_counter(service=service)
    other_counter = make_counter(service=other, name="Loket 2")
    _kiosk, token = services.kiosk_issue(venue=venue, name="Kiosk")
    done, _ = services.ticket_issue(service=service)
    waiting, _ = services.ticket_issue(service=service)
    now = timezone.now()
    done = services.counter_call_next(own, now=now)
    services.ticket_act(done, "start", counter=own, now=now)
    done = services.ticket_act(done, "finish", counter=own, now=now)
    made, _ = services.booking_make(
        service=service,
        day=timezone.localdate() + timezone.timedelta(days=1),
        slot=services.service_slots(service, timezone.localdate())[0],
        idempotency_key=uuid.uuid4(),
    )
    return {
        "booking": made,
        "venue": venue,
        "own": own,
        "other": other_counter,
        "token": token,
        "waiting": waiting,
        "done": done,
    }


def venue(org) -> dict:
    return {"pk": _scenario(org)["venue"].pk}


def other_pemda_venue(org) -> dict:
    from prima.queues.testing import make_venue

    return {"pk": make_venue(pemda=org.other_pemda).pk}


def counter(which: str, **extra):
    return lambda org: {"pk": _scenario(org)[which].pk, **extra}


def kiosk(org) -> dict:
    return {"token": _scenario(org)["token"]}


def kiosk_ticket(org) -> dict:
    built = _scenario(org)
    return {"token": built["token"], "code": built["waiting"].public_code}


def ticket(which: str):
    return lambda org: {"code": _scenario(org)[which].public_code}


def survey(org) -> dict:
    return {"token": _scenario(org)["done"].survey_token}


CASES: list[Case] = [
    Case("queues:venue_list", expected=QUEUE_LIST),
    Case("queues:venue_create", expected=VENUE_CREATE),
    Case("queues:venue_detail", venue, VENUE_VIEW),
    Case(
        "queues:venue_detail",
        other_pemda_venue,
        OTHER_PEMDA_VENUE,
        label="venue_detail other Pemda",
    ),
    Case("queues:venue_edit", venue, VENUE_CHANGE),
    Case("queues:venue_stats", venue, VENUE_VIEW),
    Case("queues:venue_stats_xlsx", venue, VENUE_VIEW),
    *(
        Case(f"queues:{name}", venue, post(VENUE_CHANGE), method="post")
        for name in (
            "agency_add",
            "service_add",
            "counter_add",
            "hours_set",
            "closure_add",
            "kiosk_issue",
        )
    ),
    Case("queues:counter_console", counter("own"), COUNTER_VIEW),
    Case(
        "queues:counter_console",
        counter("other"),
        OTHER_COUNTER_VIEW,
        label="counter_console other OPD",
    ),
    Case(
        "queues:counter_act",
        counter("own", action="open"),
        post(COUNTER_CHANGE),
        method="post",
    ),
    Case(
        "queues:counter_act",
        counter("other", action="next"),
        post(OTHER_COUNTER_CHANGE),
        method="post",
        label="counter_act other OPD",
    ),
    # Public: the kiosk, a ticket and the display board need no login.
    Case("mpp:kiosk", kiosk, _with_manager(PUBLIC, 200)),
    Case("mpp:kiosk_ticket", kiosk_ticket, _with_manager(PUBLIC, 200)),
    Case("mpp:kiosk_check_in", kiosk, _with_manager(PUBLIC, 200)),
    Case("mpp:booking", venue, _with_manager(PUBLIC, 200)),
    Case(
        "mpp:booking_detail",
        lambda org: {"code": _scenario(org)["booking"].code},
        _with_manager(PUBLIC, 200),
    ),
    Case("mpp:ticket", ticket("waiting"), _with_manager(PUBLIC, 200)),
    Case("mpp:board", venue, _with_manager(PUBLIC, 200)),
    Case("mpp:board_data", venue, _with_manager(PUBLIC, 200)),
    Case("surveys:survey-encounter", survey, _with_manager(PUBLIC, 200)),
]
