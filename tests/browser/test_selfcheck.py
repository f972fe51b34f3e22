"""The public self-check in Chromium: the whole way to the recommendations and a support plan PDF (read back with
pdftotext, its QR code decoded) without JavaScript, and axe with zero
WCAG 2.2 AA violations on a question screen (also with its error) and on the result page, in Dutch and Arabic."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from wegwijs.guide.selfcheck import QUESTIONS
from wegwijs.guide.tests.test_plans import pdf_text_and_codes
from wegwijs.guide.tests.test_public_selfcheck import add_catalogue
from wegwijs.tenancy.tests.factories import DigitalToolFactory

pytestmark = pytest.mark.django_db(transaction=True)
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
LANGUAGE_NAMES = {"nl": "Nederlands", "ar": "العربية"}


@pytest.fixture
def start_url(live_server, organisation) -> str:
    DigitalToolFactory(organisation=organisation, name="MijnPortaal")
    add_catalogue(organisation)
    return f"{live_server.url}/{organisation.slug}/zelftest/"


def _answer_every_screen(page: Page, language: str) -> None:
    """Choose the last answer of each scoring question (a beginner) and `language` on the language screen."""
    for number, question in enumerate(QUESTIONS, 1):
        expect(page.locator(".ww-selfcheck__progress")).to_contain_text(f"{number}")
        if question.key == "language":
            page.locator(f"label[for='answer-{language}']").click()
        elif question.scores:
            page.locator(".ww-option label").last.click()
        page.locator("button[name=action][value=next]").click()


def _axe(page: Page) -> None:
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}})
    assert results.violations_count == 0, results.generate_report()
    assert len(results.response["passes"]) >= 10  # the rules really ran on real content


def test_self_check_to_the_recommendations_and_a_plan_pdf_without_javascript(browser: Browser, start_url, tmp_path):
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")
    page = context.new_page()
    page.goto(start_url.removesuffix("zelftest/"))
    page.locator(f"a[href$='{start_url.split('/', 3)[3]}']").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.locator("[data-ww-read-aloud]")).to_be_hidden()  # needs JavaScript, so not offered
    page.locator("label[for='filled_in-with_volunteer']").click()
    page.locator("main form button[type=submit]").click()
    page.locator("button[name=action][value=next]").click()  # nothing chosen: stay, with the error
    expect(page.locator("#answer-error")).to_be_visible()
    expect(page.locator(".ww-selfcheck__progress")).to_contain_text("1")
    _answer_every_screen(page, "nl")
    expect(page).to_have_url(re.compile(r"/zelftest/uitslag/[0-9a-f-]{36}/$"))  # POST, then redirect, then GET
    expect(page.locator("#level-title")).to_be_visible()
    expect(page.get_by_role("heading", name="Inloopspreekuur bibliotheek", level=3)).to_be_visible()
    expect(page.locator("a[href='tel:0523123456']")).to_be_visible()
    page.locator("label[for='id_phase_3']").click()  # "I already use the tool"
    page.locator("#id_postcode").fill("7772")
    page.locator(".ww-result__form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"phase=during_use.*postcode=7772"))
    expect(page.get_by_role("heading", name="Helpdesk Digitale Zorg", level=3)).to_be_visible()

    page.get_by_role("button", name="Maak mijn ondersteuningsplan").click()  # keep the advice as a plan
    expect(page).to_have_url(re.compile(r"/plan/[0-9a-f]{64}/$"))
    plan_address = page.url
    expect(page.get_by_text("Helpdesk Digitale Zorg").first).to_be_visible()
    pdf = page.request.get(plan_address + "pdf/")
    assert pdf.headers["content-type"] == "application/pdf"
    text, codes = pdf_text_and_codes(tmp_path, pdf.body())
    assert "Helpdesk Digitale Zorg" in text
    assert "Inloopspreekuur bibliotheek" in text
    assert any(code.endswith(plan_address.split("/", 3)[3]) for code in codes), codes  # the QR code leads back
    context.close()


@pytest.mark.parametrize(("language", "direction"), [("nl", "ltr"), ("ar", "rtl")])
def test_self_check_screens_and_result_have_no_wcag_22_aa_violations(
    browser: Browser,
    start_url,
    language,
    direction,
):
    context = browser.new_context(bypass_csp=True, locale=language)
    page = context.new_page()
    page.goto(start_url)
    page.get_by_role("button", name=LANGUAGE_NAMES[language]).click()
    expect(page.locator("html")).to_have_attribute("dir", direction)
    expect(page.locator("[data-ww-read-aloud]")).to_be_visible()  # the browser can speak
    page.locator("main form button[type=submit]").click()
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator("legend h1")).to_be_visible()
    _axe(page)
    page.locator("button[name=action][value=next]").click()
    expect(page.locator("#answer-error")).to_be_visible()
    _axe(page)  # the error state too
    _answer_every_screen(page, language)
    expect(page.locator("#level-title")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("dir", direction)
    expect(page.locator("html")).to_have_attribute("lang", language)
    _axe(page)
    context.close()
