"""Triage: pure Python, no Django imports (checked by tests/test_architecture.py).

`classify(text, organisation=None) -> TriageResult` is the contract every intake path calls.
"""

from wegwijs.triage.classify import classify
from wegwijs.triage.result import TriageResult

__all__ = ["TriageResult", "classify"]
