"""A B1 check for Dutch article text: sentence length, long words, the Flesch-Douma score and hard words
with simpler alternatives. Pure (pyphen's Dutch dictionary for syllables). A guide for the editor, not a
gate: the text is saved either way.

Flesch-Douma (Douma 1960, the Dutch adaptation of Flesch's reading ease):
    206.84 - 0.77 * (syllables per 100 words) - 0.93 * (words per sentence)
Roughly: above 60 is easy to read (B1 and below), 30-60 average, below 30 hard.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import pyphen

LONG_SENTENCE_WORDS = 15
LONG_WORD_SYLLABLES = 4
B1_SCORE = 60.0
SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|\n|$)")
WORD = re.compile(r"[A-Za-zÀ-ÿ]+(?:-[A-Za-zÀ-ÿ]+)*")
MARKDOWN = re.compile(r"(^#+\s*)|(\*\*|__|`)|(\[([^\]]*)\]\([^)]*\))|(^\s*(?:[-*+]|\d+\.)\s+)", re.MULTILINE)

# Words B1 readers often stumble on, with a simpler way to say it (a starter list; editors see, not must use).
SIMPLER = {
    "aanvragen": "vragen om",
    "alvorens": "voordat",
    "applicatie": "app",
    "authenticatie": "inloggen",
    "betreffende": "over",
    "cliënt": "u",
    "derhalve": "daarom",
    "dienen": "moeten",
    "doorverwijzen": "sturen naar",
    "echter": "maar",
    "eventueel": "misschien",
    "functionaliteit": "mogelijkheid",
    "gebruikersnaam": "naam om in te loggen",
    "genoodzaakt": "moeten",
    "hiervoor": "daarvoor",
    "indien": "als",
    "inzake": "over",
    "middels": "met",
    "mits": "als",
    "omtrent": "over",
    "ontvangen": "krijgen",
    "op basis van": "volgens",
    "retourneren": "terugsturen",
    "teneinde": "om",
    "thans": "nu",
    "tevens": "ook",
    "uiteraard": "natuurlijk",
    "verifiëren": "controleren",
    "verstrekken": "geven",
    "vervolgens": "daarna",
    "wensen": "willen",
    "woonachtig": "wonen",
    "zodoende": "zo",
}


@dataclass(frozen=True)
class Readability:
    words: int
    sentences: int
    syllables: int
    score: float  # Flesch-Douma
    long_sentences: list[str]
    long_words: list[str]
    hard_words: list[tuple[str, str]]  # (word, simpler alternative)

    @property
    def is_b1(self) -> bool:
        return self.score >= B1_SCORE and not self.long_sentences


@functools.cache
def _dictionary() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="nl_NL")


def syllables(word: str) -> int:
    return len(_dictionary().inserted(word.lower()).split("-"))


def plain_text(markdown: str) -> str:
    """The words a reader reads: Markdown marks, link addresses and list numbers taken out."""
    return MARKDOWN.sub(lambda match: match.group(4) or "", markdown)


def check(markdown: str) -> Readability:
    text = plain_text(markdown)
    sentences = [sentence.strip() for sentence in SENTENCE.findall(text) if WORD.search(sentence)]
    words = WORD.findall(text)
    if not words:
        return Readability(0, 0, 0, 0.0, [], [], [])
    counts = {word: syllables(word) for word in set(words)}
    total = sum(counts[word] for word in words)
    score = 206.84 - 0.77 * (100 * total / len(words)) - 0.93 * (len(words) / max(1, len(sentences)))
    lowered = text.lower()
    return Readability(
        words=len(words),
        sentences=len(sentences),
        syllables=total,
        score=round(score, 1),
        long_sentences=[s for s in sentences if len(WORD.findall(s)) > LONG_SENTENCE_WORDS],
        long_words=sorted({word for word in words if counts[word] >= LONG_WORD_SYLLABLES}, key=str.lower),
        hard_words=sorted(
            (word, simpler)
            for word, simpler in SIMPLER.items()
            if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", lowered)
        ),
    )
