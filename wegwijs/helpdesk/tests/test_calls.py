import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from wegwijs.helpdesk.choices import Status
from wegwijs.helpdesk.models import Message, PhoneCall, Ticket
from wegwijs.helpdesk.tests.factories import TicketFactory
from wegwijs.tenancy.roles import Role

pytestmark = pytest.mark.django_db


def test_an_agent_logs_a_new_call_which_becomes_a_question(organisation, make_staff):
    _agent, client = make_staff(Role.AGENT, organisation)
    response = client.post(
        reverse("helpdesk:new_call"),
        {
            "organisation": organisation.slug,
            "direction": "in",
            "language": "nl",
            "caller_name": "Mevrouw Jansen",
            "caller_phone": "0612345678",
            "consent_to_contact": "on",
            "duration_minutes": "7",
            "outcome": "resolved",
            "summary": "Kon niet inloggen met DigiD; samen de DigiD app opnieuw gekoppeld.",
        },
    )
    assert response.status_code == 302
    with scopes_disabled():
        ticket = Ticket.objects.get()
        call = PhoneCall.objects.get()
        first_message = Message.objects.get(ticket=ticket)
    assert (ticket.channel, ticket.status, ticket.topic, ticket.requester_phone) == (
        "phone",
        Status.RESOLVED,
        "login",
        "0612345678",
    )
    assert ticket.first_responded_at is not None
    assert (call.direction, call.duration_seconds, call.outcome, call.summary) == ("in", 420, "resolved", "")
    assert first_message.body.startswith("Kon niet inloggen")
    page = client.get(response["Location"]).content.decode()
    assert "7" in page


def test_a_call_on_an_existing_question_moves_it_on(organisation, make_staff):
    _agent, client = make_staff(Role.AGENT, organisation)
    ticket = TicketFactory(organisation=organisation)
    response = client.post(
        reverse("helpdesk:call", args=[ticket.public_id]),
        {
            "call-direction": "out",
            "call-duration_minutes": "3",
            "call-outcome": "referred",
            "call-summary": "Doorverwezen naar de polikliniek voor de uitslag.",
        },
    )
    assert response.status_code == 302
    with scopes_disabled():
        ticket.refresh_from_db()
        assert PhoneCall.objects.get(ticket=ticket).summary.startswith("Doorverwezen")
    assert ticket.status == Status.REFERRED


def test_not_reaching_the_person_changes_nothing_but_is_on_the_timeline(organisation, make_staff):
    _agent, client = make_staff(Role.AGENT, organisation)
    ticket = TicketFactory(organisation=organisation)
    client.post(
        reverse("helpdesk:call", args=[ticket.public_id]),
        {
            "call-direction": "out",
            "call-duration_minutes": "0",
            "call-outcome": "not_reached",
            "call-summary": "Voicemail ingesproken.",
        },
    )
    with scopes_disabled():
        ticket.refresh_from_db()
    assert (ticket.status, ticket.first_responded_at) == (Status.NEW, None)
    assert "Voicemail ingesproken." in client.get(reverse("helpdesk:ticket", args=[ticket.public_id])).content.decode()


@pytest.mark.parametrize(
    "overrides", [{"duration_minutes": "-1"}, {"duration_minutes": "999"}, {"outcome": "gezellig"}, {"summary": ""}]
)
def test_an_invalid_new_call_saves_nothing(organisation, make_staff, overrides):
    _agent, client = make_staff(Role.AGENT, organisation)
    data = {
        "organisation": organisation.slug,
        "direction": "in",
        "language": "nl",
        "duration_minutes": "5",
        "outcome": "resolved",
        "summary": "Vraag over de app",
    }
    response = client.post(reverse("helpdesk:new_call"), {**data, **overrides})
    assert response.status_code == 400
    with scopes_disabled():
        assert not Ticket.objects.exists()


def test_a_call_cannot_open_a_question_for_another_organisation(organisation, other_organisation, make_staff):
    _agent, client = make_staff(Role.AGENT, organisation)
    response = client.post(
        reverse("helpdesk:new_call"),
        {
            "organisation": other_organisation.slug,
            "direction": "in",
            "language": "nl",
            "duration_minutes": "5",
            "outcome": "resolved",
            "summary": "Sneaky",
        },
    )
    assert response.status_code == 400
    with scopes_disabled():
        assert not Ticket.objects.exists()
