"""Run nightly from cron or a systemd timer (`wegwijs triage-train --all`), or by hand for one organisation:
train the organisation's triage model on the shipped examples plus its agents' corrections, print the
held-out figures next to those of the model in use, and put the new model in use only when it is not worse."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from wegwijs.tenancy.models import Organisation
from wegwijs.tenancy.scope import command_scope
from wegwijs.tenancy.selectors import organisation_list_public
from wegwijs.triage_learning.services import TrainingOutcome, triage_model_train


class Command(BaseCommand):
    help = "Train an organisation's triage model on its agents' corrections; use it when it is not worse."

    def add_arguments(self, parser: CommandParser) -> None:
        target = parser.add_mutually_exclusive_group(required=True)
        target.add_argument("--organisation", metavar="SLUG")
        target.add_argument("--all", action="store_true", help="every active organisation")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["all"]:
            organisations = list(organisation_list_public())
        else:
            organisations = list(Organisation.objects.filter(slug=options["organisation"]))
            if not organisations:
                raise CommandError(f"Unknown organisation: {options['organisation']}")
        for organisation in organisations:
            with command_scope("triage-train", [organisation]):
                outcome = triage_model_train(organisation_id=organisation.pk, slug=organisation.slug)
            self.stdout.write(_describe(organisation.slug, outcome))


def _describe(slug: str, outcome: TrainingOutcome) -> str:
    def figures(label: str, report: Any) -> str:
        return (
            f"  {label:<9} route macro-F1 {report.fields['route'].macro_f1:.3f}  "
            f"topic macro-F1 {report.fields['topic'].macro_f1:.3f}  "
            f"urgent recall {report.urgent_recall:.3f}  precision {report.urgent_precision:.3f}"
        )

    verdict = "put in use" if outcome.put_in_use else "not put in use (not better than the model in use)"
    return "\n".join(
        [
            f"{slug}: {outcome.model.version} trained on {outcome.model.trained_on} examples "
            f"({outcome.model.corrections} corrections), held-out {outcome.report.count} messages",
            figures("new", outcome.report),
            figures("in use", outcome.baseline),
            f"  {verdict}",
        ]
    )
