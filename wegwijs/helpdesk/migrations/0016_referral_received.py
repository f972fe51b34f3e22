"""Referrals get a public id (for the receiver's page) and a record of when the receiver picked them up."""

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps


def give_public_ids(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    referral = apps.get_model("helpdesk", "Referral")
    for pk in referral._base_manager.filter(public_id__isnull=True).values_list("pk", flat=True):
        referral._base_manager.filter(pk=pk).update(public_id=uuid.uuid4())


class Migration(migrations.Migration):
    dependencies = [
        ("helpdesk", "0015_ticket_counter"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="referral", name="public_id", field=models.UUIDField(null=True, editable=False)
        ),
        migrations.RunPython(give_public_ids, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="referral",
            name="public_id",
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
        ),
        migrations.AddField(model_name="referral", name="received_at", field=models.DateTimeField(blank=True, null=True)),
        migrations.AddField(
            model_name="referral",
            name="received_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddIndex(
            model_name="referral",
            index=models.Index(
                condition=models.Q(("handed_over", True)),
                fields=["organisation", "created_at"],
                name="referral_org_handed_over",
            ),
        ),
    ]
