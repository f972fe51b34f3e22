"""Refreshes of the same day running at the same time (several task workers) wait for each other."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.db import connection
from django_scopes import scopes_disabled

from wegwijs.insights.rollups import rollup_refresh
from wegwijs.insights.tests.direct import direct_rollups, stored_rollups
from wegwijs.insights.tests.factories import ticket_with_history
from wegwijs.tenancy.scope import task_scope

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("clean_access_log_after_test"),
    # The SQLite test database lives in memory with a shared cache, where SQLite reports a locked table instead
    # of waiting; on a database file every transaction takes the write lock first (transaction_mode IMMEDIATE).
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs a database server"),
]

DAY = dt.date(2025, 3, 30)


def test_concurrent_refreshes_of_one_day_neither_collide_nor_lose_rows(organisation):
    with scopes_disabled():
        for minute in range(40):
            ticket_with_history(
                organisation=organisation,
                created_at=dt.datetime(2025, 3, 30, 10, minute, tzinfo=dt.UTC),
                replies=(5,),
                channel=["web", "email", "phone"][minute % 3],
                language=["nl", "en"][minute % 2],
            )
    errors: list[Exception] = []

    def refresh_again_and_again() -> None:
        try:
            for _ in range(15):
                with task_scope("test", organisation.pk):
                    rollup_refresh(organisation_id=organisation.pk, day=DAY)
        except Exception as error:  # reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    workers = [threading.Thread(target=refresh_again_and_again) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert errors == []
    with scopes_disabled():
        assert stored_rollups() == direct_rollups()
