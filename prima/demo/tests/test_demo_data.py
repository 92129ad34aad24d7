"""``manage.py demo_data`` loads Kota Prima Raya completely, once, and repeatably.

The city is loaded once for the whole module inside a transaction that is rolled back
at the end; each test runs in a savepoint inside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from io import StringIO

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone, translation

from prima.core.roles import ROLE_LEVELS, Role
from prima.demo import city
from prima.demo.services import STEPS
from prima.organisations.models import (
    Layanan,
    Membership,
    Pemda,
    PerangkatDaerah,
    Unit,
)
from prima.standards.models import ApprovalEvent, Maklumat, StandarPelayanan

pytestmark = pytest.mark.django_db

SLUG = city.PEMDA.slug
Status = StandarPelayanan.Status


@dataclass(frozen=True)
class Run:
    stdout: str
    stderr: str


def run_command(*args: str) -> Run:
    out, err = StringIO(), StringIO()
    call_command("demo_data", *args, stdout=out, stderr=err)
    return Run(out.getvalue(), err.getvalue())


# These tests are about the command (every step, every model, reloads); the volumes
# of SKM answers and complaints are tested in test_demo_surveys.py and
# test_demo_complaints.py, so this city is loaded, and reloaded, with fewer of them.
SMALL_CITY = override_settings(
    PRIMA_DEMO_SURVEY_RESPONSES=600, PRIMA_DEMO_COMPLAINTS=300
)


@pytest.fixture(scope="module")
def first_run(django_db_setup, django_db_blocker):
    """Load the demo city once for this module and roll it back afterwards."""
    with django_db_blocker.unblock(), SMALL_CITY, transaction.atomic():
        try:
            yield run_command()
        finally:
            transaction.set_rollback(True)


def row_counts() -> dict[str, int]:
    return {
        "pemda": Pemda.objects.count(),
        "opd": PerangkatDaerah.objects.count(),
        "units": Unit.objects.count(),
        "layanan": Layanan.objects.count(),
        "standards": StandarPelayanan.objects.count(),
        "maklumat": Maklumat.objects.count(),
        "users": get_user_model().objects.count(),
        "memberships": Membership.objects.count(),
    }


def fingerprint() -> list[tuple]:
    """Return the identity data of the demo city, in a stable order."""
    return [
        *PerangkatDaerah.objects.filter(pemda__slug=SLUG)
        .order_by("code")
        .values_list("code", "name", "head_name"),
        *Unit.objects.filter(pemda__slug=SLUG)
        .order_by("code")
        .values_list("code", "name", "address", "phone"),
        *Layanan.objects.filter(pemda__slug=SLUG)
        .order_by("code")
        .values_list("code", "name", "unit__code"),
        *StandarPelayanan.objects.filter(pemda__slug=SLUG)
        .order_by("layanan__code", "version")
        .values_list(
            "layanan__code", "version", "status", "decree_number", "persyaratan"
        ),
        *get_user_model()
        .objects.filter(username__in=city.DEMO_USERNAMES)
        .order_by("username")
        .values_list("username", "full_name", "position"),
    ]


def test_loads_the_city_with_its_opd_units_and_services(first_run):
    """About 30 OPD, 100 units and 300 services belong to the demo Pemda."""
    pemda = Pemda.objects.get(slug=SLUG)
    assert pemda.name == "Kota Prima Raya"
    assert pemda.kind == Pemda.Kind.KOTA
    assert 28 <= pemda.opds.count() <= 36
    assert 90 <= pemda.units.count() <= 110
    assert 280 <= pemda.layanan.count() <= 340
    kinds = set(pemda.units.values_list("kind", flat=True))
    assert {"kantor", "loket", "puskesmas", "kelurahan", "mpp", "upt"} <= kinds
    assert not pemda.units.filter(opening_hours="").exists()
    assert not pemda.units.filter(phone="").exists()


def test_every_role_has_a_user_with_a_valid_membership(first_run):
    """Each role is held by a demo user, at a level ROLE_LEVELS allows."""
    memberships = Membership.objects.filter(pemda__slug=SLUG).select_related(
        "user", "pemda", "opd", "unit"
    )
    assert {m.role for m in memberships} == set(Role.values)
    for membership in memberships:
        membership.full_clean()
        assert membership.level in ROLE_LEVELS[membership.role]
        assert membership.user.full_name and membership.user.position
    assert get_user_model().objects.get(username=city.SUPERUSER).is_superuser


def test_every_demo_user_signs_in_with_the_demo_password(first_run):
    """All demo users share settings.PRIMA_DEMO_PASSWORD."""
    users = get_user_model().objects.filter(username__in=city.DEMO_USERNAMES)
    assert users.count() == len(city.USERS)
    assert all(u.check_password(settings.PRIMA_DEMO_PASSWORD) for u in users)


# Models the demo city leaves empty, each with the reason. Every other model of Prima
# must hold demo rows, so a new model is either filled by a demo step or listed here.
LEFT_EMPTY = {
    "surveys.QuestionWording": "the demo keeps the regulation's wording of the nine unsur",
    "surveys.ExtraQuestion": "no demo unit adds its own questions to the SKM",
    "surveys.ExtraAnswer": "answers exist only for a unit's own extra questions",
    "surveys.KioskDevice": "a kiosk is a tablet staff register at a counter",
    "api.ApiToken": "a staff member issues a personal API token and sees it once",
    "complaints.Attachment": "attachments are files citizens upload; the demo stores none",
    "innovations.Evidence": "evidence is uploaded files; the demo stores none",
    "competitions.ScoreChange": "demo score sheets are never changed after locking",
    "core.RateCounter": "counters of failed logins and requests; the demo makes none",
    "jobs.Job": "a staff member starts an export job when they need the file",
}
# Every row of these is validated; of the larger tables, the first rows by key.
VALIDATE_ALL = (PerangkatDaerah, Unit, Layanan, StandarPelayanan, Maklumat)
VALIDATE_FIRST = 25


def prima_models() -> list[type]:
    return [
        model
        for model in apps.get_models()
        if model.__module__.startswith("prima.") and not model._meta.proxy
    ]


def test_every_model_has_demo_rows_that_pass_validation(first_run):
    """Each model holds demo rows (or is listed as left empty) that pass full_clean."""
    labels = {model._meta.label for model in prima_models()}
    assert set(LEFT_EMPTY) <= labels, "LEFT_EMPTY names a model that does not exist"
    for model in prima_models():
        label = model._meta.label
        rows = model._default_manager.order_by("pk")
        if label in LEFT_EMPTY:
            assert not rows.exists(), f"{label} has rows: remove it from LEFT_EMPTY"
            continue
        assert rows.exists(), f"the demo city creates no {label}"
        if model in VALIDATE_ALL:
            rows = rows.filter(pemda__slug=SLUG)
        else:
            rows = rows[:VALIDATE_FIRST]
        for row in rows:
            row.full_clean()


def test_standards_show_every_case(first_run):
    """Complete, incomplete, overdue, draft-only, missing and versioned all appear."""
    today = timezone.localdate()
    layanan = Layanan.objects.filter(pemda__slug=SLUG).prefetch_related("standards")
    seen: set[str] = set()
    for service in layanan:
        versions = list(service.standards.all())
        statuses = sorted(s.status for s in versions)
        published = [s for s in versions if s.status == Status.PUBLISHED]
        if not versions:
            seen.add("none")
        if statuses == [Status.DRAFT]:
            seen.add("draft only")
        if Status.SUPERSEDED in statuses and published:
            seen.add("two versions")
        if Status.DRAFT in statuses and published:
            draft = next(s for s in versions if s.status == Status.DRAFT)
            if draft.is_awaiting_approval:
                seen.add("awaiting approval")
            elif draft.approval_events.filter(action="returned").exists():
                seen.add("returned")
            else:
                seen.add("revision in draft")
        for standard in published:
            assert not standard.missing_public_components()
            if not standard.is_complete:
                seen.add("incomplete")
            elif standard.is_review_overdue(today):
                seen.add("overdue")
            else:
                seen.add("complete")
            if not standard.drafting_participants:
                seen.add("without citizens")
    assert seen == {
        "none",
        "draft only",
        "two versions",
        "revision in draft",
        "awaiting approval",
        "returned",
        "incomplete",
        "overdue",
        "complete",
        "without citizens",
    }
    published = StandarPelayanan.objects.filter(pemda__slug=SLUG, status="published")
    complete = [s for s in published if s.is_complete]
    assert len(complete) > layanan.count() / 2


def test_published_standards_are_set_published_and_priced(first_run):
    """Published versions carry a decree, media and a tariff; paid ones cite a Perda."""
    published = StandarPelayanan.objects.filter(pemda__slug=SLUG, status="published")
    assert not published.filter(decree_number="").exists()
    assert not published.filter(decree_date__isnull=True).exists()
    assert not published.filter(published_at__isnull=True).exists()
    assert all("papan" in s.publication_media for s in published)
    free = published.filter(biaya_tarif=0)
    paid = published.filter(biaya_tarif__gt=0)
    assert free.filter(layanan__code="DKC-KTR-KIA").exists()
    assert paid.filter(layanan__code="DISHUB-PKB-KIR").exists()
    assert all("Peraturan" in s.biaya_dasar_hukum for s in paid)


def test_every_set_version_was_approved_with_its_own_decree(first_run):
    """Each published or superseded version has its own decree, approved by an OPD
    or Pemda administrator; no two versions of a service share a decree."""
    versions = StandarPelayanan.objects.filter(pemda__slug=SLUG).exclude(status="draft")
    approvals = {
        e.standard_id: e
        for e in ApprovalEvent.objects.filter(
            standard__pemda__slug=SLUG, action="approved"
        ).select_related("by")
    }
    for standard in versions:
        approval = approvals[standard.pk]
        assert approval.decree_number == standard.decree_number
        assert approval.by == standard.published_by
        assert approval.by.memberships.filter(
            role__in=["admin_opd", "admin_pemda"]
        ).exists()
    pairs = versions.values_list("layanan_id", "decree_number")
    assert len(set(pairs)) == len(pairs)


def test_most_units_have_a_maklumat_and_some_are_unsigned(first_run):
    """Units get a signed Maklumat, except the few left unsigned or missing."""
    maklumat = Maklumat.objects.filter(pemda__slug=SLUG)
    units = Unit.objects.filter(pemda__slug=SLUG).count()
    assert maklumat.count() == units - len(city.MAKLUMAT_MISSING)
    unsigned = {m.unit.code for m in maklumat.select_related("unit") if not m.is_set}
    assert unsigned == set(city.MAKLUMAT_UNSIGNED)


def test_output_lists_the_logins_and_the_url(first_run):
    """The first run prints a summary, every login with the password, and the URL."""
    assert "Kota Prima Raya dimuat dalam" in first_run.stdout
    for username in city.DEMO_USERNAMES:
        assert f"\n{username} " in first_run.stdout
    assert settings.PRIMA_DEMO_PASSWORD in first_run.stdout
    assert "http://127.0.0.1:8000/" in first_run.stdout


def test_output_names_the_roles_in_indonesian(first_run):
    """Role names come from the role labels' Indonesian translations."""
    with translation.override("id"):
        labels = [str(Role(role).label) for role in Role.values]
    for label in labels:
        assert f"  {label}  " in first_run.stdout
    assert "OPD administrator" not in first_run.stdout


def test_progress_names_every_step_with_its_own_time(first_run):
    """One line per step as it finishes, numbered, with the step's own seconds."""
    lines = first_run.stderr.splitlines()
    assert len(lines) == len(STEPS)
    for number, (line, step) in enumerate(zip(lines, STEPS, strict=True), start=1):
        with translation.override("id"):
            label = str(step.label)
        assert re.fullmatch(
            rf"\[{number}/{len(STEPS)}\] {re.escape(label)}: \d+\.\d detik", line
        ), line


def test_printed_url_follows_host_and_port(first_run, monkeypatch):
    """``make demo`` passes its HOST and PORT; the printed address is the served one."""
    monkeypatch.setenv("HOST", "demo.example")
    monkeypatch.setenv("PORT", "8123")
    second = run_command()
    assert "http://demo.example:8123/akun/masuk/" in second.stdout
    assert "127.0.0.1" not in second.stdout


def test_second_run_changes_nothing(first_run):
    """Running again reports the city as loaded, lists the logins, and adds no row."""
    before = row_counts()
    second = run_command()
    assert row_counts() == before
    assert "sudah dimuat" in second.stdout
    assert "admin.pemda" in second.stdout
    assert "http://127.0.0.1:8000/" in second.stdout


def test_reset_reloads_the_same_city(first_run):
    """--reset deletes the city and loads identical data again."""
    before_counts, before = row_counts(), fingerprint()
    run = run_command("--reset")
    assert "Kota Prima Raya dimuat dalam" in run.stdout
    assert row_counts() == before_counts
    assert fingerprint() == before


def test_demo_users_without_the_city_are_not_overwritten(first_run):
    """Without --reset, demo usernames left over from elsewhere stop the load."""
    Pemda.objects.filter(slug=SLUG).update(slug="kota-prima-raya-lama")
    with pytest.raises(CommandError, match="--reset"):
        run_command()


def test_the_finished_workshop_has_certificates_and_a_copied_innovation(first_run):
    """The public verification page has a valid and a revoked certificate to show;
    the benchmarking visit's innovations are in the library, one replicated."""
    from prima.innovations.models import Innovation
    from prima.programmes.models import Certificate, Observation

    certificates = Certificate.objects.filter(pemda__slug=SLUG)
    assert certificates.filter(revoked_at__isnull=True).count() >= 2
    assert certificates.filter(revoked_at__isnull=False).count() == 1
    observations = Observation.objects.filter(visit__programme__pemda__slug=SLUG)
    assert {o.innovation.origin_region for o in observations} == {"Kota Surabaya"}
    [copied] = [o for o in observations if o.replication_id]
    assert copied.innovation.status == "published"
    assert Innovation.objects.get(pk=copied.replication_id).origin == copied.innovation


def test_pekppp_cycles(first_run):
    """Last year's cycle is published over 40 units in three cohorts, with F-01,
    F-03 and F-02 for each, a shared rank and recommendations partly closed; this
    year's cycle is in its self-assessment phase, unpublished."""
    from prima.evaluations import selectors
    from prima.evaluations.models import Cycle, Recommendation

    finished, current = Cycle.objects.filter(pemda__slug=SLUG).order_by("year")
    assert finished.is_published and not current.is_published
    assert finished.units.count() == 40
    assert finished.units.filter(self_assessment__submitted_at__isnull=False).count()
    assert not selectors.sheets_missing(finished)
    assert finished.units.filter(user_answers__isnull=False).distinct().count() == 40
    cohorts = selectors.cycle_ranking(finished)
    assert len(cohorts) == 3
    ranks = [row.rank for ranked in cohorts.values() for row in ranked]
    assert any(row.tied for ranked in cohorts.values() for row in ranked)
    assert len(ranks) == 40
    recommendations = Recommendation.objects.filter(cycle_unit__cycle=finished)
    closed = recommendations.filter(status=Recommendation.Status.CLOSED).count()
    assert 0 < closed < recommendations.count()
    assert current.self_assessment_deadline >= timezone.localdate()
