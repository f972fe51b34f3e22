"""Which language a search is written in, when the person did not say. Pure (lingua, offline models)."""

from __future__ import annotations

import functools
import unicodedata

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

SERVED = {
    Language.DUTCH: "nl",
    Language.ENGLISH: "en",
    Language.TURKISH: "tr",
    Language.ARABIC: "ar",
    Language.POLISH: "pl",
    Language.UKRAINIAN: "uk",
    Language.GERMAN: "de",
    Language.FRENCH: "fr",
}
MIN_CONFIDENCE = 0.5
MIN_LETTERS = 4


@functools.cache
def _detector() -> LanguageDetector:
    """Built once per process with its models loaded up front: loading them lazily costs milliseconds a call."""
    return LanguageDetectorBuilder.from_languages(*SERVED).with_preloaded_language_models().build()


def detect(text: str, *, default: str = "nl") -> str:
    """The language of a short text; `default` when there is too little to go on. Arabic and Cyrillic
    script decide at once (the only served languages written in them)."""
    letters = [char for char in text if char.isalpha()]
    if len(letters) < MIN_LETTERS:
        return default
    scripts = {unicodedata.name(char, "").split(" ")[0] for char in letters}
    if "ARABIC" in scripts:
        return "ar"
    if "CYRILLIC" in scripts:
        return "uk"
    best = _detector().compute_language_confidence_values(text)[0]
    return SERVED[best.language] if best.value >= MIN_CONFIDENCE else default
