"""The ``prima`` console script: Django management commands with friendly names.

``prima demo-data`` runs the ``demo_data`` management command; any Django command
works the same way (``prima migrate``, ``prima createsuperuser``).
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    """Run a management command, accepting hyphenated command names."""
    args = list(sys.argv if argv is None else argv)
    if len(args) > 1 and not args[1].startswith("-"):
        args[1] = args[1].replace("-", "_")
    args[0] = "prima"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
    from django.core.management import execute_from_command_line

    execute_from_command_line(args)
