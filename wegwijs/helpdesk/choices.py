"""The helpdesk's vocabularies. Pure data."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    WEB = "web", _("Web form")
    EMAIL = "email", _("E-mail")
    PHONE = "phone", _("Phone")
    WALK_IN = "walk_in", _("Walk-in")
    CALLBACK = "callback", _("Callback")
    API = "api", _("API")


class Status(models.TextChoices):
    NEW = "new", _("New")
    OPEN = "open", _("Open")
    WAITING_ON_PERSON = "waiting_on_person", _("Waiting for the person")
    REFERRED = "referred", _("Referred")
    RESOLVED = "resolved", _("Resolved")
    CLOSED = "closed", _("Closed")


class Priority(models.TextChoices):
    URGENT = "urgent", _("Urgent")
    HIGH = "high", _("High")
    NORMAL = "normal", _("Normal")
    LOW = "low", _("Low")


class Route(models.TextChoices):
    URGENT = "urgent", _("Urgent: danger to health")
    CARE_PROVIDER = "care_provider", _("Medical: to the care provider")
    HELPDESK = "helpdesk", _("Digital care helpdesk")
    GENERAL_DIGITAL = "general_digital", _("General digital skills")
    ORGANISATION = "organisation", _("Organisation (patient service desk)")
    PRIVACY = "privacy", _("Privacy")
    FEEDBACK = "feedback", _("Feedback")


class Topic(models.TextChoices):
    """What a helpdesk question is about (the triage taxonomy; only for route "helpdesk")."""

    LOGIN = "login", _("Logging in")
    ACCOUNT = "account", _("Account and registration")
    APP_INSTALL = "app_install", _("Installing the app")
    VIDEO_CALL = "video_call", _("Video consultation")
    HOME_MONITORING = "home_monitoring", _("Measuring at home")
    PORTAL_USE = "portal_use", _("Using the patient portal")
    MESSAGING = "messaging", _("Messages to the care provider")
    PROXY_ACCESS = "proxy_access", _("Access on behalf of someone else")
    NOTIFICATIONS = "notifications", _("Notifications and reminders")
    OTHER_TECHNICAL = "other_technical", _("Other technical problem")


class ContactMethod(models.TextChoices):
    EMAIL = "email", _("E-mail")
    PHONE = "phone", _("Phone")
    FOLLOW_UP_PAGE = "follow_up_page", _("Only on the follow-up page")


class MessageKind(models.TextChoices):
    INBOUND = "inbound", _("From the person")
    OUTBOUND = "outbound", _("Reply to the person")
    NOTE = "note", _("Internal note")


class EventKind(models.TextChoices):
    CREATED = "created", _("created")
    MESSAGE = "message", _("message from the person")
    REPLY = "reply", _("reply sent")
    NOTE = "note", _("internal note")
    STATUS = "status", _("status changed")
    PRIORITY = "priority", _("priority changed")
    ROUTE = "route", _("route changed")
    TOPIC = "topic", _("topic changed")
    TOOL = "tool", _("digital tool changed")
    ASSIGNED = "assigned", _("assigned")
    CLOSED_BY_PERSON = "closed_by_person", _("closed by the person")
    RATED = "rated", _("satisfaction given")
    CALL = "call", _("phone call")
    REFERRED = "referred", _("referred")
    REFERRAL_RECEIVED = "referral_received", _("referral picked up by the receiver")
    HANDED_OVER = "handed_over", _("handed over from a help point")
    EMAIL_FLAGGED = "email_flagged", _("e-mail received with problems")
    MERGED = "merged", _("merged")
    LINKED = "linked", _("linked to a related question")
    ESCALATED = "escalated", _("escalated: past its service level")
    EMAIL_SENT = "email_sent", _("e-mail sent")
    EMAIL_FAILED = "email_failed", _("e-mail could not be sent")


class EmailPurpose(models.TextChoices):
    CONFIRMATION = "confirmation", _("Confirmation of a new question")
    REPLY = "reply", _("Reply")
    RESOLVED = "resolved", _("Question resolved")
    REFERRAL = "referral", _("Referral to a contact")
    ESCALATION = "escalation", _("Escalation to the coordinators")


class DeliveryStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting to be sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Could not be sent")


class InboxSort(models.TextChoices):
    PRIORITY = "", _("Urgent first, then longest waiting")
    OLDEST = "oldest", _("Oldest first")
    NEWEST = "newest", _("Newest first")
    DUE = "due", _("Resolve-by time, soonest first")
    UPDATED = "updated", _("Recently changed first")


PRIORITY_ORDER = {Priority.URGENT: 0, Priority.HIGH: 1, Priority.NORMAL: 2, Priority.LOW: 3}
OPEN_STATUSES = frozenset({Status.NEW, Status.OPEN, Status.WAITING_ON_PERSON, Status.REFERRED})


class Satisfaction(models.IntegerChoices):
    VERY_UNHAPPY = 1, _("Very unhappy")
    UNHAPPY = 2, _("Unhappy")
    NEUTRAL = 3, _("Neutral")
    HAPPY = 4, _("Happy")
    VERY_HAPPY = 5, _("Very happy")


SATISFACTION_FACES = {1: "😞", 2: "🙁", 3: "😐", 4: "🙂", 5: "😀"}


class CallDirection(models.TextChoices):
    INCOMING = "in", _("Incoming call")
    OUTGOING = "out", _("Outgoing call")


class CallOutcome(models.TextChoices):
    RESOLVED = "resolved", _("Helped: question resolved")
    FOLLOW_UP = "follow_up", _("Follow-up needed")
    REFERRED = "referred", _("Referred elsewhere")
    NOT_REACHED = "not_reached", _("Not reached")


# What a call's outcome does to the question's status.
STATUS_AFTER_CALL = {
    CallOutcome.RESOLVED: Status.RESOLVED,
    CallOutcome.FOLLOW_UP: Status.OPEN,
    CallOutcome.REFERRED: Status.REFERRED,
    CallOutcome.NOT_REACHED: None,
}


class CallbackStatus(models.TextChoices):
    WAITING = "waiting", _("Waiting to be called")
    DONE = "done", _("Called")
    GIVEN_UP = "given_up", _("Not reached")
