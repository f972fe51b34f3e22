import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from wegwijs.audit.services import access_log_purge

MINIMUM_DAYS = 365


class Command(BaseCommand):
    help = "Remove access log entries older than the retention period (the purge itself is logged)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--older-than-days", type=int, required=True, help=f"retention in days; at least {MINIMUM_DAYS}"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        days = options["older_than_days"]
        if days < MINIMUM_DAYS:
            raise CommandError(f"Keep the access log at least {MINIMUM_DAYS} days.")
        deleted = access_log_purge(before=timezone.now() - dt.timedelta(days=days))
        self.stdout.write(f"Removed {deleted} access log entries older than {days} days.")
