"""Learning from agents. Every correction of route or topic is stored (`triage_correction_record`);
`triage_model_train` trains an organisation model on the shipped examples plus that organisation's
corrections, measures it and the model in use on the same held-out messages, and puts it in use only when it
is not worse: urgent recall may not drop, and route plus topic macro-F1 may not go down.

Held-out messages: the shipped held-out set plus every fifth correction (by age), which is never trained on.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from wegwijs.accounts.models import User
from wegwijs.helpdesk.choices import MessageKind
from wegwijs.helpdesk.models import Message, Ticket
from wegwijs.triage.classify import classify_with
from wegwijs.triage.evaluation import Report, evaluate
from wegwijs.triage.model import Example, LearnedModel, fingerprint
from wegwijs.triage.redaction import redact
from wegwijs.triage.registry import HELD_OUT, base_model, load_examples, model_for
from wegwijs.triage_learning.models import TriageCorrection, TriageModel

HELD_OUT_EVERY = 5


def triage_correction_record(*, actor: User | None, ticket: Ticket, proposed_route: str, proposed_topic: str) -> None:
    """The agent's labels for the question (its first message, identifiers removed) become training data.
    One correction per question: a later change updates the labels, the first proposal is kept."""
    first = (
        Message.objects.filter(organisation_id=ticket.organisation_id, ticket=ticket, kind=MessageKind.INBOUND)
        .order_by("created_at")
        .values_list("body", flat=True)
        .first()
    )
    if not first:
        return
    labels = {"text": redact(first)[:4000], "route": ticket.route, "topic": ticket.topic, "corrected_by": actor}
    updated = TriageCorrection.objects.filter(organisation_id=ticket.organisation_id, ticket=ticket).update(**labels)
    if not updated:
        TriageCorrection.objects.create(
            organisation_id=ticket.organisation_id,
            ticket=ticket,
            proposed_route=proposed_route,
            proposed_topic=proposed_topic,
            model_version=ticket.triage_model_version,
            **labels,
        )


@dataclass(frozen=True)
class TrainingOutcome:
    model: TriageModel
    report: Report
    baseline: Report
    put_in_use: bool


def _score(report: Report) -> float:
    return report.fields["route"].macro_f1 + report.fields["topic"].macro_f1


def _measure(model: LearnedModel, gold: list[dict[str, object]]) -> Report:
    return evaluate((row, classify_with(model, str(row["text"])).as_dict()) for row in gold)


def _as_gold(example: Example) -> dict[str, object]:
    return {"text": example.text, "route": example.route, "topic": example.topic, "language": None}


def triage_model_train(*, organisation_id: int, slug: str) -> TrainingOutcome:
    corrections = [
        Example(text=row.text, route=row.route, topic=row.topic or None)
        for row in TriageCorrection.objects.filter(organisation_id=organisation_id).order_by("created_at", "pk")
    ]
    own_held_out = corrections[HELD_OUT_EVERY - 1 :: HELD_OUT_EVERY]
    own_training = [example for index, example in enumerate(corrections) if (index + 1) % HELD_OUT_EVERY]
    examples = load_examples() + own_training
    version = f"{slug}-{fingerprint(examples)}"
    gold = [_as_gold(example) for example in load_examples(HELD_OUT) + own_held_out]
    current = model_for(slug)
    from wegwijs.triage import training  # scikit-learn only in the process that trains

    candidate = training.train(examples, version=version, urgent_threshold=base_model().urgent_threshold)
    report, baseline = _measure(candidate, gold), _measure(current, gold)
    better = report.urgent_recall >= baseline.urgent_recall and _score(report) >= _score(baseline)
    with transaction.atomic():
        row, _ = TriageModel.objects.update_or_create(
            organisation_id=organisation_id,
            version=version,
            defaults={
                "blob": candidate.to_bytes(),
                "trained_on": len(examples),
                "corrections": len(own_training),
                "metrics": _figures(report),
                "baseline_metrics": _figures(baseline) | {"version": current.version},
            },
        )
        if better and current.version != version:
            TriageModel.objects.filter(organisation_id=organisation_id, in_use=True).update(in_use=False)
            row.in_use = True
            row.save(update_fields=["in_use"])
    return TrainingOutcome(model=row, report=report, baseline=baseline, put_in_use=row.in_use)


def _figures(report: Report) -> dict[str, object]:
    return {
        "count": report.count,
        "route_macro_f1": report.fields["route"].macro_f1,
        "topic_macro_f1": report.fields["topic"].macro_f1,
        "urgent_recall": report.urgent_recall,
        "urgent_precision": report.urgent_precision,
    }
