import datetime as dt
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_scopes import scopes_disabled

from wegwijs.helpdesk import callbacks
from wegwijs.helpdesk.choices import CallbackStatus
from wegwijs.helpdesk.models import CallbackRequest
from wegwijs.tenancy.roles import Role

pytestmark = pytest.mark.django_db


def first_window(client, organisation):
    page = client.get(reverse("ask:callback", args=[organisation.slug])).content.decode()
    return re.search(r'name="window" value="([^"]+)"', page).group(1)


def request_callback(client, organisation, window, **overrides):
    data = {
        "question": "Hulp bij het beeldbellen",
        "window": window,
        "phone": "0612345678",
        "language": "nl",
        "consent_to_contact": "on",
        "website": "",
    }
    data.update(overrides)
    return client.post(reverse("ask:callback", args=[organisation.slug]), data)


def callback_requests():
    with scopes_disabled():
        return list(CallbackRequest.objects.select_related("ticket"))


def test_a_person_picks_a_window_and_lands_in_the_agents_callback_queue(organisation, make_staff):
    client = Client()
    window = first_window(client, organisation)
    response = request_callback(client, organisation, window)
    assert response.status_code == 302
    (callback,) = callback_requests()
    assert callback.window_start == dt.datetime.fromisoformat(window)
    assert callback.window_start > timezone.now()
    assert (callback.ticket.channel, callback.ticket.requester_phone) == ("callback", "0612345678")
    _agent, agent_client = make_staff(Role.AGENT, organisation)
    queue = agent_client.get(reverse("helpdesk:inbox"), {"view": "callbacks"})
    assert [ticket.pk for ticket in queue.context["page"]] == [callback.ticket.pk]
    assert dict(queue.context["views"])["callbacks"] == "1"


@pytest.mark.parametrize("window", ["2020-01-06T10:00:00+01:00", "niet-een-tijd", ""])
def test_a_window_in_the_past_or_not_offered_is_refused(organisation, window):
    response = request_callback(Client(), organisation, window)
    assert response.status_code == 400
    assert callback_requests() == []


def test_no_phone_hours_means_no_callbacks(organisation):
    organisation.contact_phone_hours = {}
    organisation.save()
    page = Client().get(reverse("ask:callback", args=[organisation.slug])).content.decode()
    assert 'name="window"' not in page


def test_attempts_settle_the_callback(organisation, make_staff, settings):
    settings.CALLBACK_ATTEMPTS = 2
    client = Client()
    request_callback(client, organisation, first_window(client, organisation))
    (callback,) = callback_requests()
    _agent, agent_client = make_staff(Role.AGENT, organisation)
    url = reverse("helpdesk:call", args=[callback.ticket.public_id])
    not_reached = {
        "call-direction": "out",
        "call-duration_minutes": "0",
        "call-outcome": "not_reached",
        "call-summary": "Geen gehoor",
    }
    agent_client.post(url, not_reached)
    callback.refresh_from_db()
    assert (callback.status, callback.attempts) == (CallbackStatus.WAITING, 1)
    agent_client.post(url, not_reached)
    callback.refresh_from_db()
    assert (callback.status, callback.attempts) == (CallbackStatus.GIVEN_UP, 2)


def test_reaching_the_person_completes_the_callback(organisation, make_staff):
    client = Client()
    request_callback(client, organisation, first_window(client, organisation))
    (callback,) = callback_requests()
    _agent, agent_client = make_staff(Role.AGENT, organisation)
    agent_client.post(
        reverse("helpdesk:call", args=[callback.ticket.public_id]),
        {
            "call-direction": "out",
            "call-duration_minutes": "6",
            "call-outcome": "resolved",
            "call-summary": "Samen de camera aangezet.",
        },
    )
    callback.refresh_from_db()
    assert callback.status == CallbackStatus.DONE


def test_windows_follow_the_organisations_slot_length(organisation):
    organisation.callback_slot_minutes = 30
    windows = callbacks.callback_windows(organisation=organisation)
    assert windows
    assert all(end - start == dt.timedelta(minutes=30) for start, end in windows)


def test_no_callback_windows_on_public_holidays_or_closed_days(organisation):
    organisation.closed_days = ["2027-05-07"]
    evening_before_ascension = dt.datetime(2027, 5, 5, 18, 0, tzinfo=timezone.get_fixed_timezone(120))
    windows = callbacks.callback_windows(organisation=organisation, now=evening_before_ascension)
    days = {timezone.localtime(start).date() for start, _end in windows}
    assert dt.date(2027, 5, 6) not in days  # Ascension Day
    assert dt.date(2027, 5, 7) not in days  # the organisation's own closed day
    assert dt.date(2027, 5, 10) in days  # the Monday after
