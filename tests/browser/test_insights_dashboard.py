"""An analyst reads the dashboard in Chromium without JavaScript: chooses a period, reads a chart's numbers in
its table, downloads the report; the page has no WCAG 2.2 AA violations (axe, run in a second, scripted view
of the same page)."""

import datetime as dt
import re
import subprocess

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import translation
from playwright.sync_api import Browser, expect

from wegwijs.insights.tests.world import rollup, searches
from wegwijs.tenancy.roles import Role

pytestmark = pytest.mark.django_db(transaction=True)


def nl(text: str) -> str:
    with translation.override("nl"):
        return translation.gettext(text)


WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def test_an_analyst_reads_the_dashboard_and_downloads_the_report(
    browser: Browser, live_server, organisation, make_staff
):
    for day, counts in (
        (dt.date(2026, 9, 9), {"web": 14}),
        (dt.date(2026, 10, 14), {"web": 20, "email": 10, "phone": 6}),
    ):
        for channel, tickets in counts.items():
            rollup(organisation, day, tickets, channel=channel)
    searches(organisation, dt.date(2026, 10, 14), "wachtwoord vergeten", 5)
    _analyst, client = make_staff(Role.ANALYST, organisation)
    cookies = [{"name": name, "value": morsel.value, "url": live_server.url} for name, morsel in client.cookies.items()]

    context = browser.new_context(java_script_enabled=False, locale="nl-NL", accept_downloads=True)
    context.add_cookies(cookies)
    page = context.new_page()
    page.goto(f"{live_server.url}/staff/insights/{organisation.slug}/?period=2026-09")
    page.locator("select[name=period]").select_option("2026-10")
    page.get_by_role("button", name=nl("Show")).click()
    expect(page).to_have_url(re.compile(r"period=2026-10$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("oktober 2026")

    channels = page.get_by_role("table", name=nl("Questions by channel"))
    expect(channels.get_by_role("row", name=re.compile("^" + nl("Web form")))).to_contain_text("20")
    expect(page.locator("figure svg[role=img]").first).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name=nl("report (PDF, %(name)s)") % {"name": "English"}).click()
    text = subprocess.run(["pdftotext", download.value.path(), "-"], capture_output=True, check=True).stdout.decode()
    assert "Insights report of" in text
    context.close()

    scripted = browser.new_context(locale="nl-NL")
    scripted.add_cookies(cookies)
    axe_page = scripted.new_page()
    axe_page.goto(f"{live_server.url}/staff/insights/{organisation.slug}/?period=2026-10")
    results = Axe().run(axe_page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}})
    assert results.violations_count == 0, results.generate_report()
    scripted.close()
