"""Background work of insights. Tasks take ids, enter the organisation's scope and call a service."""

from __future__ import annotations

import datetime as dt

from django_tasks import task

from wegwijs.insights.rollups import rollup_refresh
from wegwijs.tenancy.scope import task_scope


@task()
def refresh_rollup(organisation_id: int, day_iso: str) -> int:
    with task_scope("refresh_rollup", organisation_id):
        return rollup_refresh(organisation_id=organisation_id, day=dt.date.fromisoformat(day_iso))
