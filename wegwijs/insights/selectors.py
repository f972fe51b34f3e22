"""Reads for insights: the facts of questions that rollups are computed from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from wegwijs.helpdesk.choices import CallOutcome, MessageKind
from wegwijs.helpdesk.models import Message, PhoneCall, Ticket


@dataclass(frozen=True)
class TicketFacts:
    """What rollups need to know of one question: ids, codes, times and counts, nothing a person wrote."""

    organisation_id: int
    created_at: dt.datetime
    channel: str
    route: str
    topic: str
    tool_id: int | None
    language: str
    first_response_due_at: dt.datetime | None
    resolution_due_at: dt.datetime | None
    first_responded_at: dt.datetime | None
    resolved_at: dt.datetime | None
    inbound_messages: int  # from the person, the question itself included
    inbound_after_first_response: int
    outbound_messages: int  # replies to the person (internal notes are not counted)
    calls_reached: int  # phone calls in which the person was reached
    satisfaction: int | None  # the person's rating, 1 to 5
    level: str = ""  # the digital-skill level; questions are not linked to a self-check yet


def _count(rows: QuerySet[Any]) -> Coalesce:
    """How many rows a subquery correlated on the question finds (0 for none)."""
    return Coalesce(Subquery(rows.order_by().values("ticket_id").annotate(count=Count("pk")).values("count")), 0)


def ticket_facts_list(*, organisation_id: int, start: dt.datetime, end: dt.datetime) -> list[TicketFacts]:
    """The facts of the organisation's questions created from `start` up to (not including) `end`, in one
    query however many questions there are."""
    messages = Message.objects.filter(organisation_id=organisation_id, ticket=OuterRef("pk"))
    calls = PhoneCall.objects.filter(organisation_id=organisation_id, ticket=OuterRef("pk"))
    rows = (
        Ticket.objects.filter(organisation_id=organisation_id, created_at__gte=start, created_at__lt=end)
        .order_by()
        .annotate(
            inbound=_count(messages.filter(kind=MessageKind.INBOUND)),
            inbound_after=_count(
                messages.filter(kind=MessageKind.INBOUND, created_at__gt=OuterRef("first_responded_at"))
            ),
            outbound=_count(messages.filter(kind=MessageKind.OUTBOUND)),
            reached=_count(calls.exclude(outcome=CallOutcome.NOT_REACHED)),
        )
        .values_list(
            "organisation_id",
            "created_at",
            "channel",
            "route",
            "topic",
            "tool_id",
            "language",
            "first_response_due_at",
            "resolution_due_at",
            "first_responded_at",
            "resolved_at",
            "inbound",
            "inbound_after",
            "outbound",
            "reached",
            "satisfaction__score",
        )
    )
    return [TicketFacts(*row) for row in rows]
