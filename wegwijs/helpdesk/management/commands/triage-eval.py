"""wegwijs triage-eval FILE.jsonl: triage every line (fields text and the gold language, route and topic) and
print accuracy and macro-F1 per field, urgent recall and precision, and the route confusion matrix."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from wegwijs.triage import classify
from wegwijs.triage.evaluation import evaluate, format_report


class Command(BaseCommand):
    help = "Measure triage against a JSON Lines file with gold labels."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"{path} is not a file.")
        pairs = []
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                gold = json.loads(line)
            except json.JSONDecodeError as error:
                raise CommandError(f"line {number}: not JSON ({error.msg})") from error
            if not isinstance(gold, dict) or not isinstance(gold.get("text"), str) or "route" not in gold:
                raise CommandError(f"line {number}: needs text, language, route and topic")
            pairs.append((gold, classify(gold["text"]).as_dict()))
        if not pairs:
            raise CommandError(f"{path} holds no messages.")
        self.stdout.write(format_report(evaluate(pairs)))
