import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, expect

from wegwijs.tenancy.tests.factories import DigitalToolFactory, LocationFactory

pytestmark = pytest.mark.django_db(transaction=True)
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture
def public_url(live_server, organisation):
    DigitalToolFactory(organisation=organisation, name="MijnPortaal", kind="portal")
    DigitalToolFactory(organisation=organisation, name="Beeldbellen", kind="video")
    LocationFactory(organisations=[organisation], name="Infohuis Centrum")
    return f"{live_server.url}/{organisation.slug}/"


@pytest.mark.parametrize(("language", "direction"), [("nl", "ltr"), ("ar", "rtl")])
def test_public_shell_has_no_wcag_22_aa_violations(browser: Browser, public_url, language, direction):
    context = browser.new_context(locale=language, bypass_csp=True)
    page = context.new_page()
    page.goto(public_url)
    page.get_by_role("button", name={"nl": "Nederlands", "ar": "العربية"}[language]).click()
    expect(page.locator("html")).to_have_attribute("dir", direction)
    expect(page.locator("html")).to_have_attribute("lang", language)
    page.locator("details").first.evaluate("element => element.open = true")
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}})
    context.close()
    assert results.violations_count == 0, results.generate_report()
    assert len(results.response["passes"]) >= 10  # the rules really ran on real content


def test_public_shell_and_language_switch_work_without_javascript(browser: Browser, public_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(public_url)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    page.get_by_role("button", name="Українська").click()
    expect(page.locator("html")).to_have_attribute("lang", "uk")
    page.get_by_role("button", name="العربية").click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    context.close()


def test_staff_login_page_has_no_wcag_22_aa_violations(browser: Browser, live_server):
    context = browser.new_context(bypass_csp=True, locale="nl-NL")
    page = context.new_page()
    page.goto(f"{live_server.url}/staff/login/")
    page.get_by_role("button", name="Inloggen").click()  # show the error state too
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}})
    context.close()
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("language", ["nl", "ar"])
def test_question_form_with_its_errors_has_no_wcag_22_aa_violations(browser: Browser, public_url, language):
    context = browser.new_context(bypass_csp=True, locale=language)
    page = context.new_page()
    page.goto(public_url)
    page.get_by_role("button", name={"nl": "Nederlands", "ar": "العربية"}[language]).click()
    page.goto(f"{public_url}vraag/")
    page.locator("form.ww-form button[type=submit]").click()  # submit empty: the error state
    expect(page.locator(".utrecht-form-field-error-message").first).to_be_visible()
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}})
    context.close()
    assert results.violations_count == 0, results.generate_report()
    assert len(results.response["passes"]) >= 10
