"""Tasks of the queue (django-tasks; the database backend in production, run
inline in tests): each only calls its service."""

from __future__ import annotations

from django_tasks import task

from prima.jobs import services


@task()
def run_job(job_id: int) -> None:
    services.job_run(job_id)
