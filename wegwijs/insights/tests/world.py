"""Rollups and side tables at chosen days, for dashboard, report and export tests (rollups are written
directly: how they are computed from questions is tested in test_rollups.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Model
from django.utils import timezone
from django_scopes import scopes_disabled

from wegwijs.insights.models import DayDistribution, TicketRollup
from wegwijs.insights.period_selectors import CELL
from wegwijs.knowledge.models import Article, ArticleFeedback, SearchLog
from wegwijs.tenancy.models import Organisation


def at(day: dt.date, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=timezone.get_default_timezone())


def rollup(organisation: Organisation, day: dt.date, tickets: int, *, hour: int = 10, **cell: Any) -> TicketRollup:
    """`tickets` more questions on `day` at `hour`, in the cell given (web, helpdesk, login, Dutch by default),
    with the other counts given; the day's distribution (rollups.day_distributions) follows."""
    cell = {"channel": "web", "route": "helpdesk", "topic": "login", "tool_id": 0, "language": "nl", **cell}
    counts = {name: cell.pop(name) for name in list(cell) if name not in CELL}
    with scopes_disabled():
        row, _created = TicketRollup.objects.get_or_create(organisation=organisation, day=day, **cell)
        row.tickets += tickets
        row.hour_counts[hour] += tickets
        for name, count in counts.items():
            setattr(row, name, getattr(row, name) + count)
        row.save()
        distribution, _created = DayDistribution.objects.get_or_create(organisation=organisation, day=day)
        distribution.hour_counts[hour] += tickets
        distribution.save()
    return row


def _backdate(row: Model, day: dt.date) -> None:
    type(row)._default_manager.filter(pk=row.pk).update(created_at=at(day))


def searches(organisation: Organisation, day: dt.date, query: str, times: int, *, result_count: int = 0) -> None:
    with scopes_disabled():
        for _time in range(times):
            row = SearchLog.objects.create(
                organisation=organisation, language="nl", query=query, result_count=result_count
            )
            _backdate(row, day)


def feedback(organisation: Organisation, day: dt.date, title: str, *, yes: int, no: int) -> Article:
    with scopes_disabled():
        article = Article.objects.create(
            organisation=organisation, slug=f"artikel-{Article.objects.count()}", title=title, body="Tekst."
        )
        for helpful, times in ((True, yes), (False, no)):
            for _time in range(times):
                _backdate(
                    ArticleFeedback.objects.create(organisation=organisation, article=article, helpful=helpful), day
                )
    return article
