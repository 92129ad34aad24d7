"""The ``prima`` console script: Django management commands with friendly names.

``prima demo-data`` runs the ``demo_data`` management command; any Django command
works the same way (``prima migrate``, ``prima createsuperuser``). ``prima ikm FILE``
is the exception: it computes an IKM from a spreadsheet and needs no database and no
Django settings, so it is dispatched before Django is imported.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    """Run a management command, accepting hyphenated command names."""
    args = list(sys.argv if argv is None else argv)
    if len(args) > 1 and args[1] == "ikm":
        from prima.surveys.ikm_cli import main as ikm_main

        raise SystemExit(ikm_main(args[2:]))
    if len(args) > 1 and not args[1].startswith("-"):
        args[1] = args[1].replace("-", "_")
    args[0] = "prima"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
    from django.core.management import execute_from_command_line

    execute_from_command_line(args)
