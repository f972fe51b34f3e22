"""Replies to people by e-mail: composing with threading headers, and sending with retries."""

from __future__ import annotations

import datetime as dt
import uuid

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from wegwijs.helpdesk import links, urgent_advice
from wegwijs.helpdesk.choices import ContactMethod, DeliveryStatus, EmailPurpose, EventKind, MessageKind
from wegwijs.helpdesk.models import OutboundEmail, Ticket, TicketEvent

RETRY_DELAYS_MINUTES = (1, 5, 15, 60, 240)


def wants_email(ticket: Ticket) -> bool:
    return bool(
        ticket.requester_email and ticket.consent_to_contact and ticket.preferred_contact == ContactMethod.EMAIL
    )


def new_message_id() -> str:
    return f"<{uuid.uuid4()}@{settings.EMAIL_MESSAGE_ID_DOMAIN}>"


TEMPLATES = {
    EmailPurpose.CONFIRMATION: "helpdesk/email/confirmation",
    EmailPurpose.REPLY: "helpdesk/email/reply",
    EmailPurpose.RESOLVED: "helpdesk/email/resolved",
    EmailPurpose.REFERRAL: "helpdesk/email/referral",
    EmailPurpose.ESCALATION: "helpdesk/email/escalation",
}
# E-mails to colleagues are written in the organisation's language; to the person, in theirs.
TO_COLLEAGUES = {EmailPurpose.REFERRAL, EmailPurpose.ESCALATION}


def _compose(outbound: OutboundEmail) -> EmailMessage:
    ticket = outbound.ticket
    earlier = list(
        OutboundEmail.objects.filter(organisation_id=outbound.organisation_id, ticket=ticket)
        .exclude(pk=outbound.pk)
        .filter(created_at__lte=outbound.created_at)
        .order_by("created_at")
        .values_list("rfc_message_id", flat=True)
    )
    purpose = EmailPurpose(outbound.purpose)
    template = TEMPLATES[purpose]
    # The person reads their own language; a receiving colleague reads the organisation's language.
    language = settings.LANGUAGE_CODE if purpose in TO_COLLEAGUES else ticket.language
    with translation.override(language):
        context = {
            "ticket": ticket,
            "message": outbound.message,
            "follow_up_url": links.follow_up_url(ticket),
            "rating_links": links.rating_links(ticket) if purpose == EmailPurpose.RESOLVED else [],
            "urgent_advice": (
                urgent_advice.urgent_advice_for_ticket(ticket=ticket) if purpose == EmailPurpose.CONFIRMATION else None
            ),
            **(_colleague_context(ticket) if purpose in TO_COLLEAGUES else {}),
            "ticket_url": f"{settings.SITE_URL}{reverse('helpdesk:ticket', args=[ticket.public_id])}",
        }
        subject = render_to_string(f"{template}_subject.txt", context).strip()
        body = render_to_string(f"{template}.txt", context)
    headers: dict[str, str] = {"Message-ID": outbound.rfc_message_id, "Auto-Submitted": "auto-replied"}
    if earlier:
        headers["In-Reply-To"] = earlier[-1]
        headers["References"] = " ".join(earlier)
    reply_to = [ticket.organisation.contact_email] if ticket.organisation.contact_email else None
    return EmailMessage(subject=subject, body=body, to=[outbound.to_address], headers=headers, reply_to=reply_to)


def _colleague_context(ticket: Ticket) -> dict[str, object]:
    """What a receiving colleague needs besides the question's details (only loaded for their e-mails)."""
    return {
        "question": ticket.messages.filter(kind=MessageKind.INBOUND).order_by("created_at").first(),
        "referral": ticket.referrals.order_by("-created_at").first(),
        "site_url": settings.SITE_URL,
    }


def outbound_email_send(*, outbound: OutboundEmail) -> dt.datetime | None:
    """Try to send once. Returns when to try again, or None when sent or given up (visible on the ticket)."""
    if outbound.status != DeliveryStatus.QUEUED:
        return None
    outbound.attempts += 1
    try:
        _compose(outbound).send(fail_silently=False)
    except Exception as error:  # any transport failure is retried; only its type and text are recorded
        outbound.last_error = f"{type(error).__name__}: {error}"[:200]
        retry = outbound.attempts < settings.EMAIL_SEND_ATTEMPTS
        if not retry:
            outbound.status = DeliveryStatus.FAILED
            _event(outbound, EventKind.EMAIL_FAILED)
        outbound.save(update_fields=["attempts", "last_error", "status"])
        delay = RETRY_DELAYS_MINUTES[min(outbound.attempts, len(RETRY_DELAYS_MINUTES)) - 1]
        return timezone.now() + dt.timedelta(minutes=delay) if retry else None
    outbound.status = DeliveryStatus.SENT
    outbound.sent_at = timezone.now()
    outbound.last_error = ""
    outbound.save(update_fields=["attempts", "last_error", "status", "sent_at"])
    _event(outbound, EventKind.EMAIL_SENT)
    return None


def _event(outbound: OutboundEmail, kind: str) -> None:
    TicketEvent.objects.create(
        organisation_id=outbound.organisation_id,
        ticket_id=outbound.ticket_id,
        kind=kind,
        before=outbound.purpose,
        after=outbound.status,
    )
