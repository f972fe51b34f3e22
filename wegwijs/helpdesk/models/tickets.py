"""Questions ("vragen"), their messages, timeline, calls, callbacks, referrals and ratings. All person data:
organisation-scoped."""

from __future__ import annotations

import secrets
import uuid
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from wegwijs.core.models import TimestampedModel
from wegwijs.helpdesk.choices import (
    OPEN_STATUSES,
    PRIORITY_ORDER,
    CallbackStatus,
    CallDirection,
    CallOutcome,
    Channel,
    ContactMethod,
    EventKind,
    MessageKind,
    Priority,
    Route,
    Status,
    Topic,
)
from wegwijs.tenancy.models import Department, DigitalTool, Location, Organisation, OrganisationScopedManager


def new_follow_up_salt() -> str:
    """Random salt of a question's private link (see links.py)."""
    return secrets.token_hex(16)


class Team(TimestampedModel):
    """A group of agents of the central helpdesk, serving some organisations in some languages."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    organisations = models.ManyToManyField(Organisation, related_name="teams", verbose_name=_("serves"))
    languages = models.JSONField(_("languages"), default=list, blank=True)
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="teams", blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


# The inbox order: urgent first. One expression for the order and for the index that serves it.
PRIORITY_RANK = models.Case(
    *[models.When(priority=priority, then=models.Value(rank)) for priority, rank in PRIORITY_ORDER.items()],
    output_field=models.IntegerField(),
)
OPEN = models.Q(status__in=sorted(OPEN_STATUSES))


class Ticket(TimestampedModel):
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="tickets")
    number = models.PositiveIntegerField(_("number"))
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    language = models.CharField(_("language"), max_length=8, default="nl")
    subject = models.CharField(_("subject"), max_length=200)
    route = models.CharField(_("route"), max_length=20, choices=Route.choices, default=Route.HELPDESK)
    topic = models.CharField(_("topic"), max_length=60, blank=True, choices=Topic.choices)
    tool = models.ForeignKey(DigitalTool, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    location = models.ForeignKey(Location, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    # What the triage proposed on intake and why (shown on the question page; see the Triage engine issue).
    triage_model_version = models.CharField(_("triage model"), max_length=60, blank=True)
    triage_confidence = models.JSONField(_("triage confidence"), default=dict, blank=True)
    urgent_reasons = models.JSONField(_("urgent signs"), default=list, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NEW)
    priority = models.CharField(_("priority"), max_length=10, choices=Priority.choices, default=Priority.NORMAL)
    requester_name = models.CharField(_("name"), max_length=200, blank=True)
    requester_email = models.EmailField(_("e-mail address"), blank=True)
    requester_phone = models.CharField(_("phone number"), max_length=40, blank=True)
    preferred_contact = models.CharField(
        _("preferred contact"), max_length=20, choices=ContactMethod.choices, default=ContactMethod.FOLLOW_UP_PAGE
    )
    consent_to_contact = models.BooleanField(_("may be contacted"), default=False)
    consent_to_hand_over = models.BooleanField(_("data may be handed over"), default=False)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="assigned_tickets"
    )
    team = models.ForeignKey(Team, null=True, blank=True, on_delete=models.SET_NULL, related_name="tickets")
    first_response_due_at = models.DateTimeField(null=True, blank=True)
    resolution_due_at = models.DateTimeField(null=True, blank=True)
    first_responded_at = models.DateTimeField(null=True, blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    escalated_at = models.DateTimeField(null=True, blank=True)
    related = models.ManyToManyField("self", blank=True, symmetrical=True, verbose_name=_("related questions"))
    # What full-text search reads: subject, contact details and the messages' text (see search.py).
    search_document = models.TextField(blank=True, editable=False)
    follow_up_salt = models.CharField(max_length=32, default=new_follow_up_salt)

    objects: ClassVar[models.Manager[Ticket]] = OrganisationScopedManager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["organisation", "number"], name="ticket_number_per_org")]
        indexes = [
            models.Index(fields=["organisation", "status", "created_at"], name="ticket_org_status_created"),
            # Newest or oldest first (search results, the chosen order) within one organisation.
            models.Index(fields=["organisation", "created_at", "id"], name="ticket_org_created"),
            # The inbox page in its default order (urgent first, then oldest), per organisation: open questions
            # only, all of them and per assignee ("mine", "unassigned"). The selectors page each organisation
            # on these and merge (selectors._page_ids).
            models.Index(
                F("organisation"), PRIORITY_RANK, F("created_at"), F("id"), condition=OPEN, name="ticket_org_open_rank"
            ),
            models.Index(
                F("organisation"),
                F("assignee"),
                PRIORITY_RANK,
                F("created_at"),
                F("id"),
                condition=OPEN,
                name="ticket_org_assignee_open_rank",
            ),
            # The overdue view: unanswered questions past their first-answer time, or past their resolution time.
            models.Index(
                fields=["organisation", "first_response_due_at"],
                condition=models.Q(first_responded_at__isnull=True),
                name="ticket_org_first_due",
            ),
            models.Index(fields=["organisation", "resolution_due_at"], name="ticket_org_resolution_due"),
            # Urgent questions are rare: find them without scanning the open ones.
            models.Index(
                fields=["organisation", "created_at"], condition=models.Q(priority="urgent"), name="ticket_org_urgent"
            ),
        ]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return f"#{self.number}"

    @property
    def reference(self) -> str:
        """What people quote: the organisation's short name and the number, e.g. ZV-1042."""
        initials = "".join(part[0] for part in self.organisation.slug.split("-") if part)[:3].upper()
        return f"{initials}-{self.number}"


class TicketCounter(models.Model):
    """The last question number given out per organisation (see services.NEXT_NUMBER_SQL)."""

    organisation = models.OneToOneField(Organisation, on_delete=models.CASCADE, related_name="+")
    last_number = models.PositiveIntegerField(default=0)

    objects: ClassVar[models.Manager[TicketCounter]] = OrganisationScopedManager()

    def __str__(self) -> str:
        return f"last number {self.last_number}"


class Message(TimestampedModel):
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="messages")
    kind = models.CharField(_("kind"), max_length=10, choices=MessageKind.choices)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    body = models.TextField(_("message"))

    objects: ClassVar[models.Manager[Message]] = OrganisationScopedManager()

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["organisation", "ticket", "created_at"], name="message_org_ticket")]

    def __str__(self) -> str:
        return f"{self.kind} message on ticket {self.ticket_id}"


class TicketEvent(models.Model):
    """One line of a question's timeline: who did what, when. Holds ids and codes, never the person's words."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(auto_now_add=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    kind = models.CharField(max_length=20, choices=EventKind.choices)
    before = models.CharField(max_length=60, blank=True)
    after = models.CharField(max_length=60, blank=True)

    objects: ClassVar[models.Manager[TicketEvent]] = OrganisationScopedManager()

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["organisation", "ticket", "at"], name="event_org_ticket_at")]

    def __str__(self) -> str:
        return f"{self.kind} on ticket {self.ticket_id}"


class IntakeAttempt(models.Model):
    """A question sent through a public form, kept briefly for rate limits: one row per client address and per
    e-mail address or phone number it gave. Only a keyed hash of each is stored."""

    address_digest = models.CharField(max_length=64)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["address_digest", "at"], name="intake_address_at")]

    def __str__(self) -> str:
        return f"intake at {self.at:%Y-%m-%d %H:%M}"


class SatisfactionRating(models.Model):
    """The person's one answer after their question was resolved: 1 (very unhappy) to 5 (very happy)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    ticket = models.OneToOneField(Ticket, on_delete=models.CASCADE, related_name="satisfaction")
    score = models.PositiveSmallIntegerField(_("score"))
    created_at = models.DateTimeField(auto_now_add=True)

    objects: ClassVar[models.Manager[SatisfactionRating]] = OrganisationScopedManager()

    class Meta:
        constraints = [
            models.CheckConstraint(condition=models.Q(score__gte=1, score__lte=5), name="satisfaction_score_1_to_5")
        ]
        indexes = [models.Index(fields=["organisation", "created_at"], name="satisfaction_org_created")]

    def __str__(self) -> str:
        return f"satisfaction {self.score} on ticket {self.ticket_id}"


class PhoneCall(models.Model):
    """A call an agent had (or tried to have) with the person about a question."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="calls")
    agent = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    direction = models.CharField(_("direction"), max_length=3, choices=CallDirection.choices)
    duration_seconds = models.PositiveIntegerField(_("duration"))
    outcome = models.CharField(_("outcome"), max_length=12, choices=CallOutcome.choices)
    summary = models.TextField(_("summary"), blank=True)  # empty when the call opened the question
    created_at = models.DateTimeField(auto_now_add=True)

    objects: ClassVar[models.Manager[PhoneCall]] = OrganisationScopedManager()

    class Meta:
        ordering = ["created_at"]
        indexes = [models.Index(fields=["organisation", "ticket", "created_at"], name="call_org_ticket")]

    def __str__(self) -> str:
        return f"{self.direction} call on ticket {self.ticket_id}"

    @property
    def duration_minutes(self) -> int:
        return round(self.duration_seconds / 60)


class Referral(models.Model):
    """A question sent on to where it belongs: the care provider, the patient service desk, privacy, or
    general digital help. Records who receives it and whether the question itself was handed over."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="referrals")
    route = models.CharField(_("route"), max_length=20, choices=Route.choices)
    department = models.ForeignKey(Department, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    target_name = models.CharField(max_length=200)
    target_phone = models.CharField(max_length=40, blank=True)
    target_email = models.EmailField(blank=True)
    handed_over = models.BooleanField(default=False)
    note = models.TextField(_("note for the receiver"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    # The receiver confirms in Wegwijs that they picked it up (the helpdesk sees it on the timeline).
    received_at = models.DateTimeField(null=True, blank=True)
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects: ClassVar[models.Manager[Referral]] = OrganisationScopedManager()

    class Meta:
        indexes = [
            models.Index(fields=["organisation", "route", "created_at"], name="referral_org_route"),
            models.Index(
                fields=["organisation", "created_at"],
                condition=models.Q(handed_over=True),
                name="referral_org_handed_over",
            ),
        ]

    def __str__(self) -> str:
        return f"referral of ticket {self.ticket_id} to {self.route}"


class CallbackRequest(models.Model):
    """The person asked to be called back within a time window they picked."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    ticket = models.OneToOneField(Ticket, on_delete=models.CASCADE, related_name="callback")
    window_start = models.DateTimeField(_("call between"))
    window_end = models.DateTimeField(_("and"))
    status = models.CharField(max_length=10, choices=CallbackStatus.choices, default=CallbackStatus.WAITING)
    attempts = models.PositiveSmallIntegerField(default=0)

    objects: ClassVar[models.Manager[CallbackRequest]] = OrganisationScopedManager()

    class Meta:
        indexes = [models.Index(fields=["organisation", "status", "window_start"], name="callback_org_status_window")]

    def __str__(self) -> str:
        return f"callback for ticket {self.ticket_id} at {self.window_start:%Y-%m-%d %H:%M}"


class Attachment(models.Model):
    """A file that came with a message. Served only through a view that checks organisation and role."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="attachments")
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    filename = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    content = models.BinaryField()

    objects: ClassVar[models.Manager[Attachment]] = OrganisationScopedManager()

    class Meta:
        indexes = [models.Index(fields=["organisation", "message"], name="attachment_org_message")]

    def __str__(self) -> str:
        return f"attachment {self.public_id}"
