"""Rollups computed straight from the tables in plain Python, written apart from the production code (it shares
only the definitions in docs/architecture.md, "Insights"): what the tests compare the stored rollups with.
Call inside a scope, or scopes_disabled."""

from __future__ import annotations

from collections import defaultdict
from typing import Any
from zoneinfo import ZoneInfo

from wegwijs.helpdesk.models import Message, PhoneCall, SatisfactionRating, Ticket
from wegwijs.insights.models import DayDistribution, TicketRollup

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
EDGES_MINUTES = [0, 5, 15, 30, 60, 120, 240, 480, 1440, 2880, 10080]
KEY = ["organisation_id", "day", "channel", "route", "topic", "tool_id", "language", "level"]
COUNTS = [
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
    "first_response_seconds_sum",
    "resolution_seconds_sum",
]
HISTOGRAMS = ["first_response_histogram", "resolution_histogram"]
HOURS = "hour_counts"

Cells = dict[tuple[Any, ...], dict[str, Any]]


def _bucket(seconds: int) -> int:
    index = 0
    for position, edge in enumerate(EDGES_MINUTES):
        if seconds >= edge * 60:
            index = position
    return index


def _whole_seconds(start: Any, end: Any) -> int:
    return max(int((end - start).total_seconds()), 0)


def direct_rollups() -> Cells:
    person_messages: dict[int, list[Any]] = defaultdict(list)
    replies: dict[int, int] = defaultdict(int)
    for ticket_id, kind, created_at in Message.objects.values_list("ticket_id", "kind", "created_at"):
        if kind == "inbound":
            person_messages[ticket_id].append(created_at)
        elif kind == "outbound":
            replies[ticket_id] += 1
    reached: dict[int, int] = defaultdict(int)
    for ticket_id, outcome in PhoneCall.objects.values_list("ticket_id", "outcome"):
        reached[ticket_id] += outcome != "not_reached"
    scores = dict(SatisfactionRating.objects.values_list("ticket_id", "score"))

    cells: Cells = {}
    for ticket in Ticket.objects.values():
        key = (
            ticket["organisation_id"],
            ticket["created_at"].astimezone(AMSTERDAM).date(),
            ticket["channel"],
            ticket["route"],
            ticket["topic"],
            ticket["tool_id"] or 0,
            ticket["language"],
            "",
        )
        cell = cells.setdefault(
            key, {**dict.fromkeys(COUNTS, 0), **{name: [0] * 11 for name in HISTOGRAMS}, HOURS: [0] * 24}
        )
        cell["tickets"] += 1
        cell[HOURS][ticket["created_at"].astimezone(AMSTERDAM).hour] += 1
        created, answered, resolved = ticket["created_at"], ticket["first_responded_at"], ticket["resolved_at"]
        if answered:
            cell["first_responded"] += 1
            cell["first_response_seconds_sum"] += _whole_seconds(created, answered)
            cell["first_response_histogram"][_bucket(_whole_seconds(created, answered))] += 1
        if resolved:
            cell["resolved"] += 1
            cell["resolution_seconds_sum"] += _whole_seconds(created, resolved)
            cell["resolution_histogram"][_bucket(_whole_seconds(created, resolved))] += 1
            if replies[ticket["id"]] + reached[ticket["id"]] <= 1:
                written = person_messages[ticket["id"]]
                came_back = any(at > answered for at in written) if answered else len(written) > 1
                cell["first_contact_resolved"] += not came_back
        if ticket["first_response_due_at"]:
            cell["sla_first_response_due"] += 1
            cell["sla_first_response_met"] += bool(answered and answered <= ticket["first_response_due_at"])
        if ticket["resolution_due_at"]:
            cell["sla_resolution_due"] += 1
            cell["sla_resolution_met"] += bool(resolved and resolved <= ticket["resolution_due_at"])
        if ticket["id"] in scores:
            cell["csat_count"] += 1
            cell["csat_sum"] += scores[ticket["id"]]
            cell["csat_satisfied"] += scores[ticket["id"]] in (4, 5)
    return cells


def stored_rollups() -> Cells:
    return {
        tuple(row[name] for name in KEY): {name: row[name] for name in [*COUNTS, *HISTOGRAMS, HOURS]}
        for row in TicketRollup.objects.values()
    }


def direct_day_distributions() -> dict[tuple[Any, ...], dict[str, list[int]]]:
    """Per organisation and Amsterdam day: the direct cells' hours and histograms summed."""
    days: dict[tuple[Any, ...], dict[str, list[int]]] = {}
    for key, cell in direct_rollups().items():
        day = days.setdefault(key[:2], {name: [0] * len(cell[name]) for name in [*HISTOGRAMS, HOURS]})
        for name in [*HISTOGRAMS, HOURS]:
            day[name] = [mine + theirs for mine, theirs in zip(day[name], cell[name], strict=True)]
    return days


def stored_day_distributions() -> dict[tuple[Any, ...], dict[str, list[int]]]:
    return {
        (row["organisation_id"], row["day"]): {name: row[name] for name in [*HISTOGRAMS, HOURS]}
        for row in DayDistribution.objects.values()
    }
