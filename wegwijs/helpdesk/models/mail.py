"""E-mail about questions: what went out (with its delivery state), what came in, and the mailboxes read."""

from __future__ import annotations

from typing import ClassVar

from django.db import models

from wegwijs.helpdesk.choices import DeliveryStatus, EmailPurpose
from wegwijs.helpdesk.models.tickets import Message, Ticket
from wegwijs.tenancy.models import Organisation, OrganisationScopedManager


class OutboundEmail(models.Model):
    """One e-mail to the person about their question, with its delivery state.

    A reply's text lives in its Message; confirmations and resolution notices are composed from templates.
    """

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="emails")
    purpose = models.CharField(max_length=12, choices=EmailPurpose.choices)
    message = models.OneToOneField(Message, null=True, blank=True, on_delete=models.CASCADE, related_name="email")
    to_address = models.EmailField()
    rfc_message_id = models.CharField("Message-ID", max_length=255, unique=True)
    status = models.CharField(max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    objects: ClassVar[models.Manager[OutboundEmail]] = OrganisationScopedManager()

    class Meta:
        indexes = [
            models.Index(fields=["organisation", "status"], name="outbound_org_status"),
            models.Index(fields=["organisation", "ticket", "created_at"], name="outbound_org_ticket"),
        ]

    def __str__(self) -> str:
        return f"e-mail {self.rfc_message_id} ({self.status})"


class InboundEmail(models.Model):
    """Every e-mail that came in, kept as received (also when it is malformed or an automatic reply).

    Ingestion is idempotent on (organisation, Message-ID). Malformed mail is stored and flagged, never dropped.
    """

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    ticket = models.ForeignKey(Ticket, null=True, blank=True, on_delete=models.SET_NULL, related_name="inbound_emails")
    message = models.OneToOneField(Message, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    rfc_message_id = models.CharField(max_length=255)
    from_address = models.CharField(max_length=254, blank=True)
    subject = models.CharField(max_length=300, blank=True)
    raw = models.BinaryField()
    is_malformed = models.BooleanField(default=False)
    is_automatic = models.BooleanField(default=False)
    problems = models.TextField(blank=True)
    received_at = models.DateTimeField(auto_now_add=True)

    objects: ClassVar[models.Manager[InboundEmail]] = OrganisationScopedManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "rfc_message_id"], name="inbound_once_per_message_id")
        ]

    def __str__(self) -> str:
        return f"inbound e-mail {self.rfc_message_id}"


class Mailbox(models.Model):
    """An organisation's IMAP mailbox that the helpdesk reads. The password comes from the environment."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="mailboxes")
    host = models.CharField(max_length=200)
    port = models.PositiveIntegerField(default=993)
    use_ssl = models.BooleanField(default=True)
    username = models.CharField(max_length=200)
    password_key = models.CharField(
        max_length=60, help_text="The password is read from the environment variable WEGWIJS_MAILBOX_PASSWORD_<key>."
    )
    folder = models.CharField(max_length=100, default="INBOX")
    is_active = models.BooleanField(default=True)
    last_polled_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=200, blank=True)

    objects: ClassVar[models.Manager[Mailbox]] = OrganisationScopedManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "host", "username", "folder"], name="one_mailbox_config")
        ]

    def __str__(self) -> str:
        return f"{self.username}@{self.host}/{self.folder}"
