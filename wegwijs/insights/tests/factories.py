"""Questions with a history at chosen times, for rollup tests. `created_at` is written after the insert, because
auto_now_add would otherwise replace it with the present."""

from __future__ import annotations

import datetime as dt
from typing import Any

import factory

from wegwijs.helpdesk.choices import CallDirection, CallOutcome, MessageKind
from wegwijs.helpdesk.models import PhoneCall, SatisfactionRating, Ticket
from wegwijs.helpdesk.tests.factories import MessageFactory, TicketFactory
from wegwijs.insights.models import ReportDelivery, ReportRecipient, TicketRollup


class AtTimeMixin:
    """Lets a factory take `created_at` for a model whose created_at is auto_now_add."""

    @classmethod
    def _create(cls, model_class: Any, *args: Any, **kwargs: Any) -> Any:
        created_at = kwargs.pop("created_at", None)
        instance = super()._create(model_class, *args, **kwargs)  # type: ignore[misc]
        if created_at is not None:
            model_class._default_manager.filter(pk=instance.pk).update(created_at=created_at)
            instance.created_at = created_at
        return instance


class TicketAtFactory(AtTimeMixin, TicketFactory):
    pass


class MessageAtFactory(AtTimeMixin, MessageFactory):
    pass


class PhoneCallFactory(AtTimeMixin, factory.django.DjangoModelFactory):
    class Meta:
        model = PhoneCall

    ticket = factory.SubFactory(TicketFactory)
    organisation = factory.SelfAttribute("ticket.organisation")
    direction = CallDirection.OUTGOING
    duration_seconds = 300
    outcome = CallOutcome.RESOLVED


class SatisfactionRatingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SatisfactionRating

    ticket = factory.SubFactory(TicketFactory)
    organisation = factory.SelfAttribute("ticket.organisation")
    score = 4


class TicketRollupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TicketRollup

    organisation = factory.SubFactory("wegwijs.tenancy.tests.factories.OrganisationFactory")
    day = dt.date(2025, 1, 6)
    channel = "web"
    route = "helpdesk"
    language = "nl"
    tickets = 1


class ReportRecipientFactory(AtTimeMixin, factory.django.DjangoModelFactory):
    class Meta:
        model = ReportRecipient

    organisation = factory.SubFactory("wegwijs.tenancy.tests.factories.OrganisationFactory")
    email = factory.Sequence(lambda number: f"rapport{number}@example.test")
    language = "nl"
    frequency = "monthly"


class ReportDeliveryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportDelivery

    recipient = factory.SubFactory(ReportRecipientFactory)
    organisation = factory.SelfAttribute("recipient.organisation")
    period = "2026-10"


def minutes_after(moment: dt.datetime, minutes: float) -> dt.datetime:
    return moment + dt.timedelta(minutes=minutes)


def ticket_with_history(
    *,
    created_at: dt.datetime,
    replies: tuple[float, ...] = (),
    person_writes: tuple[float, ...] = (),
    notes: tuple[float, ...] = (),
    calls: tuple[tuple[float, str], ...] = (),
    resolved: float | None = None,
    score: int | None = None,
    **fields: Any,
) -> Ticket:
    """A question created at `created_at` with its opening message, replies, later messages from the person,
    internal notes and calls at so many minutes after creation; first answered at the first reply or reached
    call, resolved `resolved` minutes after creation, and rated `score`."""
    ticket = TicketAtFactory(created_at=created_at, **fields)
    MessageAtFactory(ticket=ticket, kind=MessageKind.INBOUND, created_at=created_at + dt.timedelta(milliseconds=5))
    for kind, times in (
        (MessageKind.OUTBOUND, replies),
        (MessageKind.INBOUND, person_writes),
        (MessageKind.NOTE, notes),
    ):
        for minutes in times:
            MessageAtFactory(ticket=ticket, kind=kind, created_at=minutes_after(created_at, minutes))
    for minutes, outcome in calls:
        PhoneCallFactory(ticket=ticket, outcome=outcome, created_at=minutes_after(created_at, minutes))
    contacts = [*replies, *(minutes for minutes, outcome in calls if outcome != CallOutcome.NOT_REACHED)]
    ticket.first_responded_at = minutes_after(created_at, min(contacts)) if contacts else None
    ticket.resolved_at = minutes_after(created_at, resolved) if resolved is not None else None
    ticket.save(update_fields=["first_responded_at", "resolved_at"])
    if score is not None:
        SatisfactionRatingFactory(ticket=ticket, score=score)
    return ticket
