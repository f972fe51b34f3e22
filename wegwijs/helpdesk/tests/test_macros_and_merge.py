import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from wegwijs.helpdesk.choices import Status
from wegwijs.helpdesk.models import Macro, Message
from wegwijs.helpdesk.tests.factories import MessageFactory, TicketFactory
from wegwijs.tenancy.roles import Role
from wegwijs.tenancy.tests.factories import DigitalToolFactory

pytestmark = pytest.mark.django_db


def test_a_macro_fills_the_reply_with_the_questions_details(organisation, make_staff):
    _agent, client = make_staff(Role.AGENT, organisation)
    tool = DigitalToolFactory(organisation=organisation, name="MijnPortaal")
    ticket = TicketFactory(organisation=organisation, requester_name="Mevrouw De Wit", tool=tool)
    macro = Macro.objects.create(
        organisation=organisation,
        name="Wachtwoord",
        language="nl",
        body="Beste {name}, kies in {tool} op 'Wachtwoord vergeten'. ({reference}) {onbekend}",
    )
    page = client.get(reverse("helpdesk:ticket", args=[ticket.public_id]), {"macro": str(macro.public_id)})
    html = page.content.decode()
    assert f"Beste Mevrouw De Wit, kies in MijnPortaal op &#x27;Wachtwoord vergeten&#x27;. ({ticket.reference})" in html
    assert "{onbekend}" in html


def test_a_macro_of_another_organisation_or_a_bad_id_fills_nothing(organisation, other_organisation, make_staff):
    _agent, client = make_staff(Role.AGENT, organisation)
    ticket = TicketFactory(organisation=organisation)
    foreign = Macro.objects.create(organisation=other_organisation, name="Elders", body="Geheim elders")
    for value in (str(foreign.public_id), "geen-uuid"):
        page = client.get(reverse("helpdesk:ticket", args=[ticket.public_id]), {"macro": value})
        assert page.status_code == 200
        assert "Geheim elders" not in page.content.decode()


def test_a_duplicate_is_merged_into_the_question_that_stays(organisation, make_staff):
    _agent, client = make_staff(Role.AGENT, organisation)
    keep = TicketFactory(organisation=organisation)
    duplicate = TicketFactory(organisation=organisation)
    MessageFactory(ticket=duplicate, body="Nog een keer mijn vraag")
    response = client.post(reverse("helpdesk:merge", args=[duplicate.public_id]), {"merge-into": str(keep.number)})
    assert response.status_code == 302
    with scopes_disabled():
        duplicate.refresh_from_db()
        assert Message.objects.get(body="Nog een keer mijn vraag").ticket_id == keep.pk
    assert duplicate.status == Status.CLOSED


@pytest.mark.parametrize("into", ["self", "other_organisation", "missing"])
def test_merging_into_itself_another_organisation_or_nothing_is_refused(
    organisation, other_organisation, make_staff, into
):
    _agent, client = make_staff(Role.AGENT, organisation)
    ticket = TicketFactory(organisation=organisation, number=7)
    foreign = TicketFactory(organisation=other_organisation, number=8)
    number = {"self": 7, "other_organisation": foreign.number, "missing": 999}[into]
    response = client.post(reverse("helpdesk:merge", args=[ticket.public_id]), {"merge-into": str(number)})
    assert response.status_code in {400, 404}
    ticket.refresh_from_db()
    assert ticket.status == Status.NEW


def test_related_questions_are_linked_both_ways(organisation, make_staff):
    _agent, client = make_staff(Role.AGENT, organisation)
    first = TicketFactory(organisation=organisation, subject="Portaal doet het niet")
    second = TicketFactory(organisation=organisation, subject="Ook geen toegang tot het portaal")
    response = client.post(reverse("helpdesk:link", args=[first.public_id]), {"link-other": str(second.number)})
    assert response.status_code == 302
    page = client.get(reverse("helpdesk:ticket", args=[second.public_id])).content.decode()
    assert "Portaal doet het niet" in page


def test_a_question_of_another_organisation_cannot_be_linked(organisation, other_organisation, make_staff):
    _agent, client = make_staff(Role.AGENT, organisation)
    mine = TicketFactory(organisation=organisation)
    foreign = TicketFactory(organisation=other_organisation, number=4242)
    response = client.post(reverse("helpdesk:link", args=[mine.public_id]), {"link-other": str(foreign.number)})
    assert response.status_code in {400, 404}
    with scopes_disabled():
        assert not mine.related.exists()


def test_a_coordinator_writes_changes_and_deletes_a_macro(organisation, make_staff):
    _coordinator, client = make_staff(Role.COORDINATOR, organisation)
    create = reverse("helpdesk:macro_create", args=[organisation.slug])
    response = client.post(create, {"name": "Wachtwoord", "language": "nl", "body": "Beste {name}, kies {tool}."})
    assert response.status_code == 302
    with scopes_disabled():
        macro = Macro.objects.get(organisation=organisation)
    assert (macro.name, macro.language) == ("Wachtwoord", "nl")
    edit = reverse("helpdesk:macro_edit", args=[organisation.slug, macro.public_id])
    client.post(edit, {"name": "Wachtwoord vergeten", "language": "nl", "body": "Beste {name}."})
    assert "Wachtwoord vergeten" in client.get(reverse("helpdesk:macros", args=[organisation.slug])).content.decode()
    client.post(reverse("helpdesk:macro_delete", args=[organisation.slug, macro.public_id]))
    with scopes_disabled():
        assert not Macro.objects.exists()


@pytest.mark.parametrize("body", ["Beste {naam}", "Beste {name", "Beste name}"])
def test_a_macro_with_an_unknown_field_or_a_stray_brace_is_refused_with_the_reason(organisation, make_staff, body):
    _coordinator, client = make_staff(Role.COORDINATOR, organisation)
    create = reverse("helpdesk:macro_create", args=[organisation.slug])
    response = client.post(create, {"name": "Fout", "language": "nl", "body": body})
    assert response.status_code == 400
    assert "utrecht-form-field-error-message" in response.content.decode()
    with scopes_disabled():
        assert not Macro.objects.exists()


@pytest.mark.parametrize("role", [Role.AGENT, Role.EDITOR])
def test_only_coordinators_keep_the_macros(organisation, make_staff, role):
    _user, client = make_staff(role, organisation)
    create = reverse("helpdesk:macro_create", args=[organisation.slug])
    assert client.post(create, {"name": "X", "language": "nl", "body": "Y"}).status_code == 404
