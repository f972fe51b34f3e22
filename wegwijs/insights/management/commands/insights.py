"""Insights from the command line.

wegwijs insights rebuild [--organisation SLUG]   recompute the rollups from the questions (all organisations
                                                 when no slug is given); safe while Wegwijs runs
"""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from wegwijs.insights.rollups import RollupReport, rollup_rebuild
from wegwijs.tenancy.models import Organisation
from wegwijs.tenancy.scope import command_scope


class Command(BaseCommand):
    help = "Rebuild the insights rollups from the questions."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        rebuild = actions.add_parser("rebuild", help="recompute the rollups of one or every organisation")
        rebuild.add_argument("--organisation", metavar="SLUG")

    def handle(self, *args: Any, **options: Any) -> None:
        organisations = Organisation.objects.order_by("slug")
        if options["organisation"]:
            organisations = organisations.filter(slug=options["organisation"])
            if not organisations:
                raise CommandError(f"No organisation with the address name {options['organisation']!r}.")
        started = time.monotonic()
        total = RollupReport()
        for organisation in organisations:
            with command_scope("insights rebuild", [organisation]):
                report = rollup_rebuild(organisation=organisation)
            self.stdout.write(f"{organisation.slug}: {report}")
            total.add(report)
        seconds = time.monotonic() - started
        self.stdout.write(f"Rebuilt {total.organisations} organisation(s): {total} in {seconds:.1f} s")
