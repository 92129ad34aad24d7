"""A busy MPP morning against the app and against a bare WSGI baseline.

    scripts/with-postgres .venv/bin/python bench/queue_bench.py [--tickets 3000]
        [--morning 60] [--kiosks 4] [--workers 4] [--no-show 0.05]

Builds the demo hall (``prima.demo.queues.build_hall``: twelve agencies, nineteen
services, forty open counters), open all day with no cut-off or quota, and serves
``config.wsgi`` with gunicorn on a free port. ``--kiosks`` threads issue
``--tickets`` tickets through the kiosk form, on the demo's arrival curve of a
morning (``prima.demo.queue_history``) compressed into ``--morning`` seconds (or as
fast as the app takes them when it falls behind), each with a fresh key; one thread
per counter works it through the staff console's POSTs: call next, then start and
finish (or skip a ``--no-show`` share), until every ticket is issued and none of its
services' tickets waits. Then the same against ``bare_queue_wsgi.py`` (no Django,
psycopg, the same writes) with the same gunicorn settings and the same plan.

Reports, for each: issue, call and start/finish latency (median, p99), requests and
tickets per second, CPU per ticket, and Prima's throughput as a ratio of the
baseline's; then checks every ticket of both runs: no number issued twice and none
skipped, every ticket ended finished or absent, its events replay through
``ticket_flow`` to its state, and the daily rollups equal a recount of the tickets.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import string
import sys
import threading
import time
import uuid
from collections import defaultdict
from datetime import time as clock
from urllib.parse import urlencode

from _setup import city_context, django_setup
from intake_bench import cpu_seconds, free_port, postmaster_pid, request, serve

CSRF = "".join(random.SystemRandom().choices(string.ascii_letters, k=32))


class Prima:
    """The app's kiosk form and counter console."""

    name = "Prima (Django views)"
    app = "config.wsgi"

    def __init__(self, token: str, sessions: dict[int, str]):
        self.token, self.sessions = token, sessions

    def issue(self, port, fields):
        body = urlencode({**fields, "csrfmiddlewaretoken": CSRF}).encode()
        headers = _form_headers(f"csrftoken={CSRF}")
        return request(port, "POST", f"/mpp/kiosk/{self.token}/", body, headers)[0]

    def counter(self, port, counter: int, action: str, ticket: int | None = None):
        fields = {"csrfmiddlewaretoken": CSRF}
        if ticket is not None:
            fields["ticket"] = str(ticket)
        cookie = f"csrftoken={CSRF}; sessionid={self.sessions[counter]}"
        path = f"/staf/antrian/loket/{counter}/{action}/"
        body = urlencode(fields).encode()
        return request(port, "POST", path, body, _form_headers(cookie))[0]


class Bare:
    """``bare_queue_wsgi``: the same writes without Django."""

    name = "bare WSGI, same writes"
    app = "bench.bare_queue_wsgi:application"

    def issue(self, port, fields):
        body = urlencode(fields).encode()
        return request(port, "POST", "/issue", body, _form_headers(""))[0]

    def counter(self, port, counter: int, action: str, ticket: int | None = None):
        body = urlencode({"ticket": ticket} if ticket is not None else {}).encode()
        path = f"/counter/{counter}/{'next' if action == 'next' else action}"
        return request(port, "POST", path, body, _form_headers(""))[0]


def _form_headers(cookie: str) -> dict[str, str]:
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    if cookie:
        headers["Cookie"] = cookie
    return headers


def plan(args, services, tz) -> list[tuple[float, int, str]]:
    """(seconds from the start, service, priority) of each ticket: the demo's
    arrivals of a morning, compressed into ``--morning`` seconds."""
    from django.utils import timezone

    from prima.demo import queue_history

    rng = random.Random(2026)
    today = timezone.localdate()
    times = queue_history.arrivals(rng, today, args.tickets, clock(12, 0), tz)
    first, last = times[0], times[-1]
    span = max((last - first).total_seconds(), 1)
    weights = [weight for _pk, weight in services]
    out = []
    for at in times:
        service = rng.choices(services, weights)[0][0]
        priority = queue_history._priority(rng)
        out.append(
            ((at - first).total_seconds() / span * args.morning, service, priority)
        )
    return out


class Run:
    """One load of an app: the plan's tickets issued and every counter worked."""

    def __init__(self, client, port, schedule, counters, args, database):
        self.client, self.port, self.args = client, port, args
        self.schedule, self.counters, self.database = schedule, counters, database
        self.latency: dict[str, list[float]] = defaultdict(list)
        self.failed: dict[str, int] = defaultdict(int)
        self.lock = threading.Lock()
        self.next_ticket = 0
        self.issuing_done = threading.Event()

    def timed(self, kind, call, *call_args):
        started = time.perf_counter()
        status = call(self.port, *call_args)
        elapsed = time.perf_counter() - started
        with self.lock:
            if status in (302, 303):
                self.latency[kind].append(elapsed)
            else:
                self.failed[kind] += 1
        return status

    def kiosk(self, start: float) -> None:
        while True:
            with self.lock:
                index = self.next_ticket
                self.next_ticket += 1
            if index >= len(self.schedule):
                return
            offset, service, priority = self.schedule[index]
            delay = start + offset - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            fields = {"service": service, "priority": priority, "key": uuid.uuid4()}
            self.timed("issue", self.client.issue, fields)

    def counter(self, counter: int, served: list[int], seed: int) -> None:
        import psycopg

        rng = random.Random(seed)
        with psycopg.connect(self.database, autocommit=True) as conn:
            while True:
                # The officer calls when the hall's screen shows someone waiting
                # for the counter's services: both apps get the same calls.
                waiting = conn.execute(
                    "SELECT 1 FROM queues_ticket WHERE state = 'waiting'"
                    " AND service_id = ANY(%s) LIMIT 1",
                    [served],
                ).fetchone()
                if waiting is None:
                    if self.issuing_done.is_set():
                        return
                    time.sleep(0.5)
                    continue
                started = time.perf_counter()
                self.client.counter(self.port, counter, "next")
                elapsed = time.perf_counter() - started
                # The console would show the called ticket; the client reads it
                # here, the same way for both apps.
                row = conn.execute(
                    "SELECT id FROM queues_ticket WHERE counter_id = %s"
                    " AND state = 'called' LIMIT 1",
                    [counter],
                ).fetchone()
                if row is None:  # another counter called it first
                    with self.lock:
                        self.latency["empty call"].append(elapsed)
                    continue
                with self.lock:
                    self.latency["call"].append(elapsed)
                if rng.random() < self.args.no_show:
                    self.timed("skip", self.client.counter, counter, "skip", row[0])
                    continue
                for action in ("start", "finish"):
                    self.timed(action, self.client.counter, counter, action, row[0])

    def go(self) -> float:
        start = time.perf_counter() + 0.5
        kiosks = [
            threading.Thread(target=self.kiosk, args=(start,))
            for _ in range(self.args.kiosks)
        ]
        counters = [
            threading.Thread(target=self.counter, args=(pk, served, pk))
            for pk, served in self.counters.items()
        ]
        for thread in kiosks + counters:
            thread.start()
        for thread in kiosks:
            thread.join()
        self.issuing_done.set()
        for thread in counters:
            thread.join()
        return time.perf_counter() - start


def _ms(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(len(ordered) * share) - 1)] * 1000


def load(client, schedule, counters, args) -> dict:
    """Serve ``client.app``, run the morning, print and return its figures."""
    port = free_port()
    process = serve(client.app, port, args.workers, [])
    try:
        # Warm up every worker: gunicorn accepts before they have loaded the app.
        for _ in range(4 * args.workers):
            client.counter(port, next(iter(counters)), "next")
        roots = {"gunicorn": process.pid, "postgres": postmaster_pid()}
        cpu_before = cpu_seconds(roots)
        run = Run(client, port, schedule, counters, args, os.environ["DATABASE_URL"])
        wall = run.go()
        cpu_after = cpu_seconds(roots)
    finally:
        process.terminate()
        process.wait()
    kinds = ("issue", "call", "start", "finish", "skip")
    requests = sum(len(run.latency[k]) for k in kinds)
    tickets = len(run.latency["issue"])
    print(
        f"{client.name:<24} {wall:6.1f} s: {tickets} tickets issued, "
        f"{requests / wall:6.1f} requests/s, {tickets / wall:5.1f} tickets/s, "
        f"failed {dict(run.failed) or 'none'}"
    )
    for kind in ("issue", "call", "start", "finish", "skip", "empty call"):
        values = run.latency[kind]
        if values:
            print(
                f"{'':<24} {kind:<10} n={len(values):5d}  "
                f"p50 {statistics.median(values) * 1000:7.1f} ms  "
                f"p99 {_ms(values, 0.99):7.1f} ms"
            )
    per = 1000 / max(tickets, 1)
    cpu = {k: (cpu_after[k] - cpu_before[k]) * per for k in cpu_after}
    print(
        f"{'':<24} CPU per ticket: gunicorn {cpu['gunicorn']:.1f} ms, PostgreSQL "
        f"{cpu['postgres']:.1f} ms, client {cpu['client']:.1f} ms"
    )
    return {
        "rate": requests / wall,
        "tickets": tickets / wall,
        "failed": sum(run.failed.values()),
        **{
            kind: (statistics.median(run.latency[kind]), _ms(run.latency[kind], 0.99))
            for kind in ("issue", "call")
        },
    }


def check(venue) -> list[str]:
    """Return what is wrong with the hall's tickets, events and rollups."""
    from django.db.models import Count, Max
    from django.utils import timezone

    from prima.queues import ticket_flow
    from prima.queues.models import (
        DailyServiceCount,
        Ticket,
        TicketEvent,
        TicketSequence,
    )

    problems = []
    tickets = Ticket.objects.filter(venue=venue)
    twice = (
        tickets.values("day", "prefix", "number")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
    )
    if twice.exists():
        problems.append(f"{twice.count()} numbers issued twice")
    per_service = tickets.values("service", "day").annotate(
        n=Count("pk"), top=Max("number")
    )
    last = {
        (s.service_id, s.day): s.last
        for s in TicketSequence.objects.filter(service__venue=venue)
    }
    for row in per_service:
        if not row["n"] == row["top"] == last.get((row["service"], row["day"])):
            problems.append(f"numbers of service {row['service']} have gaps")
    unfinished = tickets.exclude(state__in=["done", "no_show"]).count()
    if unfinished:
        problems.append(f"{unfinished} tickets neither finished nor absent")
    events = defaultdict(list)
    for ticket_id, action in (
        TicketEvent.objects.filter(ticket__venue=venue)
        .order_by("at", "pk")
        .values_list("ticket_id", "action")
    ):
        events[ticket_id].append(action)
    recount = defaultdict(
        lambda: {
            "issued": 0,
            "called": 0,
            "served": 0,
            "no_show": 0,
            "wait_minutes": defaultdict(int),
            "service_minutes": defaultdict(int),
            "issued_by_hour": defaultdict(int),
        }
    )
    inconsistent = 0
    for ticket in tickets:
        actions = events.get(ticket.pk, [])
        state = ticket_flow.State.WAITING
        try:
            if actions[:1] != ["issue"]:
                raise ticket_flow.Refused("issue")
            for action in actions[1:]:
                state = ticket_flow.transition(
                    state,
                    ticket_flow.Action(action),
                    ticket_flow.Timing(now=ticket.finished_at or ticket.issued_at),
                )
        except (ticket_flow.Refused, ValueError):
            state = None
        if state != ticket.state:
            inconsistent += 1
            if inconsistent <= 3:
                print(f"  ticket {ticket.code} ({ticket.state}): {actions}")
        row = recount[(ticket.service_id, ticket.day)]
        row["issued"] += 1
        row["issued_by_hour"][str(timezone.localtime(ticket.issued_at).hour)] += 1
        if ticket.called_at:
            row["called"] += 1
            minutes = int((ticket.called_at - ticket.arrived_at).total_seconds() // 60)
            row["wait_minutes"][str(max(0, minutes))] += 1
        if ticket.state == "done":
            row["served"] += 1
            minutes = int(
                (ticket.finished_at - ticket.started_at).total_seconds() // 60
            )
            row["service_minutes"][str(max(0, minutes))] += 1
        row["no_show"] += ticket.state == "no_show"
    if inconsistent:
        problems.append(
            f"{inconsistent} tickets whose events do not lead to their state"
        )
    stored = {
        (r.service_id, r.day): r for r in DailyServiceCount.objects.filter(venue=venue)
    }
    if set(stored) != set(recount):
        problems.append("rollup rows differ from the services and days of the tickets")
    for key, counted in recount.items():
        row = stored.get(key)
        if row is None:
            continue
        for name, value in counted.items():
            if getattr(row, name) != (
                dict(value) if isinstance(value, dict) else value
            ):
                problems.append(f"rollup {name} of service {key[0]} differs")
    return problems


def report(label: str, tickets: int, problems: list[str]) -> None:
    verdict = "; ".join(problems) or (
        "no number twice or skipped, every ticket finished or absent with events "
        "that lead to its state, rollups equal a recount"
    )
    print(f"checked the {tickets} tickets of {label}: {verdict}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=3000)
    parser.add_argument("--morning", type=float, default=60)
    parser.add_argument("--kiosks", type=int, default=4)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--no-show", type=float, default=0.05)
    args = parser.parse_args()
    django_setup()
    from datetime import time as wall_clock

    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.utils import timezone

    from prima.demo import queues
    from prima.queues import services
    from prima.queues.models import Closure, Service

    ctx = city_context(users=True)
    hall = queues.build_hall(ctx, name="Bench hall")
    # Open all day every day, no cut-off and no quota: the bench may run any time.
    for weekday in range(7):
        services.hours_set(
            venue=hall.venue,
            weekday=weekday,
            opens=wall_clock(0, 0),
            closes=wall_clock(23, 59, 59),
        )
    Closure.objects.filter(venue=hall.venue).delete()
    Service.objects.filter(venue=hall.venue).update(cutoff=None, daily_quota=None)
    _kiosk, token = services.kiosk_issue(venue=hall.venue, name="Bench kiosk")
    officer = ctx.users["pengelola.mpp"]
    sessions = {}
    for counter in hall.counters.values():
        session = SessionStore()
        session[SESSION_KEY] = str(officer.pk)
        session[BACKEND_SESSION_KEY] = "prima.accounts.backends.ThrottledModelBackend"
        session[HASH_SESSION_KEY] = officer.get_session_auth_hash()
        session.create()
        sessions[counter.pk] = session.session_key
    counters = {c.pk: [s.pk for s in c.services.all()] for c in hall.counters.values()}
    weights = {p.prefix: p.weight for p in queues.service_plans()}
    schedule = plan(
        args,
        [(s.pk, weights[prefix]) for prefix, s in hall.services.items()],
        timezone.get_current_timezone(),
    )
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
    os.environ["BENCH_OFFICER_ID"] = str(officer.pk)
    print(
        f"{os.cpu_count()} CPUs; gunicorn -w {args.workers} (sync); {args.tickets} "
        f"tickets over a {args.morning:g} s morning from {args.kiosks} kiosk threads; "
        f"{len(counters)} counter threads; no-show share {args.no_show:g}"
    )
    prima = load(Prima(token, sessions), schedule, counters, args)
    problems = check(hall.venue)
    report("Prima's run", args.tickets, problems)
    bare = load(Bare(), schedule, counters, args)
    # The baseline's tickets join the same services and days: check them all again.
    problems += check(hall.venue)
    report("both runs", 2 * args.tickets, problems)
    print(
        f"Prima / bare same writes: {prima['rate'] / bare['rate']:5.2f}x requests/s, "
        f"{prima['tickets'] / bare['tickets']:5.2f}x tickets/s; issue p50 "
        f"{prima['issue'][0] / bare['issue'][0]:5.1f}x, p99 "
        f"{prima['issue'][1] / bare['issue'][1]:5.1f}x; call p50 "
        f"{prima['call'][0] / bare['call'][0]:5.1f}x, p99 "
        f"{prima['call'][1] / bare['call'][1]:5.1f}x"
    )
    return 1 if problems or prima["failed"] or bare["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
