"""scripts/backup-db and scripts/restore-db bring back exactly the backed-up rows."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
from django.db import connection

from prima.organisations.models import Pemda
from prima.organisations.testing import make_pemda

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "scripts"


def run(args: list[str], env: dict[str, str]) -> str:
    """Run a command from the project root and return its stdout; fail on error."""
    result = subprocess.run(
        args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, f"{args} failed:\n{result.stdout}{result.stderr}"
    return result.stdout


def postgres_url(settings_dict: dict) -> str:
    """Return a libpq URL for the connection Django uses (the test database)."""
    user = quote(settings_dict.get("USER") or "", safe="")
    password = quote(settings_dict.get("PASSWORD") or "", safe="")
    credentials = f"{user}:{password}@" if password else f"{user}@" if user else ""
    host = settings_dict.get("HOST") or ""
    port = f":{settings_dict['PORT']}" if settings_dict.get("PORT") else ""
    query = {}
    if host.startswith("/"):
        query["host"], host = host, ""
    if sslmode := settings_dict.get("OPTIONS", {}).get("sslmode"):
        query["sslmode"] = sslmode
    name = quote(settings_dict["NAME"], safe="")
    suffix = f"?{urlencode(query)}" if query else ""
    return f"postgresql://{credentials}{host}{port}/{name}{suffix}"


@pytest.fixture
def script_env() -> dict[str, str]:
    """Return the environment for the scripts, using this interpreter."""
    return {**os.environ, "PYTHON": sys.executable}


def test_postgres_backup_then_restore_brings_back_a_deleted_row(
    transactional_db, tmp_path, script_env
):
    """A row deleted after the backup is back after the restore; a later one is gone."""
    if connection.vendor != "postgresql":
        pytest.skip("runs in the PostgreSQL part of make test")
    make_pemda(name="Kota Tetap", slug="kota-tetap")
    lost = make_pemda(name="Kota Hilang", slug="kota-hilang")
    env = {**script_env, "DATABASE_URL": postgres_url(connection.settings_dict)}
    dump = tmp_path / "prima.dump"

    assert run([str(SCRIPTS / "backup-db"), str(dump)], env).strip() == str(dump)
    lost_pk = lost.pk
    lost.delete()
    make_pemda(name="Kota Sesudah", slug="kota-sesudah")
    connection.close()  # hold no session open while the tables are replaced
    run([str(SCRIPTS / "restore-db"), str(dump)], env)

    assert sorted(Pemda.objects.values_list("slug", flat=True)) == [
        "kota-hilang",
        "kota-tetap",
    ]
    assert Pemda.objects.get(pk=lost_pk).name == "Kota Hilang"


def test_sqlite_backup_then_restore_brings_back_a_deleted_row(tmp_path, script_env):
    """On a SQLite file database the same round trip restores the deleted row."""
    if connection.vendor != "sqlite":
        pytest.skip("runs in the SQLite part of make test")
    db_file = tmp_path / "prima.sqlite3"
    env = {**script_env, "DATABASE_URL": f"sqlite:///{db_file}"}
    manage = [sys.executable, str(ROOT / "manage.py")]
    run([*manage, "migrate", "--noinput", "-v0"], env)
    run(
        [
            *manage,
            "shell",
            "-c",
            "from prima.organisations.testing import make_pemda\n"
            "make_pemda(name='Kota Tetap', slug='kota-tetap')\n"
            "make_pemda(name='Kota Hilang', slug='kota-hilang')\n",
        ],
        env,
    )
    table = Pemda._meta.db_table

    def slugs() -> list[str]:
        with sqlite3.connect(db_file) as db:
            rows = db.execute(f"SELECT slug FROM {table} ORDER BY slug").fetchall()  # noqa: S608 - table name from the model
        return [slug for (slug,) in rows]

    backup = tmp_path / "backup.sqlite3"
    assert run([str(SCRIPTS / "backup-db"), str(backup)], env).strip() == str(backup)
    with sqlite3.connect(db_file) as db:
        db.execute(f"DELETE FROM {table} WHERE slug = 'kota-hilang'")  # noqa: S608
    assert slugs() == ["kota-tetap"]
    run([str(SCRIPTS / "restore-db"), str(backup)], env)

    assert slugs() == ["kota-hilang", "kota-tetap"]
