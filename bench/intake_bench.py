"""Post survey responses concurrently to the app and to two bare WSGI baselines.

    scripts/with-postgres .venv/bin/python bench/intake_bench.py [--seconds 10]
        [--clients 8] [--workers 4]

Serves ``config.wsgi`` with gunicorn on a free port and posts the citizen form
``/s/l/<layanan>/`` from ``--clients`` threads for ``--seconds``, each POST with a
fresh submission key (the form takes any UUID4 key; one GET per client fetches the
CSRF cookie and token). Then does the same against two apps of ``bare_wsgi.py`` (no
Django, psycopg) served by gunicorn with the same settings: one doing the same SQL
writes as a Prima submission (the response and its three rollup upserts), one doing
the response INSERT only. Prints responses per second and p50/p99 latency of each and
Prima's ratio to both baselines; checks every 303 stored one row and that the rollups
written during each run count exactly the responses stored.
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode

from _setup import ROOT, city, django_setup

GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
TOKEN = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(app: str, port: int, workers: int, extra: list[str]) -> subprocess.Popen:
    """Start gunicorn serving ``app`` and wait until it accepts connections."""
    process = subprocess.Popen(
        [
            GUNICORN,
            app,
            "-b",
            f"127.0.0.1:{port}",
            "-w",
            str(workers),
            "--log-level",
            "warning",
            *extra,
        ],
        cwd=ROOT,
        env=os.environ.copy(),
    )
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    sys.exit(f"gunicorn {app} did not start")


def request(port, method, path, body=b"", headers=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.getheaders(), response.read()
    finally:
        conn.close()


def form_body(day: str, token: str | None) -> bytes:
    fields = {f"u{i}": str(1 + (i * 7) % 4) for i in range(1, 10)}
    fields.update(
        key=str(uuid.uuid4()),
        service_date=day,
        gender="P",
        age="34",
        education="sma",
        occupation="swasta",
        suggestion="Pelayanan cepat.",
    )
    if token:
        fields["csrfmiddlewaretoken"] = token
    return urlencode(fields).encode()


def client(port, paths, day, seconds, csrf, latencies, statuses):
    """Post forms until ``seconds`` pass; record latencies of 303 answers."""
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    token = None
    if csrf:
        _, got, page = request(port, "GET", paths[0])
        cookie = next(
            v
            for k, v in got
            if k.lower() == "set-cookie" and v.startswith("csrftoken=")
        )
        headers["Cookie"] = cookie.split(";", 1)[0]
        token = TOKEN.search(page).group(1).decode()
    rng = random.Random()
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        body = form_body(day, token)
        path = rng.choice(paths)
        started = time.perf_counter()
        status, _, _ = request(port, "POST", path, body, headers)
        elapsed = time.perf_counter() - started
        statuses.append(status)
        if status in (302, 303):
            latencies.append(elapsed)


def _load(port, paths, day, seconds, clients, csrf):
    latencies: list[float] = []
    statuses: list[int] = []
    threads = [
        threading.Thread(
            target=client, args=(port, paths, day, seconds, csrf, latencies, statuses)
        )
        for _ in range(clients)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, statuses


def cpu_seconds(roots: dict[str, int]) -> dict[str, float]:
    """CPU seconds used so far by each process tree in ``roots`` (a process and its
    children; Linux /proc) and by this process.

    On a shared machine the rates move with other work; the CPU time each side
    spends per response moves much less.
    """
    tick = os.sysconf("SC_CLK_TCK")
    used = dict.fromkeys(roots, 0.0)
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        for name, root in roots.items():
            if root in (int(pid), int(fields[1])):  # the process or its parent
                used[name] += (int(fields[11]) + int(fields[12])) / tick
    times = os.times()
    used["client"] = times.user + times.system
    return used


def postmaster_pid() -> int:
    """The PostgreSQL server process: the parent of this connection's backend."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        backend = cursor.fetchone()[0]
    return int(Path(f"/proc/{backend}/stat").read_text().rsplit(")", 1)[1].split()[1])


def run(name, app, paths, day, args, csrf, totals, rollups):
    """Load ``app`` and return (rate, p50, p99); check rows and rollup deltas.

    ``rollups`` says whether the app writes the rollups of each response.
    """
    port = free_port()
    process = serve(app, port, args.workers, [])
    try:
        # Warm up: gunicorn accepts before its workers have imported the app.
        _load(port, paths, day, args.warmup, args.clients, csrf)
        before = totals()
        roots = {"gunicorn": process.pid, "postgres": postmaster_pid()}
        cpu_before = cpu_seconds(roots)
        started = time.perf_counter()
        latencies, statuses = _load(port, paths, day, args.seconds, args.clients, csrf)
        wall = time.perf_counter() - started
        cpu_after = cpu_seconds(roots)
        after = totals()
    finally:
        process.terminate()
        process.wait()
    stored, daily, monthly, answers, profile = (
        a - b for a, b in zip(after, before, strict=True)
    )
    failed = len(statuses) - len(latencies)
    latencies.sort()
    rate = len(latencies) / wall
    p50 = statistics.median(latencies) * 1000
    p99 = latencies[int(len(latencies) * 0.99) - 1] * 1000
    print(
        f"{name:<30} {rate:8.1f} responses/s   p50 {p50:6.1f} ms   "
        f"p99 {p99:6.1f} ms   ({len(latencies)} stored, {failed} failed, "
        f"{stored} rows)"
    )
    per = 1000 / max(len(latencies), 1)  # ms per stored response
    cpu = {k: (cpu_after[k] - cpu_before[k]) * per for k in cpu_after}
    machine = (os.cpu_count() or 1) * wall * per
    print(
        f"{'':<30} CPU per response: gunicorn {cpu['gunicorn']:.2f} ms, PostgreSQL "
        f"{cpu['postgres']:.2f} ms, client {cpu['client']:.2f} ms; together "
        f"{sum(cpu.values()):.2f} of {machine:.2f} ms of the machine's CPUs"
    )
    print(
        f"{'':<30} rollups added: daily respondents {daily}, monthly respondents "
        f"{monthly}, daily answers {answers}, profile counts {profile}"
    )
    if stored != len(latencies) or failed:
        sys.exit(f"{name}: {len(latencies)} accepted but {stored} rows stored")
    # The bench form fills all five profile dimensions and all nine unsur.
    expected = (stored, stored, 9 * stored, 5 * stored) if rollups else (0, 0, 0, 0)
    if (daily, monthly, answers, profile) != expected:
        sys.exit(f"{name}: rollups do not match the {stored} responses stored")
    return rate, p50, p99


def rollups_match_responses() -> bool:
    """Whether every daily rollup row equals a GROUP BY of the stored responses."""
    from django.db import connection

    columns = ["respondents"] + [f"u{u}_{s}" for u in range(1, 10) for s in range(1, 5)]
    recount = ", ".join(
        ["count(*)"]
        + [
            f"count(*) FILTER (WHERE u{u} = {s})"
            for u in range(1, 10)
            for s in (1, 2, 3, 4)
        ]
    )
    sql = f"""
        SELECT count(*) FROM (
            (SELECT layanan_id, day, {", ".join(columns)} FROM surveys_dailycount
             EXCEPT
             SELECT layanan_id, service_date, {recount} FROM surveys_response
             GROUP BY layanan_id, service_date)
            UNION ALL
            (SELECT layanan_id, service_date, {recount} FROM surveys_response
             GROUP BY layanan_id, service_date
             EXCEPT
             SELECT layanan_id, day, {", ".join(columns)} FROM surveys_dailycount)
        ) AS differing
    """  # noqa: S608 (no input: column names built above)
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return cursor.fetchone()[0] == 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--warmup", type=float, default=3)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--services", type=int, default=100)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()
    django_setup()
    from django.utils import timezone

    from prima.organisations.models import Layanan

    pemda = city()
    # Citizens of many services at once; a single service would make every POST
    # wait for the same rollup row locks.
    pks = (
        Layanan.objects.filter(pemda=pemda).order_by("pk").values_list("pk", flat=True)
    )
    paths = [f"/s/l/{pk}/" for pk in pks[: args.services]]
    day = timezone.localdate().isoformat()
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")

    def totals() -> tuple[int, ...]:
        """Responses, then the rollup sums (daily and monthly respondents, daily
        answers over the 36 columns, profile counts)."""
        from django.db import connection

        answers = " + ".join(f"u{u}_{s}" for u in range(1, 10) for s in range(1, 5))
        sums = (
            "(SELECT count(*) FROM surveys_response),"  # noqa: S608 (no input)
            " (SELECT coalesce(sum(respondents), 0) FROM surveys_dailycount),"
            " (SELECT coalesce(sum(respondents), 0) FROM surveys_monthlycount),"
            f" (SELECT coalesce(sum({answers}), 0) FROM surveys_dailycount),"
            " (SELECT coalesce(sum(count), 0) FROM surveys_dailyprofilecount)"
        )
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {sums}")
            return tuple(int(v) for v in cursor.fetchone())

    print(
        f"{os.cpu_count()} CPUs; gunicorn -w {args.workers} (sync); "
        f"{args.clients} client threads for {args.seconds:g} s; POST to {len(paths)} services"
    )
    app = run(
        "Prima (Django form)", "config.wsgi", paths, day, args, True, totals, True
    )
    # The third baseline runs Prima's own statement text, so it differs from Prima
    # only by what Django and the form do around it.
    from prima.surveys.rollups import submission_fields, submission_sql

    sql, fields = submission_sql(), submission_fields()
    os.environ["PRIMA_SUBMIT_SQL"] = sql
    os.environ["PRIMA_SUBMIT_FIELDS"] = ",".join(f.attname for f in fields)
    statement = run(
        "bare WSGI, same statement",
        "bench.bare_wsgi:application_same_statement",
        paths,
        day,
        args,
        False,
        totals,
        True,
    )
    same = run(
        "bare WSGI, same writes",
        "bench.bare_wsgi:application_same_writes",
        paths,
        day,
        args,
        False,
        totals,
        True,
    )
    # Before the single-INSERT baseline, which stores responses without rollups.
    consistent = rollups_match_responses()
    print(
        "daily rollups of every service and day equal a GROUP BY of the responses "
        f"(Prima, same-statement and same-writes runs, warm-ups included): {'yes' if consistent else 'NO'}"
    )
    single = run(
        "bare WSGI, single INSERT",
        "bench.bare_wsgi:application",
        paths,
        day,
        args,
        False,
        totals,
        False,
    )
    for label, (rate, p50, p99) in (
        ("bare same statement", statement),
        ("bare same writes", same),
        ("bare single INSERT", single),
    ):
        ratio = app[0] / rate
        verdict = "met" if ratio >= 0.5 else "NOT met"
        print(
            f"Prima / {label:<19}: {ratio:5.2f}x throughput (goal >= 0.5x: {verdict}), "
            f"p50 {app[1] / p50:5.1f}x, p99 {app[2] / p99:5.1f}x"
        )
    if not consistent:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
