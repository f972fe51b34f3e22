import re

import pytest
from django_otp.oath import TOTP
from playwright.sync_api import Page, expect

from wegwijs.accounts.tests.factories import PASSWORD, TOTPDeviceFactory
from wegwijs.tenancy.roles import Role
from wegwijs.tenancy.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_agent_logs_in_with_the_second_factor_and_reaches_the_staff_home(live_server, page: Page, organisation):
    membership = MembershipFactory(organisation=organisation, role=Role.AGENT)
    device = TOTPDeviceFactory(user=membership.user)

    page.goto(f"{live_server.url}/staff/")
    expect(page).to_have_url(re.compile(r"/staff/login/"))
    page.get_by_label("E-mailadres").fill(membership.user.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()

    expect(page).to_have_url(re.compile(r"/staff/login/code/"))
    code = f"{TOTP(device.bin_key).token():06d}"
    page.get_by_label(re.compile("code", re.IGNORECASE)).fill(code)
    page.get_by_role("button", name="Bevestigen").click()

    expect(page).to_have_url(f"{live_server.url}/staff/")
    expect(page.get_by_role("heading", level=1)).to_contain_text(membership.user.get_short_name())
    expect(page.get_by_role("navigation", name="Hoofdmenu")).to_contain_text(organisation.name)


def test_the_first_tab_reaches_the_skip_link(live_server, page: Page, organisation):
    page.goto(f"{live_server.url}/{organisation.slug}/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "#main"
