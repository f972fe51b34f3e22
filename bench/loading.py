"""What the PostgreSQL benchmarks share: the set-up, COPY, and questions written straight into the tables with
their messages, phone calls and ratings (every column the ORM would fill), far faster than through the ORM.

    from bench.loading import setup_django
    setup_django()  # before importing models
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from django.db import connection


def setup_django() -> None:
    """Django with the test settings on the database of DATABASE_URL; exits when there is none."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("WEGWIJS_MODE", "test")
    if not os.environ.get("DATABASE_URL"):
        sys.exit("Run inside scripts/with-postgresql: the benchmark needs PostgreSQL.")
    import django

    django.setup()


def _raw_cursor() -> Any:
    connection.ensure_connection()
    return connection.connection.cursor()  # psycopg 3


def copy_rows(table: str, columns: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
    """COPY rows into `table`: Python values, None for NULL, JSON as its text. Returns how many."""
    count = 0
    with _raw_cursor() as cursor, cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
            count += 1
    return count


def copy_text(table: str, columns: Sequence[str], chunks: Iterable[str]) -> None:
    """COPY chunks of lines already in COPY's text format (tab-separated, \\N for NULL): the fastest way in."""
    with _raw_cursor() as cursor, cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for chunk in chunks:
            copy.write(chunk)


def reserve_ids(table: str, count: int) -> int:
    """The first of `count` consecutive new ids of `table`, for rows that others refer to before they exist."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, 'id'))", [table])
        first = int(cursor.fetchone()[0])
        cursor.execute("SELECT setval(pg_get_serial_sequence(%s, 'id'), %s)", [table, first + count - 1])
    return first


def finish_load() -> None:
    """Bring the database to the steady state autovacuum keeps (statistics, visibility map), and write the
    load's dirty pages out, so the measurements neither guess plans nor wait for the checkpointer."""
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
        cursor.execute("CHECKPOINT")


@dataclass
class NewMessage:
    kind: str  # helpdesk.choices.MessageKind
    at: dt.datetime
    body: str


@dataclass
class NewCall:
    at: dt.datetime
    direction: str  # CallDirection
    outcome: str  # CallOutcome
    duration_seconds: int = 300


@dataclass
class NewQuestion:
    """A question as a benchmark chooses it; `copy_questions` fills in the rest as intake would."""

    organisation_id: int
    number: int
    created_at: dt.datetime
    subject: str
    channel: str = "web"
    language: str = "nl"
    route: str = "helpdesk"
    topic: str = ""
    status: str = "new"
    priority: str = "normal"
    tool_id: int | None = None
    assignee_id: int | None = None
    first_response_due_at: dt.datetime | None = None
    resolution_due_at: dt.datetime | None = None
    first_responded_at: dt.datetime | None = None
    resolved_at: dt.datetime | None = None
    closed_at: dt.datetime | None = None
    search_document: str | None = None  # None: the subject and every message, as helpdesk.search writes it
    messages: list[NewMessage] = field(default_factory=list)
    calls: list[NewCall] = field(default_factory=list)
    satisfaction: int | None = None
    rated_at: dt.datetime | None = None


TICKET_COLUMNS = (
    "id", "public_id", "created_at", "updated_at", "organisation_id", "number", "channel", "language", "subject",
    "route", "topic", "tool_id", "status", "priority", "requester_name", "requester_email", "requester_phone",
    "preferred_contact", "consent_to_contact", "consent_to_hand_over", "first_response_due_at",
    "resolution_due_at", "first_responded_at", "resolved_at", "closed_at", "assignee_id", "follow_up_salt",
    "search_document", "triage_model_version", "triage_confidence", "urgent_reasons",
)  # fmt: skip
MESSAGE_COLUMNS = ("public_id", "created_at", "updated_at", "organisation_id", "ticket_id", "kind", "channel", "body")
CALL_COLUMNS = ("organisation_id", "ticket_id", "direction", "duration_seconds", "outcome", "summary", "created_at")
RATING_COLUMNS = ("organisation_id", "ticket_id", "score", "created_at")


@dataclass
class Loaded:
    questions: int = 0
    messages: int = 0
    calls: int = 0
    ratings: int = 0


def _ticket_row(ticket_id: int, question: NewQuestion) -> tuple[object, ...]:
    times = [question.created_at, *(message.at for message in question.messages), question.resolved_at]
    document = question.search_document
    if document is None:
        document = " ".join([question.subject, *(message.body for message in question.messages)])
    return (
        ticket_id, uuid.uuid4(), question.created_at, max(time for time in times if time), question.organisation_id,
        question.number, question.channel, question.language, question.subject, question.route, question.topic,
        question.tool_id, question.status, question.priority, "Naam", "", "", "follow_up_page", False, False,
        question.first_response_due_at, question.resolution_due_at, question.first_responded_at,
        question.resolved_at, question.closed_at, question.assignee_id, uuid.uuid4().hex, document, "", "{}", "[]",
    )  # fmt: skip


def copy_questions(questions: Iterable[NewQuestion], *, batch: int = 20_000) -> Loaded:
    """COPY questions with their messages, calls and ratings, `batch` questions at a time (memory stays flat)."""
    loaded = Loaded()
    stream = iter(questions)
    while chunk := list(islice(stream, batch)):
        first = reserve_ids("helpdesk_ticket", len(chunk))
        ids = range(first, first + len(chunk))
        loaded.questions += copy_rows(
            "helpdesk_ticket", TICKET_COLUMNS, (_ticket_row(*pair) for pair in zip(ids, chunk, strict=True))
        )
        loaded.messages += copy_rows(
            "helpdesk_message",
            MESSAGE_COLUMNS,
            (
                (uuid.uuid4(), m.at, m.at, q.organisation_id, ticket_id, m.kind, q.channel, m.body)
                for ticket_id, q in zip(ids, chunk, strict=True)
                for m in q.messages
            ),
        )
        loaded.calls += copy_rows(
            "helpdesk_phonecall",
            CALL_COLUMNS,
            (
                (q.organisation_id, ticket_id, c.direction, c.duration_seconds, c.outcome, "", c.at)
                for ticket_id, q in zip(ids, chunk, strict=True)
                for c in q.calls
            ),
        )
        loaded.ratings += copy_rows(
            "helpdesk_satisfactionrating",
            RATING_COLUMNS,
            (
                (q.organisation_id, ticket_id, q.satisfaction, q.rated_at or q.resolved_at or q.created_at)
                for ticket_id, q in zip(ids, chunk, strict=True)
                if q.satisfaction is not None
            ),
        )
    return loaded
