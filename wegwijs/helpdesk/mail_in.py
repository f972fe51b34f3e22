"""E-mail into the helpdesk: one message becomes a new question or joins the one it answers.

Idempotent on Message-ID per organisation; malformed mail is stored and flagged, never dropped; automatic
replies and bounces are stored and never answered.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.db import transaction

from wegwijs.helpdesk import search, services
from wegwijs.helpdesk.choices import Channel, ContactMethod, EventKind, MessageKind, Status
from wegwijs.helpdesk.mail_parse import ParsedMail, parse_mail
from wegwijs.helpdesk.models import Attachment, InboundEmail, Message, OutboundEmail, Ticket
from wegwijs.tenancy.models import Organisation
from wegwijs.triage.redaction import redact_bsn

REFERENCE_IN_SUBJECT = re.compile(r"\[([A-Z]{1,3})-(\d+)\]")


def _thread(organisation: Organisation, mail: ParsedMail) -> Ticket | None:
    """The question this mail answers: by its Message-ID headers, else by the reference in the subject."""
    ids = mail.in_reply_to + mail.references
    if ids:
        outbound = OutboundEmail.objects.filter(organisation=organisation, rfc_message_id__in=ids).first()
        if outbound is not None:
            return outbound.ticket
        inbound = InboundEmail.objects.filter(organisation=organisation, rfc_message_id__in=ids, ticket__isnull=False)
        if inbound.exists():
            return inbound.first().ticket  # type: ignore[union-attr]
    match = REFERENCE_IN_SUBJECT.search(mail.subject)
    if match:
        ticket = Ticket.objects.filter(organisation=organisation, number=int(match.group(2))).first()
        if ticket is not None and ticket.reference == f"{match.group(1)}-{match.group(2)}":
            return ticket
    return None


def _store_attachments(message: Message, mail: ParsedMail) -> list[str]:
    """Keep allowed attachments within the limits; say which ones were not kept and why."""
    skipped, total = [], 0
    for attachment in mail.attachments:
        size = len(attachment.content)
        if attachment.content_type not in settings.ATTACHMENT_TYPES:
            skipped.append(f"attachment {attachment.filename!r} not kept: type {attachment.content_type}")
        elif size > settings.ATTACHMENT_MAX_BYTES or total + size > settings.ATTACHMENTS_MAX_TOTAL_BYTES:
            skipped.append(f"attachment {attachment.filename!r} not kept: too large ({size} bytes)")
        else:
            total += size
            Attachment.objects.create(
                organisation_id=message.organisation_id,
                message=message,
                filename=attachment.filename,
                content_type=attachment.content_type,
                size=size,
                content=attachment.content,
            )
    return skipped


@transaction.atomic
def email_ingest(*, organisation: Organisation, raw: bytes) -> InboundEmail:
    mail = parse_mail(raw)
    existing = InboundEmail.objects.filter(organisation=organisation, rfc_message_id=mail.message_id).first()
    if existing is not None:
        return existing
    inbound = InboundEmail.objects.create(
        organisation=organisation,
        rfc_message_id=mail.message_id,
        from_address=mail.from_address,
        subject=redact_bsn(mail.subject),
        raw=raw,
        is_automatic=mail.is_automatic,
        is_malformed=mail.is_malformed,
        problems="\n".join(mail.problems),
    )
    ticket = _thread(organisation, mail)
    text = mail.body or mail.subject or "(no text)"
    if mail.is_automatic:
        # Stored with its question for the agents to see; never answered, never opens a question.
        if ticket is not None:
            inbound.ticket = ticket
            inbound.message = Message.objects.create(
                organisation=organisation,
                ticket=ticket,
                kind=MessageKind.NOTE,
                channel=Channel.EMAIL,
                body=redact_bsn(f"[automatic e-mail] {mail.subject}\n\n{text}"[:10000]),
            )
            inbound.save(update_fields=["ticket", "message"])
            search.search_document_refresh(ticket=ticket)
        return inbound
    if ticket is not None and ticket.status != Status.CLOSED:
        message = services.ticket_add_person_message(ticket=ticket, body=text, channel=Channel.EMAIL)
    else:
        question = f"{mail.subject}\n\n{text}" if mail.subject and mail.subject not in text else text
        can_reply = bool(mail.from_address)
        ticket, _token = services.ticket_create(
            organisation=organisation,
            intake=services.Intake(
                question=question[:10000],
                language="nl",
                channel=Channel.EMAIL,
                email=mail.from_address,
                preferred_contact=ContactMethod.EMAIL if can_reply else ContactMethod.FOLLOW_UP_PAGE,
                consent_to_contact=can_reply,  # writing to us by e-mail is asking for an answer by e-mail
            ),
        )
        message = ticket.messages.order_by("created_at").first()  # type: ignore[assignment]
    skipped = _store_attachments(message, mail)
    inbound.ticket, inbound.message = ticket, message
    if skipped:
        inbound.problems = "\n".join([*mail.problems, *skipped])
    inbound.save(update_fields=["ticket", "message", "problems"])
    if inbound.is_malformed or skipped:
        services.record_event(ticket, EventKind.EMAIL_FLAGGED, after=mail.message_id[:60])
    return inbound
