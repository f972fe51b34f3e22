"""The urgent advice: a fixed, reviewed text per organisation and language that a person with an urgent message
reads at once, on their question page and at the top of the confirmation e-mail."""

import re

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django_scopes import scopes_disabled

from wegwijs.helpdesk import links, services
from wegwijs.helpdesk.choices import ContactMethod, Route
from wegwijs.helpdesk.models import UrgentAdvice
from wegwijs.helpdesk.tests.factories import TicketFactory
from wegwijs.helpdesk.urgent_advice import DEFAULT_LINES, HEADING
from wegwijs.tenancy.roles import Role

pytestmark = pytest.mark.django_db

URGENT_QUESTION = "Mijn moeder heeft pijn op de borst en ik kom niet in de app"
OWN = {
    "danger_to_life": "Levensgevaar? Bel meteen 112.",
    "outside_office_hours": "Avond, nacht en weekend: bel de huisartsenpost Vechtdal, 0900 333 4444.",
    "office_hours": "Overdag: bel uw eigen huisarts.",
    "suicidal_thoughts": "Denkt u aan zelfdoding? Bel 113 of 0800-0113. Dat is gratis.",
    "closing": "Wij kijken ook zo snel mogelijk naar uw bericht.",
}


def page_url(organisation, name="urgent_advice", language="nl"):
    return f"{reverse(f'helpdesk:{name}', args=[organisation.slug])}?language={language}"


def write_draft(client, organisation, language="nl", **changes):
    return client.post(page_url(organisation, language=language), {**OWN, **changes})


def publish(client, organisation, version, language="nl"):
    return client.post(page_url(organisation, "urgent_advice_publish", language), {"version": version})


def follow_up_page(ticket, language="nl"):
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    url = reverse("ask:follow_up", args=[ticket.organisation.slug, links.follow_up_token(ticket)])
    return client.get(url).content.decode()


def standard(line, language):
    with translation.override(language):
        return escape(str(DEFAULT_LINES[line]))


def versions():
    with scopes_disabled():
        return list(
            UrgentAdvice.objects.order_by("version").values_list(
                "version", "written_by__email", "reviewed_by__email", "uses_default", "outside_office_hours"
            )
        )


@pytest.fixture
def editor(organisation, make_staff):
    return make_staff(Role.EDITOR, organisation)


@pytest.fixture
def coordinator(organisation, make_staff):
    return make_staff(Role.COORDINATOR, organisation)


@pytest.mark.parametrize(("language", "direction"), [("nl", "ltr"), ("ar", "rtl")])
def test_without_an_own_text_people_read_the_standard_advice_in_their_language(organisation, language, direction):
    ticket = TicketFactory(organisation=organisation, route=Route.URGENT, language=language)
    page = follow_up_page(ticket, language)
    assert f'<html lang="{language}" dir="{direction}">' in page
    assert (
        f'class="ww-urgent" role="alert" aria-labelledby="urgent-title-standard" lang="{language}" dir="{direction}"'
        in page
    )
    for line in DEFAULT_LINES:
        assert standard(line, language) in page
    assert "Danger to life: call 112 now." not in page  # translated, not the English source


def test_a_question_that_is_not_urgent_shows_no_advice(organisation):
    page = follow_up_page(TicketFactory(organisation=organisation, route=Route.HELPDESK))
    assert 'class="ww-urgent"' not in page
    assert standard("office_hours", "nl") not in page


def test_a_draft_reaches_people_only_after_a_coordinator_published_it(organisation, editor, coordinator):
    ticket = TicketFactory(organisation=organisation, route=Route.URGENT, language="nl")
    assert write_draft(editor[1], organisation).status_code == 302
    assert OWN["outside_office_hours"] not in follow_up_page(ticket)
    staff_page = editor[1].get(page_url(organisation)).content.decode()
    assert OWN["outside_office_hours"] in staff_page
    assert reverse("helpdesk:urgent_advice_publish", args=[organisation.slug]) not in staff_page
    assert publish(editor[1], organisation, 1).status_code == 404
    assert editor[1].post(page_url(organisation, "urgent_advice_default")).status_code == 404
    assert OWN["outside_office_hours"] not in follow_up_page(ticket)

    assert (
        reverse("helpdesk:urgent_advice_publish", args=[organisation.slug])
        in coordinator[1].get(page_url(organisation)).content.decode()
    )
    assert publish(coordinator[1], organisation, 1).status_code == 302
    page = follow_up_page(ticket)
    assert OWN["outside_office_hours"] in page
    assert standard("outside_office_hours", "nl") not in page
    assert 'aria-labelledby="urgent-title-1"' in page


def test_every_save_is_a_new_version_and_the_history_keeps_who_wrote_and_who_published(
    organisation, editor, coordinator
):
    (editor_user, editor_client), (coordinator_user, coordinator_client) = editor, coordinator
    write_draft(editor_client, organisation)
    publish(coordinator_client, organisation, 1)
    write_draft(editor_client, organisation, outside_office_hours="Avond: bel de huisartsenpost, 0900 1234.")
    write_draft(coordinator_client, organisation, outside_office_hours="Nacht: bel de huisartsenpost, 0900 5678.")
    assert versions() == [
        (1, editor_user.email, coordinator_user.email, False, OWN["outside_office_hours"]),
        (2, editor_user.email, None, False, "Avond: bel de huisartsenpost, 0900 1234."),
        (3, coordinator_user.email, None, False, "Nacht: bel de huisartsenpost, 0900 5678."),
    ]
    # Only the newest draft can be published: what the coordinator read is what people get.
    publish(coordinator_client, organisation, 2)
    assert versions()[1][2] is None
    # Saving the same text again adds nothing.
    unchanged = write_draft(
        coordinator_client, organisation, outside_office_hours="Nacht: bel de huisartsenpost, 0900 5678."
    )
    assert unchanged.status_code == 400
    assert len(versions()) == 3
    page = coordinator_client.get(page_url(organisation)).content.decode()
    assert escape(editor_user.full_name) in page  # Faker's Dutch names may hold an apostrophe ("van 't ...")
    assert escape(coordinator_user.full_name) in page
    assert OWN["outside_office_hours"] in page  # what people read now: version 1
    assert "0900 5678" in page  # the draft


@pytest.mark.parametrize(
    ("changes", "number"),
    [
        ({"danger_to_life": "Levensgevaar? Bel de alarmcentrale."}, "112"),
        ({"suicidal_thoughts": "Denkt u aan zelfdoding? Praat erover met iemand."}, "113"),
        ({"danger_to_life": "Levensgevaar? Bel 1120."}, "112"),
    ],
)
def test_a_text_without_112_or_113_is_refused(organisation, editor, changes, number):
    response = write_draft(editor[1], organisation, **changes)
    assert response.status_code == 400
    with translation.override("nl"):
        message = translation.gettext(
            "The text must still contain %(number)s. People need this number in an emergency."
        ) % {"number": number}
    assert escape(message) in response.content.decode()
    assert versions() == []


def test_a_coordinator_brings_back_the_standard_text_as_a_new_version(organisation, editor, coordinator):
    ticket = TicketFactory(organisation=organisation, route=Route.URGENT, language="nl")
    write_draft(editor[1], organisation)
    publish(coordinator[1], organisation, 1)
    assert OWN["office_hours"] in follow_up_page(ticket)
    assert coordinator[1].post(page_url(organisation, "urgent_advice_default")).status_code == 302
    page = follow_up_page(ticket)
    assert OWN["office_hours"] not in page
    assert standard("office_hours", "nl") in page
    assert [(version, reviewed, uses_default) for version, _w, reviewed, uses_default, _t in versions()] == [
        (1, coordinator[0].email, False),
        (2, coordinator[0].email, True),
    ]
    # The form starts from the standard text again; a second "back to standard" changes nothing.
    assert standard("office_hours", "nl") in coordinator[1].get(page_url(organisation)).content.decode()
    coordinator[1].post(page_url(organisation, "urgent_advice_default"))
    assert len(versions()) == 2


def test_texts_are_kept_per_language(organisation, editor, coordinator):
    write_draft(editor[1], organisation, language="tr")
    publish(coordinator[1], organisation, 1, language="tr")
    dutch = TicketFactory(organisation=organisation, route=Route.URGENT, language="nl")
    turkish = TicketFactory(organisation=organisation, route=Route.URGENT, language="tr")
    assert OWN["office_hours"] not in follow_up_page(dutch)
    assert OWN["office_hours"] in follow_up_page(turkish)


def test_another_organisations_text_never_reaches_our_people(organisation, other_organisation, make_staff):
    _b_coordinator, b_client = make_staff(Role.COORDINATOR, other_organisation)
    write_draft(b_client, other_organisation)
    publish(b_client, other_organisation, 1)
    ticket = TicketFactory(organisation=organisation, route=Route.URGENT, language="nl")
    page = follow_up_page(ticket)
    assert OWN["outside_office_hours"] not in page
    assert standard("outside_office_hours", "nl") in page
    _a_coordinator, a_client = make_staff(Role.COORDINATOR, organisation)
    assert OWN["outside_office_hours"] not in a_client.get(page_url(organisation)).content.decode()
    assert a_client.get(page_url(other_organisation)).status_code == 404


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_the_standard_text_keeps_112_and_113_in_every_language(language):
    with translation.override(language):
        text = " ".join(str(line) for line in DEFAULT_LINES.values())
    assert re.search(r"(?<!\d)112(?!\d)", text)
    assert re.search(r"(?<!\d)113(?!\d)", text)


def test_the_history_has_no_n_plus_one(organisation, editor, coordinator, count_queries):
    write_draft(editor[1], organisation)
    publish(coordinator[1], organisation, 1)
    small = count_queries(lambda: coordinator[1].get(page_url(organisation)))
    for number in range(2, 12):
        write_draft(editor[1], organisation, office_hours=f"Overdag: bel uw huisarts ({number}).")
        publish(coordinator[1], organisation, number)
    assert count_queries(lambda: coordinator[1].get(page_url(organisation))) == small <= 15


def test_the_organisation_page_links_to_the_urgent_advice_for_editors_and_coordinators(organisation, make_staff):
    url = reverse("helpdesk:urgent_advice", args=[organisation.slug])
    for role, linked in ((Role.EDITOR, True), (Role.COORDINATOR, True), (Role.AGENT, False)):
        _user, client = make_staff(role, organisation)
        page = client.get(reverse("tenancy:organisation", args=[organisation.slug])).content.decode()
        assert (url in page) is linked


# --- the confirmation e-mail, over a real SMTP server -----------------------------------------------------


def email_question(organisation, question, language="nl"):
    with scopes_disabled():
        ticket, _token = services.ticket_create(
            organisation=organisation,
            intake=services.Intake(
                question=question,
                language=language,
                email="piet@example.test",
                preferred_contact=ContactMethod.EMAIL,
                consent_to_contact=True,
            ),
        )
    return ticket


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("clean_access_log_after_test")
def test_the_confirmation_of_an_urgent_question_starts_with_the_published_advice(
    organisation, other_organisation, make_staff, smtp_inbox
):
    _coordinator, client = make_staff(Role.COORDINATOR, organisation)
    write_draft(client, organisation)
    publish(client, organisation, 1)
    _b_coordinator, b_client = make_staff(Role.COORDINATOR, other_organisation)
    write_draft(b_client, other_organisation, office_hours="Overdag: bel Huisartsen B, 0523 999 999.")
    publish(b_client, other_organisation, 1)
    urgent = email_question(organisation, URGENT_QUESTION)
    assert urgent.route == Route.URGENT
    email_question(organisation, "Ik kan niet inloggen met DigiD")
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    urgent_mail, other_mail = sorted(smtp_inbox.messages, key=lambda mail: urgent.reference not in mail["Subject"])
    body = urgent_mail.get_content()
    with translation.override("nl"):
        assert body.startswith(str(HEADING))
    for line in OWN.values():
        assert line in body
    assert "Huisartsen B" not in body
    assert OWN["outside_office_hours"] not in other_mail.get_content()
    with translation.override("nl"):
        assert str(HEADING) not in other_mail.get_content()


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("clean_access_log_after_test")
def test_without_an_own_text_the_urgent_confirmation_carries_the_standard_advice_in_the_persons_language(
    organisation, smtp_inbox
):
    email_question(organisation, URGENT_QUESTION, language="ar")
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    (mail,) = smtp_inbox.messages
    body = mail.get_content()
    with translation.override("ar"):
        assert body.startswith(str(HEADING))
        assert str(DEFAULT_LINES["suicidal_thoughts"]) in body
