"""The public help pages in Chromium: accessible in Dutch and Arabic, and usable without JavaScript."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, expect

from wegwijs.demo.data import ARTICLES
from wegwijs.knowledge import services

pytestmark = pytest.mark.django_db(transaction=True)
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture
def help_url(live_server, organisation):
    assert services.kb_import(directory=ARTICLES, organisation=None).invalid == []
    return f"{live_server.url}/{organisation.slug}/hulp/"


@pytest.mark.parametrize(
    ("language", "query", "switch"), [("nl", "wachtwort vergeten", "Nederlands"), ("ar", "نسيت كلمة المرور", "العربية")]
)
def test_search_results_and_an_article_have_no_wcag_22_aa_violations(
    browser: Browser, help_url, language, query, switch
):
    context = browser.new_context(bypass_csp=True, locale=language)
    page = context.new_page()
    page.goto(help_url)
    page.get_by_role("button", name=switch).click()
    page.locator("#id_q").fill(query)
    page.locator("form.ww-search button[type=submit]").click()
    expect(page.locator(".ww-results a").first).to_be_visible()
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}})
    assert results.violations_count == 0, results.generate_report()
    page.goto(f"{help_url}inloggen-met-digid-app/")
    expect(page.locator("article")).to_have_attribute("lang", language)
    article = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}})
    context.close()
    assert article.violations_count == 0, article.generate_report()
    assert len(article.response["passes"]) >= 10


def test_search_read_and_vote_without_javascript(browser: Browser, help_url):
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")
    page = context.new_page()
    page.goto(help_url)
    page.get_by_label("Zoek in onze hulppagina's").fill("bloeddruk meter koppelen")
    page.get_by_role("button", name="Zoeken").click()
    page.locator(".ww-results a").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Bloeddrukmeter koppelen")
    expect(page.get_by_role("button", name="Voorlezen")).to_be_hidden()  # needs JavaScript, so not offered
    page.get_by_role("button", name="Ja").click()
    expect(page.get_by_role("status")).to_contain_text("Dank u wel")
    context.close()
