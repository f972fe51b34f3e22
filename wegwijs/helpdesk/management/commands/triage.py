"""Triage from the command line (the contract in the Triage engine issue).

wegwijs triage "TEXT"                                  prints the result as JSON
wegwijs triage --input IN.jsonl --output OUT.jsonl     adds language, route, topic, urgent_reasons and
                                                       redacted_text to every line (other fields kept)
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from wegwijs.triage import classify

ADDED = ("language", "route", "topic", "urgent_reasons", "redacted_text")


class Command(BaseCommand):
    help = "Classify a message, or every line of a JSON Lines file (fields id and text)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("text", nargs="?", help="one message")
        parser.add_argument("--input", type=Path, help="JSON Lines with at least id and text per line")
        parser.add_argument("--output", type=Path, help="where to write the lines with the triage added")
        parser.add_argument("--organisation", default=None, help="an organisation's slug, for article suggestions")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["input"] or options["output"]:
            if not (options["input"] and options["output"]) or options["text"]:
                raise CommandError("Give --input and --output together, or one TEXT.")
            self._file(options["input"], options["output"], options["organisation"])
        elif options["text"]:
            result = classify(options["text"], organisation=options["organisation"])
            self.stdout.write(json.dumps(result.as_dict(), ensure_ascii=False))
        else:
            raise CommandError("Give a TEXT, or --input and --output.")

    def _file(self, source: Path, target: Path, organisation: str | None) -> None:
        if not source.is_file():
            raise CommandError(f"{source} is not a file.")
        written = 0
        with source.open(encoding="utf-8") as lines, target.open("w", encoding="utf-8") as out:
            for number, line in enumerate(lines, start=1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as error:
                    raise CommandError(f"line {number}: not JSON ({error.msg})") from error
                if not isinstance(row, dict) or "id" not in row or not isinstance(row.get("text"), str):
                    raise CommandError(f"line {number}: needs an id and a text")
                result = classify(row["text"], organisation=organisation).as_dict()
                out.write(json.dumps({**row, **{key: result[key] for key in ADDED}}, ensure_ascii=False) + "\n")
                written += 1
        self.stdout.write(f"{written} line(s) written to {target}")
