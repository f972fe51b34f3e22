"""An agent works the inbox without a mouse: the keyboard shortcuts of the staff workspace, in Chromium."""

import re

import pytest
from django_scopes import scopes_disabled
from playwright.sync_api import Browser, expect

from wegwijs.helpdesk.choices import MessageKind
from wegwijs.helpdesk.models import Message, Ticket
from wegwijs.helpdesk.tests.factories import TicketFactory
from wegwijs.tenancy.roles import Role

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_agent_takes_and_answers_a_question_with_the_keyboard_only(
    browser: Browser, live_server, organisation, make_staff
):
    agent, agent_client = make_staff(Role.AGENT, organisation)
    first = TicketFactory(organisation=organisation, subject="Eerste vraag over inloggen")
    TicketFactory(organisation=organisation, subject="Tweede vraag over beeldbellen")
    staff = browser.new_context(locale="nl-NL")
    staff.add_cookies(
        [{"name": name, "value": morsel.value, "url": live_server.url} for name, morsel in agent_client.cookies.items()]
    )
    page = staff.new_page()
    page.goto(f"{live_server.url}/staff/inbox/")

    page.keyboard.press("j")
    page.keyboard.press("j")
    expect(page.locator(":focus")).to_contain_text("Tweede vraag")
    page.keyboard.press("k")
    expect(page.locator(":focus")).to_contain_text("Eerste vraag")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Eerste vraag")

    page.keyboard.press("t")
    expect(page.get_by_role("status")).to_be_visible()
    page.keyboard.press("r")
    expect(page.get_by_label("Antwoord aan de persoon")).to_be_focused()
    page.keyboard.type("Kies 'Wachtwoord vergeten'.")
    page.keyboard.press("Control+Enter")
    expect(page.get_by_role("status")).to_be_visible()
    expect(page.get_by_text("Kies 'Wachtwoord vergeten'.")).to_be_visible()

    page.keyboard.press("i")
    expect(page).to_have_url(re.compile(r"/staff/inbox/$"))
    page.keyboard.press("/")
    expect(page.get_by_label("Zoeken (woorden of een vraagnummer)")).to_be_focused()
    with scopes_disabled():
        first = Ticket.objects.get(pk=first.pk)
        assert first.assignee == agent
        assert Message.objects.filter(ticket=first, kind=MessageKind.OUTBOUND).count() == 1
    staff.close()


def test_inbox_filters_update_the_list_in_place_and_the_address(
    browser: Browser, live_server, organisation, make_staff
):
    _agent, agent_client = make_staff(Role.AGENT, organisation)
    TicketFactory(organisation=organisation, channel="email", subject="Vraag per e-mail")
    TicketFactory(organisation=organisation, channel="phone", subject="Vraag per telefoon")
    staff = browser.new_context(locale="nl-NL")
    staff.add_cookies(
        [{"name": name, "value": morsel.value, "url": live_server.url} for name, morsel in agent_client.cookies.items()]
    )
    page = staff.new_page()
    page.goto(f"{live_server.url}/staff/inbox/")
    page.evaluate("window.wegwijsSamePage = true")
    page.get_by_label("Kanaal").select_option("phone")
    expect(page).to_have_url(re.compile(r"channel=phone"))
    expect(page.get_by_text("Vraag per e-mail")).to_have_count(0)
    expect(page.get_by_text("Vraag per telefoon")).to_be_visible()
    assert page.evaluate("window.wegwijsSamePage === true"), "the list changed without loading a new page"
    expect(page.locator("#ww-live")).to_contain_text("1 vraag")
    staff.close()
