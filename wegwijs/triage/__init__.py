"""Triage: pure Python, no Django imports (checked by tests/test_architecture.py).

This package grows into the full triage engine (issue: Triage engine). For now it holds the redaction of
identifiers that must never be stored, which every intake path applies before saving text.
"""
