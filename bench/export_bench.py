"""Time the background export of a Pemda-year's SKM answers and measure its memory.

    scripts/with-postgres .venv/bin/python bench/export_bench.py [--responses N]

Generates N responses (default 1 million) over the last 365 days as
``report_bench.py`` does, then exports the calendar year's answers with the
background job's own code (``prima.jobs.services.job_run``: the CSV in the paper
import's columns, written row by row) in a child process, and reports its time, rows
per second and peak resident memory (``ru_maxrss``). For comparison, another child
copies the same rows with PostgreSQL's ``COPY (SELECT …) TO STDOUT`` into a file, the
fastest a CSV can leave the database. Exit status 1 when the export's peak memory is
200 MB or more, or when it wrote another number of rows than COPY.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from _setup import city, django_setup

LIMIT_MB = 200


def _peak_mb() -> float:
    # Linux reports ru_maxrss in kilobytes.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_export(job_id: int) -> None:
    """Run one export job; print seconds, rows and peak memory."""
    django_setup()
    from prima.jobs.models import Job
    from prima.jobs.services import job_run

    started = time.perf_counter()
    job_run(job_id)
    seconds = time.perf_counter() - started
    job = Job.objects.get(pk=job_id)
    print(f"{seconds} {job.done} {_peak_mb()}")
    job.file.delete(save=False)


def child_copy(pemda_id: int, year: int) -> None:
    """COPY the same answers to a temporary file; print seconds, rows, peak memory."""
    django_setup()
    from django.db import connection

    sql = (
        "COPY (SELECT r.service_date, l.code, l.name, r.channel, r.gender, r.age,"
        " r.education, r.occupation, r.u1, r.u2, r.u3, r.u4, r.u5, r.u6, r.u7, r.u8,"
        " r.u9, r.suggestion FROM surveys_response r"
        " JOIN organisations_layanan l ON l.id = r.layanan_id"
        " WHERE r.pemda_id = %s AND extract(year FROM r.service_date) = %s"
        " ORDER BY r.service_date, r.id) TO STDOUT WITH (FORMAT csv, HEADER)"
    )
    rows = 0
    started = time.perf_counter()
    connection.ensure_connection()
    with (
        tempfile.TemporaryFile() as handle,
        connection.connection.cursor() as raw,
        raw.copy(sql, [pemda_id, year]) as copy,
    ):
        for data in copy:
            handle.write(data)
            rows += bytes(data).count(b"\n")
    seconds = time.perf_counter() - started
    print(f"{seconds} {rows - 1} {_peak_mb()}")  # less the header line


def _run_child(*args: str) -> tuple[float, int, float]:
    output = subprocess.run(
        [sys.executable, __file__, *args],
        check=True,
        capture_output=True,
        text=True,
        env=os.environ.copy(),
    ).stdout.split()
    seconds, rows, peak = output[-3:]
    return float(seconds), int(rows), float(peak)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--responses", type=int, default=1_000_000)
    parser.add_argument("--child-export", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--child-copy", nargs=2, type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_export:
        child_export(args.child_export)
        return 0
    if args.child_copy:
        child_copy(*args.child_copy)
        return 0
    os.environ.setdefault("DJANGO_MEDIA_ROOT", tempfile.mkdtemp(prefix="prima-bench-"))
    django_setup()
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from prima.jobs.models import Job

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from report_bench import generate

    pemda = city()
    today = timezone.localdate()
    seconds = generate(pemda, args.responses, today - timedelta(days=365))
    print(f"generated {args.responses:,} responses in {seconds:.1f} s")
    owner = get_user_model().objects.create(username="bench-export")
    year = (today - timedelta(days=1)).year
    job = Job.objects.create(owner=owner, pemda=pemda, kind="skm_answers", year=year)
    export_s, export_rows, export_mb = _run_child("--child-export", str(job.pk))
    copy_s, copy_rows, copy_mb = _run_child("--child-copy", str(pemda.pk), str(year))
    print(f"-- the SKM answers of {pemda.name} in {year}: {export_rows:,} rows")
    print(
        f"background export (job_run): {export_s:8.1f} s, "
        f"{export_rows / export_s:,.0f} rows/s, peak RSS {export_mb:.0f} MB"
    )
    print(
        f"PostgreSQL COPY TO STDOUT:   {copy_s:8.1f} s, "
        f"{copy_rows / copy_s:,.0f} rows/s, peak RSS {copy_mb:.0f} MB"
    )
    print(f"ratio export / COPY:         {export_s / copy_s:8.1f}x")
    ok = export_mb < LIMIT_MB and export_rows == copy_rows
    print(f"peak RSS < {LIMIT_MB} MB: {'met' if export_mb < LIMIT_MB else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
