"""Which language a search is written in, when the person did not say: the triage's detection (lingua,
offline), with the page's language when there is too little to go on. Pure."""

from __future__ import annotations

from wegwijs.triage.language import UNDETERMINED, detect_language


def detect(text: str, *, default: str = "nl") -> str:
    language, _confidence = detect_language(text)
    return default if language == UNDETERMINED else language
