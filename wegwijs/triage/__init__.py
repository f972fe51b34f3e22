"""Triage: pure Python, no Django imports (checked by tests/test_architecture.py).

`classify(text, organisation=None) -> TriageResult` is the contract every intake path calls.
"""

from wegwijs.triage.classify import classify
from wegwijs.triage.result import TriageResult

__all__ = ["TriageResult", "classify"]


def warm_up() -> None:
    """Load the base model and the language models now rather than on the first message (about 3 s together):
    the web server calls this at start (config/wsgi.py)."""
    from wegwijs.triage.language import detect_language
    from wegwijs.triage.registry import base_model

    base_model()
    detect_language("warm up the language models")
