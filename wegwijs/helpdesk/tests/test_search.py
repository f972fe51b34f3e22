"""Quick search with the database's full-text search: SQLite FTS5 here, PostgreSQL FTS in the second run."""

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from wegwijs.audit.models import AccessLogEntry
from wegwijs.helpdesk import services
from wegwijs.tenancy.roles import Role

pytestmark = pytest.mark.django_db


def ask(organisation, question, **fields):
    with scopes_disabled():
        ticket, _token = services.ticket_create(
            organisation=organisation, intake=services.Intake(question=question, language="nl", **fields)
        )
    return ticket


def found(client, text):
    response = client.get(reverse("helpdesk:inbox"), {"q": text})
    assert response.status_code == 200
    return [ticket.subject for ticket in response.context["page"]]


def test_search_finds_words_in_questions_replies_and_contact_details(organisation, make_staff):
    agent, client = make_staff(Role.AGENT, organisation)
    portal = ask(organisation, "Ik kan niet inloggen op het portaal", name="Truus Bakker")
    ask(organisation, "Mijn bloeddrukmeter koppelt niet")
    with scopes_disabled():
        services.ticket_reply(actor=agent, ticket=portal, body="Gebruik de DigiD-app met sms-controle.")
    assert found(client, "portaal") == [portal.subject]
    assert found(client, "Bakker") == [portal.subject]
    assert found(client, "sms") == [portal.subject]
    assert found(client, "inloggen portaal") == [portal.subject]
    assert found(client, "inloggen bloeddrukmeter") == []


def test_search_by_question_number_or_reference(organisation, make_staff):
    _agent, client = make_staff(Role.AGENT, organisation)
    ticket = ask(organisation, "Vraag over beeldbellen")
    assert found(client, str(ticket.number)) == [ticket.subject]
    assert found(client, ticket.reference) == [ticket.subject]


def test_search_includes_closed_questions(organisation, make_staff):
    agent, client = make_staff(Role.AGENT, organisation)
    ticket = ask(organisation, "Wachtwoord vergeten voor de app")
    with scopes_disabled():
        services.ticket_change_status(actor=agent, ticket=ticket, status="closed")
    assert found(client, "wachtwoord") == [ticket.subject]


def test_search_never_shows_another_organisations_questions(organisation, other_organisation, make_staff):
    _agent, client = make_staff(Role.AGENT, organisation)
    ask(other_organisation, "Geheime vraag over het portaal")
    assert found(client, "portaal") == []


@pytest.mark.parametrize("text", ['"', "portaal OR", "NEAR(a b)", "*", "' ; DROP TABLE", "\x00", "a" * 300])
def test_odd_search_input_never_breaks(organisation, make_staff, text):
    _agent, client = make_staff(Role.AGENT, organisation)
    ask(organisation, "Ik kan niet inloggen op het portaal")
    response = client.get(reverse("helpdesk:inbox"), {"q": text})
    assert response.status_code in {200, 400}


def test_search_results_are_access_logged(organisation, make_staff):
    _agent, client = make_staff(Role.AGENT, organisation)
    ask(organisation, "Ik kan niet inloggen op het portaal")
    ask(organisation, "Iets heel anders")
    found(client, "portaal")
    with scopes_disabled():
        assert AccessLogEntry.objects.filter(action="list", record_type="ticket", record_count=1).exists()
