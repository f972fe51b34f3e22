"""Full-text search over questions with the database's own engine: a GIN index on PostgreSQL, an external-
content FTS5 table kept in step by triggers on SQLite. The SQL is in helpdesk/search.py."""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

from wegwijs.helpdesk import search


def create(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    for statement in search.CREATE.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


def drop(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    for statement in search.DROP.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("helpdesk", "0010_ticket_search_document")]
    operations = [migrations.RunPython(create, drop)]
