"""Role × scope rows of background jobs: Pemda-level survey roles start exports of
their Pemda; a job (here the Pemda administrator's, done) is its owner's alone."""

from __future__ import annotations

from tests.access import LOGIN, Case, profile

EXPORTERS = profile(
    403,
    anonymous=LOGIN,
    admin_pemda=200,
    evaluator=200,
    mentor=200,
    pimpinan=200,
    other_pemda_admin=200,
    superuser=200,
)
OWNER_ONLY = profile(404, anonymous=LOGIN, admin_pemda=200)


def _job(org) -> dict:
    from django.contrib.auth import get_user_model
    from django.core.files.base import ContentFile

    from prima.jobs.models import Job

    owner = get_user_model().objects.get(username="admin_pemda")
    job = Job.objects.create(
        owner=owner, pemda=org.pemda, kind="skm_answers", year=2025, status="done"
    )
    job.file.save("skm.csv", ContentFile(b"tanggal\n"), save=False)
    job.filename = "skm.csv"
    job.save()
    return {"pk": job.pk}


CASES = [
    Case("jobs:list", expected=EXPORTERS),
    # An empty form is refused with its errors (400), nothing stored.
    Case(
        "jobs:start",
        expected={k: (400 if v == 200 else v) for k, v in EXPORTERS.items()},
        method="post",
    ),
    Case("jobs:detail", _job, OWNER_ONLY),
    Case("jobs:download", _job, OWNER_ONLY),
]
