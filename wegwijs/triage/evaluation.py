"""Measuring triage against gold labels: accuracy and macro-F1 per field, urgent recall and precision, and the
route confusion matrix. Pure Python (no Django)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from wegwijs.triage.result import ROUTES

FIELDS = ("language", "route", "topic")
NONE = "-"  # a field without a value (no topic outside the helpdesk route)
LONG_MESSAGE_WORDS = 5


@dataclass(frozen=True)
class FieldScore:
    accuracy: float
    macro_f1: float


@dataclass(frozen=True)
class Report:
    count: int
    fields: dict[str, FieldScore]
    urgent_recall: float
    urgent_precision: float
    language_accuracy_long: float  # on messages of LONG_MESSAGE_WORDS words or more
    confusion: dict[str, dict[str, int]]  # gold route -> predicted route -> count


def _label(value: object) -> str:
    return str(value) if value not in (None, "") else NONE


def _macro_f1(pairs: list[tuple[str, str]]) -> float:
    labels = {gold for gold, _ in pairs} | {predicted for _, predicted in pairs}
    scores = []
    for label in labels:
        true_positive = sum(1 for gold, predicted in pairs if gold == label and predicted == label)
        predicted_count = sum(1 for _, predicted in pairs if predicted == label)
        gold_count = sum(1 for gold, _ in pairs if gold == label)
        precision = true_positive / predicted_count if predicted_count else 0.0
        recall = true_positive / gold_count if gold_count else 0.0
        scores.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return sum(scores) / len(scores) if scores else 0.0


def evaluate(rows: Iterable[tuple[Mapping[str, object], Mapping[str, object]]]) -> Report:
    """`rows` are (gold, predicted) pairs of dicts holding at least language, route and topic."""
    rows = list(rows)
    fields = {}
    for name in FIELDS:
        pairs = [(_label(gold.get(name)), _label(predicted.get(name))) for gold, predicted in rows]
        correct = sum(1 for gold, predicted in pairs if gold == predicted)
        fields[name] = FieldScore(round(correct / len(pairs), 3) if pairs else 0.0, round(_macro_f1(pairs), 3))
    routes = [(_label(gold.get("route")), _label(predicted.get("route"))) for gold, predicted in rows]
    urgent_gold = sum(1 for gold, _ in routes if gold == "urgent")
    urgent_predicted = sum(1 for _, predicted in routes if predicted == "urgent")
    urgent_hit = sum(1 for gold, predicted in routes if gold == predicted == "urgent")
    long = [
        (gold, predicted) for gold, predicted in rows if len(str(gold.get("text", "")).split()) >= LONG_MESSAGE_WORDS
    ]
    long_correct = sum(1 for gold, predicted in long if gold.get("language") == predicted.get("language"))
    counts = Counter(routes)
    confusion = {gold: {predicted: counts[(gold, predicted)] for predicted in ROUTES} for gold in ROUTES}
    return Report(
        count=len(rows),
        fields=fields,
        urgent_recall=round(urgent_hit / urgent_gold, 3) if urgent_gold else 1.0,
        urgent_precision=round(urgent_hit / urgent_predicted, 3) if urgent_predicted else 1.0,
        language_accuracy_long=round(long_correct / len(long), 3) if long else 0.0,
        confusion=confusion,
    )


def format_report(report: Report) -> str:
    lines = [f"{report.count} messages"]
    for name, score in report.fields.items():
        lines.append(f"{name:<9} accuracy {score.accuracy:.3f}  macro-F1 {score.macro_f1:.3f}")
    lines.append(f"urgent    recall {report.urgent_recall:.3f}  precision {report.urgent_precision:.3f}")
    lines.append(f"language  accuracy {report.language_accuracy_long:.3f} on messages of {LONG_MESSAGE_WORDS}+ words")
    width = max(len(route) for route in ROUTES)
    lines.append("route confusion (rows: gold, columns: predicted)")
    lines.append(" " * (width + 1) + " ".join(f"{route[:6]:>6}" for route in ROUTES))
    for gold in ROUTES:
        lines.append(f"{gold:<{width}} " + " ".join(f"{report.confusion[gold][predicted]:>6}" for predicted in ROUTES))
    return "\n".join(lines)
