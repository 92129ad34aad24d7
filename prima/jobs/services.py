"""Starting and running background jobs. A job writes its file row by row to a
temporary file on disk, so memory stays flat whatever the number of rows, and
records its progress every ``PROGRESS_EVERY`` rows for the progress page."""

from __future__ import annotations

import csv
import logging
import tempfile
import uuid

from django.core.files import File
from django.db import transaction
from django.utils import timezone

from prima.complaints.models import Case
from prima.complaints.models import Kind as CaseKind
from prima.complaints.models import Status as CaseStatus
from prima.core.roles import VIEW, Area
from prima.core.scoping import pemdas_where
from prima.jobs.models import Job
from prima.organisations.models import Pemda, Unit
from prima.reports.xlsx import safe_text
from prima.surveys.imports import ImportRefused, responses_import
from prima.surveys.models import Response
from prima.surveys.reporting import CSV_HEADER, csv_rows

logger = logging.getLogger(__name__)
PROGRESS_EVERY = 5000


# Which grant, held at Pemda level, lets a user export each kind of file.
KIND_AREAS = {Job.Kind.SKM_ANSWERS: Area.SURVEY, Job.Kind.COMPLAINTS: Area.COMPLAINTS}


def export_pemdas(user, kind: str | None = None):
    """Return the Pemda whose whole data of ``kind`` the user may export (a
    Pemda-level grant of its area; any kind when None; every Pemda for the platform
    operator)."""
    kinds = [kind] if kind else list(KIND_AREAS)
    reaches = [pemdas_where(user, KIND_AREAS[name], VIEW) for name in kinds]
    if any(reach.everywhere for reach in reaches):
        return Pemda.objects.order_by("name")
    ids = set().union(*(reach.ids for reach in reaches))
    return Pemda.objects.filter(pk__in=ids).order_by("name")


def export_kinds(user) -> list[tuple[str, str]]:
    """Return the kinds of export the user may start somewhere."""
    return [
        (kind.value, kind.label)
        for kind in KIND_AREAS
        if export_pemdas(user, kind).exists()
    ]


def job_start(
    *, owner, pemda: Pemda, year: int, kind: str = Job.Kind.SKM_ANSWERS
) -> Job:
    """Record the job and queue it once the record is committed."""
    from prima.jobs.tasks import run_job

    job = Job.objects.create(owner=owner, pemda=pemda, kind=kind, year=year)
    transaction.on_commit(lambda: run_job.enqueue(job.pk))
    return job


def _answers(job: Job):
    return Response.objects.filter(pemda=job.pemda, service_date__year=job.year)


def _cases(job: Job):
    return Case.objects.filter(pemda=job.pemda, received_at__year=job.year)


#: The complaint list's columns: what the case is and how it was handled, without
#: the citizen's name, contacts, description or tracking code.
COMPLAINT_HEADER = [
    "nomor",
    "diterima",
    "jenis",
    "opd",
    "unit",
    "layanan",
    "perihal",
    "status",
    "batas_jawaban",
    "dijawab",
    "tepat_waktu",
    "ditutup",
    "penilaian",
    "dibuka_ulang",
]


def _day(moment):
    return timezone.localtime(moment).date().isoformat() if moment else ""


def complaint_rows(cases):
    """Yield COMPLAINT_HEADER rows of ``cases``, oldest first, in constant memory."""
    kinds, statuses = dict(CaseKind.choices), dict(CaseStatus.choices)
    rows = cases.order_by("received_at", "pk").values_list(
        "pk", "received_at", "kind", "unit__opd__name", "unit__name", "layanan__name",
        "subject", "status", "answer_due", "answered_at", "closed_at", "rating",
        "reopen_count",
    )  # fmt: skip
    for (pk, received, kind, opd, unit, layanan, subject, status, due, answered,
         closed, rating, reopened) in rows.iterator(chunk_size=2000):  # fmt: skip
        on_time = ""
        if answered and due:
            on_time = "ya" if timezone.localtime(answered).date() <= due else "tidak"
        yield [
            pk, _day(received), str(kinds.get(kind, kind)), opd or "", unit or "",
            layanan or "", subject, str(statuses.get(status, status)),
            due.isoformat() if due else "", _day(answered), on_time, _day(closed),
            rating or "", reopened,
        ]  # fmt: skip


EXPORTS = {
    Job.Kind.SKM_ANSWERS: ("skm", _answers, CSV_HEADER, csv_rows),
    Job.Kind.COMPLAINTS: ("pengaduan", _cases, COMPLAINT_HEADER, complaint_rows),
}


# How many bad cells an import job keeps to show; the count says if there were more.
KEPT_PROBLEMS = 500


def import_start(*, owner, unit: Unit, upload) -> Job:
    """Store the uploaded paper-form file and queue its import into ``unit``."""
    from prima.jobs.tasks import run_job

    job = Job(
        owner=owner,
        pemda_id=unit.pemda_id,
        unit=unit,
        kind=Job.Kind.SKM_IMPORT,
        year=timezone.localdate().year,
        filename=(upload.name or "")[:120],
    )
    job.source.save(f"{uuid.uuid4().hex}.bin", upload, save=False)
    job.save()
    transaction.on_commit(lambda: run_job.enqueue(job.pk))
    return job


def _run_import(job: Job) -> None:
    """Import every row of the job's file, or none (``responses_import``), and keep
    the counts or the bad cells; the uploaded file is removed afterwards."""
    with job.source.open("rb") as handle:
        data = handle.read()
    try:
        result = responses_import(
            unit=job.unit, name=job.filename, data=data, large=True
        )
    except ImportRefused as exc:
        problems, failed = [{"row": "", "column": "", "message": str(exc)}], True
        result = None
    else:
        problems = [
            {"row": e.row, "column": e.column, "message": str(e.reason)}
            for e in result.errors[:KEPT_PROBLEMS]
        ]
        failed = not result.ok
    job.source.delete(save=False)
    Job.objects.filter(pk=job.pk).update(
        status=Job.Status.FAILED if failed else Job.Status.DONE,
        source="",
        total=result.rows if result else 0,
        done=result.rows if result and result.ok else 0,
        imported=result.imported if result else 0,
        already=result.already if result else 0,
        problems=problems,
        error=str(len(result.errors)) if result and result.errors else "",
        finished_at=timezone.now(),
    )


def job_run(job_id: int) -> None:
    """Run the job: an import, or an export written as CSV; a failure is recorded
    on the job for its owner."""
    job = Job.objects.select_related("unit", "pemda").get(pk=job_id)
    if job.kind == Job.Kind.SKM_IMPORT:
        Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING)
        _run_import(job)
        return
    stem, source, header, rows_of = EXPORTS[job.kind]
    items = source(job)
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING, total=items.count())
    try:
        with tempfile.TemporaryFile("w+b") as handle:
            _write_csv(job, header, rows_of(items), handle)
            handle.seek(0)
            name = f"{stem}-{job.pemda.slug}-{job.year}.csv"
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


def _write_csv(job: Job, header, rows, handle) -> None:
    handle.write("\ufeff".encode())  # a BOM, so spreadsheets read UTF-8
    writer = csv.writer(_Utf8(handle))
    writer.writerow(header)
    done = 0
    for row in rows:
        writer.writerow([safe_text(value) for value in row])
        done += 1
        if done % PROGRESS_EVERY == 0:
            Job.objects.filter(pk=job.pk).update(done=done)
    Job.objects.filter(pk=job.pk).update(done=done)
