from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from wegwijs.demo.data import DEMO_PASSWORD, base32_secret, demo_totp_key, load_demo


class Command(BaseCommand):
    help = "Load the fictional demo organisations, help points and staff (idempotent). Dev and test only."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--quiet-logins", action="store_true", help="Do not print the demo logins.")

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.MODE == "production":
            raise CommandError("Refusing to load demo accounts with known passwords in production mode.")
        staff = load_demo()
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
        if options["quiet_logins"]:
            return
        self.stdout.write(f"\nDemo logins (dev only). Password for all: {DEMO_PASSWORD}")
        self.stdout.write("Second factor: add the secret to an authenticator app, or print the current code with")
        self.stdout.write("  .venv/bin/wegwijs demo-code EMAIL\n")
        for member in staff:
            roles = ", ".join(f"{role.label} @ {slug}" for slug, role in member.roles) or "platform admin"
            self.stdout.write(f"  {member.email:<30} {roles}")
            self.stdout.write(f"  {'':<30} TOTP secret: {base32_secret(demo_totp_key(member.email))}")
