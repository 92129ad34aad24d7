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
    # Every staff member lists their own jobs; the export form is for exporters.
    Case("jobs:list", expected=profile(200, anonymous=LOGIN, no_role=403)),
    # An empty form is refused with its errors (400), nothing stored.
    Case(
        "jobs:start",
        expected={k: (400 if v == 200 else v) for k, v in EXPORTERS.items()},
        method="post",
    ),
    Case("jobs:detail", _job, OWNER_ONLY),
    # An empty upload is refused (400) for those who change the unit's survey.
    Case(
        "jobs:import_start",
        lambda org: {"unit_pk": org.unit.pk},
        profile(
            404,
            anonymous=LOGIN,
            admin_pemda=400,
            admin_opd=400,
            operator_unit=400,
            petugas_loket=403,
            evaluator=403,
            mentor=403,
            pimpinan=403,
            superuser=400,
        ),
        method="post",
    ),
    Case("jobs:download", _job, OWNER_ONLY),
]
