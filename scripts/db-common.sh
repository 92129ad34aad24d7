# Shared by backup-db and restore-db: find the database the application uses.
#
# DATABASE_URL=postgres://... selects PostgreSQL; unset (or sqlite:...) selects the
# SQLite file the Django settings point at.
# shellcheck shell=bash

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

if [ -z "${PYTHON:-}" ]; then
    if [ -x "$ROOT/.venv/bin/python" ]; then
        PYTHON="$ROOT/.venv/bin/python"
    else
        PYTHON=python3
    fi
fi

db_engine() {
    case "${DATABASE_URL:-}" in
        postgres://* | postgresql://* | pgsql://*) echo postgres ;;
        "" | sqlite:*) echo sqlite ;;
        *)
            echo "unsupported DATABASE_URL scheme: ${DATABASE_URL%%:*}" >&2
            return 1
            ;;
    esac
}

# Print DATABASE_URL in the form libpq accepts (it does not know pgsql://).
pg_url() {
    local url=$DATABASE_URL
    case "$url" in
        pgsql://*) url="postgresql://${url#pgsql://}" ;;
    esac
    echo "$url"
}

# Print the absolute path of a PostgreSQL client program; Debian's pg_wrapper in PATH
# is preferred because it picks the newest installed client.
pg_tool() {
    local dir
    if command -v "$1" >/dev/null 2>&1; then
        command -v "$1"
        return 0
    fi
    for dir in "$(pg_config --bindir 2>/dev/null || true)" \
        $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -n "$dir" ] && [ -x "$dir/$1" ]; then
            echo "$dir/$1"
            return 0
        fi
    done
    echo "$1 not found; install the PostgreSQL client (postgresql-client)" >&2
    return 1
}

# Print the absolute path of the SQLite database file, as the Django settings see it.
sqlite_path() {
    DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE:-config.settings.base} \
        DJANGO_SECRET_KEY=${DJANGO_SECRET_KEY:-placeholder-to-read-database-settings} \
        PYTHONPATH="$ROOT${PYTHONPATH:+:$PYTHONPATH}" \
        "$PYTHON" - <<'PY'
import os
import sys

from django.conf import settings

db = settings.DATABASES["default"]
name = str(db["NAME"])
if "sqlite" not in db["ENGINE"] or name == ":memory:" or name.startswith("file:"):
    sys.exit(f"not a SQLite database file: {db['ENGINE']} {name}")
print(os.path.abspath(name))
PY
}

# Copy one SQLite database into another with the online backup API, which gives a
# consistent snapshot even while the application writes.
sqlite_copy() {
    "$PYTHON" - "$1" "$2" <<'PY'
import sqlite3
import sys
from pathlib import Path

source, target = Path(sys.argv[1]).resolve(), Path(sys.argv[2])
if not source.is_file():
    sys.exit(f"no such SQLite database: {source}")
src = sqlite3.connect(source.as_uri() + "?mode=ro", uri=True)
try:
    if src.execute("PRAGMA quick_check").fetchone()[0] != "ok":
        sys.exit(f"{source} fails SQLite's integrity check")
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
finally:
    src.close()
PY
}
