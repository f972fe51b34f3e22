"""Reading the access log (platform admins)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet

from wegwijs.audit.models import AccessLogEntry


@dataclass(frozen=True)
class AccessLogFilter:
    organisation_slug: str = ""
    actor: str = ""
    record_id: str = ""
    since: dt.date | None = None
    until: dt.date | None = None


def access_log_list(*, filters: AccessLogFilter) -> QuerySet[AccessLogEntry]:
    entries = AccessLogEntry.objects.select_related("organisation").order_by("-at", "-id")
    if filters.organisation_slug:
        entries = entries.filter(organisation__slug=filters.organisation_slug)
    if filters.actor:
        entries = entries.filter(actor_label__icontains=filters.actor)
    if filters.record_id:
        entries = entries.filter(record_id=filters.record_id)
    if filters.since:
        entries = entries.filter(at__date__gte=filters.since)
    if filters.until:
        entries = entries.filter(at__date__lte=filters.until)
    return entries
