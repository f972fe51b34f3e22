"""The knowledge base from the command line: import and export in the exchange format, and search.

wegwijs kb import DIR --organisation SLUG | --platform
wegwijs kb export DIR --organisation SLUG | --platform
wegwijs kb search "QUERY" --organisation SLUG [--language LL] [--limit N] [--json]
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from wegwijs.knowledge import services
from wegwijs.knowledge.search.engine import kb_search
from wegwijs.tenancy.models import Organisation
from wegwijs.tenancy.selectors import organisation_list_public


class Command(BaseCommand):
    help = "Import, export and search knowledge articles."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        for name, help_text in (
            ("import", "create or update articles from a folder"),
            ("export", "write articles to a folder"),
        ):
            action = actions.add_parser(name, help=help_text)
            action.add_argument("directory", type=Path)
            owner = action.add_mutually_exclusive_group(required=True)
            owner.add_argument("--organisation", metavar="SLUG")
            owner.add_argument("--platform", action="store_true", help="the articles shared with every organisation")
        search = actions.add_parser("search", help="print the ranked results for a query")
        search.add_argument("query")
        search.add_argument("--organisation", metavar="SLUG", required=True)
        search.add_argument("--language", default="", help="ISO 639-1; detected from the query when left out")
        search.add_argument("--limit", type=int, default=10)
        search.add_argument("--json", action="store_true", help="print JSON")

    def handle(self, *args: Any, **options: Any) -> None:
        organisation = None if options.get("platform") else _organisation(options["organisation"])
        if options["action"] == "import":
            self._import(options["directory"], organisation)
        elif options["action"] == "export":
            names = services.kb_export(directory=options["directory"], organisation=organisation)
            self.stdout.write(f"{len(names)} article(s) written to {options['directory']}")
        else:
            self._search(options, organisation)

    def _import(self, directory: Path, organisation: Organisation | None) -> None:
        if not directory.is_dir():
            raise CommandError(f"{directory} is not a folder.")
        report = services.kb_import(directory=directory, organisation=organisation)
        for name, reason in report.invalid:
            self.stderr.write(f"invalid: {name}: {reason}")
        self.stdout.write(
            f"{len(report.created)} created, {len(report.updated)} updated, {len(report.unchanged)} unchanged, "
            f"{len(report.invalid)} invalid"
        )

    def _search(self, options: dict[str, Any], organisation: Organisation | None) -> None:
        assert organisation is not None  # search always names an organisation
        if options["limit"] < 1:
            raise CommandError("--limit must be at least 1.")
        language, results = kb_search(
            organisation=organisation, query=options["query"], language=options["language"], limit=options["limit"]
        )
        rows = [{"slug": r.slug, "language": r.language, "title": r.title, "score": r.score} for r in results]
        if options["json"]:
            self.stdout.write(json.dumps(rows, ensure_ascii=False))
            return
        self.stdout.write(f"read as: {language}")
        for row in rows:
            self.stdout.write(f"{row['score']:8.3f}  {row['slug']} ({row['language']})  {row['title']}")


def _organisation(slug: str) -> Organisation:
    organisation = organisation_list_public().filter(slug=slug).first()
    if organisation is None:
        raise CommandError(f"No active organisation with the address name {slug!r}.")
    return organisation
