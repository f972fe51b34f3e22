"""The question page explains the triage (certainty, the urgent signs highlighted in the person's words, a
call-back prompt) and corrects it in one click; the correction becomes training data."""

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from wegwijs.helpdesk import services
from wegwijs.tenancy.roles import Role
from wegwijs.triage_learning.models import TriageCorrection

pytestmark = pytest.mark.django_db


def ask(organisation, question, **fields):
    with scopes_disabled():
        return services.ticket_create(
            organisation=organisation, intake=services.Intake(question=question, language="nl", **fields)
        )[0]


def test_an_urgent_question_asks_for_a_call_back_and_marks_the_signs(organisation, make_staff):
    _agent, client = make_staff(Role.AGENT, organisation)
    ticket = ask(
        organisation,
        "Ik kan niet inloggen en mijn man heeft <b>pijn op de borst</b>",
        phone="0612345678",
        preferred_contact="phone",
        consent_to_contact=True,
    )
    assert ticket.route == "urgent"
    assert "pijn op de borst" in ticket.urgent_reasons
    page = client.get(reverse("helpdesk:ticket", args=[ticket.public_id])).content.decode()
    assert "Bel de persoon nu terug" in page
    assert 'href="tel:0612345678"' in page
    assert "&lt;b&gt;<mark>pijn op de borst</mark>&lt;/b&gt;" in page  # marked, and the person's HTML escaped
    assert "Zekerheid bij binnenkomst: route" in page


def test_a_question_without_a_phone_number_says_so(organisation, make_staff):
    _agent, client = make_staff(Role.AGENT, organisation)
    ticket = ask(organisation, "Mijn vader is bewusteloos")
    page = client.get(reverse("helpdesk:ticket", args=[ticket.public_id])).content.decode()
    assert "Er is geen telefoonnummer bekend" in page


def test_one_click_corrects_the_route_and_stores_the_correction(organisation, make_staff):
    agent, client = make_staff(Role.AGENT, organisation)
    ticket = ask(organisation, "Ik wil mijn afspraak van dinsdag verzetten")
    page = client.get(reverse("helpdesk:ticket", args=[ticket.public_id])).content.decode()
    assert 'name="classify-route" value="privacy"' in page
    response = client.post(
        reverse("helpdesk:classify", args=[ticket.public_id]),
        {"classify-route": "helpdesk", "classify-topic": "portal_use", "classify-tool": ""},
    )
    assert response.status_code == 302
    with scopes_disabled():
        ticket.refresh_from_db()
        correction = TriageCorrection.objects.get(ticket=ticket)
    assert (ticket.route, ticket.topic) == ("helpdesk", "portal_use")
    assert (correction.route, correction.topic, correction.corrected_by) == ("helpdesk", "portal_use", agent)


def test_the_inbox_alerts_to_open_urgent_questions(organisation, make_staff):
    _agent, client = make_staff(Role.AGENT, organisation)
    alert = 'role="alert"><a class="utrecht-link" href="?view=urgent">'
    ask(organisation, "Ik kan niet inloggen met DigiD")
    assert alert not in client.get(reverse("helpdesk:inbox")).content.decode()
    ask(organisation, "Mijn vader is bewusteloos en reageert niet")
    assert alert in client.get(reverse("helpdesk:inbox")).content.decode()
    assert alert not in client.get(reverse("helpdesk:inbox"), {"view": "urgent"}).content.decode()
