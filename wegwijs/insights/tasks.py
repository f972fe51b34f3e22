"""Background work of insights. Tasks take ids, enter the organisation's scope and call a service."""

from __future__ import annotations

import datetime as dt

from django_tasks import task

from wegwijs.insights.delivery import report_deliver
from wegwijs.insights.rollups import rollup_refresh
from wegwijs.tenancy.scope import task_scope


@task()
def refresh_rollup(organisation_id: int, day_iso: str) -> int:
    with task_scope("refresh_rollup", organisation_id):
        return rollup_refresh(organisation_id=organisation_id, day=dt.date.fromisoformat(day_iso))


@task()
def deliver_report(organisation_id: int, recipient_id: int, period_key: str) -> bool:
    """Queued by `wegwijs insights send-reports`, one per recipient and period."""
    with task_scope("deliver_report", organisation_id):
        return report_deliver(organisation_id=organisation_id, recipient_id=recipient_id, period_key=period_key)
