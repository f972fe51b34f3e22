"""Rules-based route, topic and urgency behind the final triage contract; the language comes from lingua
(`language.py`). The Triage engine issue replaces the route/topic guesses with a trained classifier without
changing this signature. Safety first: red flags are matched in every supported language regardless of the
detected language, and when several routes match, the most safety-critical wins.
"""

from __future__ import annotations

import functools
import re

from wegwijs.triage import lexicon
from wegwijs.triage.language import detect_language
from wegwijs.triage.redaction import redact_bsn
from wegwijs.triage.result import ROUTES, TriageResult

MODEL_VERSION = "rules-2026.12"


def _normalise(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


@functools.cache
def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)")


def _contains(text: str, phrase: str) -> re.Match[str] | None:
    """Quick substring test first: most phrases are absent from most messages."""
    return _phrase_pattern(phrase).search(text) if phrase in text else None


def _negated_or_past(text: str, start: int) -> bool:
    sentence_start = max(text.rfind(mark, 0, start) for mark in ".!?\n") + 1
    sentence_end_candidates = [text.find(mark, start) for mark in ".!?\n"]
    sentence_end = min([end for end in sentence_end_candidates if end != -1], default=len(text))
    before = [word.strip(",;:") for word in text[sentence_start:start].split()[-3:]]
    for index, word in enumerate(before):
        following = before[index + 1] if index + 1 < len(before) else ""
        if word in lexicon.NEGATIONS and following not in lexicon.NOT_ONLY:
            return True
    after = [word.strip(",;:.") for word in text[start:sentence_end].split()[:6]]
    if any(word in lexicon.POST_NEGATIONS for word in after):
        return True
    sentence = text[sentence_start:sentence_end]
    return any(marker in sentence for marker in lexicon.PAST_MARKERS)


def urgent_reasons(text: str) -> list[str]:
    normalised = _normalise(text)
    reasons = []
    for phrases in lexicon.RED_FLAGS.values():
        for phrase in phrases:
            match = _contains(normalised, phrase)
            if match and not _negated_or_past(normalised, match.start()):
                reasons.append(phrase)
    return reasons


def _matching_routes(text: str) -> set[str]:
    normalised = _normalise(text)
    return {
        route
        for route, phrases in lexicon.ROUTE_WORDS.items()
        if any(_contains(normalised, phrase) for phrase in phrases)
    }


def _topic(text: str) -> str | None:
    normalised = _normalise(text)
    hits = {
        topic: sum(bool(_contains(normalised, phrase)) for phrase in phrases)
        for topic, phrases in lexicon.TOPIC_WORDS.items()
    }
    best = max(hits, key=lambda topic: hits[topic])
    return best if hits[best] else None


def classify(text: str, *, organisation: str | None = None) -> TriageResult:
    """Language, route, topic and urgency of one message, with the text cleaned of identifiers."""
    redacted = redact_bsn(text)
    language, language_confidence = detect_language(redacted)
    reasons = urgent_reasons(redacted)
    topic = _topic(redacted)
    routes = _matching_routes(redacted)
    if reasons:
        routes.add("urgent")
    if topic or not routes:
        routes.add("helpdesk")
    route = min(routes, key=ROUTES.index)
    return TriageResult(
        language=language,
        route=route,
        topic=(topic or "other_technical") if route == "helpdesk" else None,
        confidence={
            "language": language_confidence,
            "route": 0.9 if route == "urgent" else (0.6 if len(routes) == 1 else 0.4),
            "topic": 0.6 if topic else 0.2,
        },
        urgent_reasons=reasons,
        redacted_text=redacted,
        model_version=MODEL_VERSION,
    )
