"""Insights from the command line.

wegwijs insights rebuild [--organisation SLUG]   recompute the rollups from the questions (all organisations
                                                 when no slug is given); safe while Wegwijs runs
wegwijs insights send-reports [--organisation SLUG] [--today YYYY-MM-DD]
                                                 queue the periodic report for every recipient who has not had
                                                 the latest complete period yet (daily from cron); the task
                                                 workers send them
"""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import QuerySet
from django.utils import timezone

from wegwijs.insights.delivery import report_deliveries_due
from wegwijs.insights.rollups import RollupReport, rollup_rebuild
from wegwijs.insights.tasks import deliver_report
from wegwijs.tenancy.models import Organisation
from wegwijs.tenancy.scope import command_scope


class Command(BaseCommand):
    help = "Rebuild the insights rollups from the questions, or queue the periodic reports by e-mail."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        rebuild = actions.add_parser("rebuild", help="recompute the rollups of one or every organisation")
        rebuild.add_argument("--organisation", metavar="SLUG")
        send = actions.add_parser("send-reports", help="queue the reports due to the report recipients")
        send.add_argument("--organisation", metavar="SLUG")
        send.add_argument(
            "--today", metavar="YYYY-MM-DD", type=dt.date.fromisoformat, help="the day to compute from (default: today)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        organisations = Organisation.objects.order_by("slug")
        if options["action"] == "send-reports":
            organisations = organisations.filter(is_active=True)
        if options["organisation"]:
            organisations = organisations.filter(slug=options["organisation"])
            if not organisations:
                raise CommandError(f"No organisation with the address name {options['organisation']!r}.")
        if options["action"] == "send-reports":
            self.send_reports(organisations, today=options["today"] or timezone.localdate())
        else:
            self.rebuild(organisations)

    def rebuild(self, organisations: QuerySet[Organisation]) -> None:
        started = time.monotonic()
        total = RollupReport()
        for organisation in organisations:
            with command_scope("insights rebuild", [organisation]):
                report = rollup_rebuild(organisation=organisation)
            self.stdout.write(f"{organisation.slug}: {report}")
            total.add(report)
        seconds = time.monotonic() - started
        self.stdout.write(f"Rebuilt {total.organisations} organisation(s): {total} in {seconds:.1f} s")

    def send_reports(self, organisations: QuerySet[Organisation], *, today: dt.date) -> None:
        chosen = list(organisations)
        with command_scope("insights send-reports", chosen):
            due = report_deliveries_due(today=today, organisation_ids=[organisation.pk for organisation in chosen])
        for report in due:
            deliver_report.enqueue(report.organisation_id, report.recipient_id, report.period_key)
        self.stdout.write(f"Queued {len(due)} report(s) for {today.isoformat()}.")
