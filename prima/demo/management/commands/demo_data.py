"""``manage.py demo_data`` (``prima demo-data``): load the demo city Kota Prima Raya."""

import os
import time

from django.conf import settings
from django.core.management.base import (
    BaseCommand,
    CommandError,
    OutputWrapper,
)
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from prima.demo import city
from prima.demo.services import (
    demo_city_delete,
    demo_city_exists,
    demo_city_load,
    demo_city_logins,
    demo_city_stray_users,
)


def site_url() -> str:
    """Return the address ``make demo`` serves on, from its ``HOST`` and ``PORT``."""
    host = os.environ.get("HOST", "127.0.0.1")
    port = os.environ.get("PORT", "8000")
    return f"http://{host}:{port}/"


SUMMARY_KEYS = ("opd", "units", "layanan", "standards", "maklumat", "users")


class _Stream:
    """Let the progress lines go to a command's stderr wrapper without added newlines
    or colour."""

    def __init__(self, wrapper: OutputWrapper) -> None:
        self.wrapper = wrapper

    def write(self, text: str) -> None:
        self.wrapper.write(text, style_func=lambda s: s, ending="")

    def flush(self) -> None:
        self.wrapper.flush()


class Command(BaseCommand):
    help = (
        "Load the fictional demo city Kota Prima Raya (OPD, units, services, standards, "
        "maklumat, one login per role); --reset deletes and reloads it."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Delete the demo city and its users first, then load it again.",
        )

    def handle(self, *args, reset: bool = False, verbosity: int = 1, **options):
        # The demo is Indonesian: role labels, steps and messages print in it.
        with translation.override("id"):
            self._handle(reset=reset, verbosity=verbosity)

    def _handle(self, *, reset: bool, verbosity: int) -> None:
        if not reset and demo_city_exists():
            self.stdout.write(
                _("%(city)s is already loaded; run with --reset to reload it.")
                % {"city": city.PEMDA.name}
            )
            self._print_logins()
            return
        stray = demo_city_stray_users()
        if not reset and stray:
            raise CommandError(
                _(
                    "Demo users exist without the demo city (%(users)s); run with "
                    "--reset to replace them."
                )
                % {"users": ", ".join(stray)}
            )
        started = time.monotonic()
        with transaction.atomic():
            if reset:
                demo_city_delete()
            ctx = demo_city_load(
                progress=_Stream(self.stderr) if verbosity >= 1 else None
            )
        counts = ctx.counts
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Loaded %(city)s in %(seconds).1f s: %(opd)s OPD, %(units)s units, "
                    "%(layanan)s services, %(standards)s standard versions, "
                    "%(maklumat)s maklumat, %(users)s users."
                )
                % {
                    "city": city.PEMDA.name,
                    "seconds": time.monotonic() - started,
                    **{key: counts.get(key, 0) for key in SUMMARY_KEYS},
                }
            )
        )
        self._print_logins()

    def _print_logins(self) -> None:
        password = settings.PRIMA_DEMO_PASSWORD
        header = (_("Username"), _("Role"), _("Scope"), _("Password"))
        rows = [(x.username, x.role, x.scope, password) for x in demo_city_logins()]
        widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(4)]

        def line(cells) -> str:
            return "  ".join(
                str(c).ljust(w) for c, w in zip(cells, widths, strict=True)
            ).rstrip()

        self.stdout.write("")
        self.stdout.write(_("Demo logins:"))
        self.stdout.write(self.style.MIGRATE_HEADING(line(header)))
        self.stdout.write(line(["-" * w for w in widths]))
        for row in rows:
            self.stdout.write(line(row))
        self.stdout.write("")
        url = site_url()
        self.stdout.write(
            _("Open %(url)s; staff sign in at %(login)s with any login above.")
            % {"url": url, "login": url.rstrip("/") + reverse(settings.LOGIN_URL)}
        )
