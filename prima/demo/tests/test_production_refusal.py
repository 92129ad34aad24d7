"""Production settings do not carry the demo: ``demo-data`` refuses and creates nothing.

The demo city creates a superuser whose password is published, so the settings install
``prima.demo`` only with DJANGO_DEBUG=1 (and in the test settings).
"""

from __future__ import annotations

import os
import runpy
import secrets
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from prima.organisations.models import Pemda

ROOT = Path(__file__).resolve().parents[3]
BASE_SETTINGS = ROOT / "config" / "settings" / "base.py"
PRIMA = Path(sys.executable).with_name("prima")


def production_environment(database: Path) -> dict[str, str]:
    """Return this environment with every DJANGO_ variable set as in production."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.base",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(45),
        DJANGO_ALLOWED_HOSTS="prima.example.go.id",
        DATABASE_URL=f"sqlite:///{database}",
        PRIMA_VAR_DIR=str(database.parent / "var"),
    )
    return env


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )


@pytest.mark.parametrize(
    ("debug", "installed"), [(None, False), ("0", False), ("1", True)]
)
def test_base_settings_install_the_demo_only_with_debug(monkeypatch, debug, installed):
    monkeypatch.setenv("DJANGO_SECRET_KEY", secrets.token_urlsafe(45))
    if debug is None:
        monkeypatch.delenv("DJANGO_DEBUG", raising=False)
    else:
        monkeypatch.setenv("DJANGO_DEBUG", debug)
    settings = runpy.run_path(str(BASE_SETTINGS))
    assert ("prima.demo" in settings["INSTALLED_APPS"]) is installed


def test_demo_data_refuses_with_production_settings_and_creates_nothing(tmp_path):
    """``prima demo-data`` and ``manage.py demo_data`` both fail on a migrated database."""
    database = tmp_path / "prima.sqlite3"
    env = production_environment(database)
    migrate = run([str(PRIMA), "migrate", "--noinput", "-v0"], env)
    assert migrate.returncode == 0, migrate.stdout + migrate.stderr

    refused = run([str(PRIMA), "demo-data"], env)
    assert refused.returncode != 0
    assert "prima demo-data refused" in refused.stderr
    assert "DJANGO_DEBUG=1" in refused.stderr
    assert "Loaded" not in refused.stdout

    by_manage = run([sys.executable, "manage.py", "demo_data"], env)
    assert by_manage.returncode != 0
    assert "Unknown command: 'demo_data'" in by_manage.stderr

    with sqlite3.connect(database) as db:
        for model in (get_user_model(), Pemda):
            table = model._meta.db_table
            (rows,) = db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()  # noqa: S608 - table name from the model
            assert rows == 0, table
