"""Reads of questions, for the person's follow-up page and for the agents' workspace."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from uuid import UUID

from django.conf import settings
from django.db import connection
from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from wegwijs.accounts.models import User
from wegwijs.core.errors import NotFound
from wegwijs.helpdesk import links, search, sla
from wegwijs.helpdesk.choices import (
    OPEN_STATUSES,
    CallbackStatus,
    EventKind,
    InboxSort,
    MessageKind,
    Priority,
    Status,
)
from wegwijs.helpdesk.models import (
    PRIORITY_RANK,
    Attachment,
    Message,
    PhoneCall,
    SatisfactionRating,
    Ticket,
    TicketEvent,
)
from wegwijs.tenancy.models import Membership, Organisation
from wegwijs.tenancy.roles import Role
from wegwijs.tenancy.scope import current_access, person_record_get, person_records_listed

INBOX_VIEWS = ("mine", "unassigned", "my_teams", "urgent", "overdue", "callbacks", "all_open", "closed")


# --- the person's own view -------------------------------------------------------------------


def ticket_get_by_follow_up_token(*, organisation: Organisation, raw_token: str) -> Ticket:
    """The question behind a private follow-up link; the link stops working a while after closing."""
    parts = links.split_token(raw_token)
    if parts is None:
        raise NotFound("not found")
    public_id_hex, mac = parts
    ticket = (
        Ticket.objects.filter(organisation=organisation, public_id=public_id_hex)
        .select_related("organisation", "tool")
        .first()
    )
    if ticket is None or not links.token_matches(ticket, mac):
        raise NotFound("not found")
    if ticket.closed_at and ticket.closed_at + dt.timedelta(days=settings.FOLLOW_UP_DAYS_AFTER_CLOSE) < timezone.now():
        raise NotFound("expired")
    return ticket


def ticket_can_be_rated(*, ticket: Ticket) -> bool:
    return (
        ticket.status in {Status.RESOLVED, Status.CLOSED}
        and not SatisfactionRating.objects.filter(organisation_id=ticket.organisation_id, ticket=ticket).exists()
    )


def ticket_public_messages(*, ticket: Ticket) -> QuerySet[Message]:
    """What the person sees: their messages and the replies, never internal notes."""
    return Message.objects.filter(organisation_id=ticket.organisation_id, ticket=ticket).exclude(kind=MessageKind.NOTE)


# --- the agents' workspace -------------------------------------------------------------------


@dataclass(frozen=True)
class InboxFilter:
    view: str = "all_open"
    language: str = ""
    organisation_slug: str = ""
    channel: str = ""
    route: str = ""
    topic: str = ""
    sort: str = InboxSort.PRIORITY
    text: str = ""  # quick search: all questions (any status) containing these words, newest first


def _inbox_base() -> QuerySet[Ticket]:
    return Ticket.objects.filter(organisation_id__in=current_access().organisation_ids)


def _view(tickets: QuerySet[Ticket], view: str, user: User) -> QuerySet[Ticket]:
    if view == "overdue":
        return sla.tickets_overdue(tickets=tickets)
    if view == "callbacks":
        return tickets.filter(callback__status=CallbackStatus.WAITING)
    if view == "closed":
        return tickets.exclude(status__in=OPEN_STATUSES)
    open_tickets = tickets.filter(status__in=OPEN_STATUSES)
    if view == "mine":
        return open_tickets.filter(assignee=user)
    if view == "unassigned":
        return open_tickets.filter(assignee__isnull=True)
    if view == "my_teams":
        return open_tickets.filter(team__members=user)
    if view == "urgent":
        return open_tickets.filter(priority=Priority.URGENT)
    return open_tickets


ORDERS: dict[str, tuple[str, ...]] = {
    InboxSort.PRIORITY: ("priority_rank", "created_at", "pk"),
    InboxSort.OLDEST: ("created_at", "pk"),
    InboxSort.NEWEST: ("-created_at", "-pk"),
    InboxSort.DUE: ("resolution_due_at", "pk"),
    InboxSort.UPDATED: ("-updated_at", "-pk"),
}


def _order(filters: InboxFilter) -> tuple[str, ...]:
    """The chosen order; without a choice: search newest first, callbacks by their window, else priority."""
    if filters.sort or not (filters.text or filters.view == "callbacks"):
        return ORDERS.get(filters.sort, ORDERS[InboxSort.PRIORITY])
    return ORDERS[InboxSort.NEWEST] if filters.text else ("callback__window_start", "pk")


def ticket_inbox(*, user: User, filters: InboxFilter) -> QuerySet[Ticket]:
    """One inbox view: by default urgent first, then oldest first, so nobody waits longest by accident."""
    if filters.text:
        tickets = search.ticket_search(tickets=_inbox_base(), text=filters.text)
    else:
        tickets = _view(_inbox_base(), filters.view, user)
    exact = {
        "language": filters.language,
        "organisation__slug": filters.organisation_slug,
        "channel": filters.channel,
        "route": filters.route,
        "topic": filters.topic,
    }
    tickets = tickets.filter(**{field: value for field, value in exact.items() if value})
    return tickets.annotate(priority_rank=PRIORITY_RANK).order_by(*_order(filters))


@dataclass(frozen=True)
class InboxPage:
    """One page of an inbox view. No total is counted: the view tabs carry (capped) counts."""

    tickets: list[Ticket]
    number: int
    has_next: bool

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    def __iter__(self) -> Iterator[Ticket]:
        return iter(self.tickets)

    def __getitem__(self, index: int) -> Ticket:
        return self.tickets[index]

    def __len__(self) -> int:
        return len(self.tickets)


MAX_PAGE = 200


def _page_ids(tickets: QuerySet[Ticket], *, offset: int, limit: int) -> list[int]:
    """The ids of one page, in order. Where the database can limit each part of a UNION, every organisation
    is paged on its own indexes (which start with the organisation) and the parts are merged: a short index
    scan per organisation instead of sorting the questions of all of them."""
    order = [str(name) for name in tickets.query.order_by]
    columns = ["pk", *(name.lstrip("-") for name in order if name.lstrip("-") != "pk")]
    organisation_ids = sorted(current_access().organisation_ids)
    rows: QuerySet[Ticket, tuple[object, ...]]
    if len(organisation_ids) > 1 and connection.features.supports_slicing_ordering_in_compound:
        parts = [
            tickets.filter(organisation_id=organisation_id).values_list(*columns)[: offset + limit]
            for organisation_id in organisation_ids
        ]
        rows = parts[0].union(*parts[1:], all=True).order_by(*order)[offset : offset + limit]
    else:
        rows = tickets.values_list(*columns)[offset : offset + limit]
    return [int(row[0]) for row in rows]  # type: ignore[call-overload]


def ticket_inbox_page(*, user: User, filters: InboxFilter, page_number: str | None, per_page: int) -> InboxPage:
    """One page of an inbox view. The page is chosen on the questions table alone (ids only), then just
    those rows are loaded with what the list shows, so the cost does not grow with the joins. Logged."""
    number = int(page_number) if page_number and page_number.isdigit() else 1
    number = min(max(number, 1), MAX_PAGE)
    ids = _page_ids(ticket_inbox(user=user, filters=filters), offset=(number - 1) * per_page, limit=per_page + 1)
    rows = Ticket.objects.filter(pk__in=ids[:per_page]).select_related("organisation", "assignee", "tool", "callback")
    by_id = {ticket.pk: ticket for ticket in rows}
    tickets = ticket_inbox_logged([by_id[pk] for pk in ids[:per_page] if pk in by_id])
    return InboxPage(tickets=tickets, number=number, has_next=len(ids) > per_page)


COUNT_CAP = 999


def ticket_inbox_counts(*, user: User) -> dict[str, int]:
    """How many questions each inbox view holds, counted up to COUNT_CAP + 1 ("999+"): each count stops
    early on the indexes instead of scanning every question of every organisation."""
    base = _inbox_base()
    return {view: _view(base, view, user).order_by().values("pk")[: COUNT_CAP + 1].count() for view in INBOX_VIEWS}


def ticket_inbox_logged(tickets: list[Ticket]) -> list[Ticket]:
    """An inbox page shows person data (names, subjects): log the listing."""
    person_records_listed(tickets, record_type="ticket")
    return tickets


def ticket_list_for_organisation(*, organisation: Organisation, status: str = "") -> QuerySet[Ticket]:
    """Questions of one organisation, newest first (for integrations). Log the page that is shown."""
    tickets = Ticket.objects.filter(organisation=organisation).select_related("tool", "assignee")
    return tickets.filter(status=status) if status else tickets.order_by("-created_at")


def ticket_get_for_staff(*, public_id: UUID | str) -> Ticket:
    """One question for an agent or an integration. Reading it is written to the access log."""
    tickets = Ticket.objects.select_related("organisation", "tool", "assignee", "team", "location", "callback")
    return person_record_get(tickets, public_id=public_id, record_type="ticket")


@dataclass(frozen=True)
class TimelineItem:
    at: dt.datetime
    message: Message | None = None
    event: TicketEvent | None = None
    call: PhoneCall | None = None


def ticket_timeline(*, ticket: Ticket) -> list[TimelineItem]:
    """Messages, notes and events in the order they happened."""
    messages = (
        Message.objects.filter(organisation_id=ticket.organisation_id, ticket=ticket)
        .select_related("author")
        .prefetch_related(Prefetch("attachments", queryset=Attachment.objects.defer("content")))
    )
    events = TicketEvent.objects.filter(organisation_id=ticket.organisation_id, ticket=ticket).select_related("actor")
    items = [TimelineItem(at=message.created_at, message=message) for message in messages]
    items += [TimelineItem(at=event.at, event=event) for event in events if event.kind != EventKind.CALL]
    calls = PhoneCall.objects.filter(organisation_id=ticket.organisation_id, ticket=ticket).select_related("agent")
    items += [TimelineItem(at=call.created_at, call=call) for call in calls]
    return sorted(items, key=lambda item: item.at)


def ticket_assignable_agents(*, ticket: Ticket) -> QuerySet[User]:
    agent_ids = Membership.objects.filter(
        organisation_id=ticket.organisation_id, role__in=[Role.AGENT, Role.COORDINATOR]
    ).values("user_id")
    return User.objects.filter(pk__in=agent_ids, is_active=True).order_by("full_name")


def attachment_get_for_staff(*, public_id: UUID | str) -> Attachment:
    """A file that came with a message; opening it is written to the access log."""
    return person_record_get(Attachment.objects.all(), public_id=public_id, record_type="attachment")


def ticket_get_by_number(*, organisation_id: int, number: int) -> Ticket:
    """Another question of the same organisation, by its number (merging). Access-logged like any read."""
    tickets = Ticket.objects.filter(organisation_id=organisation_id, number=number)
    public_id = tickets.values_list("public_id", flat=True).first()
    if public_id is None:
        raise NotFound("not found")
    return person_record_get(tickets, public_id=public_id, record_type="ticket")


def ticket_related(*, ticket: Ticket) -> QuerySet[Ticket]:
    return ticket.related.filter(organisation_id=ticket.organisation_id).order_by("number")
