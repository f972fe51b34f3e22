"""Replies by e-mail over a real SMTP server, sent by the database task worker."""

import datetime as dt
import re

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django_scopes import scopes_disabled
from django_tasks_db.models import DBTaskResult

from conftest import free_port
from wegwijs.helpdesk import services
from wegwijs.helpdesk.choices import ContactMethod, DeliveryStatus, EventKind
from wegwijs.helpdesk.models import OutboundEmail, SatisfactionRating, TicketEvent
from wegwijs.tenancy.roles import Role

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("clean_access_log_after_test")]


def run_worker() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


def email_question(organisation, language="nl", **fields):
    with scopes_disabled():
        ticket, _token = services.ticket_create(
            organisation=organisation,
            intake=services.Intake(
                question="Ik kom niet in de app.",
                language=language,
                email="piet@example.test",
                preferred_contact=ContactMethod.EMAIL,
                consent_to_contact=True,
                name="Piet",
                **fields,
            ),
        )
    return ticket


def reply(client, ticket, body):
    return client.post(reverse("helpdesk:reply", args=[ticket.public_id]), {"reply-body": body})


def test_confirmation_and_replies_arrive_threaded_in_the_persons_language(organisation, make_staff, smtp_inbox):
    _agent, client = make_staff(Role.AGENT, organisation)
    ticket = email_question(organisation, language="en")
    reply(client, ticket, "Please reinstall the app.")
    reply(client, ticket, "Did that help?")
    run_worker()
    confirmation, first, second = smtp_inbox.messages
    with scopes_disabled():
        ids = list(OutboundEmail.objects.order_by("created_at").values_list("rfc_message_id", "status", "purpose"))
    assert [(status, purpose) for _id, status, purpose in ids] == [
        (DeliveryStatus.SENT, "confirmation"),
        (DeliveryStatus.SENT, "reply"),
        (DeliveryStatus.SENT, "reply"),
    ]
    assert [mail["Message-ID"] for mail in smtp_inbox.messages] == [row[0] for row in ids]
    assert first["In-Reply-To"] == ids[0][0]
    assert second["In-Reply-To"] == ids[1][0]
    assert second["References"] == f"{ids[0][0]} {ids[1][0]}"
    assert first["To"] == "piet@example.test"
    assert ticket.reference in first["Subject"]
    assert "Please reinstall the app." in first.get_content()
    with translation.override("en"):
        assert translation.gettext("We have received your question") in confirmation["Subject"]
    assert "112" in first.get_content()
    link = re.search(r"http://\S+/vraag/\w+/", confirmation.get_content()).group(0)
    page = Client().get(link.replace(settings.SITE_URL, ""))
    assert "Please reinstall the app." in page.content.decode()


def test_resolving_sends_the_invitation_to_rate(organisation, make_staff, smtp_inbox):
    _agent, client = make_staff(Role.AGENT, organisation)
    ticket = email_question(organisation)
    client.post(reverse("helpdesk:status", args=[ticket.public_id]), {"status-status": "resolved"})
    run_worker()
    resolved = smtp_inbox.messages[-1]
    with translation.override("nl"):
        assert translation.gettext("Your question is resolved") in resolved["Subject"]
    body = resolved.get_content()
    links = re.findall(r"http://\S+/vraag/\w+/\?score=(\d)#rate-title", body)
    assert links == ["1", "2", "3", "4", "5"]
    assert "😀" in body
    four = re.search(r"http://\S+\?score=4#rate-title", body).group(0).replace(settings.SITE_URL, "")
    person = Client()
    page = person.get(four.split("#")[0]).content.decode()
    assert re.search(r'value="4"[^>]*checked', page), "the face chosen in the e-mail is pre-selected"
    with scopes_disabled():
        assert not SatisfactionRating.objects.exists(), "opening the link alone never rates"
    person.post(four.split("?")[0] + "tevredenheid/", {"score": "4"})
    with scopes_disabled():
        assert SatisfactionRating.objects.get(ticket=ticket).score == 4


def test_no_email_without_consent_or_when_the_person_chose_the_follow_up_page(organisation, make_staff, smtp_inbox):
    _agent, client = make_staff(Role.AGENT, organisation)
    with scopes_disabled():
        ticket, _token = services.ticket_create(
            organisation=organisation,
            intake=services.Intake(question="Vraag", language="nl", email="piet@example.test"),
        )
    reply(client, ticket, "Antwoord")
    run_worker()
    assert smtp_inbox.messages == []


def test_a_failing_mail_server_is_retried_then_the_failure_shows_on_the_ticket(organisation, make_staff, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", free_port(), 2
    settings.EMAIL_SEND_ATTEMPTS = 2
    _agent, client = make_staff(Role.AGENT, organisation)
    ticket = email_question(organisation)
    reply(client, ticket, "Antwoord dat niet aankomt")
    run_worker()
    with scopes_disabled():
        outbound = OutboundEmail.objects.get(purpose="reply")
        assert (outbound.status, outbound.attempts) == (DeliveryStatus.QUEUED, 1)
        assert "ConnectionRefusedError" in outbound.last_error
        # The retry is scheduled for later; make it due now.
        DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now() - dt.timedelta(seconds=1))
    run_worker()
    with scopes_disabled():
        outbound.refresh_from_db()
        assert (outbound.status, outbound.attempts) == (DeliveryStatus.FAILED, 2)
        assert TicketEvent.objects.filter(ticket=ticket, kind=EventKind.EMAIL_FAILED).exists()
    page = client.get(reverse("helpdesk:ticket", args=[ticket.public_id])).content.decode()
    with translation.override("nl"):
        assert translation.gettext("e-mail could not be sent") in page
