"""A person asks on the public page, an agent answers in the workspace, the person reads it via the private link."""

import re

import pytest
from playwright.sync_api import Browser, expect

from wegwijs.tenancy.roles import Role
from wegwijs.tenancy.tests.factories import DigitalToolFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_question_answer_and_follow_up_without_javascript_on_the_public_side(
    browser: Browser, live_server, organisation, make_staff
):
    DigitalToolFactory(organisation=organisation, name="MijnPortaal")
    person = browser.new_context(java_script_enabled=False, locale="nl-NL")
    page = person.new_page()
    page.goto(f"{live_server.url}/{organisation.slug}/")
    page.get_by_role("link", name="Stel uw vraag").first.click()
    page.get_by_label("Uw vraag", exact=True).fill("Ik kan niet inloggen op MijnPortaal, ik krijg een foutmelding.")
    page.get_by_label("Over welke app of website gaat het?").select_option(label="MijnPortaal")
    page.get_by_role("button", name="Verstuur mijn vraag").click()
    expect(page).to_have_url(re.compile(rf"/{organisation.slug}/vraag/[\w-]+/$"))
    follow_up_url = page.url

    _agent, agent_client = make_staff(Role.AGENT, organisation)
    staff = browser.new_context(locale="nl-NL")
    staff.add_cookies(
        [{"name": name, "value": morsel.value, "url": live_server.url} for name, morsel in agent_client.cookies.items()]
    )
    workspace = staff.new_page()
    workspace.goto(f"{live_server.url}/staff/inbox/")
    workspace.get_by_role("link", name=re.compile("Ik kan niet inloggen op MijnPortaal")).click()
    workspace.get_by_label("Antwoord aan de persoon").fill("Kies 'Wachtwoord vergeten' op de inlogpagina.")
    workspace.get_by_role("button", name="Antwoord versturen").click()
    expect(workspace.get_by_role("status")).to_be_visible()

    page.goto(follow_up_url)
    expect(page.get_by_text("Kies 'Wachtwoord vergeten' op de inlogpagina.")).to_be_visible()
    page.get_by_label("Uw bericht", exact=True).fill("Dank u, het werkt!")
    page.get_by_role("button", name="Versturen", exact=True).click()
    expect(page.get_by_text("Dank u, het werkt!")).to_be_visible()

    workspace.reload()
    workspace.get_by_label("Status", exact=True).select_option("resolved")
    workspace.get_by_role("button", name="Status wijzigen").click()
    expect(workspace.get_by_role("status")).to_be_visible()

    page.goto(follow_up_url)
    page.get_by_label(re.compile("Heel tevreden")).check()
    page.get_by_role("button", name="Verstuur mijn mening").click()
    expect(page.get_by_role("status")).to_contain_text("Dank u")
    expect(page.get_by_label(re.compile("Heel tevreden"))).to_have_count(0)
    person.close()
    staff.close()
