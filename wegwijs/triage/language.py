"""Which language a message is written in: lingua (its models ship in the wheel, offline), restricted to the
languages the platform serves. "und" when there is too little evidence ("ok", "???"). Pure Python.

Arabic and Cyrillic script decide at once (Arabic, and Ukrainian: the only served languages written in them).
"""

from __future__ import annotations

import functools
import unicodedata

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

UNDETERMINED = "und"
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
MIN_LETTERS = 4
MIN_CONFIDENCE = 0.5


@functools.cache
def _detector() -> LanguageDetector:
    """Built once per process. The language models are loaded lazily: preloading all eight takes about 3 s
    at start, while lazy loading costs the same per call (measured with bench/triage.py)."""
    return LanguageDetectorBuilder.from_languages(*SERVED).build()


def detect_language(text: str) -> tuple[str, float]:
    """(ISO 639-1 code or "und", confidence 0-1)."""
    letters = [char for char in text if char.isalpha()]
    if len(letters) < MIN_LETTERS:
        return UNDETERMINED, 0.0
    scripts = {unicodedata.name(char, "").split(" ")[0] for char in letters}
    if "ARABIC" in scripts:
        return "ar", 1.0
    if "CYRILLIC" in scripts:
        return "uk", 1.0
    best = _detector().compute_language_confidence_values(text)[0]
    if best.value < MIN_CONFIDENCE:
        return UNDETERMINED, round(best.value, 2)
    return SERVED[best.language], round(best.value, 2)
