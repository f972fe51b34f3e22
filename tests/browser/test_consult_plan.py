"""A care provider makes a support plan in the consult, without JavaScript, for a beginner who reads Arabic; the
printed plan (PDF) holds the chosen help, and the person opens the plan right to left through the private link."""

import re
import shutil
import subprocess

import pytest
from django.conf import settings
from playwright.sync_api import Browser, expect

from wegwijs.guide.choices import Channel, Form, Kind
from wegwijs.guide.tests.factories import SupportOfferingFactory
from wegwijs.knowledge.models import Article
from wegwijs.tenancy.roles import Role
from wegwijs.tenancy.tests.factories import DigitalToolFactory, LocationFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_care_provider_makes_a_plan_and_prints_it(browser: Browser, live_server, organisation, make_staff, tmp_path):
    portal = DigitalToolFactory(organisation=organisation, name="MijnPortaal")
    SupportOfferingFactory(
        organisation=organisation,
        form=Form.GUIDANCE_ON_LOCATION,
        kind=Kind.WALK_IN_HOUR,
        name="Inloopspreekuur Bibliotheek",
        channels=[Channel.IN_PERSON],
        languages=["nl", "ar"],
        location=LocationFactory(organisations=[organisation], name="Bibliotheek Vechtstad"),
        url="",
    )
    Article.objects.create(
        organisation=organisation,
        slug="inloggen-met-digid",
        language="nl",
        title="Inloggen met DigiD",
        body="Open de DigiD app.",
        status="published",
    )
    _provider, provider_client = make_staff(Role.CARE_PROVIDER, organisation)
    staff = browser.new_context(java_script_enabled=False, locale="nl-NL")
    staff.add_cookies(
        [{"name": name, "value": m.value, "url": live_server.url} for name, m in provider_client.cookies.items()]
    )
    page = staff.new_page()
    page.goto(f"{live_server.url}/staff/guide/consult/")
    expect(page).to_have_url(re.compile(rf"/staff/guide/consult/{organisation.slug}/$"))

    page.locator("select[name=level]").select_option("beginner")
    page.locator("select[name=tool]").select_option(str(portal.public_id))
    page.locator("select[name=phase]").select_option("start_of_use")
    page.locator("select[name=language]").select_option("ar")
    page.locator("input[name=postcode]").fill("7772")
    page.locator("form[method=get] button[type=submit]").click()
    walk_in = page.get_by_label(re.compile("Inloopspreekuur Bibliotheek"))
    expect(walk_in).to_be_checked()

    page.locator("input[name=q]").fill("inloggen digid")
    page.locator("button[value=search]").click()
    page.get_by_label("Inloggen met DigiD").check()
    expect(walk_in).to_be_checked()  # kept through the search
    page.locator("input[name=check_0][value=understood]").check()
    page.locator("input[name=person_label]").fill("F.A.")
    page.locator("textarea[name=note]").fill("Dinsdag naar het inloopspreekuur.")
    page.locator("button[value=make]").click()
    expect(page).to_have_url(re.compile(r"/staff/guide/plans/[\w-]+/$"))

    pdf = page.request.get(live_server.url + (page.locator("a[href$='/pdf/']").first.get_attribute("href") or ""))
    assert pdf.headers["content-type"] == "application/pdf"
    (tmp_path / "plan.pdf").write_bytes(pdf.body())
    pdftotext = shutil.which("pdftotext")
    assert pdftotext, "install Debian's poppler-utils"
    text = subprocess.run([pdftotext, str(tmp_path / "plan.pdf"), "-"], capture_output=True, text=True).stdout
    assert "Inloopspreekuur Bibliotheek" in text
    assert "Inloggen met DigiD" in text
    assert "Dinsdag naar het inloopspreekuur" in text

    private_link = page.locator(".ww-link-box p[dir=ltr]").inner_text().strip()
    person = browser.new_context(locale="ar")
    plan_page = person.new_page()
    plan_page.goto(live_server.url + private_link.removeprefix(settings.SITE_URL))
    expect(plan_page.locator("html")).to_have_attribute("dir", "rtl")
    expect(plan_page.get_by_text("Inloopspreekuur Bibliotheek")).to_be_visible()
    person.close()
    staff.close()
