"""Small builders of MPP queue rows for tests."""

from __future__ import annotations

from datetime import time

from prima.queues import services
from prima.queues.models import Counter, CounterStatus, Service, Venue


def make_venue(*, pemda, name: str = "Mal Pelayanan Publik", always_open: bool = True):
    """Return a venue of ``pemda``, open every day around the clock by default."""
    venue = services.venue_save(Venue(pemda=pemda, name=name))
    if always_open:
        for weekday in range(7):
            services.hours_set(
                venue=venue, weekday=weekday, opens=time(0, 0), closes=time(23, 59)
            )
    return venue


def make_service(
    *, venue: Venue, unit=None, layanan=None, prefix: str = "A", name: str = "", **extra
) -> Service:
    """Return a service of the venue, adding the unit (or an outside agency)."""
    agency = services.Agency.objects.filter(venue=venue, unit=unit).first()
    if agency is None:
        agency = services.agency_add(
            venue=venue, unit=unit, name="" if unit else "BPJS Kesehatan"
        )
    return services.service_add(
        agency=agency,
        layanan=layanan,
        name=name or f"Layanan {prefix}",
        prefix=prefix,
        **extra,
    )


def make_counter(
    *, service: Service, name: str = "Loket 1", status: str = CounterStatus.OPEN
) -> Counter:
    """Return a counter of the service's agency serving it, open by default."""
    counter = services.counter_add(agency=service.agency, name=name, services=[service])
    counter.status = status
    counter.save(update_fields=["status"])
    return counter
