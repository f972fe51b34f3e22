"""The public self-check without JavaScript (Django's test client): eight screens, answers carried signed in the
form, each screen checked; the anonymous result kept; the result page with the organisation's own offerings,
in the language chosen in the self-check."""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from uuid import UUID

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django_scopes import scopes_disabled

from wegwijs.guide import assessments
from wegwijs.guide.models import Assessment, SupportOffering, SupportPlan
from wegwijs.guide.selfcheck import QUESTIONS
from wegwijs.tenancy.tests.factories import DigitalToolFactory, LocationFactory

pytestmark = pytest.mark.django_db
EXPERT = {"device": "yes", "operate": "yes", "find": "yes", "digid": "yes", "confidence": "yes"}
NO_DEVICE = {**EXPERT, "device": "no"}
AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


def _token(response) -> str:
    match = re.search(r'name="state" value="([^"]+)"', response.content.decode())
    assert match, "the screen carries the answers so far"
    return match.group(1)


def _step_url(organisation) -> str:
    return reverse("selfcheck:step", args=[organisation.slug])


def _start(client: Client, organisation, filled_in: str = "alone"):
    return client.post(_step_url(organisation), {"filled_in": filled_in})


def _fill_in(client: Client, organisation, answers: dict[str, str], filled_in: str = "alone"):
    """Answer every screen in order; returns the responses, the last one the redirect to the result."""
    responses = [_start(client, organisation, filled_in)]
    for question in QUESTIONS:
        assert responses[-1].context["question"].key == question.key
        data = {"state": _token(responses[-1]), "action": "next", "answer": answers.get(question.key, "")}
        responses.append(client.post(_step_url(organisation), data))
    return responses


ALWAYS_OPEN = {day: [["00:00", "23:59"]] for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}
CATALOGUE = [
    {"form": "guidance_on_location", "kind": "walk_in_hour", "name": "Inloopspreekuur bibliotheek",
     "channels": ["in_person"], "languages": ["nl", "ar"]},
    {"form": "helpdesk", "kind": "organisation_desk", "name": "Helpdesk Digitale Zorg", "channels": ["phone", "email"],
     "languages": ["nl", "ar"], "phone": "0523 123 456", "email": "hulp@example.test"},
    {"form": "information", "kind": "instruction_video", "name": "Video's over het portaal", "channels": ["online"],
     "url": "https://video.example.test/portaal"},
    {"form": "information", "kind": "manual", "name": "Oude folder", "is_active": False},
]  # fmt: skip


def add_catalogue(organisation) -> None:
    """A walk-in hour at a help point (always open), a phone helpdesk, videos, and a folder no longer offered.
    Also used by the browser test."""
    point = LocationFactory(
        organisations=[organisation], name="Bibliotheek Centrum", street="Markt 3", weekly_hours=ALWAYS_OPEN
    )
    for fields in CATALOGUE:
        location = point if fields["form"] == "guidance_on_location" else None
        SupportOffering.objects.create(organisation=organisation, location=location, **fields)


def test_start_page_says_what_it_is_and_the_help_page_links_to_it(organisation):
    client = Client(headers={"accept-language": "en"})
    start = client.get(reverse("selfcheck:start", args=[organisation.slug])).content.decode()
    assert "about 2 minutes" in start
    assert "You do not need an account" in start
    assert start.count("<h1") == 1
    home = client.get(reverse("web:organisation_home", args=[organisation.slug])).content.decode()
    assert reverse("selfcheck:start", args=[organisation.slug]) in home


def test_the_whole_self_check_takes_eight_screens_and_keeps_an_anonymous_result(organisation):
    client = Client()
    responses = _fill_in(
        client, organisation, {**EXPERT, "help_way": "phone", "language": "en", "naaste": "never"}, "with_volunteer"
    )
    screens = responses[:-1]
    assert [response.context["progress"].step for response in screens] == list(range(1, 9))
    assert all(response.status_code == 200 for response in screens)
    for response in screens:
        page = response.content.decode()
        assert page.count("<h1") == 1
        assert "<fieldset" in page
        assert "<legend" in page
        assert (
            f"{response.context['progress'].step} van 8" in page or f"{response.context['progress'].step} of 8" in page
        )
    with scopes_disabled():
        assessment = Assessment.objects.get()
    assert responses[-1].status_code == 302
    assert responses[-1]["Location"] == reverse("selfcheck:result", args=[organisation.slug, assessment.public_id])
    assert (assessment.level, assessment.score) == ("gevorderd", 10)
    assert (assessment.preferred_way, assessment.language, assessment.filled_in) == ("phone", "en", "with_volunteer")
    assert assessment.answers["naaste"] == "never"
    assert {field.name for field in Assessment._meta.get_fields()} & {"ip", "ip_address", "name", "email"} == set()


def test_no_device_scores_beginner_and_the_result_says_so_kindly(organisation):
    client = Client()
    responses = _fill_in(client, organisation, {**NO_DEVICE, "language": "en"})
    with scopes_disabled():
        assert Assessment.objects.get().level == "beginner"
    page = client.get(responses[-1]["Location"]).content.decode()
    assert "Personal help suits you best at the start." in page


def test_an_unanswered_question_keeps_the_person_on_it_with_an_error(organisation):
    client = Client()
    first = _start(client, organisation)
    response = client.post(_step_url(organisation), {"state": _token(first), "action": "next"})
    assert response.status_code == 400
    assert response.context["progress"].step == 1
    page = response.content.decode()
    assert 'id="answer-error"' in page
    assert 'aria-describedby="answer-error"' in page
    assert 'aria-invalid="true"' in page
    with translation.override("en"):
        english = Client(headers={"accept-language": "en"})
        again = english.post(_step_url(organisation), {"state": _token(first), "action": "next", "answer": "maybe"})
    assert "Choose one of the answers to go on." in again.content.decode()
    assert again.context["progress"].step == 1


def test_questions_that_do_not_score_may_be_skipped_and_back_keeps_the_answers(organisation):
    client = Client()
    responses = _fill_in(client, organisation, EXPERT)  # no preferred way, language or naaste
    assert responses[-1].status_code == 302
    with scopes_disabled():
        assert Assessment.objects.get().language == "nl"  # the page's language
    screen = _start(client, organisation)
    screen = client.post(_step_url(organisation), {"state": _token(screen), "action": "next", "answer": "partly"})
    back = client.post(_step_url(organisation), {"state": _token(screen), "action": "back", "answer": "no"})
    assert back.context["progress"].step == 1
    assert back.context["chosen"] == "partly"
    assert back.context["progress"].answers == {"device": "partly", "operate": "no"}


def test_a_changed_hidden_field_is_refused(organisation, other_organisation):
    client = Client()
    screen = _start(client, organisation)
    token = _token(screen)
    tampered = token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB")
    response = client.post(_step_url(organisation), {"state": tampered, "action": "next", "answer": "yes"})
    assert response.status_code == 400
    assert 'name="state"' not in response.content.decode()
    elsewhere = client.post(_step_url(other_organisation), {"state": token, "action": "next", "answer": "yes"})
    assert elsewhere.status_code == 400
    with scopes_disabled():
        assert not Assessment.objects.exists()


def test_a_screen_is_only_reached_through_its_form(organisation):
    response = Client().get(_step_url(organisation))
    assert response.status_code == 302
    assert response["Location"] == reverse("selfcheck:start", args=[organisation.slug])


def test_languages_are_offered_by_their_own_name(organisation):
    client = Client()
    screen = _start(client, organisation)
    for _number in range(6):  # to the language question
        answer = {"device": "yes"}.get(screen.context["question"].key, "yes")
        if not screen.context["question"].scores:
            answer = ""
        screen = client.post(_step_url(organisation), {"state": _token(screen), "action": "next", "answer": answer})
    assert screen.context["question"].key == "language"
    page = screen.content.decode()
    for name in ("Nederlands", "English", "Türkçe", "Polski", "Українська", "Deutsch", "Français"):
        assert f">{name}</label>" in page
    assert 'lang="ar" dir="rtl" data-ww-speak>العربية</label>' in page
    assert "guide/icons" not in page  # the pictogram is inline
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="ww-pictogram"' in page


def test_the_result_page_recommends_the_organisations_ownadd_catalogue(organisation):
    add_catalogue(organisation)
    tool = DigitalToolFactory(organisation=organisation, name="MijnPortaal")
    client = Client()
    result_url = _fill_in(client, organisation, {**NO_DEVICE, "language": "en", "help_way": "in_person"})[-1][
        "Location"
    ]
    page = client.get(result_url).content.decode()
    assert re.search(r'value="start_of_use"[^>]*checked', page)  # the phase asked, "about to start" by default
    assert "Inloopspreekuur bibliotheek" in page
    assert 'href="tel:0523123456"' in page
    assert 'href="mailto:hulp@example.test"' in page
    assert "Markt 3" in page
    assert "Oude folder" not in page
    assert "ww-open" in page or "ww-closed" in page  # when the help point is open
    assert reverse("ask:form", args=[organisation.slug]) in page
    assert reverse("knowledge:help", args=[organisation.slug]) in page
    answered = client.get(result_url, {"phase": "during_use", "tool": str(tool.public_id), "postcode": "7772"})
    assert answered.status_code == 200
    assert "Help in person, nearest to you" in answered.content.decode()
    wrong = client.get(result_url, {"postcode": "abc"}).content.decode()
    assert "Write the 4 digits of your postcode" in wrong
    assert "Inloopspreekuur bibliotheek" in wrong  # the advice still shows


def test_the_result_page_in_arabic_is_right_to_left(organisation):
    add_catalogue(organisation)
    client = Client()
    result_url = _fill_in(client, organisation, {**NO_DEVICE, "language": "ar"})[-1]["Location"]
    fresh = Client()  # opened later, elsewhere: no language cookie, still the chosen language
    response = fresh.get(result_url)
    page = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in page
    assert response["Content-Language"] == "ar"
    assert client.get(result_url).content.decode().startswith("<!DOCTYPE html>")


def test_a_result_is_not_found_under_another_organisation(organisation, other_organisation):
    client = Client()
    result_url = _fill_in(client, organisation, EXPERT)[-1]["Location"]
    public_id = result_url.rstrip("/").rsplit("/", 1)[-1]
    assert client.get(reverse("selfcheck:result", args=[other_organisation.slug, public_id])).status_code == 404
    assert client.get(result_url).status_code == 200


def test_the_nearest_in_person_option_says_when_it_opens_in_the_persons_language(organisation):
    add_catalogue(organisation)
    with scopes_disabled():
        point = SupportOffering.objects.get(name="Inloopspreekuur bibliotheek").location
        point.weekly_hours = {"wed": [["13:00", "16:00"]]}
        point.save()
        assessment = assessments.assessment_record(
            organisation=organisation, answers=NO_DEVICE, filled_in="alone", page_language="en"
        )
        monday = dt.datetime(2030, 6, 3, 10, 0, tzinfo=AMSTERDAM)
        with translation.override("en"):
            advice = assessments.assessment_advice(
                organisation=organisation, assessment=assessment, phase="start_of_use", postcode="7772", now=monday
            )
    walk_in = next(item for item in advice.suggestions if item.reach.place is not None)
    assert walk_in.is_nearest_in_person
    assert walk_in.recommendation.open_state.opens_at == dt.datetime(2030, 6, 5, 13, 0, tzinfo=AMSTERDAM)
    assert advice.nearest_in_person is None  # already among the suggestions
    assert {item.recommendation.offering.name for item in advice.suggestions} >= {
        "Inloopspreekuur bibliotheek",
        "Helpdesk Digitale Zorg",
    }


def test_the_result_page_has_no_n_plus_one(organisation, count_queries):
    client = Client()
    result_url = _fill_in(client, organisation, {**NO_DEVICE, "language": "en"})[-1]["Location"]
    add_catalogue(organisation)
    small = count_queries(lambda: client.get(result_url))
    for number in range(12):
        SupportOffering.objects.create(
            organisation=organisation,
            form="helpdesk",
            kind="supplier_helpdesk",
            name=f"Helpdesk {number}",
            channels=["phone"],
            phone="0800 000 000",
        )
    assert count_queries(lambda: client.get(result_url)) == small <= 12


def test_a_person_on_their_own_keeps_the_advice_as_a_support_plan(organisation):
    add_catalogue(organisation)
    client = Client()
    answers = {**NO_DEVICE, "help_way": "in_person", "language": "ar", "naaste": "often"}
    result_url = _fill_in(client, organisation, answers)[-1].headers["Location"]
    public_id = result_url.rstrip("/").split("/")[-1]
    response = client.post(
        reverse("selfcheck:plan", args=[organisation.slug, public_id]), {"phase": "start_of_use", "postcode": "7772"}
    )
    assert response.status_code == 302
    with scopes_disabled():
        plan = SupportPlan.objects.get()
        offerings = set(plan.offerings.values_list("name", flat=True))
    assert (plan.language, plan.level, plan.phase, plan.postcode) == ("ar", "beginner", "start_of_use", "7772")
    assert plan.assessment.public_id == UUID(public_id)
    assert plan.created_by is None
    assert "Inloopspreekuur bibliotheek" in offerings
    page = client.get(response.headers["Location"])
    assert page.status_code == 200
    assert 'dir="rtl"' in page.content.decode()
    assert client.get(reverse("selfcheck:plan", args=[organisation.slug, public_id])).status_code == 405
