"""Writing the access log. Called only by the scoping layer (`wegwijs.tenancy.scope`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING

from django.db import models, transaction
from django.db.models import Count
from django_scopes import scopes_disabled

from wegwijs.audit import triggers
from wegwijs.audit.models import AccessLogEntry

if TYPE_CHECKING:
    from wegwijs.tenancy.scope import AccessContext


def access_log_write(
    *,
    context: AccessContext,
    organisation_id: int,
    action: str,
    record_type: str,
    record_id: str = "",
    record_count: int = 1,
    reason: str = "",
) -> AccessLogEntry:
    entry = _entry(context, organisation_id, action, record_type, record_id, record_count, reason)
    entry.save()
    return entry


def access_log_write_counts(
    *, context: AccessContext, counts: Mapping[int, int], action: str, record_type: str
) -> None:
    """One entry per organisation with how many of its records were shown, all in one INSERT."""
    AccessLogEntry.objects.bulk_create(
        [
            _entry(context, organisation_id, action, record_type, "", count, "")
            for organisation_id, count in counts.items()
        ]
    )


def _entry(
    context: AccessContext,
    organisation_id: int,
    action: str,
    record_type: str,
    record_id: str,
    record_count: int,
    reason: str,
) -> AccessLogEntry:
    return AccessLogEntry(
        organisation_id=organisation_id,
        actor_id=context.actor_id,
        actor_label=context.actor_label[:254],
        api_token_prefix=context.api_token_prefix,
        role=",".join(sorted(context.roles_in(organisation_id)))[:40],
        action=action,
        record_type=record_type,
        record_id=record_id,
        record_count=record_count,
        channel=context.channel,
        context=context.context[:300],
        reason=reason[:300],
    )


def access_log_purge(*, before: dt.datetime) -> int:
    """Remove entries older than `before` (retention). The only way rows ever leave the log: the append-only
    triggers are lifted and restored inside this one transaction, and the purge itself is logged per organisation.
    """
    with transaction.atomic():
        connection = transaction.get_connection()
        triggers.run(connection, triggers.DROP)
        with scopes_disabled():
            old = AccessLogEntry.objects.filter(at__lt=before)
            counts = dict(old.values("organisation_id").annotate(n=Count("id")).values_list("organisation_id", "n"))
            deleted = models.QuerySet.delete(old)[0]
        triggers.run(connection, triggers.CREATE)
        for organisation_id, count in counts.items():
            AccessLogEntry.objects.create(
                organisation_id=organisation_id,
                actor_label="retention",
                role="",
                action="delete",
                record_type="access_log_entry",
                record_count=count,
                channel="command",
                context="access-log-purge",
                reason=f"entries before {before.isoformat()}",
            )
    return deleted
