"""What is kept of a search: the words, without anything that could identify someone."""

from __future__ import annotations

import re

from wegwijs.triage.redaction import redact_bsn

EMAIL = re.compile(r"\S+@\S+")
LONG_NUMBER = re.compile(r"(?<!\w)\+?\d[\d \-]{5,}\d(?!\w)")
MAX_LENGTH = 200


def redact_query(text: str) -> str:
    """A BSN, e-mail addresses and phone-like numbers replaced; at most 200 characters."""
    text = EMAIL.sub("[e-mail]", redact_bsn(text))
    return LONG_NUMBER.sub("[nummer]", text)[:MAX_LENGTH]
