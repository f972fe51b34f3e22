import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from django_scopes import scopes_disabled

from wegwijs.audit.models import AccessLogEntry
from wegwijs.helpdesk import referrals
from wegwijs.helpdesk.choices import MessageKind, Status
from wegwijs.helpdesk.models import Message, Referral, ReferralText
from wegwijs.helpdesk.tests.factories import MessageFactory, TicketFactory
from wegwijs.tenancy.roles import Role
from wegwijs.tenancy.tests.factories import DepartmentFactory

pytestmark = pytest.mark.django_db


def refer(client, ticket, **data):
    return client.post(
        reverse("helpdesk:refer", args=[ticket.public_id]), {f"refer-{key}": value for key, value in data.items()}
    )


def outbound_texts(ticket):
    with scopes_disabled():
        return list(Message.objects.filter(ticket=ticket, kind=MessageKind.OUTBOUND).values_list("body", flat=True))


def test_a_medical_question_is_referred_to_the_department_in_the_persons_language(organisation, make_staff):
    _agent, client = make_staff(Role.AGENT, organisation)
    cardiology = DepartmentFactory(
        organisation=organisation,
        name="Cardiologie",
        referral_contact_name="Poli cardio",
        referral_phone="0523 123 470",
        referral_email="cardio@ziekenhuis.test",
    )
    ticket = TicketFactory(organisation=organisation, language="tr")
    assert refer(client, ticket, route="care_provider", department=str(cardiology.public_id)).status_code == 302
    with scopes_disabled():
        ticket.refresh_from_db()
        referral = Referral.objects.get(ticket=ticket)
    assert (ticket.status, ticket.route, referral.handed_over) == (Status.REFERRED, "care_provider", False)
    (told,) = outbound_texts(ticket)
    with translation.override("tr"):
        assert str(referrals.DEFAULT_TEXTS["care_provider"]) in told
    assert "0523 123 470" in told


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("clean_access_log_after_test")
def test_with_consent_the_question_is_handed_over_by_email(organisation, make_staff, smtp_inbox):
    """Transactional: the task worker runs in this process and ends its database connection."""
    _agent, client = make_staff(Role.AGENT, organisation)
    department = DepartmentFactory(organisation=organisation, referral_email="longen@ziekenhuis.test")
    ticket = TicketFactory(organisation=organisation, consent_to_hand_over=True, requester_phone="0612345678")
    MessageFactory(ticket=ticket, body="Is mijn longfunctie goed genoeg?")
    refer(client, ticket, route="care_provider", department=str(department.public_id), note="Graag terugbellen")
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    (mail,) = smtp_inbox.messages
    assert mail["To"] == "longen@ziekenhuis.test"
    body = mail.get_content()
    assert "Is mijn longfunctie goed genoeg?" in body
    assert "Graag terugbellen" in body
    assert "0612345678" in body
    with scopes_disabled():
        referral = Referral.objects.get(ticket=ticket)
    assert f"/staff/referrals/{referral.public_id}/" in body  # where a receiver in Wegwijs confirms it
    with translation.override("nl"):
        assert translation.gettext("We have passed your question on to them.") in outbound_texts(ticket)[0]


def test_an_organisations_own_text_replaces_the_default(organisation, make_staff):
    _editor, editor_client = make_staff(Role.EDITOR, organisation)
    url = reverse("helpdesk:referral_texts", args=[organisation.slug])
    editor_client.post(f"{url}?language=nl", {"organisation": "Bel de Patiëntenlijn van ons ziekenhuis."})
    _agent, client = make_staff(Role.AGENT, organisation)
    ticket = TicketFactory(organisation=organisation, language="nl")
    refer(client, ticket, route="organisation")
    assert outbound_texts(ticket)[0].startswith("Bel de Patiëntenlijn van ons ziekenhuis.")
    editor_client.post(f"{url}?language=nl", {"organisation": ""})
    with scopes_disabled():
        assert not ReferralText.objects.exists()


@pytest.mark.parametrize("data", [{"route": "care_provider"}, {"route": "nowhere"}, {"route": "privacy"}])
def test_an_incomplete_referral_says_why_and_changes_nothing(organisation, make_staff, data):
    _agent, client = make_staff(Role.AGENT, organisation)
    ticket = TicketFactory(organisation=organisation)
    assert refer(client, ticket, **data).status_code == 400
    with scopes_disabled():
        ticket.refresh_from_db()
        assert not Referral.objects.exists()
    assert ticket.status == Status.NEW
    assert outbound_texts(ticket) == []


def test_a_department_of_another_organisation_cannot_be_chosen(organisation, other_organisation, make_staff):
    _agent, client = make_staff(Role.AGENT, organisation)
    ticket = TicketFactory(organisation=organisation)
    foreign = DepartmentFactory(organisation=other_organisation)
    assert refer(client, ticket, route="care_provider", department=str(foreign.public_id)).status_code == 400


def test_general_digital_questions_go_to_the_digihulplijn(organisation, make_staff):
    _agent, client = make_staff(Role.AGENT, organisation)
    ticket = TicketFactory(organisation=organisation)
    refer(client, ticket, route="general_digital")
    assert "0800 1508" in outbound_texts(ticket)[0]


def handed_over(organisation, route, **ticket_fields):
    ticket = TicketFactory(organisation=organisation, consent_to_hand_over=True, **ticket_fields)
    MessageFactory(ticket=ticket, body=f"Vraag voor {route}")
    with scopes_disabled():
        return Referral.objects.create(
            organisation=organisation, ticket=ticket, route=route, target_name="Ontvanger", handed_over=True
        )


def test_a_care_provider_reads_a_medical_referral_and_confirms_it_was_picked_up(organisation, make_staff):
    provider, client = make_staff(Role.CARE_PROVIDER, organisation)
    referral = handed_over(organisation, "care_provider", requester_phone="0612345678")
    listing = client.get(reverse("helpdesk:referrals")).content.decode()
    assert referral.ticket.subject in listing
    page = client.get(reverse("helpdesk:referral", args=[referral.public_id])).content.decode()
    assert "Vraag voor care_provider" in page
    assert "0612345678" in page
    assert client.post(reverse("helpdesk:referral_receive", args=[referral.public_id])).status_code == 302
    with scopes_disabled():
        referral.refresh_from_db()
        events = list(referral.ticket.events.values_list("kind", "actor"))
        logged = list(AccessLogEntry.objects.filter(record_type="referral").values_list("action", "record_id"))
    assert (referral.received_by, referral.received_at is not None) == (provider, True)
    assert ("referral_received", provider.pk) in events
    assert ("view", str(referral.public_id)) in logged


def test_care_providers_see_only_medical_handed_over_referrals_and_coordinators_all(organisation, make_staff):
    _provider, provider_client = make_staff(Role.CARE_PROVIDER, organisation)
    _coordinator, coordinator_client = make_staff(Role.COORDINATOR, organisation)
    privacy = handed_over(organisation, "privacy")
    with scopes_disabled():
        kept_back = Referral.objects.create(
            organisation=organisation,
            ticket=TicketFactory(organisation=organisation, subject="Zonder toestemming"),
            route="care_provider",
            target_name="Ontvanger",
            handed_over=False,
        )
    provider_list = provider_client.get(reverse("helpdesk:referrals")).content.decode()
    assert privacy.ticket.subject not in provider_list
    assert "Zonder toestemming" not in provider_list
    assert provider_client.get(reverse("helpdesk:referral", args=[privacy.public_id])).status_code == 404
    assert provider_client.get(reverse("helpdesk:referral", args=[kept_back.public_id])).status_code == 404
    assert privacy.ticket.subject in coordinator_client.get(reverse("helpdesk:referrals")).content.decode()


@pytest.mark.parametrize("role", [Role.AGENT, Role.EDITOR, Role.VOLUNTEER])
def test_other_roles_do_not_receive_referrals(organisation, make_staff, role):
    _user, client = make_staff(role, organisation)
    referral = handed_over(organisation, "care_provider")
    assert client.get(reverse("helpdesk:referral", args=[referral.public_id])).status_code == 404
    assert referral.ticket.subject not in client.get(reverse("helpdesk:referrals")).content.decode()
