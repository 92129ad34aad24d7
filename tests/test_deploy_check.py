"""Production settings pass Django's deployment checklist and refuse unsafe starts."""

import os
import runpy
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.core.exceptions import ImproperlyConfigured

ROOT = Path(__file__).resolve().parent.parent
# Executed from its file so each test reads the environment afresh; sys.modules and
# the settings already loaded stay untouched.
BASE_SETTINGS = ROOT / "config" / "settings" / "base.py"


def production_environment() -> dict[str, str]:
    """Return the current environment with every DJANGO_ variable replaced as in production.

    The test settings put development values into ``os.environ``; none may leak into
    the child process.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.base",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(45),
        DJANGO_ALLOWED_HOSTS="prima.example.go.id",
    )
    return env


def test_production_settings_pass_check_deploy():
    """``manage.py check --deploy`` finds no issue, not even a warning, in production."""
    env = production_environment()
    assert len(env["DJANGO_SECRET_KEY"]) == 60
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "no issues" in output, output


def test_base_settings_refuse_to_start_without_secret_key(monkeypatch):
    """With DEBUG off and no DJANGO_SECRET_KEY the settings raise ImproperlyConfigured."""
    monkeypatch.delenv("DJANGO_SECRET_KEY", raising=False)
    monkeypatch.delenv("DJANGO_DEBUG", raising=False)
    with pytest.raises(ImproperlyConfigured, match="DJANGO_SECRET_KEY"):
        runpy.run_path(str(BASE_SETTINGS))


def test_base_settings_refuse_an_empty_secret_key(monkeypatch):
    """An empty DJANGO_SECRET_KEY counts as missing when DEBUG is off."""
    monkeypatch.setenv("DJANGO_SECRET_KEY", "")
    monkeypatch.setenv("DJANGO_DEBUG", "0")
    with pytest.raises(ImproperlyConfigured):
        runpy.run_path(str(BASE_SETTINGS))


def test_production_settings_are_strict_by_default(monkeypatch):
    """Without DJANGO_DEBUG the settings redirect to HTTPS, send HSTS and secure cookies."""
    monkeypatch.setenv("DJANGO_SECRET_KEY", secrets.token_urlsafe(45))
    for name in ("DJANGO_DEBUG", "DJANGO_SECURE_SSL_REDIRECT", "DJANGO_ALLOWED_HOSTS"):
        monkeypatch.delenv(name, raising=False)
    settings = runpy.run_path(str(BASE_SETTINGS))
    assert settings["DEBUG"] is False
    assert settings["ALLOWED_HOSTS"] == []
    assert settings["SECURE_SSL_REDIRECT"] is True
    assert settings["SECURE_HSTS_SECONDS"] >= 31536000
    assert settings["SESSION_COOKIE_SECURE"] is True
    assert settings["CSRF_COOKIE_SECURE"] is True


def test_collectstatic_finds_the_stylesheet_the_base_template_links():
    """The static-file finders find css/prima.css, so collectstatic publishes it."""
    assert finders.find("css/prima.css"), (
        "css/prima.css is not found by the static-file finders: add the project's "
        "prima/static to STATICFILES_DIRS, or production pages stay unstyled"
    )
