"""The help widget on a portal login page from another origin with a strict CSP, in Chromium."""

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from conftest import free_port
from wegwijs.demo.data import ARTICLES
from wegwijs.knowledge import services
from wegwijs.tenancy.tests.factories import DigitalToolFactory

pytestmark = pytest.mark.django_db(transaction=True)
DEMO_PAGE = Path(__file__).resolve().parents[2] / "wegwijs" / "demo" / "portal" / "login.html"


@pytest.fixture
def portal(tmp_path: Path, live_server, organisation) -> Iterator[str]:
    """The demo login page, pointed at the live server, served from its own origin."""
    html = DEMO_PAGE.read_text(encoding="utf-8")
    html = html.replace("http://127.0.0.1:8000", live_server.url).replace("ziekenhuis-vechtdal", organisation.slug)
    (tmp_path / "login.html").write_text(html, encoding="utf-8")
    (tmp_path / "login.css").write_text((DEMO_PAGE.parent / "login.css").read_text(), encoding="utf-8")
    port = free_port()
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{port}"
    DigitalToolFactory(organisation=organisation, kind="portal", login_url=f"{origin}/login.html")
    assert services.kb_import(directory=ARTICLES, organisation=None).invalid == []
    yield f"{origin}/login.html"
    server.shutdown()


def test_a_person_finds_help_from_the_login_page_with_the_keyboard(browser: Browser, portal, live_server):
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    violations: list[str] = []
    page.on(
        "console",
        lambda message: violations.append(message.text) if "Content Security Policy" in message.text else None,
    )
    page.goto(portal)
    button = page.get_by_role("button", name="Hulp bij inloggen?")
    button.focus()
    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    panel = page.frame_locator("iframe[title='Hulp bij inloggen?']")
    expect(panel.get_by_role("heading", level=1)).to_be_visible()
    expect(panel.get_by_role("link", name="Stel uw vraag")).to_be_visible()
    panel.get_by_label("Zoek in onze hulppagina's").fill("inlogen met digid")
    panel.get_by_label("Zoek in onze hulppagina's").press("Enter")
    expect(panel.get_by_role("link", name="Inloggen met de DigiD app")).to_be_visible()
    page.get_by_role("button", name="Sluiten").click()
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(button).to_be_focused()
    assert [
        cookie for cookie in context.cookies() if live_server.url.split("//")[1].split(":")[0] in cookie["domain"]
    ] == []
    assert violations == []
    context.close()


def test_without_javascript_the_snippet_is_a_link_to_the_help_pages(browser: Browser, portal, organisation):
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")
    page = context.new_page()
    page.goto(portal)
    page.get_by_role("link", name="Hulp bij inloggen?").click()
    expect(page).to_have_url(
        f"{page.url.split('/' + organisation.slug)[0]}/{organisation.slug}/hulp/?hulpmiddel=portal"
    )
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    context.close()
