"""What a ticket's move locks (prima/queues/services.py), on PostgreSQL."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections, transaction

from prima.queues import services
from prima.queues.testing import make_counter, make_service, make_venue


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite has no row locks",
)
@pytest.mark.django_db(transaction=True)
def test_moving_a_ticket_leaves_the_hall_row_unlocked(org):
    """A call, start or finish locks its ticket, not the hall: a kiosk issuing at
    the same time (whose ticket's foreign key takes a share lock on the hall row)
    neither waits for it nor deadlocks with it, as bench/queue_bench.py found."""
    venue = make_venue(pemda=org.pemda)
    service = make_service(venue=venue, unit=org.unit, prefix="A")
    counter = make_counter(service=service)
    ticket, _ = services.ticket_issue(service=service)
    refused = []

    def share_lock_hall():
        try:
            with connections["default"].cursor() as cursor:
                cursor.execute(
                    "SELECT 1 FROM queues_venue WHERE id = %s FOR KEY SHARE NOWAIT",
                    [venue.pk],
                )
        except Exception as error:  # noqa: BLE001 - reported by the assertion
            refused.append(error)
        finally:
            connections.close_all()

    with transaction.atomic():
        services.ticket_act(ticket, "call", counter=counter)
        other = threading.Thread(target=share_lock_hall)
        other.start()
        other.join()
    assert refused == []
