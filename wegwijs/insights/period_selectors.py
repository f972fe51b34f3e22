"""Reads of one organisation's quarter for the dashboard and the report: counts per month, one query each,
whatever the number of questions. Counts and codes only; the one text read is search words, and only those
that at least `minimum` searches used."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db.models import Count, Min, Q, QuerySet, Sum
from django.db.models.functions import TruncMonth, TruncWeek
from django.utils import timezone

from wegwijs.guide.models import Assessment, Enrollment, SupportPlan
from wegwijs.helpdesk.models import Referral
from wegwijs.insights.models import DayDistribution, TicketRollup
from wegwijs.insights.periods import Period
from wegwijs.knowledge.models import ArticleFeedback, SearchLog
from wegwijs.tenancy.models import Department, DigitalTool

CELL = ("channel", "route", "topic", "tool_id", "language")
SUMS = (
    "tickets",
    "first_responded",
    "resolved",
    "first_contact_resolved",
    "sla_first_response_due",
    "sla_first_response_met",
    "sla_resolution_due",
    "sla_resolution_met",
    "csat_count",
    "csat_sum",
    "csat_satisfied",
)

Row = dict[str, Any]


def _day_start(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min, tzinfo=timezone.get_default_timezone())


def _month(field: str) -> TruncMonth:
    return TruncMonth(field, tzinfo=timezone.get_default_timezone())


def _created_in(rows: QuerySet[Any], period: Period, field: str = "created_at") -> QuerySet[Any]:
    return rows.filter(**{f"{field}__gte": _day_start(period.start), f"{field}__lt": _day_start(period.end)})


def _as_date(month: dt.date | dt.datetime) -> dt.date:
    return month.date() if isinstance(month, dt.datetime) else month


def _with_month(rows: Iterable[Row]) -> list[Row]:
    return [{**row, "month": _as_date(row["month"])} for row in rows]


def rollup_list_month_cells(*, organisation_id: int, period: Period) -> list[Row]:
    """Per month and cell (channel, route, topic, tool, language): the summed counts."""
    rows = (
        TicketRollup.objects.filter(organisation_id=organisation_id, day__gte=period.start, day__lt=period.end)
        .annotate(month=TruncMonth("day"))
        .values("month", *CELL)
        .annotate(**{name: Sum(name) for name in SUMS})
        .order_by()
    )
    return _with_month(rows)


def day_distribution_list(
    *, organisation_id: int, period: Period
) -> list[tuple[dt.date, list[int], list[int], list[int]]]:
    """Per day of the period: questions per hour, and answer and resolution time histograms."""
    rows = DayDistribution.objects.filter(
        organisation_id=organisation_id, day__gte=period.start, day__lt=period.end
    ).values_list("day", "hour_counts", "first_response_histogram", "resolution_histogram")
    return list(rows.order_by())


def rollup_list_series_weeks(
    *, organisation_id: int, start: dt.date, end: dt.date
) -> list[tuple[dt.date, str, str, int, int]]:
    """Questions per week (its Monday), route, topic and tool from `start` up to `end` (both Mondays): the series
    signals are tested on."""
    rows = (
        TicketRollup.objects.filter(organisation_id=organisation_id, day__gte=start, day__lt=end)
        .annotate(week=TruncWeek("day"))
        .values_list("week", "route", "topic", "tool_id")
        .annotate(count=Sum("tickets"))
        .order_by()
    )
    return [(_as_date(week), route, topic, tool, count) for week, route, topic, tool, count in rows]


def rollup_first_day(*, organisation_id: int) -> dt.date | None:
    """The first day the organisation has questions on."""
    first: dt.date | None = TicketRollup.objects.filter(organisation_id=organisation_id).aggregate(first=Min("day"))[
        "first"
    ]
    return first


def referral_list_month_departments(*, organisation_id: int, period: Period) -> list[Row]:
    """Medical questions the helpdesk referred, per month and department (id 0: no department named)."""
    rows = _created_in(Referral.objects.filter(organisation_id=organisation_id, route="care_provider"), period)
    counted = rows.annotate(month=_month("created_at")).values("month", "department_id").annotate(count=Count("pk"))
    return _with_month(counted.order_by())


def search_list_month_languages(*, organisation_id: int, period: Period) -> list[Row]:
    """Searches on the public pages per month, language and whether they found anything."""
    rows = _created_in(SearchLog.objects.filter(organisation_id=organisation_id), period)
    counted = (
        rows.annotate(month=_month("created_at"))
        .values("month", "language")
        .annotate(count=Count("pk"), without_result=Count("pk", filter=Q(result_count=0)))
    )
    return _with_month(counted.order_by())


def search_list_terms_without_result(
    *, organisation_id: int, period: Period, minimum: int, limit: int = 10
) -> list[tuple[str, int]]:
    """The words searched without result at least `minimum` times in the period, most frequent first. The log
    keeps no link to a person and its words have identifiers removed (knowledge/redaction.py)."""
    rows = _created_in(SearchLog.objects.filter(organisation_id=organisation_id, result_count=0), period)
    counted = rows.values("query").annotate(count=Count("pk")).filter(count__gte=minimum)
    return [(row["query"], row["count"]) for row in counted.order_by("-count", "query")[:limit]]


def feedback_list_month_articles(*, organisation_id: int, period: Period) -> list[Row]:
    """ "Did this help?" answers per month and article: yes and no counts, with the article's title."""
    rows = _created_in(ArticleFeedback.objects.filter(organisation_id=organisation_id), period)
    counted = (
        rows.annotate(month=_month("created_at"))
        .values("month", "article_id", "article__title")
        .annotate(yes=Count("pk", filter=Q(helpful=True)), no=Count("pk", filter=Q(helpful=False)))
    )
    return _with_month(counted.order_by())


def assessment_list_month_levels(*, organisation_id: int, period: Period) -> list[Row]:
    rows = _created_in(Assessment.objects.filter(organisation_id=organisation_id), period)
    counted = rows.annotate(month=_month("created_at")).values("month", "level").annotate(count=Count("pk"))
    return _with_month(counted.order_by())


def plan_list_months(*, organisation_id: int, period: Period) -> list[Row]:
    """Support plans made per month, and how many of them started from a self-check."""
    rows = _created_in(SupportPlan.objects.filter(organisation_id=organisation_id), period)
    counted = (
        rows.annotate(month=_month("created_at"))
        .values("month")
        .annotate(count=Count("pk"), from_selfcheck=Count("pk", filter=Q(assessment__isnull=False)))
    )
    return _with_month(counted.order_by())


def enrollment_list_month_decisions(*, organisation_id: int, period: Period) -> list[Row]:
    """Journey decisions (continue or stop, with the reason) per month they were taken."""
    rows = _created_in(Enrollment.objects.filter(organisation_id=organisation_id), period, field="decided_at")
    counted = rows.annotate(month=_month("decided_at")).values("month", "status", "reason").annotate(count=Count("pk"))
    return _with_month(counted.order_by())


def tool_names(*, organisation_id: int) -> dict[int, str]:
    return dict(DigitalTool.objects.filter(organisation_id=organisation_id).values_list("pk", "name"))


def department_names(*, organisation_id: int) -> dict[int, str]:
    return dict(Department.objects.filter(organisation_id=organisation_id).values_list("pk", "name"))
