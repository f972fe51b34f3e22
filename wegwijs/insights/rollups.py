"""Rollups computed from questions: one row per organisation, day and cell (see models.TicketRollup).

A day's rows are always recomputed whole from its questions (delete and insert in one transaction), never
nudged up or down, so refreshing twice, late or out of order gives the same rows (decision 0011). The day is
the question's creation day in settings.TIME_ZONE; what happens to it later (answer, resolution, rating) is
counted on that day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models import Max, Min
from django.utils import timezone

from wegwijs.helpdesk.models import Ticket
from wegwijs.insights.distributions import bucket_of, histogram_add
from wegwijs.insights.models import DayDistribution, TicketRollup
from wegwijs.insights.selectors import TicketFacts, ticket_facts_list
from wegwijs.tenancy.models import Organisation
from wegwijs.tenancy.scope import current_access

SATISFIED = 4  # a rating of 4 or 5 counts as satisfied
DAYS_PER_BATCH = 31


def rollup_day(moment: dt.datetime) -> dt.date:
    """The day a moment falls on in settings.TIME_ZONE (Europe/Amsterdam), whatever zone is active."""
    return moment.astimezone(timezone.get_default_timezone()).date()


def _seconds(start: dt.datetime, end: dt.datetime) -> int:
    return max(int((end - start).total_seconds()), 0)


def is_first_contact_resolution(facts: TicketFacts) -> bool:
    """Resolved after at most one contact from the helpdesk (a reply, or a phone call that reached the person),
    and the person never had to come back: no message from them after that contact. A question resolved without
    any contact (helped on the spot at a walk-in) counts when the person wrote only the question itself."""
    if facts.resolved_at is None or facts.outbound_messages + facts.calls_reached > 1:
        return False
    if facts.first_responded_at is None:
        return facts.inbound_messages <= 1
    return facts.inbound_after_first_response == 0


def _add(row: TicketRollup, facts: TicketFacts) -> None:
    row.tickets += 1
    row.hour_counts[facts.created_at.astimezone(timezone.get_default_timezone()).hour] += 1
    if facts.first_responded_at is not None:
        seconds = _seconds(facts.created_at, facts.first_responded_at)
        row.first_responded += 1
        row.first_response_seconds_sum += seconds
        row.first_response_histogram[bucket_of(seconds)] += 1
    if facts.resolved_at is not None:
        seconds = _seconds(facts.created_at, facts.resolved_at)
        row.resolved += 1
        row.resolution_seconds_sum += seconds
        row.resolution_histogram[bucket_of(seconds)] += 1
    row.first_contact_resolved += is_first_contact_resolution(facts)
    if facts.first_response_due_at is not None:
        row.sla_first_response_due += 1
        answered = facts.first_responded_at
        row.sla_first_response_met += answered is not None and answered <= facts.first_response_due_at
    if facts.resolution_due_at is not None:
        row.sla_resolution_due += 1
        row.sla_resolution_met += facts.resolved_at is not None and facts.resolved_at <= facts.resolution_due_at
    if facts.satisfaction is not None:
        row.csat_count += 1
        row.csat_sum += facts.satisfaction
        row.csat_satisfied += facts.satisfaction >= SATISFIED


def compute_rollups(facts: Iterable[TicketFacts]) -> list[TicketRollup]:
    """The rollup rows (unsaved) of these questions. No database."""
    cells: dict[tuple[object, ...], TicketRollup] = {}
    for ticket in facts:
        dimensions = {
            "organisation_id": ticket.organisation_id,
            "day": rollup_day(ticket.created_at),
            "channel": ticket.channel,
            "route": ticket.route,
            "topic": ticket.topic,
            "tool_id": ticket.tool_id or 0,
            "language": ticket.language,
            "level": ticket.level,
        }
        key = tuple(dimensions.values())
        if key not in cells:
            cells[key] = TicketRollup(**dimensions)
        _add(cells[key], ticket)
    return list(cells.values())


def _lock_days(organisation_id: int, first: dt.date, last: dt.date) -> None:
    """Serialise recomputations of the same days. PostgreSQL: one advisory lock per (organisation, day), taken
    in day order and released at commit. SQLite: every transaction already holds the database's write lock
    (transaction_mode IMMEDIATE in settings)."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_advisory_xact_lock(%s::int, day) FROM generate_series(%s::int, %s::int) AS day",
            [organisation_id, first.toordinal(), last.toordinal()],
        )


def _day_start(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min, tzinfo=timezone.get_default_timezone())


@dataclass
class RollupReport:
    organisations: int = 0
    days: int = 0  # days with at least one question
    rows: int = 0
    tickets: int = 0

    def __str__(self) -> str:
        return f"{self.tickets} questions, {self.days} days, {self.rows} rows"

    def add(self, other: RollupReport) -> None:
        self.organisations += other.organisations
        self.days += other.days
        self.rows += other.rows
        self.tickets += other.tickets


def day_distributions(rows: Iterable[TicketRollup]) -> list[DayDistribution]:
    """The days of these rollup rows, each summed over its cells. No database."""
    days: dict[tuple[int, dt.date], DayDistribution] = {}
    for row in rows:
        key = (row.organisation_id, row.day)
        if key not in days:
            days[key] = DayDistribution(organisation_id=row.organisation_id, day=row.day)
        day = days[key]
        day.hour_counts = histogram_add(day.hour_counts, row.hour_counts)
        day.first_response_histogram = histogram_add(day.first_response_histogram, row.first_response_histogram)
        day.resolution_histogram = histogram_add(day.resolution_histogram, row.resolution_histogram)
    return list(days.values())


@transaction.atomic
def _recompute(organisation_id: int, first: dt.date, last: dt.date) -> RollupReport:
    """Replace the organisation's rows of the days `first` to `last` (inclusive) by what their questions say."""
    _lock_days(organisation_id, first, last)
    facts = ticket_facts_list(
        organisation_id=organisation_id, start=_day_start(first), end=_day_start(last + dt.timedelta(days=1))
    )
    rows = compute_rollups(facts)
    TicketRollup.objects.filter(organisation_id=organisation_id, day__gte=first, day__lte=last).delete()
    TicketRollup.objects.bulk_create(rows)
    DayDistribution.objects.filter(organisation_id=organisation_id, day__gte=first, day__lte=last).delete()
    DayDistribution.objects.bulk_create(day_distributions(rows))
    return RollupReport(days=len({row.day for row in rows}), rows=len(rows), tickets=len(facts))


def rollup_refresh(*, organisation_id: int, day: dt.date) -> int:
    """Recompute the organisation's rollups of one day (idempotent). Returns the number of rows."""
    return _recompute(organisation_id, day, day).rows


def _batches(first: dt.date, last: dt.date, size: int) -> Iterator[tuple[dt.date, dt.date]]:
    while first <= last:
        end = min(first + dt.timedelta(days=size - 1), last)
        yield first, end
        first = end + dt.timedelta(days=1)


def _span(organisation_id: int) -> tuple[dt.date, dt.date] | None:
    """The first and last day with questions or rollups (old rows on days without questions must go too)."""
    tickets = Ticket.objects.filter(organisation_id=organisation_id).aggregate(
        first=Min("created_at"), last=Max("created_at")
    )
    rows = TicketRollup.objects.filter(organisation_id=organisation_id).aggregate(first=Min("day"), last=Max("day"))
    days = [rollup_day(tickets[end]) for end in ("first", "last") if tickets[end]]
    days += [rows[end] for end in ("first", "last") if rows[end]]
    return (min(days), max(days)) if days else None


def rollup_rebuild(*, organisation: Organisation | None = None, days_per_batch: int = DAYS_PER_BATCH) -> RollupReport:
    """Recompute every rollup of the organisation, or of every organisation in the current scope: per
    organisation, `days_per_batch` days at a time, each batch in its own transaction."""
    organisation_ids = [organisation.pk] if organisation else sorted(current_access().organisation_ids)
    report = RollupReport()
    for organisation_id in organisation_ids:
        report.organisations += 1
        span = _span(organisation_id)
        if span is None:
            continue
        for first, last in _batches(*span, days_per_batch):
            report.add(_recompute(organisation_id, first, last))
    return report
