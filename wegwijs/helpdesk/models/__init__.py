"""The helpdesk's models, split by meaning; every class is importable from `wegwijs.helpdesk.models`."""

from wegwijs.helpdesk.models.mail import InboundEmail, Mailbox, OutboundEmail
from wegwijs.helpdesk.models.texts import Macro, ReferralText, UrgentAdvice
from wegwijs.helpdesk.models.tickets import (
    OPEN,
    PRIORITY_RANK,
    Attachment,
    CallbackRequest,
    IntakeAttempt,
    Message,
    PhoneCall,
    Referral,
    SatisfactionRating,
    Team,
    Ticket,
    TicketCounter,
    TicketEvent,
    new_follow_up_salt,
)

__all__ = [
    "OPEN",
    "PRIORITY_RANK",
    "Attachment",
    "CallbackRequest",
    "InboundEmail",
    "IntakeAttempt",
    "Macro",
    "Mailbox",
    "Message",
    "OutboundEmail",
    "PhoneCall",
    "Referral",
    "ReferralText",
    "SatisfactionRating",
    "Team",
    "Ticket",
    "TicketCounter",
    "TicketEvent",
    "UrgentAdvice",
    "new_follow_up_salt",
]
