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


def test_due_times_skip_public_holidays_and_the_organisations_own_closed_days(organisation):
    organisation.sla_first_response_minutes = 60
    organisation.closed_days = ["2027-03-30"]
    thursday_before_easter = dt.datetime(2027, 3, 25, 16, 30, tzinfo=AMSTERDAM)
    first, _resolution = sla.sla_due_times(organisation=organisation, start=thursday_before_easter)
    # 30 minutes on Thursday; Friday is a working day, so the rest falls there.
    assert timezone.localtime(first).strftime("%Y-%m-%d %H:%M") == "2027-03-26 08:30"
    friday = dt.datetime(2027, 3, 26, 16, 30, tzinfo=AMSTERDAM)
    first, _resolution = sla.sla_due_times(organisation=organisation, start=friday)
    # Easter Monday (29th) is a public holiday and the 30th the organisation's own closed day.
    assert timezone.localtime(first).strftime("%Y-%m-%d %H:%M") == "2027-03-31 08:30"


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


def test_a_coordinator_sets_the_service_levels_and_closed_days(organisation, make_staff):
    _coordinator, client = make_staff(Role.COORDINATOR, organisation)
    url = reverse("helpdesk:service_levels", args=[organisation.slug])
    data = {"first_response_hours": "4", "resolution_hours": "20.5", "closed_days": "24-12-2027\n2027-12-31"}
    assert client.post(url, data).status_code == 302
    with scopes_disabled():
        organisation.refresh_from_db()
    assert (organisation.sla_first_response_minutes, organisation.sla_resolution_minutes) == (240, 1230)
    assert organisation.closed_days == ["2027-12-24", "2027-12-31"]
    assert "2027-12-24" in client.get(url).content.decode()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ({"first_response_hours": "4", "resolution_hours": "20", "closed_days": "kerstavond"}, "kerstavond"),
        ({"first_response_hours": "30", "resolution_hours": "20", "closed_days": ""}, "utrecht-alert"),
    ],
)
def test_wrong_service_levels_are_refused_with_the_reason(organisation, make_staff, data, reason):
    _coordinator, client = make_staff(Role.COORDINATOR, organisation)
    response = client.post(reverse("helpdesk:service_levels", args=[organisation.slug]), data)
    assert response.status_code == 400
    assert reason in response.content.decode()
    with scopes_disabled():
        organisation.refresh_from_db()
    assert organisation.sla_first_response_minutes == 480


def test_only_coordinators_set_service_levels(organisation, make_staff):
    _agent, client = make_staff(Role.AGENT, Role.EDITOR, organisation)
    url = reverse("helpdesk:service_levels", args=[organisation.slug])
    assert client.post(url, {"first_response_hours": "1", "resolution_hours": "2"}).status_code == 404
