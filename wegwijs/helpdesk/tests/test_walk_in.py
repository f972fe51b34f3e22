import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from wegwijs.helpdesk.choices import MessageKind, Status
from wegwijs.helpdesk.models import Message, Ticket
from wegwijs.tenancy.roles import Role
from wegwijs.tenancy.tests.factories import LocationFactory

pytestmark = pytest.mark.django_db


def visit(organisation, location, **overrides):
    data = {
        "organisation": organisation.slug,
        "location": location.slug,
        "language": "nl",
        "question": "Wilde een afspraak bekijken in de app",
        "tried": "App opnieuw geïnstalleerd",
        "preferred_contact": "phone",
    }
    data.update(overrides)
    return data


def tickets():
    with scopes_disabled():
        return list(Ticket.objects.select_related("location"))


def test_help_given_on_the_spot_is_logged_as_resolved(organisation, make_staff):
    location = LocationFactory(organisations=[organisation], name="Infohuis Noord")
    _volunteer, client = make_staff(Role.VOLUNTEER, organisation)
    response = client.post(reverse("helpdesk:walk_in"), visit(organisation, location))
    assert response.status_code == 302
    (ticket,) = tickets()
    assert (ticket.channel, ticket.status, ticket.location, ticket.requester_name) == (
        "walk_in",
        Status.RESOLVED,
        location,
        "",
    )


def test_a_hand_over_lands_in_the_queue_with_what_was_tried_and_the_help_point(organisation, make_staff):
    location = LocationFactory(organisations=[organisation], name="Bibliotheek")
    _volunteer, client = make_staff(Role.VOLUNTEER, organisation)
    client.post(
        reverse("helpdesk:walk_in"),
        visit(
            organisation,
            location,
            hand_over="on",
            name="Meneer Bos",
            phone="0612345678",
            consent_to_contact="on",
            consent_to_hand_over="on",
        ),
    )
    (ticket,) = tickets()
    assert (ticket.status, ticket.requester_phone, ticket.consent_to_hand_over) == (Status.NEW, "0612345678", True)
    with scopes_disabled():
        note = Message.objects.get(ticket=ticket, kind=MessageKind.NOTE)
    assert "App opnieuw geïnstalleerd" in note.body
    assert "Bibliotheek" in note.body
    _agent, agent_client = make_staff(Role.AGENT, organisation)
    page = agent_client.get(reverse("helpdesk:ticket", args=[ticket.public_id])).content.decode()
    assert "Bibliotheek" in page


def test_no_hand_over_without_consent(organisation, make_staff):
    location = LocationFactory(organisations=[organisation])
    _volunteer, client = make_staff(Role.VOLUNTEER, organisation)
    response = client.post(
        reverse("helpdesk:walk_in"), visit(organisation, location, hand_over="on", phone="0612345678")
    )
    assert response.status_code == 400
    assert tickets() == []


def test_walk_in_cannot_be_logged_for_another_organisation(organisation, other_organisation, make_staff):
    location = LocationFactory(organisations=[organisation, other_organisation])
    _volunteer, client = make_staff(Role.VOLUNTEER, organisation)
    response = client.post(reverse("helpdesk:walk_in"), visit(other_organisation, location))
    assert response.status_code == 400
    assert tickets() == []


def test_a_help_point_must_serve_the_organisation(organisation, make_staff):
    elsewhere = LocationFactory(organisations=[])
    _volunteer, client = make_staff(Role.VOLUNTEER, organisation)
    assert client.post(reverse("helpdesk:walk_in"), visit(organisation, elsewhere)).status_code == 400
    assert tickets() == []


def test_volunteers_do_not_see_the_inbox(organisation, make_staff):
    _volunteer, client = make_staff(Role.VOLUNTEER, organisation)
    page = client.get(reverse("web:staff_home")).content.decode()
    assert reverse("helpdesk:walk_in") in page
    assert reverse("helpdesk:inbox") not in page
