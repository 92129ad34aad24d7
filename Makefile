# Prima: `make demo` runs a local demo, `make test` runs everything CI runs.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
# The parts of `make test` share the database cluster and two cores; run them in turn.
.NOTPARALLEL:

PYTHON3 ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
# Reinstall only when pyproject.toml changes.
STAMP := $(VENV)/.prima-installed

HOST ?= 127.0.0.1
PORT ?= 8000

# Every test part runs with the test settings, whatever the caller's shell exports.
TEST_ENV := DJANGO_SETTINGS_MODULE=config.settings.test
PYTEST := $(BIN)/pytest -ra --durations=15
# The SQLite and PostgreSQL parts run on one pytest-xdist worker per core, each worker
# with its own test database (pytest-django suffixes the name with the worker id).
# --dist loadfile keeps a module on one worker, so a module-scoped fixture such as the
# demo city is built once per run. PYTEST_WORKERS=0 runs in one process.
PYTEST_WORKERS ?= $(shell nproc 2>/dev/null || echo 2)
PYTEST_PARALLEL := -n $(PYTEST_WORKERS) --dist loadfile
# Directories compilemessages and makemessages must not descend into.
I18N_IGNORE := --ignore=.venv --ignore=var --ignore=.git --ignore=node_modules

.PHONY: help install demo test lint test-sqlite test-postgres test-e2e \
	compilemessages messages clean

help:
	@echo "make demo           install, migrate, load demo data, serve on http://$(HOST):$(PORT)/"
	@echo "make test           lint + tests on SQLite + tests on PostgreSQL + browser tests"
	@echo "make lint           ruff check, ruff format --check, mypy --strict on pure modules"
	@echo "make test-sqlite    pytest on SQLite"
	@echo "make test-postgres  pytest on PostgreSQL (DATABASE_URL, or a throw-away cluster)"
	@echo "make test-e2e       Playwright tests in Debian's Chromium"
	@echo "make messages       update the .po files (id, en)"
	@echo "make clean          remove caches and compiled files"

$(PY):
	$(PYTHON3) -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $@

install: $(STAMP)

compilemessages: $(STAMP)
	@$(TEST_ENV) $(PY) manage.py compilemessages $(I18N_IGNORE) -v0

demo: $(STAMP) compilemessages
	DJANGO_SETTINGS_MODULE=config.settings.base DJANGO_DEBUG=1 $(PY) manage.py migrate --noinput
	HOST=$(HOST) PORT=$(PORT) DJANGO_SETTINGS_MODULE=config.settings.base DJANGO_DEBUG=1 \
		$(BIN)/prima demo-data
	@echo
	@echo "  Prima demo: http://$(HOST):$(PORT)/   (Ctrl-C stops the server)"
	@echo
	@# The task worker runs the background exports beside the server; Ctrl-C stops both.
	DJANGO_SETTINGS_MODULE=config.settings.base DJANGO_DEBUG=1 \
		$(PY) manage.py db_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	DJANGO_SETTINGS_MODULE=config.settings.base DJANGO_DEBUG=1 \
		$(PY) manage.py runserver $(HOST):$(PORT)

# Run every part even when an earlier one fails, then report each and fail if any did.
test: $(STAMP)
	@summary=""; failed=0; \
	for part in lint test-sqlite test-postgres test-e2e; do \
		echo; echo "==================== make $$part ===================="; \
		start=$$(date +%s); \
		if $(MAKE) --no-print-directory $$part; then result=passed; \
		else result=FAILED; failed=1; fi; \
		summary="$$summary$$(printf '  %-14s %-7s %4ss' $$part $$result $$(( $$(date +%s) - start )))\n"; \
	done; \
	echo; echo "==================== summary ===================="; \
	printf "$$summary"; \
	if [ $$failed -ne 0 ]; then echo "make test: FAILED"; exit 1; fi; \
	echo "make test: all parts passed"

# mypy checks the pure modules, listed once as [tool.mypy] files in pyproject.toml.
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy --strict

# pytest exits 5 when it collects nothing, and the root conftest fails a run in which
# no test passed, so each part below fails unless it really tested something.
test-sqlite: $(STAMP) compilemessages
	env -u DATABASE_URL $(TEST_ENV) $(PYTEST) $(PYTEST_PARALLEL)

test-postgres: $(STAMP) compilemessages
	@if [ -n "$${DATABASE_URL:-}" ]; then \
		case "$$DATABASE_URL" in \
			postgres://*|postgresql://*|pgsql://*) ;; \
			*) echo "test-postgres: DATABASE_URL is not a PostgreSQL URL"; exit 1;; \
		esac; \
		echo "test-postgres: using DATABASE_URL from the environment"; \
		$(TEST_ENV) $(PYTEST) $(PYTEST_PARALLEL); \
	else \
		$(TEST_ENV) scripts/with-postgres $(PYTEST) $(PYTEST_PARALLEL); \
	fi

# Serial: the browser tests share one live server and one Chromium.
test-e2e: $(STAMP) compilemessages
	env -u DATABASE_URL $(TEST_ENV) $(PYTEST) e2e

messages: $(STAMP)
	$(TEST_ENV) $(PY) manage.py makemessages -l id -l en $(I18N_IGNORE) \
		--ignore=e2e --ignore=bench --ignore=build --no-obsolete

clean:
	find prima config tests e2e bench scripts -name __pycache__ -type d -prune \
		-exec rm -rf {} + 2>/dev/null || true
	find prima -name '*.mo' -delete
	rm -rf .mypy_cache .ruff_cache .pytest_cache .hypothesis test-results build dist
	rm -f $(STAMP)
