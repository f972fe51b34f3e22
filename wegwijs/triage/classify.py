"""Language, urgency, route and topic of one message: the rules and the learned model together.

Safety first:
- a message is urgent when a red flag fires (any served language) *or* the model's urgent probability
  reaches its threshold; the threshold is lower when someone writes for another person (a mantelzorger) or
  in another language than Dutch (a language barrier): both raise urgency, never lower it;
- otherwise the route is the model's, but a more safety-critical route the model finds nearly as likely wins,
  and a medical content word (a side effect, a dose) always makes it at least care_provider (the taxonomy's
  priority rule: urgent > care_provider > privacy > helpdesk > ...).
"""

from __future__ import annotations

import dataclasses

from wegwijs.triage import rules
from wegwijs.triage.language import detect_language
from wegwijs.triage.model import LearnedModel
from wegwijs.triage.redaction import redact, redact_bsn
from wegwijs.triage.registry import model_for, suggested_articles
from wegwijs.triage.result import ROUTES, TriageResult

# Urgent threshold factor for a mantelzorger or a language barrier.
RAISED_URGENCY = 0.7
# A more safety-critical route wins a near tie: at least this share of the top route's probability.
PRIORITY_SHARE = 0.9
OWN_LANGUAGES = frozenset({"nl", "und"})
# Routes where an article from the organisation's knowledge base may answer the question.
SELF_HELP_ROUTES = frozenset({"helpdesk", "general_digital"})


def _urgent_threshold(model: LearnedModel, text: str, language: str) -> float:
    raised = rules.writes_for_someone_else(text) or language not in OWN_LANGUAGES
    return model.urgent_threshold * (RAISED_URGENCY if raised else 1.0)


def _route(probabilities: dict[str, float]) -> tuple[str, float]:
    """The most likely non-urgent route, or a more safety-critical one nearly as likely; with its confidence."""
    rest = {route: probability for route, probability in probabilities.items() if route != "urgent"}
    total = sum(rest.values()) or 1.0
    rest = {route: probability / total for route, probability in rest.items()}
    best = max(rest, key=lambda route: rest[route])
    for route in ROUTES[1 : ROUTES.index(best)]:
        if rest.get(route, 0.0) >= PRIORITY_SHARE * rest[best]:
            return route, rest[route]
    return best, rest[best]


def classify(text: str, *, organisation: str | None = None) -> TriageResult:
    """Language, route, topic and urgency of one message, with the text cleaned of identifiers; triaged by
    the organisation's own model when it has one in use."""
    result = classify_with(model_for(organisation), text)
    if result.route not in SELF_HELP_ROUTES:
        return result
    suggestions = suggested_articles(organisation, result.redacted_text, result.language)
    return dataclasses.replace(result, suggested_articles=suggestions)


def classify_with(model: LearnedModel, text: str) -> TriageResult:
    """`classify` with a given model (to compare a newly trained model with the one in use)."""
    without_bsn = redact_bsn(text)
    language, language_confidence = detect_language(without_bsn)
    prediction = model.predict(without_bsn)
    probabilities = prediction.route
    reasons = rules.urgent_reasons(without_bsn)
    urgent_probability = prediction.urgent
    if reasons or urgent_probability >= _urgent_threshold(model, without_bsn, language):
        route, route_confidence = "urgent", max(urgent_probability, 0.9 if reasons else 0.0)
        reasons = reasons or model.urgent_words(without_bsn)
    else:
        route, route_confidence = _route(probabilities)
        if ROUTES.index(route) > ROUTES.index("care_provider") and rules.asks_medical_content(without_bsn):
            route, route_confidence = "care_provider", max(probabilities.get("care_provider", 0.0), 0.5)
    topic, topic_confidence = None, 1.0
    if route == "helpdesk":
        topics = prediction.topic
        topic = max(topics, key=lambda name: topics[name])
        topic_confidence = topics[topic]
    return TriageResult(
        language=language,
        route=route,
        topic=topic,
        confidence={
            "language": language_confidence,
            "route": round(route_confidence, 2),
            "topic": round(topic_confidence, 2),
        },
        urgent_reasons=reasons,
        redacted_text=redact(text),
        model_version=model.version,
    )
