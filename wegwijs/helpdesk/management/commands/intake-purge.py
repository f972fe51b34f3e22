"""Run every hour from cron or a systemd timer: forget the rate-limit records of public forms once their window
has passed (they are keyed hashes of client addresses, e-mail addresses and phone numbers)."""

from typing import Any

from django.core.management.base import BaseCommand

from wegwijs.helpdesk.services import intake_attempts_purge


class Command(BaseCommand):
    help = "Delete the rate-limit records of the public forms that are older than the rate-limit window."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"{intake_attempts_purge()} rate-limit records deleted")
