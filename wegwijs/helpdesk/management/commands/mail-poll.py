"""Run every minute from cron or a systemd timer: `wegwijs mail-poll` queues one task per active mailbox
for the task workers; `--now` reads them right here instead."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from wegwijs.helpdesk.mail_poll import mailbox_poll
from wegwijs.helpdesk.models import Mailbox
from wegwijs.helpdesk.tasks import poll_mailbox
from wegwijs.tenancy.scope import command_scope
from wegwijs.tenancy.selectors import organisation_list_public


class Command(BaseCommand):
    help = "Read the helpdesk mailboxes of every organisation (IMAP)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--now", action="store_true", help="read the mailboxes in this process")

    def handle(self, *args: Any, **options: Any) -> None:
        organisations = list(organisation_list_public())
        with command_scope("mail-poll", organisations):
            mailboxes = list(Mailbox.objects.filter(is_active=True).select_related("organisation"))
            for mailbox in mailboxes:
                if options["now"]:
                    stored = mailbox_poll(mailbox=mailbox)
                    self.stdout.write(f"{mailbox}: {stored} new")
                else:
                    poll_mailbox.enqueue(mailbox.organisation_id, mailbox.pk)
        if not options["now"]:
            self.stdout.write(f"queued {len(mailboxes)} mailbox(es)")
