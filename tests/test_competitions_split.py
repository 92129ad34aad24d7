"""A database holding the demo city migrates across the competitions split intact.

The competition models moved from ``innovations`` to ``competitions`` without a row
being copied (docs/adr/0006-competitions-app.md). This test loads the demo city's
organisations, innovations and finished competition, takes the database back to
``innovations/0002_objections`` (before the split: the rows then sit in the
``innovations_*`` tables, read here through the historical models), adds what the
demo leaves out there (audited score changes, a permission held by a user, an admin
log entry on a call), then migrates forward again and compares every row by id.
PostgreSQL only: the part of ``make test`` that production's database runs.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.contrib.auth.hashers import make_password
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from prima.demo import competitions, innovations, organisations
from prima.demo.context import DemoContext

BEFORE = [("innovations", "0002_objections")]
MODELS = [
    "Call",
    "Category",
    "CallStage",
    "PanelMember",
    "Entry",
    "Assignment",
    "ScoreSheet",
    "ScoreChange",
    "StageResult",
    "Objection",
]
STEPS = (
    organisations.create_pemda,
    organisations.create_opds,
    organisations.create_units,
    organisations.create_layanan,
    organisations.create_users,
    innovations.create_innovations,
    competitions.create_competition,
)


def rows(apps, app_label: str) -> dict[str, list[dict]]:
    """Return every row of the competition models of ``app_label``, by model."""
    return {
        name: list(apps.get_model(app_label, name).objects.order_by("pk").values())
        for name in MODELS
    }


def historical_apps():
    """Return the models as the migrations applied now leave them: before the split,
    with every app that depends on innovations taken back with it."""
    loader = MigrationExecutor(connection).loader
    applied = [key for key in loader.applied_migrations if key in loader.graph.nodes]
    return loader.project_state(applied).apps


def add_what_the_demo_leaves_out(old) -> dict:
    """Through the pre-split models: audited changes to a few sheets, the view
    permission on calls held by a user, an admin log entry on a call."""
    sheets = list(old.get_model("innovations", "ScoreSheet").objects.order_by("pk"))
    user_model = old.get_model("accounts", "User")
    admin = user_model.objects.get(username="admin.pemda")
    score_change = old.get_model("innovations", "ScoreChange")
    for n, sheet in enumerate(sheets[:12]):
        after = {
            criterion: max(1, score - 1) for criterion, score in sheet.scores.items()
        }
        score_change.objects.create(
            sheet=sheet,
            changed_by=admin,
            reason=f"Salah ketik pada lembar {n + 1}",
            before=sheet.scores,
            after=after,
        )
    content_type = old.get_model("contenttypes", "ContentType").objects.get(
        app_label="innovations", model="call"
    )
    permission = old.get_model("auth", "Permission").objects.get(
        content_type=content_type, codename="view_call"
    )
    reader = user_model.objects.exclude(is_superuser=True).order_by("pk").first()
    reader.user_permissions.add(permission)
    call = old.get_model("innovations", "Call").objects.get()
    log = old.get_model("admin", "LogEntry").objects.create(
        user=admin,
        content_type=content_type,
        object_id=str(call.pk),
        object_repr=call.title,
        action_flag=2,
        change_message="[]",
    )
    return {"reader": reader.pk, "log": log.pk, "call": call.pk}


def test_demo_competition_survives_the_split(transactional_db):
    """Every call, sheet, score change and objection keeps its id and values across
    the split; permissions and admin log entries follow their content type."""
    if connection.vendor != "postgresql":
        pytest.skip("runs in the PostgreSQL part of make test")
    ctx = DemoContext(today=date.today(), password_hash=make_password(None))
    for step in STEPS:
        step(ctx)
    try:
        call_command("migrate", *BEFORE[0], verbosity=0)
        old = historical_apps()
        extra = add_what_the_demo_leaves_out(old)
        before = rows(old, "innovations")
    finally:
        call_command("migrate", verbosity=0)

    from django.apps import apps
    from django.contrib.admin.models import LogEntry

    from prima.accounts.models import User
    from prima.competitions.models import Call, Objection, ScoreChange

    assert rows(apps, "competitions") == before
    # The demo city has all of them; a comparison of empty tables would prove nothing.
    assert all(before[name] for name in MODELS), {n: len(r) for n, r in before.items()}
    assert len(before["ScoreChange"]) == 12
    assert ScoreChange.objects.filter(reason__startswith="Salah ketik").count() == 12
    assert Objection.objects.exists()
    assert User.objects.get(pk=extra["reader"]).has_perm("competitions.view_call")
    log = LogEntry.objects.get(pk=extra["log"])
    assert log.content_type.app_label == "competitions"
    assert log.get_edited_object() == Call.objects.get(pk=extra["call"])
    # The renamed tables kept their identity sequences.
    call = Call.objects.get()
    copy = Call.objects.create(
        pemda=call.pemda,
        title="KIPP berikutnya",
        year=call.year + 1,
        deadline=call.deadline + timedelta(days=365),
    )
    assert copy.pk > call.pk
