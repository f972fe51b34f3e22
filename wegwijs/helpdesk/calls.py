"""Phone calls with the person: logged on a question, or opening a new one. A call on a question with a
waiting callback request also settles that request."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from wegwijs.accounts.models import User
from wegwijs.core.errors import DomainError
from wegwijs.helpdesk.choices import (
    STATUS_AFTER_CALL,
    CallbackStatus,
    CallDirection,
    CallOutcome,
    Channel,
    ContactMethod,
    EventKind,
)
from wegwijs.helpdesk.models import CallbackRequest, PhoneCall, Ticket
from wegwijs.helpdesk.services import Intake, record_event, set_status, ticket_create
from wegwijs.tenancy.models import Organisation
from wegwijs.triage.redaction import redact_bsn

MAX_CALL_MINUTES = 240


@transaction.atomic
def phone_call_log(
    *, actor: User, ticket: Ticket, direction: str, duration_minutes: int, summary: str, outcome: str
) -> PhoneCall:
    """Record a call about a question; its outcome moves the question on (resolved, open, referred)."""
    text = redact_bsn(summary.strip())
    if not text:
        raise DomainError(_("Write a short summary of the call."), code="empty_summary")
    return _record_call(
        actor=actor,
        ticket=ticket,
        direction=direction,
        duration_minutes=duration_minutes,
        summary=text,
        outcome=outcome,
    )


def _record_call(
    *, actor: User, ticket: Ticket, direction: str, duration_minutes: int, summary: str, outcome: str
) -> PhoneCall:
    if direction not in CallDirection.values or outcome not in CallOutcome.values:
        raise DomainError(_("Choose the direction and the outcome of the call."), code="invalid_call")
    if not 0 <= duration_minutes <= MAX_CALL_MINUTES:
        raise DomainError(_("A call lasts between 0 and 240 minutes."), code="invalid_duration")
    call = PhoneCall.objects.create(
        organisation_id=ticket.organisation_id,
        ticket=ticket,
        agent=actor,
        direction=direction,
        duration_seconds=duration_minutes * 60,
        outcome=outcome,
        summary=summary,
    )
    record_event(ticket, EventKind.CALL, actor=actor, after=outcome)
    callback_after_call(call=call)
    if ticket.first_responded_at is None and outcome != CallOutcome.NOT_REACHED:
        ticket.first_responded_at = call.created_at
        ticket.save(update_fields=["first_responded_at", "updated_at"])
    new_status = STATUS_AFTER_CALL[CallOutcome(outcome)]
    if new_status is not None and new_status != ticket.status:
        set_status(ticket, new_status, actor=actor)
    return call


@dataclass(frozen=True)
class NewCall:
    organisation: Organisation
    direction: str
    language: str
    caller_name: str
    caller_phone: str
    consent_to_contact: bool
    duration_minutes: int
    summary: str
    outcome: str


@transaction.atomic
def phone_call_log_new(*, actor: User, call: NewCall) -> Ticket:
    """A call about something new: register the question (channel phone) and the call in one go."""
    ticket, _token = ticket_create(
        organisation=call.organisation,
        intake=Intake(
            question=call.summary,
            language=call.language,
            channel=Channel.PHONE,
            name=call.caller_name,
            phone=call.caller_phone,
            consent_to_contact=call.consent_to_contact,
            preferred_contact=ContactMethod.PHONE
            if call.caller_phone and call.consent_to_contact
            else ContactMethod.FOLLOW_UP_PAGE,
        ),
    )
    # The summary became the question's first message; the call itself records direction, length and outcome.
    _record_call(
        actor=actor,
        ticket=ticket,
        direction=call.direction,
        duration_minutes=call.duration_minutes,
        summary="",
        outcome=call.outcome,
    )
    return ticket


def callback_after_call(*, call: PhoneCall) -> None:
    """A call on a question with a waiting callback: reached means done; after the last try, give up."""
    callback = CallbackRequest.objects.filter(
        organisation_id=call.organisation_id, ticket_id=call.ticket_id, status=CallbackStatus.WAITING
    ).first()
    if callback is None:
        return
    callback.attempts += 1
    if call.outcome != CallOutcome.NOT_REACHED:
        callback.status = CallbackStatus.DONE
    elif callback.attempts >= settings.CALLBACK_ATTEMPTS:
        callback.status = CallbackStatus.GIVEN_UP
    callback.save(update_fields=["attempts", "status"])
