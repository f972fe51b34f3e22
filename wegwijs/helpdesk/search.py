"""Quick search over questions with the database's full-text search (PostgreSQL FTS or SQLite FTS5).

Each question keeps a `search_document` (subject, contact details, the messages' text); the index is
built on it by the database. A question number or reference ("ZV-12", "12") is found directly.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.db import connection
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.models import BooleanField, Q, QuerySet
from django.db.models.expressions import RawSQL

from wegwijs.helpdesk.models import Message, Ticket

DOCUMENT_MAX = 20_000
CONFIG = "simple"  # every language we serve; no stemming surprises across languages
NUMBER = re.compile(r"^(?:[A-Za-z]{1,3}-)?(\d{1,9})$")
WORD = re.compile(r"\w+", re.UNICODE)

# PostgreSQL keeps the document's tsvector in a generated column: the index is built on it, and a check of
# one row (when the planner walks an organisation's newest questions for a common word) reads it instead of
# parsing the text again. Idempotent, so migration 0014 can move older databases over to it.
CREATE = {
    "postgresql": [
        "ALTER TABLE helpdesk_ticket ADD COLUMN IF NOT EXISTS search_vector tsvector GENERATED ALWAYS AS "
        f"(to_tsvector('{CONFIG}'::regconfig, COALESCE(search_document, ''))) STORED",
        "CREATE INDEX IF NOT EXISTS ticket_search_vector_gin ON helpdesk_ticket USING gin (search_vector)",
    ],
    "sqlite": [
        "CREATE VIRTUAL TABLE helpdesk_ticket_fts USING fts5("
        "search_document, content='helpdesk_ticket', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
        "CREATE TRIGGER helpdesk_ticket_fts_insert AFTER INSERT ON helpdesk_ticket BEGIN "
        "INSERT INTO helpdesk_ticket_fts(rowid, search_document) VALUES (new.id, new.search_document); END",
        "CREATE TRIGGER helpdesk_ticket_fts_delete AFTER DELETE ON helpdesk_ticket BEGIN "
        "INSERT INTO helpdesk_ticket_fts(helpdesk_ticket_fts, rowid, search_document) "
        "VALUES ('delete', old.id, old.search_document); END",
        "CREATE TRIGGER helpdesk_ticket_fts_update AFTER UPDATE OF search_document ON helpdesk_ticket BEGIN "
        "INSERT INTO helpdesk_ticket_fts(helpdesk_ticket_fts, rowid, search_document) "
        "VALUES ('delete', old.id, old.search_document); "
        "INSERT INTO helpdesk_ticket_fts(rowid, search_document) VALUES (new.id, new.search_document); END",
    ],
}
DROP = {
    "postgresql": [
        "DROP INDEX IF EXISTS ticket_search_gin",  # the expression index before migration 0014
        "DROP INDEX IF EXISTS ticket_search_vector_gin",
        "ALTER TABLE helpdesk_ticket DROP COLUMN IF EXISTS search_vector",
    ],
    "sqlite": [
        "DROP TRIGGER IF EXISTS helpdesk_ticket_fts_insert",
        "DROP TRIGGER IF EXISTS helpdesk_ticket_fts_delete",
        "DROP TRIGGER IF EXISTS helpdesk_ticket_fts_update",
        "DROP TABLE IF EXISTS helpdesk_ticket_fts",
    ],
}


def sqlite_triggers_restore(schema_editor: BaseDatabaseSchemaEditor) -> None:
    """For a migration that makes SQLite rebuild `helpdesk_ticket` (adding a column with a default, altering
    one): the rebuild drops the FTS5 triggers, so drop what is left, create them again and refill the index."""
    if schema_editor.connection.vendor != "sqlite":
        return
    for statement in DROP["sqlite"] + CREATE["sqlite"]:
        schema_editor.execute(statement)
    schema_editor.execute("INSERT INTO helpdesk_ticket_fts(helpdesk_ticket_fts) VALUES ('rebuild')")


def search_document_build(*, ticket: Ticket, bodies: Iterable[str]) -> str:
    """What search reads for one question: its reference, subject, contact details and message text."""
    parts = [ticket.reference, ticket.subject, ticket.requester_name, ticket.requester_email, ticket.requester_phone]
    return " ".join(part for part in [*parts, *bodies] if part)[:DOCUMENT_MAX]


def search_document_refresh(*, ticket: Ticket) -> None:
    """Rebuild what search reads for one question (after it got a message, a note or a call)."""
    bodies = Message.objects.filter(organisation_id=ticket.organisation_id, ticket=ticket).values_list(
        "body", flat=True
    )
    ticket.search_document = search_document_build(ticket=ticket, bodies=bodies)
    Ticket.objects.filter(pk=ticket.pk).update(search_document=ticket.search_document)


def _words(text: str) -> list[str]:
    return WORD.findall(text)[:20]


def ticket_search(*, tickets: QuerySet[Ticket], text: str) -> QuerySet[Ticket]:
    """The questions among `tickets` that contain every word of `text` (or have that number)."""
    text = text.strip()
    number = NUMBER.match(text)
    if number:
        return tickets.filter(number=int(number.group(1)))
    words = _words(text)
    if not words:
        return tickets.none()
    if connection.vendor == "postgresql":
        matches = RawSQL(
            "helpdesk_ticket.search_vector @@ plainto_tsquery('simple'::regconfig, %s)",
            (" ".join(words),),
            output_field=BooleanField(),
        )
        return tickets.filter(matches)
    if connection.vendor == "sqlite":
        match = " ".join('"' + word.replace('"', "") + '"' for word in words)
        return tickets.filter(
            id__in=RawSQL("SELECT rowid FROM helpdesk_ticket_fts WHERE helpdesk_ticket_fts MATCH %s", (match,))
        )
    condition = Q()
    for word in words:
        condition &= Q(search_document__icontains=word)
    return tickets.filter(condition)
