"""API: questions of the token's organisation — list, create, read, change status/assignee, add a message."""

import datetime as dt
from typing import Literal
from uuid import UUID

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.pagination import paginate

from wegwijs.accounts.models import User
from wegwijs.api.auth import require_scope
from wegwijs.api.pagination import TicketPagination
from wegwijs.api.schemas import ERROR_RESPONSES, text_field
from wegwijs.core.errors import DomainError
from wegwijs.helpdesk import selectors, services
from wegwijs.helpdesk.choices import Channel, ContactMethod, Status
from wegwijs.helpdesk.models import Message, Ticket
from wegwijs.tenancy import selectors as tenancy_selectors
from wegwijs.tenancy.roles import ApiScope

router = Router(tags=["questions"])

StatusName = Literal["new", "open", "waiting_on_person", "referred", "resolved", "closed"]
LanguageCode = Literal["nl", "en", "tr", "ar", "pl", "uk"]
ContactName = Literal["email", "phone", "follow_up_page"]


class MessageOut(Schema):
    kind: str
    body: str
    created_at: dt.datetime


class TicketOut(Schema):
    id: UUID
    reference: str
    channel: str
    language: str
    subject: str
    route: str
    topic: str
    status: str
    priority: str
    tool_id: UUID | None
    assignee_id: UUID | None
    created_at: dt.datetime
    updated_at: dt.datetime

    @staticmethod
    def resolve_id(ticket: Ticket) -> UUID:
        return ticket.public_id

    @staticmethod
    def resolve_tool_id(ticket: Ticket) -> UUID | None:
        return ticket.tool.public_id if ticket.tool else None

    @staticmethod
    def resolve_assignee_id(ticket: Ticket) -> UUID | None:
        return ticket.assignee.public_id if ticket.assignee else None


class TicketDetailOut(TicketOut):
    requester_name: str
    requester_email: str
    requester_phone: str
    preferred_contact: str
    messages: list[MessageOut]

    @staticmethod
    def resolve_messages(ticket: Ticket) -> list[Message]:
        return list(ticket.messages.all())


class TicketCreatedOut(TicketOut):
    follow_up_token: str  # shown once: the person's private link is /<organisation>/vraag/<token>/


class TicketIn(Schema):
    question: text_field(5000, required=True, multiline=True)  # type: ignore[valid-type]
    language: LanguageCode = "nl"
    tool_id: UUID | None = None
    name: text_field(200) = ""  # type: ignore[valid-type]
    email: text_field(254) = ""  # type: ignore[valid-type]
    phone: text_field(40) = ""  # type: ignore[valid-type]
    preferred_contact: ContactName = "follow_up_page"
    consent_to_contact: bool = False
    consent_to_hand_over: bool = False


class TicketPatch(Schema):
    status: StatusName | None = None
    assignee_id: UUID | None = None
    unassign: bool = False


class MessageIn(Schema):
    kind: Literal["reply", "note"]
    body: text_field(10000, required=True, multiline=True)  # type: ignore[valid-type]


@router.get("/tickets", response={200: list[TicketOut], **ERROR_RESPONSES})
@paginate(TicketPagination)
def ticket_list(request: HttpRequest, status: StatusName | None = None) -> object:
    organisation = require_scope(request, ApiScope.TICKETS_READ)
    return selectors.ticket_list_for_organisation(organisation=organisation, status=status or "")


@router.post("/tickets", response={201: TicketCreatedOut, **ERROR_RESPONSES})
def ticket_create(request: HttpRequest, payload: TicketIn) -> object:
    organisation = require_scope(request, ApiScope.TICKETS_WRITE)
    tool = tenancy_selectors.tool_get(organisation=organisation, public_id=payload.tool_id) if payload.tool_id else None
    intake = services.Intake(
        question=payload.question,
        language=payload.language,
        channel=Channel.API,
        tool=tool,
        name=payload.name,
        email=payload.email,
        phone=payload.phone,
        preferred_contact=ContactMethod(payload.preferred_contact),
        consent_to_contact=payload.consent_to_contact,
        consent_to_hand_over=payload.consent_to_hand_over,
    )
    ticket, token = services.ticket_create(organisation=organisation, intake=intake)
    ticket.follow_up_token = token  # type: ignore[attr-defined]  # returned once, never stored
    return 201, ticket


@router.get("/tickets/{ticket_id}", response={200: TicketDetailOut, **ERROR_RESPONSES})
def ticket_get(request: HttpRequest, ticket_id: UUID) -> object:
    require_scope(request, ApiScope.TICKETS_READ)
    return selectors.ticket_get_for_staff(public_id=ticket_id)


@router.patch("/tickets/{ticket_id}", response={200: TicketOut, **ERROR_RESPONSES})
def ticket_update(request: HttpRequest, ticket_id: UUID, payload: TicketPatch) -> object:
    require_scope(request, ApiScope.TICKETS_WRITE)
    ticket = selectors.ticket_get_for_staff(public_id=ticket_id)
    if payload.status is not None:
        services.ticket_change_status(actor=None, ticket=ticket, status=Status(payload.status))
    if payload.assignee_id is not None or payload.unassign:
        services.ticket_assign(actor=None, ticket=ticket, assignee=_agent(ticket, payload.assignee_id))
    return ticket


@router.post("/tickets/{ticket_id}/messages", response={201: MessageOut, **ERROR_RESPONSES})
def ticket_add_message(request: HttpRequest, ticket_id: UUID, payload: MessageIn) -> object:
    require_scope(request, ApiScope.TICKETS_WRITE)
    ticket = selectors.ticket_get_for_staff(public_id=ticket_id)
    if payload.kind == "reply":
        return 201, services.ticket_reply(actor=None, ticket=ticket, body=payload.body)
    return 201, services.ticket_add_note(actor=None, ticket=ticket, body=payload.body)


def _agent(ticket: Ticket, public_id: UUID | None) -> User | None:
    if public_id is None:
        return None
    agent = selectors.ticket_assignable_agents(ticket=ticket).filter(public_id=public_id).first()
    if agent is None:
        raise DomainError("No agent of this organisation has that id.", code="unknown_agent")
    return agent
