"""The rules half of the triage: red flags, route words and topic words from `lexicon`, matched on word
boundaries. Red flags are matched in every served language whatever the detected language, and are not
counted when negated ("geen pijn op de borst") or in the past ("vorig jaar een hartinfarct").
"""

from __future__ import annotations

import functools
import hashlib
import json
import re

from wegwijs.triage import lexicon


def normalise(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


@functools.cache
def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)")


def _find(text: str, phrase: str) -> re.Match[str] | None:
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


def _red_flags(normalised: str) -> list[tuple[str, re.Match[str], bool]]:
    """Every red-flag phrase found: (phrase, where, whether it is negated or in the past)."""
    found = []
    for phrases in lexicon.RED_FLAGS.values():
        for phrase in phrases:
            match = _find(normalised, phrase)
            if match:
                found.append((phrase, match, _negated_or_past(normalised, match.start())))
    return found


def urgent_reasons(text: str) -> list[str]:
    """The red-flag phrases in the text that are neither negated nor in the past."""
    return [phrase for phrase, _match, denied in _red_flags(normalise(text)) if not denied]


def without_denied_flags(text: str) -> str:
    """The normalised text with negated or past red flags replaced by a marker word, so that the learned
    model does not read "geen pijn op de borst" as chest pain: the rules already decided about it."""
    normalised = normalise(text)
    denied = sorted((match.span() for _phrase, match, was_denied in _red_flags(normalised) if was_denied), reverse=True)
    for start, end in denied:
        normalised = f"{normalised[:start]} zzdenied {normalised[end:]}"
    return normalised


def _matching(text: str, groups: dict[str, tuple[str, ...]]) -> list[str]:
    return [name for name, phrases in groups.items() if any(_find(text, phrase) for phrase in phrases)]


def rule_hits(text: str) -> list[str]:
    """Names of the rule groups that fire: "urgent", routes, topics, and "other_person" (a mantelzorger)."""
    normalised = normalise(text)
    hits = ["urgent"] if urgent_reasons(text) else []
    hits += _matching(normalised, lexicon.ROUTE_WORDS)
    hits += _matching(normalised, lexicon.TOPIC_WORDS)
    if writes_for_someone_else(text):
        hits.append("other_person")
    return hits


def asks_medical_content(text: str) -> bool:
    """A word that always means a medical content question (side effects, a dose), not negated."""
    normalised = normalise(text)
    for phrase in lexicon.MEDICAL_CONTENT:
        match = _find(normalised, phrase)
        if match and not _negated_or_past(normalised, match.start()):
            return True
    return False


def writes_for_someone_else(text: str) -> bool:
    """A mantelzorger or parent writing about someone else (who may not be able to write themselves)."""
    normalised = normalise(text)
    return any(_find(normalised, phrase) for phrase in lexicon.OTHER_PERSON)


def fingerprint() -> str:
    """Changes when any word list changes (the learned model reads the rule hits, so it must be retrained)."""
    lists = [lexicon.RED_FLAGS, lexicon.ROUTE_WORDS, lexicon.TOPIC_WORDS, sorted(lexicon.OTHER_PERSON)]
    lists.append(list(lexicon.MEDICAL_CONTENT))
    lists += [sorted(lexicon.NEGATIONS), sorted(lexicon.POST_NEGATIONS), list(lexicon.PAST_MARKERS)]
    return hashlib.sha256(json.dumps(lists, sort_keys=True).encode()).hexdigest()[:10]
