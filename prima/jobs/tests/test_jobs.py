"""Background exports: started by a Pemda-level survey role, written row by row with
progress, downloadable by their owner only; on the real database queue too."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from prima.jobs import services
from prima.jobs.models import Job
from prima.surveys.testing import submit_four, submit_scores

pytestmark = pytest.mark.django_db

DAY = date(2025, 3, 4)


def _rows(job: Job) -> list[list[str]]:
    with job.file.open("rb") as handle:
        text = handle.read().decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_the_export_writes_every_answer_of_the_year_with_progress(
    org, users, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr(services, "PROGRESS_EVERY", 2)
    submit_four(org.layanan, day=DAY)
    submit_four(org.other_opd_layanan, day=DAY)
    submit_scores(org.layanan, [3] * 9, day=date(2024, 12, 31), suggestion="lain")
    submit_scores(org.other_pemda_layanan, [3] * 9, day=DAY, suggestion="=HYPERLINK(1)")
    with django_capture_on_commit_callbacks(execute=True):
        job = services.job_start(owner=users["admin_pemda"], pemda=org.pemda, year=2025)
    job.refresh_from_db()
    assert (job.status, job.total, job.done, job.percent) == ("done", 8, 8, 100)
    rows = _rows(job)
    assert rows[0][:2] == ["tanggal", "kode_layanan"]
    assert len(rows) == 9
    assert {row[0] for row in rows[1:]} == {"2025-03-04"}


def test_a_suggestion_that_looks_like_a_formula_is_neutralised(
    org, users, django_capture_on_commit_callbacks
):
    submit_scores(org.layanan, [3] * 9, day=DAY, suggestion="=HYPERLINK(1)")
    with django_capture_on_commit_callbacks(execute=True):
        job = services.job_start(owner=users["admin_pemda"], pemda=org.pemda, year=2025)
    job.refresh_from_db()
    assert _rows(job)[1][-1] == "'=HYPERLINK(1)"


def test_pages_are_for_pemda_level_survey_roles_and_a_job_for_its_owner(
    client, org, users, django_capture_on_commit_callbacks
):
    submit_four(org.layanan, day=DAY)
    client.force_login(users["admin_opd"])  # lists its jobs; exports nothing
    assert 'name="kind"' not in client.get(reverse("jobs:list")).content.decode()
    client.force_login(users["pimpinan"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("jobs:start"),
            {"kind": "skm_answers", "pemda": org.pemda.slug, "year": "2025"},
        )
    job = Job.objects.get()
    assert response.url == reverse("jobs:detail", kwargs={"pk": job.pk})
    page = client.get(response.url).content.decode()
    assert 'id="job-download"' in page and 'http-equiv="refresh"' not in page
    download = client.get(reverse("jobs:download", kwargs={"pk": job.pk}))
    assert download["Content-Disposition"].startswith("attachment")
    client.force_login(users["admin_pemda"])
    for name in ("jobs:detail", "jobs:download"):
        assert client.get(reverse(name, kwargs={"pk": job.pk})).status_code == 404


def test_another_pemda_or_a_bad_year_is_refused_naming_the_field(client, org, users):
    client.force_login(users["admin_pemda"])
    response = client.post(
        reverse("jobs:start"),
        {"kind": "skm_answers", "pemda": org.other_pemda.slug, "year": "20"},
    )
    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"pemda", "year"}
    assert not Job.objects.exists()


def test_a_running_job_page_refreshes_itself(client, org, users):
    job = Job.objects.create(
        owner=users["admin_pemda"], pemda=org.pemda, kind="skm_answers", year=2025
    )
    client.force_login(users["admin_pemda"])
    page = client.get(reverse("jobs:detail", kwargs={"pk": job.pk})).content.decode()
    assert 'http-equiv="refresh"' in page


@pytest.mark.django_db(transaction=True)
def test_the_database_queue_runs_the_job_in_a_worker(org, users):
    submit_four(org.layanan, day=DAY)
    database = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with override_settings(TASKS=database):
        job = services.job_start(owner=users["admin_pemda"], pemda=org.pemda, year=2025)
        assert Job.objects.get(pk=job.pk).status == "queued"
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")
    assert Job.objects.get(pk=job.pk).status == "done"


def test_the_complaint_list_has_no_personal_data_and_says_if_on_time(
    org, users, django_capture_on_commit_callbacks
):
    from prima.complaints.testing import make_case

    make_case(org, subject="Antrean lama", contact_name="Budi", contact_phone="0812")
    with django_capture_on_commit_callbacks(execute=True):
        job = services.job_start(
            owner=users["admin_pemda"],
            pemda=org.pemda,
            year=timezone.localdate().year,
            kind=Job.Kind.COMPLAINTS,
        )
    job.refresh_from_db()
    rows = _rows(job)
    assert rows[0] == services.COMPLAINT_HEADER
    assert len(rows) == 2 and rows[1][6] == "Antrean lama"
    text = "\n".join(",".join(row) for row in rows)
    assert "Budi" not in text and "0812" not in text
    assert job.filename.startswith("pengaduan-")


def test_a_kind_the_user_may_not_export_of_that_pemda_is_refused(client, org, users):
    """A mentor reads the Pemda's SKM but not its complaints."""
    client.force_login(users["mentor"])
    response = client.post(
        reverse("jobs:start"),
        {"kind": "complaints", "pemda": org.pemda.slug, "year": "2025"},
    )
    assert response.status_code == 400
    assert "kind" in response.context["form"].errors
    assert not Job.objects.exists()


def test_each_kind_needs_its_own_pemda_level_grant(org, users):
    kinds = {name: dict(services.export_kinds(users[name])) for name in users}
    assert set(kinds["admin_pemda"]) == {"skm_answers", "complaints"}
    assert set(kinds["mentor"]) == {"skm_answers"}  # reads surveys, not complaints
    assert kinds["admin_opd"] == {}


IMPORT_HEADER = "tanggal,kode_layanan,u1,u2,u3,u4,u5,u6,u7,u8,u9\n"


def _csv_upload(org, rows: int, bad_row: int | None = None):
    from django.core.files.uploadedfile import SimpleUploadedFile

    lines = [IMPORT_HEADER]
    for number in range(rows):
        score = "9" if number == bad_row else "3"
        lines.append(f"2025-03-04,{org.layanan.code},{score},3,3,3,3,3,3,3,3\n")
    return SimpleUploadedFile("formulir.csv", "".join(lines).encode())


def test_a_large_import_runs_in_the_background_all_or_nothing(
    client, org, users, django_capture_on_commit_callbacks, monkeypatch
):
    from prima.surveys import imports
    from prima.surveys.models import Response

    monkeypatch.setattr(imports, "MAX_ROWS", 3)  # the page's limit, made small
    client.force_login(users["operator_unit"])
    page = client.post(
        reverse("surveys:import", kwargs={"unit_pk": org.unit.pk}),
        {"file": _csv_upload(org, 5)},
    )
    assert page.context["form"].errors["file"] and not Response.objects.exists()
    url = reverse("jobs:import_start", kwargs={"unit_pk": org.unit.pk})
    rows = 5  # too many for the page, fine in the background
    with django_capture_on_commit_callbacks(execute=True):
        refused = client.post(url, {"file": _csv_upload(org, rows, bad_row=1)})
    job = Job.objects.get()
    assert refused.url == reverse("jobs:detail", kwargs={"pk": job.pk})
    assert job.status == "failed" and not Response.objects.exists()
    assert job.problems[0]["row"] == 3 and job.problems[0]["column"] == "u1", (
        job.problems
    )
    assert not job.source
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"file": _csv_upload(org, rows)})
    done = Job.objects.get(status="done")
    assert (done.imported, done.already) == (rows, 0)
    assert Response.objects.count() == rows
    page = client.get(reverse("jobs:detail", kwargs={"pk": done.pk})).content.decode()
    assert 'id="import-done"' in page


def test_the_platform_operator_may_export_every_pemda(org, users):
    pemdas = set(services.export_pemdas(users["superuser"]))
    assert pemdas == {org.pemda, org.other_pemda}
    assert {k for k, _ in services.export_kinds(users["superuser"])} == {
        "skm_answers",
        "complaints",
    }
