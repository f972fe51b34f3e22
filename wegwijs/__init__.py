"""Wegwijs: support with digital care."""
