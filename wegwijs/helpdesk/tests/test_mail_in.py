"""E-mail in: real-world-shaped MIME samples (tests/mail/*.eml) and generated malformed mail."""

import io
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django_scopes import scopes_disabled
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wegwijs.helpdesk import services
from wegwijs.helpdesk.choices import Channel, ContactMethod, EmailPurpose, MessageKind, Status
from wegwijs.helpdesk.mail_in import email_ingest
from wegwijs.helpdesk.models import Attachment, InboundEmail, Message, OutboundEmail, Ticket
from wegwijs.tenancy.roles import Role
from wegwijs.triage.redaction import BSN_PLACEHOLDER

pytestmark = pytest.mark.django_db
SAMPLES = Path(__file__).parent / "mail"


def ingest(organisation, name_or_bytes):
    raw = name_or_bytes if isinstance(name_or_bytes, bytes) else (SAMPLES / name_or_bytes).read_bytes()
    with scopes_disabled():
        return email_ingest(organisation=organisation, raw=raw)


def body_of(inbound):
    with scopes_disabled():
        return Message.objects.get(pk=inbound.message_id).body


def test_a_plain_mail_opens_a_question_answered_by_email_without_the_bsn(organisation):
    inbound = ingest(organisation, "plain.eml")
    with scopes_disabled():
        ticket = Ticket.objects.get()
    assert (ticket.channel, ticket.requester_email, ticket.preferred_contact, ticket.topic) == (
        Channel.EMAIL,
        "jan@example.org",
        ContactMethod.EMAIL,
        "login",
    )
    assert "111222333" not in body_of(inbound)
    assert BSN_PLACEHOLDER in body_of(inbound)
    assert not inbound.is_malformed


def test_ingestion_is_idempotent_on_message_id(organisation):
    first = ingest(organisation, "plain.eml")
    second = ingest(organisation, "plain.eml")
    assert first.pk == second.pk
    with scopes_disabled():
        assert (Ticket.objects.count(), InboundEmail.objects.count()) == (1, 1)


def test_multipart_alternative_prefers_the_text_part(organisation):
    inbound = ingest(organisation, "alternative.eml")
    assert body_of(inbound).startswith("Uygulama çalışmıyor")
    assert "giriş yapamıyorum" in body_of(inbound)


def test_html_only_mail_is_sanitised_to_text(organisation):
    body = body_of(ingest(organisation, "html_only.eml"))
    assert "camera" in body
    assert "<" not in body
    assert "steal" not in body


def test_an_inline_image_is_kept_as_an_attachment(organisation):
    inbound = ingest(organisation, "inline_image.eml")
    with scopes_disabled():
        attachment = Attachment.objects.get()
    assert (attachment.filename, attachment.content_type, attachment.message_id) == (
        "foutmelding.png",
        "image/png",
        inbound.message_id,
    )
    assert attachment.content.startswith(b"\x89PNG")


def test_winmail_dat_is_not_kept_and_the_mail_is_flagged(organisation):
    inbound = ingest(organisation, "winmail.eml")
    inbound.refresh_from_db()
    with scopes_disabled():
        assert not Attachment.objects.exists()
    assert "winmail.dat" in inbound.problems
    assert body_of(inbound).endswith("Zie bijlage.")


def test_an_attachment_over_the_limit_is_refused_but_the_mail_kept(organisation, settings):
    settings.ATTACHMENT_MAX_BYTES = 10
    inbound = ingest(organisation, "inline_image.eml")
    inbound.refresh_from_db()
    assert "too large" in inbound.problems
    assert inbound.ticket_id is not None


@pytest.mark.parametrize("name", ["wrong_charset.eml", "no_headers.eml", "huge_subject.eml"])
def test_malformed_mail_is_stored_and_flagged_never_dropped(organisation, name):
    inbound = ingest(organisation, name)
    assert inbound.is_malformed
    assert inbound.problems
    assert inbound.ticket_id is not None
    assert len(inbound.subject) <= 300
    assert body_of(inbound)


@pytest.mark.parametrize("name", ["auto_reply.eml", "bounce.eml"])
def test_automatic_mail_is_stored_but_never_answered_or_opened_as_a_question(organisation, name):
    inbound = ingest(organisation, name)
    assert inbound.is_automatic
    with scopes_disabled():
        assert not Ticket.objects.exists()
        assert not OutboundEmail.objects.exists()


def test_a_reply_joins_its_question_by_in_reply_to(organisation, make_staff):
    agent, _client = make_staff(Role.AGENT, organisation)
    first = ingest(organisation, "plain.eml")
    with scopes_disabled():
        ticket = Ticket.objects.get()
        services.ticket_reply(actor=agent, ticket=ticket, body="Probeer de DigiD app.")
        our_id = OutboundEmail.objects.get(purpose=EmailPurpose.REPLY).rfc_message_id
    reply = (
        b"From: jan@example.org\r\nSubject: Re: iets anders\r\nMessage-ID: <reply-2@example.org>\r\n"
        b"In-Reply-To: " + our_id.encode() + b"\r\n\r\nDat werkt niet.\r\n"
    )
    inbound = ingest(organisation, reply)
    assert inbound.ticket_id == first.ticket_id
    ticket.refresh_from_db()
    assert ticket.status == Status.OPEN


def test_a_reply_joins_its_question_by_the_reference_in_the_subject(organisation):
    first = ingest(organisation, "plain.eml")
    with scopes_disabled():
        ticket = Ticket.objects.get()
    mail = (
        f"From: jan@example.org\r\nSubject: Re: [{ticket.reference}] Inloggen\r\nMessage-ID: <ref-3@x>\r\n\r\n"
        "Nog een vraag.\r\n"
    ).encode()
    assert ingest(organisation, mail).ticket_id == first.ticket_id


def test_a_bounce_of_our_reply_is_shown_on_the_question_without_answering(organisation, make_staff):
    agent, _client = make_staff(Role.AGENT, organisation)
    ingest(organisation, "plain.eml")
    with scopes_disabled():
        ticket = Ticket.objects.get()
        services.ticket_reply(actor=agent, ticket=ticket, body="Antwoord")
        our_id = OutboundEmail.objects.get(purpose=EmailPurpose.REPLY).rfc_message_id
        emails_before = OutboundEmail.objects.count()
    bounce = (
        (SAMPLES / "bounce.eml").read_bytes().replace(b"Subject:", b"In-Reply-To: " + our_id.encode() + b"\nSubject:")
    )
    inbound = ingest(organisation, bounce)
    assert inbound.ticket_id == ticket.pk
    with scopes_disabled():
        assert Message.objects.get(pk=inbound.message_id).kind == MessageKind.NOTE
        assert OutboundEmail.objects.count() == emails_before


def test_the_same_message_id_in_another_organisation_is_its_own_mail(organisation, other_organisation):
    ingest(organisation, "plain.eml")
    ingest(other_organisation, "plain.eml")
    with scopes_disabled():
        assert sorted(Ticket.objects.values_list("organisation__slug", flat=True)) == sorted(
            [organisation.slug, other_organisation.slug]
        )


def test_mail_gateway_reads_stdin(organisation, monkeypatch, capsys):
    stdin = io.TextIOWrapper(io.BytesIO((SAMPLES / "plain.eml").read_bytes()))
    monkeypatch.setattr(sys, "stdin", stdin)
    call_command("mail-gateway", "--organisation", organisation.slug)
    assert "stored <plain-1@example.org>" in capsys.readouterr().out
    with scopes_disabled():
        assert Ticket.objects.count() == 1


def test_mail_gateway_refuses_an_unknown_organisation(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"x")))
    with pytest.raises(SystemExit) as exit_info:
        call_command("mail-gateway", "--organisation", "bestaat-niet")
    assert exit_info.value.code == 67


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    raw=st.one_of(
        st.binary(max_size=2000),
        st.builds(lambda headers, body: headers + b"\r\n\r\n" + body, st.binary(max_size=300), st.binary(max_size=500)),
        st.builds(
            lambda subject, body: b"From: a@b.nl\r\nSubject: " + subject + b"\r\n\r\n" + body,
            st.binary(max_size=200),
            st.binary(max_size=500),
        ),
    )
)
def test_any_bytes_are_stored_never_lost_and_never_crash(organisation, raw):
    inbound = ingest(organisation, raw)
    with scopes_disabled():
        assert InboundEmail.objects.filter(pk=inbound.pk, raw=raw).exists()


def test_agents_download_attachments_through_the_checked_view(organisation, make_staff):
    inbound = ingest(organisation, "inline_image.eml")
    _agent, client = make_staff(Role.AGENT, organisation)
    with scopes_disabled():
        attachment = Attachment.objects.get()
        ticket = Ticket.objects.get(pk=inbound.ticket_id)
    page = client.get(f"/staff/tickets/{ticket.public_id}/").content.decode()
    assert f"/staff/attachments/{attachment.public_id}/" in page
    response = client.get(f"/staff/attachments/{attachment.public_id}/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response.content.startswith(b"\x89PNG")
