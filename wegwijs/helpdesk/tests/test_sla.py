import datetime as dt

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_scopes import scopes_disabled

from wegwijs.helpdesk import services, sla
from wegwijs.helpdesk.choices import EmailPurpose, EventKind, Priority
from wegwijs.helpdesk.models import OutboundEmail, Ticket, TicketEvent
from wegwijs.helpdesk.tests.factories import TicketFactory
from wegwijs.tenancy.roles import Role
from wegwijs.tenancy.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db
AMSTERDAM = timezone.get_fixed_timezone(60)


def test_due_times_count_only_the_organisations_phone_hours(organisation):
    organisation.sla_first_response_minutes = 60
    organisation.sla_resolution_minutes = 9 * 60
    friday_afternoon = dt.datetime(2026, 11, 27, 16, 30, tzinfo=AMSTERDAM)
    first, resolution = sla.sla_due_times(organisation=organisation, start=friday_afternoon)
    # Phone hours are Monday to Friday 08:00-17:00: 30 minutes on Friday, the rest on Monday.
    assert timezone.localtime(first).strftime("%a %H:%M") == "Mon 08:30"
    assert timezone.localtime(resolution).strftime("%a %H:%M") == "Mon 16:30"


def test_a_new_question_gets_its_due_times(organisation):
    with scopes_disabled():
        ticket, _token = services.ticket_create(
            organisation=organisation, intake=services.Intake(question="Vraag", language="nl")
        )
    assert ticket.first_response_due_at is not None
    assert ticket.resolution_due_at > ticket.first_response_due_at


def test_overdue_questions_have_their_own_inbox_view(organisation, make_staff):
    _agent, client = make_staff(Role.AGENT, organisation)
    past = timezone.now() - dt.timedelta(hours=1)
    late = TicketFactory(organisation=organisation, first_response_due_at=past, subject="Te laat")
    TicketFactory(
        organisation=organisation,
        first_response_due_at=past,
        first_responded_at=past,
        resolution_due_at=timezone.now() + dt.timedelta(days=1),
        subject="Op tijd beantwoord",
    )
    TicketFactory(organisation=organisation, first_response_due_at=past, status="closed", subject="Gesloten")
    page = client.get(reverse("helpdesk:inbox"), {"view": "overdue"})
    assert [ticket.pk for ticket in page.context["page"]] == [late.pk]


def test_escalation_raises_priority_tells_the_coordinators_once(organisation):
    coordinator = MembershipFactory(organisation=organisation, role=Role.COORDINATOR).user
    past = timezone.now() - dt.timedelta(hours=1)
    late = TicketFactory(organisation=organisation, first_response_due_at=past)
    TicketFactory(organisation=organisation, first_response_due_at=timezone.now() + dt.timedelta(hours=1))
    call_command("sla-escalate")
    call_command("sla-escalate")
    with scopes_disabled():
        late.refresh_from_db()
        emails = list(OutboundEmail.objects.values_list("purpose", "to_address"))
        events = TicketEvent.objects.filter(ticket=late, kind=EventKind.ESCALATED).count()
        assert Ticket.objects.filter(escalated_at__isnull=False).count() == 1
    assert late.priority == Priority.HIGH
    assert emails == [(EmailPurpose.ESCALATION, coordinator.email)]
    assert events == 1
