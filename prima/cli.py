"""The ``prima`` console script: Django management commands with friendly names.

``prima demo-data`` runs the ``demo_data`` management command; any Django command
works the same way (``prima migrate``, ``prima createsuperuser``). ``prima ikm FILE``
and ``prima ipp FILE`` are the exceptions: they compute an IKM or a PEKPPP index from a
spreadsheet and need no database and no Django settings, so they are dispatched before
Django is imported.

The settings install the demo app only with DJANGO_DEBUG=1 (and in the tests), so on a
production system ``prima demo-data`` refuses with an explanation instead of Django's
bare "Unknown command".
"""

import os
import sys

DEMO_COMMAND = "demo_data"


def main(argv: list[str] | None = None) -> None:
    """Run a management command, accepting hyphenated command names."""
    args = list(sys.argv if argv is None else argv)
    if len(args) > 1 and args[1] == "ikm":
        from prima.surveys.ikm_cli import main as ikm_main

        raise SystemExit(ikm_main(args[2:]))
    if len(args) > 1 and args[1] == "ipp":
        from prima.evaluations.ipp_cli import main as ipp_main

        raise SystemExit(ipp_main(args[2:]))
    if len(args) > 1 and not args[1].startswith("-"):
        args[1] = args[1].replace("-", "_")
    args[0] = "prima"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
    if len(args) > 1 and args[1] == DEMO_COMMAND:
        refuse_demo_outside_development()
    from django.core.management import execute_from_command_line

    execute_from_command_line(args)


def refuse_demo_outside_development() -> None:
    """Exit with a message when the settings do not install the demo app."""
    import django
    from django.apps import apps
    from django.utils import translation
    from django.utils.translation import gettext as _

    django.setup()
    if apps.is_installed("prima.demo"):
        return
    # Like management commands, speak English whatever LANGUAGE_CODE says.
    with translation.override(None):
        message = _(
            "prima demo-data refused: the demo city creates a superuser with a "
            "published password and is not installed with production settings. "
            "Run it only on a development copy, with DJANGO_DEBUG=1 (make demo)."
        )
    sys.stderr.write(message + "\n")
    raise SystemExit(1)
