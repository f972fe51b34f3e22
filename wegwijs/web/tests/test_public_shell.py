import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from wegwijs.tenancy.tests.factories import DigitalToolFactory, LocationFactory, OrganisationFactory
from wegwijs.web.public import public_contact

pytestmark = pytest.mark.django_db
HEADING = "Stuck with digital care? We help you."
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def page_in(language: str, url: str) -> str:
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client.get(url).content.decode()


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_public_shell_speaks_each_language_with_the_right_direction(organisation, language):
    page = page_in(language, reverse("web:organisation_home", args=[organisation.slug]))
    direction = "rtl" if language == "ar" else "ltr"
    assert f'<html lang="{language}" dir="{direction}">' in page
    with translation.override(language):
        heading = translation.gettext(HEADING)
    if language != "en":
        assert heading != HEADING, f"{language} has no translation of the heading"
    assert heading in page.replace("&#x27;", "'")
    assert "112" in page


def test_dutch_is_the_default_language(organisation):
    page = Client().get(reverse("web:organisation_home", args=[organisation.slug])).content.decode()
    assert '<html lang="nl" dir="ltr">' in page


def test_language_switch_works_without_javascript(organisation):
    client = Client()
    url = reverse("web:organisation_home", args=[organisation.slug])
    page = client.get(url).content.decode()
    assert re.search(r'<form class="ww-language-switch" action="/i18n/setlang/" method="post">', page)
    response = client.post(reverse("set_language"), {"language": "ar", "next": url})
    assert response["Location"] == url
    assert '<html lang="ar" dir="rtl">' in client.get(url).content.decode()


def test_public_shell_shows_tools_help_points_and_contact(organisation):
    DigitalToolFactory(organisation=organisation, name="MijnZorgPortaal", login_url="https://mijn.test")
    LocationFactory(organisations=[organisation], name="Infohuis Oost", street="Kerkstraat 4")
    page = Client().get(reverse("web:organisation_home", args=[organisation.slug])).content.decode()
    for text in ("MijnZorgPortaal", "https://mijn.test", "Infohuis Oost", "Kerkstraat 4", organisation.contact_phone):
        assert text in page


def test_a_help_point_of_another_organisation_is_not_shown(organisation, other_organisation):
    LocationFactory(organisations=[other_organisation], name="Infohuis Elders")
    page = Client().get(reverse("web:organisation_home", args=[organisation.slug])).content.decode()
    assert "Infohuis Elders" not in page


def test_unknown_or_inactive_organisation_is_not_found():
    OrganisationFactory(slug="gesloten", is_active=False)
    assert Client().get("/bestaat-niet/").status_code == 404
    assert Client().get("/gesloten/").status_code == 404


def test_phone_line_says_open_now_or_when_it_opens(organisation):
    amsterdam = ZoneInfo("Europe/Amsterdam")
    tuesday_morning = dt.datetime(2026, 11, 24, 9, 0, tzinfo=amsterdam)
    saturday = dt.datetime(2026, 11, 28, 11, 0, tzinfo=amsterdam)
    assert public_contact(organisation=organisation, now=tuesday_morning).phone_state.is_open
    closed = public_contact(organisation=organisation, now=saturday).phone_state
    assert not closed.is_open
    assert closed.opens_at == dt.datetime(2026, 11, 30, 8, 0, tzinfo=amsterdam)


def test_pages_send_a_content_security_policy_without_inline_script(organisation):
    response = Client().get(reverse("web:organisation_home", args=[organisation.slug]))
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "<script>" not in response.content.decode()


def test_phone_numbers_and_addresses_keep_their_order_in_right_to_left_pages(organisation):
    LocationFactory(organisations=[organisation], postcode="7771 AB", city="Vechtstad")
    page = page_in("ar", reverse("web:organisation_home", args=[organisation.slug]))
    assert f'dir="ltr">{organisation.contact_phone}</a>' in page
    assert "<bdi>7771 AB Vechtstad</bdi>" in page


def test_a_postcode_shows_the_help_points_that_serve_it(organisation):
    LocationFactory(organisations=[organisation], name="Infohuis Hardenberg", postcode_ranges=[[7770, 7799]])
    LocationFactory(organisations=[organisation], name="Bibliotheek Dedemsvaart", postcode_ranges=[[7700, 7709]])
    url = reverse("web:organisation_home", args=[organisation.slug])
    near = Client().get(url, {"postcode": "7772 ab"}).content.decode()
    assert "Infohuis Hardenberg" in near
    assert "Bibliotheek Dedemsvaart" not in near
    elsewhere = Client().get(url, {"postcode": "1012"}).content.decode()
    assert "Infohuis Hardenberg" in elsewhere
    assert "Bibliotheek Dedemsvaart" in elsewhere  # none serves it: all help points are shown, and that is said
    wrong = Client().get(url, {"postcode": "Hardenberg"})
    assert wrong.status_code == 200
    assert "utrecht-form-field-error-message" in wrong.content.decode()
