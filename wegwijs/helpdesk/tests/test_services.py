import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_scopes import scopes_disabled

from wegwijs.core.errors import DomainError
from wegwijs.helpdesk import services
from wegwijs.helpdesk.choices import EventKind, MessageKind, Status
from wegwijs.helpdesk.models import IntakeAttempt, Message, Team, TicketEvent
from wegwijs.tenancy.roles import Role
from wegwijs.tenancy.tests.factories import DigitalToolFactory, MembershipFactory
from wegwijs.triage.redaction import BSN_PLACEHOLDER

pytestmark = pytest.mark.django_db


def ask(organisation, question="Ik kan niet inloggen met DigiD.", **fields):
    return services.ticket_create(
        organisation=organisation, intake=services.Intake(question=question, language="nl", **fields)
    )


def test_questions_are_numbered_per_organisation(organisation, other_organisation):
    with scopes_disabled():
        numbers = [ask(organisation)[0].number, ask(organisation)[0].number, ask(other_organisation)[0].number]
    assert numbers == [1, 2, 1]


def test_a_new_question_has_its_message_and_a_created_event_and_no_bsn(organisation):
    with scopes_disabled():
        ticket, token = ask(organisation, "Mijn BSN is 111222333.\nIk kom niet in MijnPortaal.")
        message = Message.objects.get(ticket=ticket)
        events = list(TicketEvent.objects.filter(ticket=ticket).values_list("kind", flat=True))
    assert message.body == f"Mijn BSN is {BSN_PLACEHOLDER}.\nIk kom niet in MijnPortaal."
    assert ticket.subject == f"Mijn BSN is {BSN_PLACEHOLDER}."
    assert events == [EventKind.CREATED]
    assert token.startswith(ticket.public_id.hex)
    assert ticket.follow_up_salt not in token


def test_a_tool_of_another_organisation_is_refused(organisation, other_organisation):
    with pytest.raises(DomainError), scopes_disabled():
        ask(organisation, tool=DigitalToolFactory(organisation=other_organisation))


def test_an_empty_question_saves_nothing(organisation):
    with pytest.raises(DomainError), scopes_disabled():
        ask(organisation, "   ")
    with scopes_disabled():
        assert not Message.objects.exists()


def test_a_new_question_lands_with_the_team_that_speaks_its_language(organisation):
    dutch = Team.objects.create(name="Team NL", languages=["nl"])
    turkish = Team.objects.create(name="Team TR", languages=["tr", "nl"])
    dutch.organisations.add(organisation)
    turkish.organisations.add(organisation)
    with scopes_disabled():
        ticket, _token = services.ticket_create(
            organisation=organisation, intake=services.Intake(question="Uygulamaya giremiyorum", language="tr")
        )
    assert ticket.team == turkish


def test_reply_then_person_writes_then_closes(organisation, make_staff):
    agent, _client = make_staff(Role.AGENT, organisation)
    with scopes_disabled():
        ticket, _token = ask(organisation)
        services.ticket_reply(actor=agent, ticket=ticket, body="Probeer het wachtwoord opnieuw in te stellen.")
        assert ticket.status == Status.WAITING_ON_PERSON
        assert ticket.first_responded_at is not None
        services.ticket_add_person_message(ticket=ticket, body="Dat werkt niet.")
        assert ticket.status == Status.OPEN
        services.ticket_close_by_person(ticket=ticket)
        assert ticket.status == Status.CLOSED
        assert ticket.closed_at is not None
        with pytest.raises(DomainError):
            services.ticket_add_person_message(ticket=ticket, body="Nog een vraag")
        kinds = list(TicketEvent.objects.filter(ticket=ticket).values_list("kind", flat=True))
    assert kinds == ["created", "reply", "status", "message", "status", "closed_by_person", "status"]


def test_notes_are_not_replies(organisation, make_staff):
    agent, _client = make_staff(Role.AGENT, organisation)
    with scopes_disabled():
        ticket, _token = ask(organisation)
        services.ticket_add_note(actor=agent, ticket=ticket, body="Bekend probleem bij leverancier.")
        assert ticket.first_responded_at is None
        assert Message.objects.filter(ticket=ticket, kind=MessageKind.NOTE).count() == 1


def test_only_agents_of_the_organisation_can_be_assigned(organisation, other_organisation, make_staff):
    agent, _client = make_staff(Role.AGENT, organisation)
    outsider = MembershipFactory(organisation=other_organisation, role=Role.AGENT).user
    editor = MembershipFactory(organisation=organisation, role=Role.EDITOR).user
    with scopes_disabled():
        ticket, _token = ask(organisation)
        services.ticket_assign(actor=agent, ticket=ticket, assignee=agent)
        assert ticket.assignee == agent
        for wrong in (outsider, editor):
            with pytest.raises(DomainError):
                services.ticket_assign(actor=agent, ticket=ticket, assignee=wrong)


def test_a_disallowed_status_change_is_refused(organisation, make_staff):
    agent, _client = make_staff(Role.AGENT, organisation)
    with scopes_disabled():
        ticket, _token = ask(organisation)
        services.ticket_change_status(actor=agent, ticket=ticket, status=Status.CLOSED)
        with pytest.raises(DomainError):
            services.ticket_change_status(actor=agent, ticket=ticket, status=Status.RESOLVED)


def test_rate_limit_per_address(settings):
    for _ in range(settings.INTAKE_LIMIT_PER_ADDRESS):
        services.intake_check_rate(client_address="203.0.113.9")
    with pytest.raises(services.IntakeThrottled):
        services.intake_check_rate(client_address="203.0.113.9")
    services.intake_check_rate(client_address="203.0.113.10")


def test_rate_limit_per_contact_however_it_is_typed(settings):
    settings.INTAKE_LIMIT_PER_CONTACT = 2
    services.intake_check_rate(client_address="203.0.113.1", contacts=("Piet@Example.nl", "06-12345678"))
    services.intake_check_rate(client_address="203.0.113.2", contacts=(" piet@example.nl ",))
    with pytest.raises(services.IntakeThrottled):
        services.intake_check_rate(client_address="203.0.113.3", contacts=("piet@example.nl",))
    services.intake_check_rate(client_address="203.0.113.4", contacts=("06 123 456 78",))
    with pytest.raises(services.IntakeThrottled):
        services.intake_check_rate(client_address="203.0.113.5", contacts=("0612345678",))
    services.intake_check_rate(client_address="203.0.113.6", contacts=("klaas@example.nl", ""))


def test_rate_limit_records_are_forgotten_once_their_window_has_passed(settings):
    services.intake_check_rate(client_address="203.0.113.20", contacts=("piet@example.nl",))
    services.intake_check_rate(client_address="203.0.113.21")
    IntakeAttempt.objects.filter(pk__in=list(IntakeAttempt.objects.values_list("pk", flat=True))[:2]).update(
        at=timezone.now() - dt.timedelta(minutes=settings.INTAKE_WINDOW_MINUTES + 1)
    )
    call_command("intake-purge", stdout=io.StringIO())
    assert IntakeAttempt.objects.count() == 1
