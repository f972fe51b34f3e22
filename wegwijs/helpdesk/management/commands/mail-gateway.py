"""For an MTA pipe: `wegwijs mail-gateway --organisation SLUG < message.eml`.

Exit 0 when the mail is stored (malformed mail is stored and flagged too); 67 (EX_NOUSER) for an unknown
organisation, so the MTA bounces it; 75 (EX_TEMPFAIL) when storing failed, so the MTA retries later.
"""

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import DatabaseError

from wegwijs.helpdesk.mail_in import email_ingest
from wegwijs.tenancy.scope import command_scope
from wegwijs.tenancy.selectors import organisation_list_public

EX_NOUSER = 67
EX_TEMPFAIL = 75
MAX_MESSAGE_BYTES = 50 * 1024 * 1024


class Command(BaseCommand):
    help = "Read one RFC 822 e-mail from standard input into an organisation's helpdesk."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--organisation", required=True, help="the organisation's address name (slug)")

    def handle(self, *args: Any, **options: Any) -> None:
        organisation = organisation_list_public().filter(slug=options["organisation"]).first()
        if organisation is None:
            self.stderr.write(f"unknown organisation {options['organisation']!r}")
            sys.exit(EX_NOUSER)
        raw = sys.stdin.buffer.read(MAX_MESSAGE_BYTES + 1)
        try:
            with command_scope("mail-gateway", [organisation]):
                inbound = email_ingest(organisation=organisation, raw=raw[:MAX_MESSAGE_BYTES])
        except DatabaseError as error:
            self.stderr.write(f"could not store the mail: {type(error).__name__}")
            sys.exit(EX_TEMPFAIL)
        flag = " (flagged)" if inbound.is_malformed or len(raw) > MAX_MESSAGE_BYTES else ""
        self.stdout.write(f"stored {inbound.rfc_message_id}{flag}")
