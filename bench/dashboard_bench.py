"""Time the leadership dashboard on the rollups against the same SKM figures from
the raw responses.

    scripts/with-postgres .venv/bin/python bench/dashboard_bench.py [--responses N]

Generates N responses (default 10 million) as ``report_bench.py`` does, then times
``prima.dashboard.selectors.dashboard`` for the whole Pemda on the last closed
triwulan (every tile: IKM and its 8-period trend, the OPD × unsur heat map, the lowest
units with their RTL and innovations, sample adequacy, RTL, complaints, coverage) and,
for comparison, the SKM part of it (the Pemda's IKM for the 8 trend periods, per OPD
and per unit for the last one) computed by grouped scans of ``surveys_response``.
Prints both, their ratio, and whether the dashboard met its 300 ms target.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import timedelta

from _setup import city, django_setup

SCORES = (1, 2, 3, 4)


def scan_figures(pemda, periods):
    """The Pemda's IKM per trend period, and per OPD and unit in the last, from raw
    responses (one grouped scan per period)."""
    from django.db import connection

    from prima.surveys import ikm

    counts = ", ".join(
        f"count(*) FILTER (WHERE u{i} = {s})" for i in range(1, 10) for s in SCORES
    )
    trend, per_opd, per_unit = [], {}, {}
    for period in periods:
        with connection.cursor() as cursor:
            cursor.execute(
                f"""
                SELECT r.unit_id, u.opd_id, {counts} FROM surveys_response r
                JOIN organisations_unit u ON u.id = r.unit_id
                WHERE r.pemda_id = %s AND r.service_date BETWEEN %s AND %s
                GROUP BY r.unit_id, u.opd_id
                """,  # noqa: S608 - column names built above, values as parameters
                [pemda.pk, period.start, period.end],
            )
            rows = cursor.fetchall()
        units = {}
        opds: dict[int, list] = {}
        for unit_id, opd_id, *values in rows:
            unit_counts = {
                u: ikm.ScoreCounts(*values[i * 4 : i * 4 + 4])
                for i, u in enumerate(ikm.CODE_ORDER)
            }
            units[unit_id] = unit_counts
            opds.setdefault(opd_id, []).append(unit_counts)
        trend.append(ikm.compute(ikm.add_counts(*units.values())) if units else None)
        if period is periods[-1]:
            per_unit = {pk: ikm.compute(c) for pk, c in units.items()}
            per_opd = {pk: ikm.compute(ikm.add_counts(*c)) for pk, c in opds.items()}
    return trend, per_opd, per_unit


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
    from django.contrib.auth import get_user_model
    from django.utils import timezone
    from report_bench import generate

    from prima.core.periods import previous
    from prima.dashboard import selectors

    pemda = city()
    today = timezone.localdate()
    seconds = generate(pemda, args.responses, today - timedelta(days=365))
    print(f"generated {args.responses:,} responses in {seconds:.1f} s")
    user = get_user_model().objects.create(
        username="bench-dashboard", is_superuser=True
    )
    scope = selectors.DashboardScope(pemda)
    period = selectors.closed_periods(pemda, today)[0]
    trend = [period]
    while len(trend) < selectors.TREND_PERIODS:
        trend.insert(0, previous(trend[0]))
    selectors.dashboard(user, scope, period, today)  # warm up
    board, dashboard_s = timed(
        selectors.dashboard, user, scope, period, today, repeat=args.repeat
    )
    (scan_trend, _opds, _units), scan_s = timed(
        scan_figures, pemda, trend, repeat=args.repeat
    )
    agree = board.ikm is not None and board.ikm.result == scan_trend[-1]
    print(f"-- dashboard of {pemda.name}, {period.label}")
    print(f"dashboard from rollups: {dashboard_s * 1000:9.1f} ms (median)")
    print(f"SKM figures from raw:   {scan_s * 1000:9.1f} ms")
    print(f"ratio raw / dashboard:  {scan_s / dashboard_s:9.1f}x")
    print(f"Pemda IKM agrees with the raw scan: {agree}")
    print(f"target < 300 ms: {'met' if dashboard_s < 0.3 else 'NOT met'}")
    return 0 if agree else 1


if __name__ == "__main__":
    sys.exit(main())
