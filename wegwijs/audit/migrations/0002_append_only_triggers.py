"""Make the access log append-only in the database itself, for SQLite and PostgreSQL."""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

from wegwijs.audit import triggers


def create(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    triggers.run(schema_editor.connection, triggers.CREATE)


def drop(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    triggers.run(schema_editor.connection, triggers.DROP)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]
