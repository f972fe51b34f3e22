import datetime as dt
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_scopes import scopes_disabled

from wegwijs.helpdesk import services
from wegwijs.helpdesk.choices import Status
from wegwijs.helpdesk.models import Message, SatisfactionRating, Ticket
from wegwijs.tenancy.roles import Role
from wegwijs.tenancy.tests.factories import DigitalToolFactory

pytestmark = pytest.mark.django_db


def question_data(**overrides):
    data = {
        "question": "Ik kan niet inloggen in de app.",
        "language": "nl",
        "preferred_contact": "follow_up_page",
        "name": "",
        "email": "",
        "phone": "",
        "website": "",
    }
    data.update(overrides)
    return data


def ask(client, organisation, **overrides):
    return client.post(reverse("ask:form", args=[organisation.slug]), question_data(**overrides))


def tickets():
    with scopes_disabled():
        return list(Ticket.objects.all())


def test_a_person_asks_reads_the_answer_writes_back_and_closes(organisation, make_staff):
    tool = DigitalToolFactory(organisation=organisation, name="MijnPortaal")
    client = Client()
    response = ask(
        client,
        organisation,
        tool=str(tool.pk),
        email="piet@example.test",
        preferred_contact="email",
        consent_to_contact="on",
    )
    assert response.status_code == 302
    follow_up = response["Location"]
    assert re.fullmatch(rf"/{organisation.slug}/vraag/[\w-]{{40,}}/", follow_up)
    page = client.get(follow_up).content.decode()
    assert "Ik kan niet inloggen in de app." in page
    (ticket,) = tickets()
    assert (ticket.tool, ticket.requester_email, ticket.consent_to_contact) == (tool, "piet@example.test", True)

    agent, _agent_client = make_staff(Role.AGENT, organisation)
    with scopes_disabled():
        services.ticket_reply(actor=agent, ticket=ticket, body="Zet de app opnieuw op uw telefoon.")
        services.ticket_add_note(actor=agent, ticket=ticket, body="Interne notitie: bekend probleem.")
    page = Client().get(follow_up).content.decode()
    assert "Zet de app opnieuw op uw telefoon." in page
    assert "Interne notitie" not in page

    client.post(f"{follow_up}bericht/", {"body": "Het werkt nu, dank u!"})
    client.post(f"{follow_up}afsluiten/")
    ticket.refresh_from_db()
    assert ticket.status == Status.CLOSED
    with scopes_disabled():
        assert Message.objects.filter(ticket=ticket, body="Het werkt nu, dank u!").exists()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"question": ""}, "question"),
        ({"question": "x" * 5001}, "question"),
        ({"preferred_contact": "email"}, "email"),
        ({"preferred_contact": "phone", "phone": "0612345678"}, "consent_to_contact"),
        ({"email": "geen-adres"}, "email"),
        ({"language": "xx"}, "language"),
    ],
)
def test_invalid_questions_show_the_reason_and_save_nothing(organisation, overrides, field):
    response = ask(Client(), organisation, **overrides)
    assert response.status_code == 400
    assert f'id="id_{field}_error"' in response.content.decode()
    assert tickets() == []


def test_errors_come_in_the_persons_language(organisation):
    client = Client()
    client.cookies["django_language"] = "tr"
    page = ask(client, organisation, question="").content.decode()
    assert 'lang="tr"' in page
    assert "This field is required." not in page


def test_the_honeypot_catches_bots_without_telling_them(organisation):
    response = ask(Client(), organisation, website="http://spam.example")
    assert response.status_code == 302
    assert tickets() == []


def test_too_many_questions_from_one_address_are_refused_kindly(organisation, settings):
    settings.INTAKE_LIMIT_PER_ADDRESS = 2
    client = Client()
    assert ask(client, organisation).status_code == 302
    assert ask(client, organisation).status_code == 302
    response = ask(client, organisation)
    assert response.status_code == 400
    assert len(tickets()) == 2


def test_too_many_questions_with_one_email_address_are_refused_from_any_address(organisation, settings):
    settings.INTAKE_LIMIT_PER_CONTACT = 1
    fields = {"email": "piet@example.test", "preferred_contact": "email", "consent_to_contact": "on"}
    assert ask(Client(REMOTE_ADDR="198.51.100.1"), organisation, **fields).status_code == 302
    response = ask(Client(REMOTE_ADDR="198.51.100.2"), organisation, **{**fields, "email": "PIET@example.test"})
    assert response.status_code == 400
    assert "veel vragen gestuurd" in response.content.decode()
    assert len(tickets()) == 1


def test_a_wrong_or_foreign_link_is_not_found(organisation, other_organisation):
    follow_up = ask(Client(), organisation)["Location"]
    token = follow_up.rstrip("/").split("/")[-1]
    assert Client().get(f"/{organisation.slug}/vraag/{token[:-2]}xx/").status_code == 404
    assert Client().get(f"/{other_organisation.slug}/vraag/{token}/").status_code == 404
    assert Client().post(f"/{other_organisation.slug}/vraag/{token}/afsluiten/").status_code == 404


def test_the_link_stops_working_a_while_after_closing(organisation, settings):
    follow_up = ask(Client(), organisation)["Location"]
    (ticket,) = tickets()
    with scopes_disabled():
        Ticket.objects.filter(pk=ticket.pk).update(
            status=Status.CLOSED, closed_at=timezone.now() - dt.timedelta(days=settings.FOLLOW_UP_DAYS_AFTER_CLOSE - 1)
        )
    assert Client().get(follow_up).status_code == 200
    with scopes_disabled():
        Ticket.objects.filter(pk=ticket.pk).update(
            closed_at=timezone.now() - dt.timedelta(days=settings.FOLLOW_UP_DAYS_AFTER_CLOSE + 1)
        )
    assert Client().get(follow_up).status_code == 404


def test_an_urgent_question_shows_what_to_do_now_and_jumps_the_queue(organisation):
    client = Client()
    follow_up = ask(client, organisation, question="Mijn moeder heeft pijn op de borst en ik kom niet in de app")
    page = client.get(follow_up["Location"]).content.decode()
    assert 'class="ww-urgent" role="alert"' in page
    assert "112" in page
    assert "0800-0113" in page
    (ticket,) = tickets()
    assert (ticket.route, ticket.priority) == ("urgent", "urgent")


def test_a_technical_question_gets_its_route_and_topic(organisation):
    ask(Client(), organisation, question="Ik kan niet inloggen met DigiD")
    (ticket,) = tickets()
    assert (ticket.route, ticket.topic, ticket.priority) == ("helpdesk", "login", "normal")


def test_after_resolution_the_person_rates_once_with_a_face(organisation, make_staff):
    client = Client()
    follow_up = ask(client, organisation)["Location"]
    (ticket,) = tickets()
    assert "score" not in client.get(follow_up).content.decode()
    agent, _agent_client = make_staff(Role.AGENT, organisation)
    with scopes_disabled():
        services.ticket_change_status(actor=agent, ticket=ticket, status=Status.RESOLVED)
    page = client.get(follow_up).content.decode()
    assert 'name="score"' in page
    assert "😀" in page
    client.post(f"{follow_up}tevredenheid/", {"score": "4"})
    client.post(f"{follow_up}tevredenheid/", {"score": "1"})
    with scopes_disabled():
        assert SatisfactionRating.objects.get(ticket=ticket).score == 4
    assert 'name="score"' not in client.get(follow_up).content.decode()


@pytest.mark.parametrize("score", ["0", "6", "vijf", ""])
def test_a_rating_outside_one_to_five_is_refused(organisation, make_staff, score):
    client = Client()
    follow_up = ask(client, organisation)["Location"]
    (ticket,) = tickets()
    agent, _agent_client = make_staff(Role.AGENT, organisation)
    with scopes_disabled():
        services.ticket_change_status(actor=agent, ticket=ticket, status=Status.RESOLVED)
    client.post(f"{follow_up}tevredenheid/", {"score": score})
    with scopes_disabled():
        assert not SatisfactionRating.objects.exists()


def test_an_open_question_cannot_be_rated_yet(organisation):
    client = Client()
    follow_up = ask(client, organisation)["Location"]
    client.post(f"{follow_up}tevredenheid/", {"score": "5"})
    with scopes_disabled():
        assert not SatisfactionRating.objects.exists()
