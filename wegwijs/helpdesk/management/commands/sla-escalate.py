"""Run every few minutes from cron or a systemd timer: escalate questions past their service level."""

from typing import Any

from django.core.management.base import BaseCommand

from wegwijs.helpdesk.sla import sla_escalate
from wegwijs.tenancy.scope import command_scope
from wegwijs.tenancy.selectors import organisation_list_public


class Command(BaseCommand):
    help = "Escalate overdue questions (once each) to the organisation's coordinators."

    def handle(self, *args: Any, **options: Any) -> None:
        for organisation in organisation_list_public():
            with command_scope("sla-escalate", [organisation]):
                escalated = sla_escalate(organisation=organisation)
            if escalated:
                self.stdout.write(f"{organisation.slug}: {escalated} escalated")
