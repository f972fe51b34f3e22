"""The access log as CSV, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from django.utils import timezone

from wegwijs.audit.models import AccessLogEntry

COLUMNS = [
    "at", "organisation", "actor", "api_token", "role", "action", "record_type", "record_id", "record_count",
    "channel", "context", "reason",
]  # fmt: skip
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    """Text a spreadsheet shows as text, never runs as a formula."""
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def access_log_csv(entries: Iterable[AccessLogEntry]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for entry in entries:
        row = [
            timezone.localtime(entry.at).isoformat(), entry.organisation.slug, entry.actor_label,
            entry.api_token_prefix, entry.role, entry.action, entry.record_type, entry.record_id,
            entry.record_count, entry.channel, entry.context, entry.reason,
        ]  # fmt: skip
        writer.writerow([_cell(value) for value in row])
    return buffer.getvalue()
