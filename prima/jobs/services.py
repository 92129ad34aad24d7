"""Starting and running background jobs. A job writes its file row by row to a
temporary file on disk, so memory stays flat whatever the number of rows, and
records its progress every ``PROGRESS_EVERY`` rows for the progress page."""

from __future__ import annotations

import csv
import logging
import tempfile

from django.core.files import File
from django.db import transaction
from django.utils import timezone

from prima.core.roles import VIEW, Area
from prima.core.scoping import pemdas_where
from prima.jobs.models import Job
from prima.organisations.models import Pemda
from prima.reports.xlsx import safe_text
from prima.surveys.models import Response
from prima.surveys.reporting import CSV_HEADER, csv_rows

logger = logging.getLogger(__name__)
PROGRESS_EVERY = 5000


def export_pemdas(user):
    """Return the Pemda whose whole SKM the user may export (a Pemda-level survey
    grant; every Pemda for the platform operator)."""
    return Pemda.objects.filter(pemdas_where(user, Area.SURVEY, VIEW).q("pk")).order_by(
        "name"
    )


def job_start(*, owner, pemda: Pemda, year: int) -> Job:
    """Record the job and queue it once the record is committed."""
    from prima.jobs.tasks import run_job

    job = Job.objects.create(
        owner=owner, pemda=pemda, kind=Job.Kind.SKM_ANSWERS, year=year
    )
    transaction.on_commit(lambda: run_job.enqueue(job.pk))
    return job


def _answers(job: Job):
    return Response.objects.filter(pemda=job.pemda, service_date__year=job.year)


def job_run(job_id: int) -> None:
    """Write the job's CSV; a failure is recorded on the job for its owner."""
    job = Job.objects.get(pk=job_id)
    answers = _answers(job)
    Job.objects.filter(pk=job.pk).update(
        status=Job.Status.RUNNING, total=answers.count()
    )
    try:
        with tempfile.TemporaryFile("w+b") as handle:
            _write_csv(job, answers, handle)
            handle.seek(0)
            name = f"skm-{job.pemda.slug}-{job.year}.csv"
            job.file.save(name, File(handle), save=False)
    except Exception as exc:
        logger.exception("job %s failed", job.pk)
        Job.objects.filter(pk=job.pk).update(
            status=Job.Status.FAILED, error=str(exc)[:500], finished_at=timezone.now()
        )
        raise
    Job.objects.filter(pk=job.pk).update(
        status=Job.Status.DONE,
        file=job.file.name,
        filename=name,
        finished_at=timezone.now(),
    )


class _Utf8:
    """A text sink over a binary file: csv writes text, the file keeps UTF-8 bytes."""

    def __init__(self, handle) -> None:
        self.handle = handle

    def write(self, text: str) -> None:
        self.handle.write(text.encode("utf-8"))


def _write_csv(job: Job, answers, handle) -> None:
    handle.write("\ufeff".encode())  # a BOM, so spreadsheets read UTF-8
    writer = csv.writer(_Utf8(handle))
    writer.writerow(CSV_HEADER)
    done = 0
    for row in csv_rows(answers):
        writer.writerow([safe_text(value) for value in row])
        done += 1
        if done % PROGRESS_EVERY == 0:
            Job.objects.filter(pk=job.pk).update(done=done)
    Job.objects.filter(pk=job.pk).update(done=done)
