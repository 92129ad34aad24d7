"""Clear the phone numbers visitors left with tickets and bookings of past days."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from prima.queues.services import phones_forget


class Command(BaseCommand):
    help = "Clear the phone numbers of queue tickets and bookings before today."

    def add_arguments(self, parser):
        parser.add_argument(
            "--today", help="Run as if today were this date (YYYY-MM-DD)."
        )

    def handle(self, *args, today=None, **options):
        try:
            day = date.fromisoformat(today) if today else timezone.localdate()
        except ValueError as exc:
            raise CommandError(f"--today must be YYYY-MM-DD, got {today!r}") from exc
        self.stdout.write(f"{day}: {phones_forget(before=day)} phone numbers cleared")
