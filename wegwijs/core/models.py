"""Base models shared by every domain app. No domain logic here."""

import uuid

from django.db import models


class TimestampedModel(models.Model):
    """A row with a public id for URLs (never the sequential primary key) and its times."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
