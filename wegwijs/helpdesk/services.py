"""Everything that can happen to a question. Each write owns its transaction and its timeline event."""

from __future__ import annotations

import datetime as dt
import hmac
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wegwijs.accounts.models import User
from wegwijs.core.errors import DomainError
from wegwijs.helpdesk import email, links, routing, search, sla, statuses
from wegwijs.helpdesk.choices import (
    Channel,
    ContactMethod,
    EmailPurpose,
    EventKind,
    MessageKind,
    Priority,
    Route,
    Satisfaction,
    Status,
    Topic,
)
from wegwijs.helpdesk.models import (
    IntakeAttempt,
    Message,
    OutboundEmail,
    SatisfactionRating,
    Team,
    Ticket,
    TicketEvent,
)
from wegwijs.helpdesk.tasks import send_outbound_email
from wegwijs.insights.services import rollup_refresh_on_commit
from wegwijs.tenancy.models import DigitalTool, Membership, Organisation
from wegwijs.tenancy.roles import Role
from wegwijs.triage.classify import classify_with
from wegwijs.triage.redaction import redact_bsn
from wegwijs.triage.registry import model_for
from wegwijs.triage_learning.services import triage_correction_record

SUBJECT_LENGTH = 80
# Events that add text to a question: search must see it (a new question gets its document when created).
TEXT_EVENTS = frozenset(
    {
        EventKind.MESSAGE,
        EventKind.REPLY,
        EventKind.NOTE,
        EventKind.MERGED,
        EventKind.HANDED_OVER,
        EventKind.CALL,
    }
)


class IntakeThrottled(DomainError):
    code = "too_many_questions"
    status = 429


@dataclass(frozen=True)
class Intake:
    """What a person tells us when they ask a question, from any public channel."""

    question: str
    language: str
    channel: str = Channel.WEB
    tool: DigitalTool | None = None
    name: str = ""
    email: str = ""
    phone: str = ""
    preferred_contact: str = ContactMethod.FOLLOW_UP_PAGE
    consent_to_contact: bool = False
    consent_to_hand_over: bool = False


def _digest(key: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), key.encode(), "sha256").hexdigest()


def _contact_key(contact: str) -> str:
    """One key per e-mail address or phone number, however it was typed."""
    contact = contact.strip().lower()
    return "contact:" + (contact if "@" in contact else "".join(ch for ch in contact if ch.isdigit()))


def intake_check_rate(*, client_address: str | None, contacts: tuple[str, ...] = ()) -> None:
    """Refuse a public question when its client address, or the e-mail address or phone number it gives,
    sent too many recently; otherwise count this one for each. Only keyed hashes are stored."""
    limits = {f"address:{client_address}": settings.INTAKE_LIMIT_PER_ADDRESS} if client_address else {}
    limits |= {_contact_key(contact): settings.INTAKE_LIMIT_PER_CONTACT for contact in contacts if contact.strip()}
    digests = {_digest(key): limit for key, limit in limits.items()}
    since = timezone.now() - dt.timedelta(minutes=settings.INTAKE_WINDOW_MINUTES)
    for digest, limit in digests.items():
        if IntakeAttempt.objects.filter(address_digest=digest, at__gte=since)[:limit].count() >= limit:
            raise IntakeThrottled(_("You sent many questions in a short time. Please wait a moment, or call us."))
    IntakeAttempt.objects.bulk_create([IntakeAttempt(address_digest=digest) for digest in digests])


def intake_attempts_purge() -> int:
    """Forget rate-limit records whose window has passed (`wegwijs intake-purge`). Returns how many."""
    since = timezone.now() - dt.timedelta(minutes=settings.INTAKE_WINDOW_MINUTES)
    deleted, _by_model = IntakeAttempt.objects.filter(at__lt=since).delete()
    return deleted


def _subject_from(question: str) -> str:
    first_line = question.strip().splitlines()[0] if question.strip() else ""
    return first_line if len(first_line) <= SUBJECT_LENGTH else first_line[: SUBJECT_LENGTH - 1].rstrip() + "…"


# One statement takes the next number: the counter row is locked only for that statement when no outer
# transaction is open (decision 0007). The first question of an organisation starts after its highest number.
NEXT_NUMBER_SQL = (
    "INSERT INTO helpdesk_ticketcounter (organisation_id, last_number) "
    "SELECT %s, COALESCE(MAX(number), 0) + 1 FROM helpdesk_ticket WHERE organisation_id = %s "
    "ON CONFLICT (organisation_id) DO UPDATE SET last_number = helpdesk_ticketcounter.last_number + 1 "
    "RETURNING last_number"
)


def _next_number(organisation: Organisation) -> int:
    with connection.cursor() as cursor:
        cursor.execute(NEXT_NUMBER_SQL, [organisation.pk, organisation.pk])
        return int(cursor.fetchone()[0])


def _team_id_for(organisation: Organisation, language: str) -> int | None:
    """The queue a new question lands in (skills-based routing over the teams serving the organisation)."""
    teams = Team.objects.filter(organisations=organisation).values_list("pk", "languages")
    skills = [routing.TeamSkills(pk, frozenset({organisation.pk}), frozenset(languages)) for pk, languages in teams]
    return routing.choose_team(skills, organisation_id=organisation.pk, language=language)


def record_event(ticket: Ticket, kind: str, *, actor: User | None = None, before: str = "", after: str = "") -> None:
    """One line on the question's timeline (for the helpdesk's own services). Events that come with new text
    also refresh what full-text search reads, so the index can never lag behind a message."""
    TicketEvent.objects.create(
        organisation_id=ticket.organisation_id, ticket=ticket, actor=actor, kind=kind, before=before, after=after
    )
    if kind in TEXT_EVENTS:
        search.search_document_refresh(ticket=ticket)
    rollup_refresh_on_commit(ticket=ticket, event=kind)


def _check_contact(intake: Intake) -> None:
    if intake.email:
        try:
            validate_email(intake.email)
        except ValidationError as error:
            raise DomainError(_("This e-mail address is not valid."), code="invalid_email") from error
    if intake.preferred_contact == ContactMethod.EMAIL and not intake.email:
        raise DomainError(_("An answer by e-mail needs an e-mail address."), code="email_missing")
    if intake.preferred_contact == ContactMethod.PHONE and not intake.phone:
        raise DomainError(_("An answer by phone needs a phone number."), code="phone_missing")
    if intake.preferred_contact in {ContactMethod.EMAIL, ContactMethod.PHONE} and not intake.consent_to_contact:
        raise DomainError(_("We may only contact the person with their consent."), code="consent_missing")


def ticket_create(*, organisation: Organisation, intake: Intake) -> tuple[Ticket, str]:
    """Register a question. Returns the ticket and the secret of its private follow-up link (shown once).
    Everything is checked before the number is taken; a number is never given twice, and only a failure
    of the database itself can leave a gap."""
    # The organisation's model, without the article suggestions `classify` adds (intake does not show them).
    triage = classify_with(model_for(organisation.slug), intake.question.strip())
    question = redact_bsn(intake.question.strip())  # stored: only the BSN goes (triage.redacted_text is for export)
    if not question:
        raise DomainError(_("Please write your question."), code="empty_question")
    if intake.tool is not None and intake.tool.organisation_id != organisation.pk:
        raise DomainError(_("Unknown digital tool."), code="unknown_tool")
    _check_contact(intake)
    first_response_due, resolution_due = sla.sla_due_times(organisation=organisation, start=timezone.now())
    ticket = Ticket(
        organisation=organisation,
        number=_next_number(organisation),
        channel=intake.channel,
        language=intake.language,
        subject=_subject_from(question),
        tool=intake.tool,
        route=triage.route,
        topic=triage.topic or "",
        priority=Priority.URGENT if triage.route == Route.URGENT else Priority.NORMAL,
        triage_model_version=triage.model_version,
        triage_confidence=triage.confidence,
        urgent_reasons=triage.urgent_reasons,
        requester_name=redact_bsn(intake.name.strip()),
        requester_email=intake.email.strip().lower(),
        requester_phone=intake.phone.strip(),
        preferred_contact=intake.preferred_contact,
        consent_to_contact=intake.consent_to_contact,
        consent_to_hand_over=intake.consent_to_hand_over,
        team_id=_team_id_for(organisation, intake.language),
        first_response_due_at=first_response_due,
        resolution_due_at=resolution_due,
    )
    ticket.search_document = search.search_document_build(ticket=ticket, bodies=[question])
    with transaction.atomic():
        ticket.save(force_insert=True)
        Message.objects.create(
            organisation=organisation, ticket=ticket, kind=MessageKind.INBOUND, channel=intake.channel, body=question
        )
        record_event(ticket, EventKind.CREATED, after=intake.channel)
        _email_person(ticket, EmailPurpose.CONFIRMATION)
    return ticket, links.follow_up_token(ticket)


def _email_person(ticket: Ticket, purpose: str, *, message: Message | None = None) -> None:
    """Queue an e-mail to the person when they asked for answers by e-mail."""
    if email.wants_email(ticket):
        email_contact(ticket=ticket, purpose=purpose, to_address=ticket.requester_email, message=message)


def email_contact(*, ticket: Ticket, purpose: str, to_address: str, message: Message | None = None) -> None:
    """Queue an e-mail about the question; the task sends it after the transaction commits."""
    outbound = OutboundEmail.objects.create(
        organisation_id=ticket.organisation_id,
        ticket=ticket,
        purpose=purpose,
        message=message,
        to_address=to_address,
        rfc_message_id=email.new_message_id(),
    )
    transaction.on_commit(lambda: send_outbound_email.enqueue(ticket.organisation_id, outbound.pk))


def set_status(ticket: Ticket, status: str, *, actor: User | None) -> None:
    """Move the question to `status` with its timestamps, event and e-mail (for the helpdesk's own services;
    agents' requests go through ticket_change_status, which checks the transition)."""
    if status == ticket.status:
        return
    before = ticket.status
    ticket.status = status
    now = timezone.now()
    if status == Status.RESOLVED:
        ticket.resolved_at = now
        _email_person(ticket, EmailPurpose.RESOLVED)
    if status == Status.CLOSED:
        ticket.closed_at = now
    if statuses.is_open(status):
        ticket.resolved_at = None
        ticket.closed_at = None
    ticket.save(update_fields=["status", "resolved_at", "closed_at", "updated_at"])
    record_event(ticket, EventKind.STATUS, actor=actor, before=before, after=status)


def _add_message(
    ticket: Ticket,
    kind: str,
    body: str,
    *,
    empty: str,
    code: str,
    author: User | None = None,
    channel: str | None = None,
) -> Message:
    """Store a message on the question, without a BSN; refuse an empty one with `empty` as the reason."""
    text = redact_bsn(body.strip())
    if not text:
        raise DomainError(empty, code=code)
    return Message.objects.create(
        organisation_id=ticket.organisation_id,
        ticket=ticket,
        kind=kind,
        channel=channel or ticket.channel,
        author=author,
        body=text,
    )


@transaction.atomic
def ticket_add_person_message(*, ticket: Ticket, body: str, channel: str | None = None) -> Message:
    """The person writes again through the follow-up page (or e-mail)."""
    if ticket.status == Status.CLOSED:
        raise DomainError(_("This question is closed. Ask a new question."), code="ticket_closed")
    message = _add_message(
        ticket, MessageKind.INBOUND, body, channel=channel, empty=_("Please write your message."), code="empty_message"
    )
    record_event(ticket, EventKind.MESSAGE)
    set_status(ticket, statuses.status_after_person_writes(ticket.status), actor=None)
    return message


@transaction.atomic
def ticket_close_by_person(*, ticket: Ticket) -> None:
    if ticket.status == Status.CLOSED:
        return
    record_event(ticket, EventKind.CLOSED_BY_PERSON)
    set_status(ticket, Status.CLOSED, actor=None)


@transaction.atomic
def ticket_reply(*, actor: User | None, ticket: Ticket, body: str) -> Message:
    """An agent answers the person. The person reads it on the follow-up page."""
    if ticket.status == Status.CLOSED:
        raise DomainError(_("This question is closed. Reopen it first."), code="ticket_closed")
    message = _add_message(
        ticket, MessageKind.OUTBOUND, body, author=actor, empty=_("Write a reply first."), code="empty_reply"
    )
    _email_person(ticket, EmailPurpose.REPLY, message=message)
    if ticket.first_responded_at is None:
        ticket.first_responded_at = message.created_at
        ticket.save(update_fields=["first_responded_at", "updated_at"])
    record_event(ticket, EventKind.REPLY, actor=actor)
    set_status(ticket, statuses.status_after_reply(ticket.status), actor=actor)
    return message


@transaction.atomic
def ticket_add_note(*, actor: User | None, ticket: Ticket, body: str) -> Message:
    message = _add_message(
        ticket, MessageKind.NOTE, body, author=actor, empty=_("Write a note first."), code="empty_note"
    )
    record_event(ticket, EventKind.NOTE, actor=actor)
    return message


@transaction.atomic
def ticket_change_status(*, actor: User | None, ticket: Ticket, status: str) -> None:
    if status not in Status.values or not statuses.can_agent_set_status(ticket.status, status):
        raise DomainError(_("This status change is not possible."), code="status_not_allowed")
    set_status(ticket, status, actor=actor)


@transaction.atomic
def ticket_change_priority(*, actor: User | None, ticket: Ticket, priority: str) -> None:
    if priority not in Priority.values:
        raise DomainError(_("Unknown priority."), code="unknown_priority")
    if priority == ticket.priority:
        return
    before = ticket.priority
    ticket.priority = priority
    ticket.save(update_fields=["priority", "updated_at"])
    record_event(ticket, EventKind.PRIORITY, actor=actor, before=before, after=priority)


@transaction.atomic
def ticket_classify(*, actor: User | None, ticket: Ticket, route: str, topic: str, tool: DigitalTool | None) -> None:
    """The agent corrects route, topic and tool; each change is an event (what triage can learn from).
    A topic belongs only to helpdesk questions, and a question made urgent also gets urgent priority."""
    if route not in Route.values or (topic and topic not in Topic.values):
        raise DomainError(_("Unknown route or topic."), code="unknown_route")
    if tool is not None and tool.organisation_id != ticket.organisation_id:
        raise DomainError(_("Unknown digital tool."), code="unknown_tool")
    topic = topic if route == Route.HELPDESK else ""
    changes = [
        (EventKind.ROUTE, ticket.route, route),
        (EventKind.TOPIC, ticket.topic, topic),
        (EventKind.TOOL, ticket.tool.name if ticket.tool else "", tool.name if tool else ""),
    ]
    changed = [(kind, before, after) for kind, before, after in changes if before != after]
    if not changed:
        return
    proposed_route, proposed_topic = ticket.route, ticket.topic
    ticket.route, ticket.topic, ticket.tool = route, topic, tool
    ticket.save(update_fields=["route", "topic", "tool", "updated_at"])
    for kind, before, after in changed:
        record_event(ticket, kind, actor=actor, before=before[:60], after=after[:60])
    if (proposed_route, proposed_topic) != (route, topic):
        triage_correction_record(
            actor=actor, ticket=ticket, proposed_route=proposed_route, proposed_topic=proposed_topic
        )
    if route == Route.URGENT and ticket.priority != Priority.URGENT:
        ticket_change_priority(actor=actor, ticket=ticket, priority=Priority.URGENT)


@transaction.atomic
def ticket_assign(*, actor: User | None, ticket: Ticket, assignee: User | None) -> None:
    """Give the question to an agent of its organisation (or to nobody)."""
    if (
        assignee is not None
        and not Membership.objects.filter(
            organisation_id=ticket.organisation_id, user=assignee, role__in=[Role.AGENT, Role.COORDINATOR]
        ).exists()
    ):
        raise DomainError(_("This person does not work on this organisation's questions."), code="not_an_agent")
    if assignee == ticket.assignee:
        return
    before = str(ticket.assignee.public_id) if ticket.assignee else ""
    ticket.assignee = assignee
    ticket.save(update_fields=["assignee", "updated_at"])
    record_event(
        ticket, EventKind.ASSIGNED, actor=actor, before=before, after=str(assignee.public_id) if assignee else ""
    )


@transaction.atomic
def ticket_rate(*, ticket: Ticket, score: int) -> SatisfactionRating:
    """The person says how satisfied they are, once, after the question was resolved or closed."""
    if ticket.status not in {Status.RESOLVED, Status.CLOSED}:
        raise DomainError(_("You can give your opinion once your question is answered."), code="not_resolved")
    if score not in Satisfaction.values:
        raise DomainError(_("Choose one of the five faces."), code="invalid_score")
    if SatisfactionRating.objects.filter(organisation_id=ticket.organisation_id, ticket=ticket).exists():
        raise DomainError(_("You already gave your opinion. Thank you!"), code="already_rated")
    rating = SatisfactionRating.objects.create(organisation_id=ticket.organisation_id, ticket=ticket, score=score)
    record_event(ticket, EventKind.RATED, after=str(score))
    return rating


@transaction.atomic
def ticket_merge(*, actor: User | None, duplicate: Ticket, into: Ticket) -> Ticket:
    """Fold a duplicate question into the one that stays: its messages move over, the duplicate closes."""
    if duplicate.pk == into.pk or duplicate.organisation_id != into.organisation_id:
        raise DomainError(_("Choose another question of the same organisation."), code="merge_not_possible")
    if into.status == Status.CLOSED:
        raise DomainError(_("The question to keep is closed. Reopen it first."), code="ticket_closed")
    Message.objects.filter(organisation_id=duplicate.organisation_id, ticket=duplicate).update(ticket=into)
    record_event(into, EventKind.MERGED, actor=actor, before=duplicate.reference, after=into.reference)
    record_event(duplicate, EventKind.MERGED, actor=actor, before=duplicate.reference, after=into.reference)
    if duplicate.status != Status.CLOSED:
        set_status(duplicate, Status.CLOSED, actor=actor)
    return into


@transaction.atomic
def ticket_link(*, actor: User | None, ticket: Ticket, other: Ticket) -> None:
    """Mark two questions of the same organisation as related (both ways), e.g. one outage, many questions."""
    if ticket.pk == other.pk or ticket.organisation_id != other.organisation_id:
        raise DomainError(_("Choose another question of the same organisation."), code="link_not_possible")
    ticket.related.add(other)
    record_event(ticket, EventKind.LINKED, actor=actor, after=other.reference)
    record_event(other, EventKind.LINKED, actor=actor, after=ticket.reference)
