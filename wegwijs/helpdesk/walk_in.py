"""Walk-in help at a location (Infohuis, library, Digituin): logged by a volunteer, handed over when needed."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from wegwijs.accounts.models import User
from wegwijs.core.errors import DomainError
from wegwijs.helpdesk import search, services
from wegwijs.helpdesk.choices import Channel, ContactMethod, EventKind, MessageKind, Status
from wegwijs.helpdesk.models import Message, Ticket
from wegwijs.tenancy.models import DigitalTool, Location, Organisation
from wegwijs.triage.redaction import redact_bsn


@dataclass(frozen=True)
class WalkIn:
    organisation: Organisation
    location: Location
    language: str
    tool: DigitalTool | None
    question: str
    tried: str
    hand_over: bool
    name: str = ""
    email: str = ""
    phone: str = ""
    preferred_contact: str = ContactMethod.PHONE
    consent_to_contact: bool = False
    consent_to_hand_over: bool = False


@transaction.atomic
def walk_in_log(*, actor: User, visit: WalkIn) -> Ticket:
    """Record in-person help. Helped on the spot: the question is resolved (and counts in the reports).
    Handed over: it lands in the central helpdesk's queue with what was tried, with the person's consent."""
    if not visit.location.organisations.filter(pk=visit.organisation.pk).exists():
        raise DomainError(_("This help point does not work for this organisation."), code="location_not_serving")
    if visit.hand_over and not (visit.consent_to_hand_over and visit.consent_to_contact):
        raise DomainError(
            _("Handing over needs the person's consent to pass on the question and to be contacted."),
            code="consent_missing",
        )
    ticket, _token = services.ticket_create(
        organisation=visit.organisation,
        intake=services.Intake(
            question=visit.question,
            language=visit.language,
            channel=Channel.WALK_IN,
            tool=visit.tool,
            name=visit.name if visit.hand_over else "",
            email=visit.email if visit.hand_over else "",
            phone=visit.phone if visit.hand_over else "",
            preferred_contact=visit.preferred_contact if visit.hand_over else ContactMethod.FOLLOW_UP_PAGE,
            consent_to_contact=visit.consent_to_contact and visit.hand_over,
            consent_to_hand_over=visit.consent_to_hand_over and visit.hand_over,
        ),
    )
    ticket.location = visit.location
    ticket.save(update_fields=["location", "updated_at"])
    tried = redact_bsn(visit.tried.strip())
    if tried:
        Message.objects.create(
            organisation_id=ticket.organisation_id,
            ticket=ticket,
            kind=MessageKind.NOTE,
            channel=Channel.WALK_IN,
            author=actor,
            body=_("Tried at %(location)s: %(tried)s") % {"location": visit.location.name, "tried": tried},
        )
        search.search_document_refresh(ticket=ticket)
    if visit.hand_over:
        services.record_event(ticket, EventKind.HANDED_OVER, actor=actor, after=visit.location.slug)
    else:
        services.set_status(ticket, Status.RESOLVED, actor=actor)
    return ticket
