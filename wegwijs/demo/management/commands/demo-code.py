from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django_otp.oath import TOTP

from wegwijs.demo.data import STAFF, demo_totp_key


class Command(BaseCommand):
    help = "Print the current second-factor code of a demo account (dev and test only)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email")

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.MODE == "production":
            raise CommandError("Demo codes are not available in production mode.")
        emails = {member.email for member in STAFF}
        if options["email"] not in emails:
            raise CommandError(f"Not a demo account. Choose one of: {', '.join(sorted(emails))}")
        totp = TOTP(bytes.fromhex(demo_totp_key(options["email"])))
        self.stdout.write(f"{totp.token():06d}")
