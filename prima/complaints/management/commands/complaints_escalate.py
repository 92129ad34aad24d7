"""Escalate overdue cases and close expired answered ones; run daily by cron."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from prima.complaints.escalation import escalate


class Command(BaseCommand):
    help = "Escalate overdue complaints and close answered ones past re-opening."

    def add_arguments(self, parser):
        parser.add_argument(
            "--today", help="Run as if today were this date (YYYY-MM-DD)."
        )

    def handle(self, *args, today=None, **options):
        try:
            day = date.fromisoformat(today) if today else timezone.localdate()
        except ValueError as exc:
            raise CommandError(f"--today must be YYYY-MM-DD, got {today!r}") from exc
        result = escalate(today=day)
        self.stdout.write(
            f"{day}: {result.to_opd} to OPD, {result.to_pemda} to Pemda, "
            f"{result.closed} closed"
        )
