"""The staff page where analysts and coordinators keep who receives the periodic report by e-mail."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django_scopes import scopes_disabled

from wegwijs.audit.models import AccessLogEntry
from wegwijs.insights.models import ReportRecipient
from wegwijs.insights.periods import period_parse
from wegwijs.insights.tests.factories import ReportDeliveryFactory, ReportRecipientFactory
from wegwijs.tenancy.roles import Role

pytestmark = pytest.mark.django_db

KEEPERS = [Role.ANALYST, Role.COORDINATOR]
OTHER_ROLES = [Role.AGENT, Role.EDITOR, Role.VOLUNTEER, Role.CARE_PROVIDER]


def nl(text: str, **values: str) -> str:
    """What staff signed in with Dutch as their language read (the pages follow the user's language)."""
    with translation.override("nl"):
        translated = translation.gettext(text)
    return translated % values if values else translated


def page_url(organisation) -> str:
    return reverse("insights:recipients", args=[organisation.slug])


def remove_url(organisation) -> str:
    return reverse("insights:recipient_remove", args=[organisation.slug])


def addresses(organisation) -> list[tuple[str, str, str]]:
    with scopes_disabled():
        return list(
            ReportRecipient.objects.filter(organisation=organisation).values_list("email", "language", "frequency")
        )


@pytest.fixture
def analyst(make_staff, organisation) -> Client:
    return make_staff(Role.ANALYST, organisation)[1]


@pytest.mark.parametrize("role", KEEPERS)
def test_analysts_and_coordinators_add_and_remove_recipients(make_staff, organisation, role):
    _user, client = make_staff(role, organisation)
    assert client.get(page_url(organisation)).status_code == 200

    response = client.post(
        page_url(organisation), {"email": "Bestuur@Example.TEST", "language": "en", "frequency": "quarterly"}
    )
    assert response.status_code == 302
    assert addresses(organisation) == [("Bestuur@example.test", "en", "quarterly")]
    page = client.get(response["Location"]).content.decode()
    assert nl("%(email)s will receive the report.", email="Bestuur@example.test") in page
    assert nl("Every quarter") in page
    assert nl("Nothing yet") in page

    response = client.post(remove_url(organisation), {"email": "bestuur@example.test"}, follow=True)
    assert addresses(organisation) == []
    assert nl("%(email)s no longer receives the report.", email="bestuur@example.test") in response.content.decode()


def test_the_list_shows_the_last_report_sent(analyst, organisation):
    with scopes_disabled():
        recipient = ReportRecipientFactory(organisation=organisation, email="kwaliteit@example.test")
        ReportDeliveryFactory(recipient=recipient, period="2026-10")
        ReportDeliveryFactory(recipient=recipient, period="2026-11")
    page = analyst.get(page_url(organisation)).content.decode()
    assert "kwaliteit@example.test" in page
    with translation.override("nl"):
        november, october = period_parse("2026-11").label(), period_parse("2026-10").label()
    assert nl("%(period)s, sent on %(day)s", period=november, day="") in page
    assert october not in page


def test_the_list_is_in_the_access_log(analyst, organisation):
    with scopes_disabled():
        ReportRecipientFactory.create_batch(3, organisation=organisation)
    analyst.get(page_url(organisation))
    with scopes_disabled():
        entry = AccessLogEntry.objects.get(record_type="report_recipient")
    assert (entry.organisation_id, entry.record_count, entry.action) == (organisation.pk, 3, "list")


def test_a_duplicate_address_is_refused_with_a_message(analyst, organisation):
    with scopes_disabled():
        ReportRecipientFactory(organisation=organisation, email="bestuur@example.test")
    response = analyst.post(
        page_url(organisation), {"email": "BESTUUR@example.test", "language": "nl", "frequency": "monthly"}
    )
    assert response.status_code == 400
    assert nl("%(email)s already receives the report.", email="BESTUUR@example.test") in response.content.decode()
    assert addresses(organisation) == [("bestuur@example.test", "nl", "monthly")]


def test_the_same_address_may_receive_the_reports_of_two_organisations(make_staff, organisation, other_organisation):
    _user, client = make_staff(Role.ANALYST, organisation, other_organisation)
    for organisation_ in (organisation, other_organisation):
        response = client.post(
            page_url(organisation_), {"email": "zorggroep@example.test", "language": "nl", "frequency": "monthly"}
        )
        assert response.status_code == 302
    assert addresses(organisation) == addresses(other_organisation) == [("zorggroep@example.test", "nl", "monthly")]


@pytest.mark.parametrize(
    ("data", "invalid"),
    [
        ({"email": "geen-adres", "language": "nl", "frequency": "monthly"}, "email"),
        ({"email": "a@example.test", "language": "tr", "frequency": "monthly"}, "language"),
        ({"email": "a@example.test", "language": "nl", "frequency": "weekly"}, "frequency"),
    ],
)
def test_an_invalid_recipient_is_refused(analyst, organisation, data, invalid):
    response = analyst.post(page_url(organisation), data)
    assert response.status_code == 400
    assert f'id="id_{invalid}_error"' in response.content.decode()
    assert addresses(organisation) == []


def test_removing_an_address_not_on_the_list_says_so(analyst, organisation):
    with scopes_disabled():
        ReportRecipientFactory(organisation=organisation, email="blijft@example.test")
    for email in ("onbekend@example.test", "geen-adres"):
        response = analyst.post(remove_url(organisation), {"email": email}, follow=True)
        assert nl("That address was not on the list.") in response.content.decode()
    assert addresses(organisation) == [("blijft@example.test", "nl", "monthly")]


def test_adding_and_removing_take_a_post_with_the_csrf_token(make_staff, organisation):
    _user, signed_in = make_staff(Role.ANALYST, organisation)
    client = Client(enforce_csrf_checks=True)
    client.cookies = signed_in.cookies
    with scopes_disabled():
        ReportRecipientFactory(organisation=organisation, email="blijft@example.test")
    assert client.get(remove_url(organisation), {"email": "blijft@example.test"}).status_code == 405
    assert client.post(remove_url(organisation), {"email": "blijft@example.test"}).status_code == 403
    data = {"email": "nieuw@example.test", "language": "nl", "frequency": "monthly"}
    assert client.post(page_url(organisation), data).status_code == 403
    assert addresses(organisation) == [("blijft@example.test", "nl", "monthly")]

    client.get(page_url(organisation))  # the page sets the token's cookie; its forms carry the token
    token = client.cookies["csrftoken"].value
    response = client.post(remove_url(organisation), {"email": "blijft@example.test", "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert addresses(organisation) == []


@pytest.mark.parametrize("role", OTHER_ROLES)
def test_other_roles_do_not_find_the_page(make_staff, organisation, role):
    _user, client = make_staff(role, organisation)
    with scopes_disabled():
        ReportRecipientFactory(organisation=organisation, email="blijft@example.test")
    assert client.get(page_url(organisation)).status_code == 404
    data = {"email": "nieuw@example.test", "language": "nl", "frequency": "monthly"}
    assert client.post(page_url(organisation), data).status_code == 404
    assert client.post(remove_url(organisation), {"email": "blijft@example.test"}).status_code == 404
    assert addresses(organisation) == [("blijft@example.test", "nl", "monthly")]


def test_another_organisations_list_is_not_found_and_unchanged(analyst, organisation, other_organisation):
    with scopes_disabled():
        ReportRecipientFactory(organisation=other_organisation, email="alleen-b@example.test")
    for url in (page_url(other_organisation), reverse("insights:recipients", args=["bestaat-niet"])):
        response = analyst.get(url)
        assert response.status_code == 404
        assert "alleen-b@example.test" not in response.content.decode()
    data = {"email": "sneaky@example.test", "language": "nl", "frequency": "monthly"}
    assert analyst.post(page_url(other_organisation), data).status_code == 404
    assert analyst.post(remove_url(other_organisation), {"email": "alleen-b@example.test"}).status_code == 404
    # B's address through A's own page: not on A's list, so nothing of B's is removed
    analyst.post(remove_url(organisation), {"email": "alleen-b@example.test"})
    assert addresses(other_organisation) == [("alleen-b@example.test", "nl", "monthly")]
    assert "alleen-b@example.test" not in analyst.get(page_url(organisation)).content.decode()


def test_the_list_has_no_n_plus_one(analyst, organisation, count_queries):
    def add(count: int) -> None:
        with scopes_disabled():
            for recipient in ReportRecipientFactory.create_batch(count, organisation=organisation):
                ReportDeliveryFactory(recipient=recipient, period="2026-11")

    add(2)
    small = count_queries(lambda: analyst.get(page_url(organisation)))
    add(30)
    assert count_queries(lambda: analyst.get(page_url(organisation))) == small <= 12
