"""Count the SQL queries of one citizen-form POST and show where its time goes.

    scripts/with-postgres .venv/bin/python bench/intake_queries.py [--posts 300]

Posts the form of ``/s/l/<layanan>/`` in-process with Django's test client (no
gunicorn, no HTTP; CSRF checks off, everything else as served), to ``--services``
services in turn. Prints the queries of one POST (to a unit whose questionnaire is
cached, and the first to another unit), then the time per POST spent in
each kind of query (wall time in the database driver, measured with an
``execute_wrapper``), and the functions with the most own time under cProfile.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import re
import sys
import time
from collections import defaultdict

from _setup import city, django_setup
from intake_bench import form_body


def _kind(sql: str) -> str:
    """Return a short label of a statement: its verb and first table."""
    sql = " ".join(sql.split())
    verb = re.match(r"(RELEASE SAVEPOINT|SAVEPOINT|ROLLBACK|SELECT|INSERT|UPDATE)", sql)
    table = re.search(r'(?:FROM|INTO|UPDATE) "?(\w+)"?', sql)
    label = verb.group(1) if verb else sql[:20]
    return f"{label} {table.group(1)}" if table else label


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=300)
    parser.add_argument("--services", type=int, default=100)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
    django_setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from prima.organisations.models import Layanan
    from prima.surveys.models import Response

    pemda = city()
    pks = list(
        Layanan.objects.filter(pemda=pemda, active=True)
        .order_by("pk")
        .values_list("pk", flat=True)[: args.services]
    )
    day = timezone.localdate().isoformat()
    client = Client()
    content = "application/x-www-form-urlencoded"

    def post(pk: int):
        response = client.post(f"/s/l/{pk}/", form_body(day, None), content)
        assert response.status_code in (302, 303), response.status_code
        return response

    for pk in pks[:20]:  # warm up: imports, templates, translations
        post(pk)
    # The questionnaire and the extra questions are cached per unit: the first POST
    # to a unit in a process loads them, later ones do not.
    for label, pk in (
        ("questionnaire cached", pks[0]),
        ("first POST to its unit", pks[-1]),
    ):
        with CaptureQueriesContext(connection) as captured:
            post(pk)
        print(
            f"queries of one POST to /s/l/<pk>/ ({label}): "
            f"{len(captured.captured_queries)}"
        )
        for i, query in enumerate(captured.captured_queries, 1):
            print(f"  {i:2}. {_kind(query['sql'])}")

    started = time.perf_counter()
    for i in range(args.posts):
        post(pks[i % len(pks)])
    plain = (time.perf_counter() - started) / args.posts
    print(f"\n{args.posts} POSTs in-process, no profiler: {plain * 1000:.2f} ms each")

    spent: dict[str, float] = defaultdict(float)
    calls: dict[str, int] = defaultdict(int)

    def timer(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            kind = _kind(sql)
            spent[kind] += time.perf_counter() - started
            calls[kind] += 1

    before = Response.objects.count()
    profiler = cProfile.Profile()
    started = time.perf_counter()
    with connection.execute_wrapper(timer):
        profiler.enable()
        for i in range(args.posts):
            post(pks[i % len(pks)])
        profiler.disable()
    wall = time.perf_counter() - started
    assert Response.objects.count() - before == args.posts
    n = args.posts
    sql_total = sum(spent.values())
    print(
        f"\n{n} POSTs in-process (under cProfile): {wall / n * 1000:.2f} ms each, "
        f"of which SQL {sql_total / n * 1000:.2f} ms "
        f"({sum(calls.values()) / n:.1f} statements)"
    )
    print("time per POST by statement (driver wall time):")
    for kind, seconds in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"  {seconds / n * 1000:6.3f} ms  {calls[kind] / n:4.1f}x  {kind}")
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("cumulative")
    print("\ncProfile: what the view and the service call, cumulative per POST")
    stats.print_callees(
        r"intake_views.py:\d+\(_survey\)|services.py:\d+\(response_submit\)"
    )
    stats.print_callees(r"intake_views.py:\d+\(survey_service\)")
    stats.print_callees(r"handlers/base.py:\d+\(_get_response\)")
    stats.sort_stats("tottime").print_stats(20)
    print(out.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
