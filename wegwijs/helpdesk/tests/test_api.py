import pytest
from django.test import Client
from django_scopes import scopes_disabled

from wegwijs.audit.models import AccessLogEntry
from wegwijs.helpdesk.models import Message, Ticket
from wegwijs.helpdesk.tests.factories import MessageFactory, TicketFactory
from wegwijs.tenancy.roles import ApiScope, Role
from wegwijs.tenancy.services import api_token_create
from wegwijs.tenancy.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def client_for(organisation, *scopes):
    _token, raw = api_token_create(actor=None, organisation=organisation, name="portal", scopes=scopes)
    return Client(headers={"Authorization": f"Bearer {raw}"})


def test_an_integration_creates_a_question_and_the_person_can_follow_it(organisation):
    client = client_for(organisation, ApiScope.TICKETS_WRITE, ApiScope.TICKETS_READ)
    response = client.post(
        "/api/v1/tickets",
        {"question": "Ik kan niet inloggen met DigiD", "language": "nl"},
        content_type="application/json",
    )
    assert response.status_code == 201
    body = response.json()
    assert (body["channel"], body["route"], body["topic"]) == ("api", "helpdesk", "login")
    follow_up = Client().get(f"/{organisation.slug}/vraag/{body['follow_up_token']}/")
    assert "Ik kan niet inloggen met DigiD" in follow_up.content.decode()
    detail = client.get(f"/api/v1/tickets/{body['id']}").json()
    assert "follow_up_token" not in detail
    assert [message["body"] for message in detail["messages"]] == ["Ik kan niet inloggen met DigiD"]


def test_listing_and_reading_questions_is_access_logged(organisation):
    client = client_for(organisation, ApiScope.TICKETS_READ)
    ticket = TicketFactory(organisation=organisation)
    TicketFactory.create_batch(2, organisation=organisation)
    assert client.get("/api/v1/tickets", {"limit": 2}).json()["count"] == 3
    client.get(f"/api/v1/tickets/{ticket.public_id}")
    with scopes_disabled():
        logged = list(AccessLogEntry.objects.order_by("id").values_list("action", "record_count", "channel"))
    assert logged == [("list", 2, "api"), ("view", 1, "api")]


def test_status_assignee_and_messages_through_the_api(organisation):
    agent = MembershipFactory(organisation=organisation, role=Role.AGENT).user
    client = client_for(organisation, ApiScope.TICKETS_WRITE, ApiScope.TICKETS_READ)
    ticket = TicketFactory(organisation=organisation)
    url = f"/api/v1/tickets/{ticket.public_id}"
    patched = client.patch(
        url, {"status": "open", "assignee_id": str(agent.public_id)}, content_type="application/json"
    ).json()
    assert (patched["status"], patched["assignee_id"]) == ("open", str(agent.public_id))
    assert (
        client.post(
            f"{url}/messages", {"kind": "note", "body": "Via het portaal gemeld"}, content_type="application/json"
        ).status_code
        == 201
    )
    with scopes_disabled():
        assert Message.objects.filter(ticket=ticket, kind="note").count() == 1


@pytest.mark.parametrize(
    ("payload", "code"),
    [
        ({"status": "resolved"}, "status_not_allowed"),
        ({"assignee_id": "00000000-0000-0000-0000-000000000000"}, "unknown_agent"),
    ],
)
def test_refused_changes_say_why(organisation, payload, code):
    client = client_for(organisation, ApiScope.TICKETS_WRITE)
    ticket = TicketFactory(organisation=organisation, status="closed")
    response = client.patch(f"/api/v1/tickets/{ticket.public_id}", payload, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == code


@pytest.mark.parametrize(
    ("payload", "status"),
    [
        ({"question": ""}, 422),
        ({"question": "x", "preferred_contact": "email"}, 400),
        ({"question": "x", "email": "geen-adres"}, 400),
        ({"question": "x", "language": "xx"}, 422),
        ({"question": "a\x00b"}, 422),
    ],
)
def test_invalid_questions_are_refused_with_a_reason_and_nothing_is_saved(organisation, payload, status):
    client = client_for(organisation, ApiScope.TICKETS_WRITE)
    response = client.post("/api/v1/tickets", payload, content_type="application/json")
    assert response.status_code == status
    assert response.json()["error"]["message"]
    with scopes_disabled():
        assert not Ticket.objects.exists()


def test_reading_needs_the_read_scope(organisation):
    ticket = TicketFactory(organisation=organisation)
    MessageFactory(ticket=ticket)
    response = client_for(organisation, ApiScope.ORGANISATION_READ).get(f"/api/v1/tickets/{ticket.public_id}")
    assert response.status_code == 403
