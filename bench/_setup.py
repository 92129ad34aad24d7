"""Shared set-up of the benchmarks: Django on the DATABASE_URL database, a city."""

from __future__ import annotations

import os
import secrets
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def django_setup() -> None:
    """Configure Django for the PostgreSQL database named by DATABASE_URL."""
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit(
            "Set DATABASE_URL to a PostgreSQL database (see scripts/with-postgres)."
        )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
    # Production settings: DEBUG off (it records every query), a throw-away key, and
    # plain HTTP to gunicorn as from a TLS-terminating proxy on the same host.
    os.environ.setdefault("DJANGO_DEBUG", "0")
    os.environ.setdefault("DJANGO_SECRET_KEY", secrets.token_urlsafe(50))
    os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def city():
    """Migrate, then create the demo city's Pemda, OPD, units and services.

    Return the Pemda. Refuses to run twice on the same database.
    """
    return city_context().pemda


def city_context(*, users: bool = False):
    """As ``city``, returning the demo context (its units, services and, with
    ``users``, the demo users with unusable passwords)."""
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone

    from prima.demo import city as demo_city
    from prima.demo import organisations
    from prima.demo.context import DemoContext
    from prima.organisations.models import Pemda

    call_command("migrate", verbosity=0)
    if Pemda.objects.filter(slug=demo_city.PEMDA.slug).exists():
        sys.exit("The database already holds the demo city; use a fresh database.")
    # Users get "!", Django's unusable-password marker, not a secret.
    ctx = DemoContext(today=timezone.localdate(), password_hash="!")  # noqa: S106
    with transaction.atomic():
        for step in (
            organisations.create_pemda,
            organisations.create_opds,
            organisations.create_units,
            organisations.create_layanan,
            *([organisations.create_users] if users else []),
        ):
            step(ctx)
    return ctx
