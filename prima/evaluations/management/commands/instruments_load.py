"""Load PEKPPP instruments: every version shipped in prima/evaluations/instruments/,
or the JSON files given, each validated by ``prima.evaluations.instrument``."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from prima.evaluations import instrument
from prima.evaluations.services import instrument_load


class Command(BaseCommand):
    help = (
        "Load the PEKPPP instruments shipped with Prima, or the JSON files given; "
        "an existing version is kept unless --replace."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="*", type=Path, metavar="FILE")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="replace a stored version that differs from the file",
        )

    def handle(self, *args, files, replace, **options):
        paths = files or list(instrument.shipped().values())
        for path in paths:
            try:
                text = path.read_text(encoding="utf-8")
            except OSError as error:
                raise CommandError(f"{path}: {error.strerror}") from None
            try:
                row, stored = instrument_load(definition=text, replace=replace)
            except ValidationError as error:
                problems = "\n".join(error.messages)
                raise CommandError(f"{path}:\n{problems}") from None
            state = "loaded" if stored else "unchanged"
            self.stdout.write(f"{path.name}: {row.version} {state}")
