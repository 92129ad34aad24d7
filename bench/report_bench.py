"""Time the Pemda-wide year report on rollups against scanning the raw responses.

    scripts/with-postgres .venv/bin/python bench/report_bench.py [--responses N]

Generates N responses (default 10 million) directly in PostgreSQL with
``generate_series``, then the matching ``surveys_dailycount`` rows aggregated from
them and the ``surveys_monthlycount`` rows aggregated from those, and prints how long
that took. Then times the year report as the app computes it
(``selectors.scope_result`` for the Pemda plus ``selectors.results_by`` per unit, from
the rollups) against the same numbers computed by aggregating ``surveys_response``
directly, prints both with their ratio, and checks the two agree exactly. It does so
for the last 365 days (whole months from the monthly rollups, the days at either end
from the daily ones) and for the calendar year so far (whole months only).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import timedelta

from _setup import city, django_setup

# S608: the SQL below is assembled from column names and constants built in this
# module; every value comes in as a query parameter.

SCORES = (1, 2, 3, 4)


def _score(column: int) -> str:
    """Return SQL for a deterministic, skewed score 1–4 of row ``g`` and ``column``.

    Unit-dependent: a unit whose id is divisible by 7 is weak on this unsur.
    """
    h = f"mod(hashint4(g * 16 + {column}) & 2147483647, 100)"
    weak = f"(mod(l.units[1 + mod(g, l.n)], 7) = {column % 7})"
    return (
        f"CASE WHEN {weak} THEN 1 + mod({h}, 3) "
        f"WHEN {h} < 3 THEN 1 WHEN {h} < 15 THEN 2 WHEN {h} < 65 THEN 3 ELSE 4 END"
    )


def generate(pemda, responses: int, first_day) -> float:
    """Insert the raw responses and their daily and monthly rollups; return seconds."""
    from django.db import connection

    scores = ", ".join(_score(i) for i in range(1, 10))
    counts = ", ".join(
        f"count(*) FILTER (WHERE r.u{i} = {s})" for i in range(1, 10) for s in SCORES
    )
    count_columns = ", ".join(f"u{i}_{s}" for i in range(1, 10) for s in SCORES)
    count_sums = ", ".join(f"sum(u{i}_{s})" for i in range(1, 10) for s in SCORES)
    started = time.perf_counter()
    with connection.cursor() as cursor:
        # A bulk load: skip the per-row foreign-key triggers (the ids are taken
        # from the tables they reference).
        cursor.execute("SET session_replication_role = replica")
        cursor.execute(
            f"""
            WITH l AS (
                SELECT array_agg(id ORDER BY id) AS ids,
                       array_agg(unit_id ORDER BY id) AS units,
                       count(*)::int AS n
                FROM organisations_layanan WHERE pemda_id = %(pemda)s
            )
            INSERT INTO surveys_response (
                pemda_id, unit_id, layanan_id, channel, service_date, submitted_at,
                idempotency_key, gender, age, education, occupation,
                u1, u2, u3, u4, u5, u6, u7, u8, u9, suggestion
            )
            SELECT %(pemda)s, l.units[1 + mod(g, l.n)], l.ids[1 + mod(g, l.n)],
                   (ARRAY['online', 'kiosk', 'paper'])[1 + mod(g, 3)],
                   %(first)s::date + mod(g / l.n, 365),
                   (%(first)s::date + mod(g / l.n, 365)) + time '09:00',
                   md5(g::text)::uuid,
                   (ARRAY['L', 'P', ''])[1 + mod(g, 3)], 17 + mod(g, 59),
                   'sma', 'swasta', {scores}, ''
            FROM generate_series(1, %(n)s) AS g, l
            """,  # noqa: S608
            {"pemda": pemda.pk, "n": responses, "first": first_day},
        )
        cursor.execute(
            f"""
            INSERT INTO surveys_dailycount (
                pemda_id, opd_id, unit_id, layanan_id, day, respondents, {count_columns}
            )
            SELECT r.pemda_id, u.opd_id, r.unit_id, r.layanan_id, r.service_date,
                   count(*), {counts}
            FROM surveys_response r JOIN organisations_unit u ON u.id = r.unit_id
            WHERE r.pemda_id = %(pemda)s
            GROUP BY r.pemda_id, u.opd_id, r.unit_id, r.layanan_id, r.service_date
            """,  # noqa: S608
            {"pemda": pemda.pk},
        )
        # The monthly rollups are the daily ones summed per service and month (a
        # service belongs to one unit, OPD and Pemda, so those are constant per group).
        cursor.execute(
            f"""
            INSERT INTO surveys_monthlycount (
                pemda_id, opd_id, unit_id, layanan_id, month, respondents,
                {count_columns}
            )
            SELECT min(d.pemda_id), min(d.opd_id), min(d.unit_id), d.layanan_id,
                   date_trunc('month', d.day)::date, sum(d.respondents), {count_sums}
            FROM surveys_dailycount d
            WHERE d.pemda_id = %(pemda)s
            GROUP BY d.layanan_id, date_trunc('month', d.day)
            """,  # noqa: S608
            {"pemda": pemda.pk},
        )
        cursor.execute("SET session_replication_role = DEFAULT")
        cursor.execute("ANALYZE surveys_response")
        cursor.execute("ANALYZE surveys_dailycount")
        cursor.execute("ANALYZE surveys_monthlycount")
    return time.perf_counter() - started


def report(pemda, period):
    """Return the report as the app computes it: Pemda result and per-unit results,
    from one grouped read of the rollups (``selectors.results_with_total``)."""
    from prima.surveys import selectors

    return selectors.results_with_total(period, pemda=pemda, group="unit")


def scan(pemda, period):
    """Return the same report computed from the raw responses in one scan."""
    from django.db import connection

    from prima.surveys import ikm

    counts = ", ".join(
        f"count(*) FILTER (WHERE u{i} = {s})" for i in range(1, 10) for s in SCORES
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            SELECT unit_id, {counts} FROM surveys_response
            WHERE pemda_id = %s AND service_date BETWEEN %s AND %s
            GROUP BY unit_id
            """,  # noqa: S608
            [pemda.pk, period.start, period.end],
        )
        rows = cursor.fetchall()
    per_unit_counts = {}
    for unit_id, *values in rows:
        per_unit_counts[unit_id] = {
            u: ikm.ScoreCounts(*values[i * 4 : i * 4 + 4])
            for i, u in enumerate(ikm.CODE_ORDER)
        }
    total = ikm.compute(ikm.add_counts(*per_unit_counts.values()))
    per_unit = {pk: ikm.compute(c) for pk, c in per_unit_counts.items()}
    return total, per_unit


def timed(fn, *args, repeat: int):
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn(*args)
        times.append(time.perf_counter() - started)
    return result, statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--responses", type=int, default=10_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    django_setup()
    from django.db import connection
    from django.utils import timezone

    from prima.core.periods import Period, PeriodKind, period_containing

    pemda = city()
    today = timezone.localdate()
    yesterday = today - timedelta(days=1)
    rolling = Period(today - timedelta(days=365), yesterday)
    calendar = period_containing(yesterday, PeriodKind.TAHUN)
    print(f"PostgreSQL {connection.cursor().connection.info.server_version}")
    seconds = generate(pemda, args.responses, rolling.start)
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM surveys_dailycount")
        daily_rows = cursor.fetchone()[0]
        cursor.execute("SELECT count(*) FROM surveys_monthlycount")
        monthly_rows = cursor.fetchone()[0]
    print(
        f"generated {args.responses:,} responses, {daily_rows:,} daily and "
        f"{monthly_rows:,} monthly rollup rows in {seconds:.1f} s"
    )
    ok = True
    for label, period in (
        (f"last 365 days {rolling.start}..{rolling.end}", rolling),
        (f"calendar year {calendar.start}..{calendar.end}", calendar),
    ):
        report(pemda, period)  # warm up: connection, caches
        (total, per_unit), report_s = timed(report, pemda, period, repeat=args.repeat)
        (scan_total, scan_units), scan_s = timed(
            scan, pemda, period, repeat=args.repeat
        )
        agree = total == scan_total and per_unit == scan_units
        ok = ok and agree
        print(f"-- {label}")
        print(
            f"year report from rollups:  {report_s * 1000:9.1f} ms (median of "
            f"{args.repeat})"
        )
        print(f"same from raw responses:   {scan_s * 1000:9.1f} ms")
        print(f"ratio scan / rollups:      {scan_s / report_s:9.1f}x")
        print(
            f"Pemda IKM {total.ikm_display} ({total.mutu}), "
            f"n = {total.respondents:,}, {len(per_unit)} units; "
            f"results agree: {agree}"
        )
        print(f"target < 100 ms: {'met' if report_s < 0.1 else 'NOT met'}")
        if period is rolling:
            ok = ok and total.respondents == args.responses
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
