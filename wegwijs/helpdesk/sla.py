"""Service levels: due times on the organisation's business-hours calendar, overdue questions, escalation."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from wegwijs.accounts.models import User
from wegwijs.helpdesk.choices import OPEN_STATUSES, EmailPurpose, EventKind, Priority
from wegwijs.helpdesk.models import Ticket
from wegwijs.tenancy import holidays, places
from wegwijs.tenancy.models import Membership, Organisation
from wegwijs.tenancy.roles import Role

HORIZON_DAYS = 366  # a due time further away than a year is no due time


def sla_due_times(*, organisation: Organisation, start: dt.datetime) -> tuple[dt.datetime | None, dt.datetime | None]:
    """(first answer due, resolution due) from `start`, counting only the organisation's phone hours on days it
    is open (public holidays and its own closed days are skipped)."""
    moment = timezone.localtime(start)
    hours = organisation.contact_phone_hours
    closed = holidays.organisation_closed_days(organisation, moment.date(), days=HORIZON_DAYS)
    return (
        places.add_business_minutes(
            moment, organisation.sla_first_response_minutes, hours, closed, horizon_days=HORIZON_DAYS
        ),
        places.add_business_minutes(
            moment, organisation.sla_resolution_minutes, hours, closed, horizon_days=HORIZON_DAYS
        ),
    )


def overdue_filter(now: dt.datetime) -> Q:
    """Open questions past their first-answer time without an answer, or past their resolution time."""
    waiting_for_first_answer = Q(first_responded_at__isnull=True, first_response_due_at__lt=now)
    return Q(status__in=OPEN_STATUSES) & (waiting_for_first_answer | Q(resolution_due_at__lt=now))


def tickets_overdue(*, tickets: QuerySet[Ticket], now: dt.datetime | None = None) -> QuerySet[Ticket]:
    return tickets.filter(overdue_filter(now or timezone.now()))


@transaction.atomic
def sla_escalate(*, organisation: Organisation, now: dt.datetime | None = None) -> int:
    """Escalate overdue questions once: high priority, an event on the timeline, and an e-mail to the
    organisation's coordinators. Returns how many were escalated."""
    from wegwijs.helpdesk import services  # services queue e-mail; the SLA module is used by them too

    moment = now or timezone.now()
    overdue = list(
        tickets_overdue(
            tickets=Ticket.objects.filter(organisation=organisation, escalated_at__isnull=True), now=moment
        ).select_related("organisation")
    )
    coordinators = list(
        User.objects.filter(
            pk__in=Membership.objects.filter(organisation=organisation, role=Role.COORDINATOR).values("user_id"),
            is_active=True,
        ).values_list("email", flat=True)
    )
    for ticket in overdue:
        ticket.escalated_at = moment
        if ticket.priority in {Priority.NORMAL, Priority.LOW}:
            ticket.priority = Priority.HIGH
        ticket.save(update_fields=["escalated_at", "priority", "updated_at"])
        services.record_event(ticket, EventKind.ESCALATED)
        for address in coordinators:
            services.email_contact(ticket=ticket, purpose=EmailPurpose.ESCALATION, to_address=address)
    return len(overdue)
