import pytest
from django.test import Client
from django.urls import reverse

from wegwijs.tenancy.roles import Role

pytestmark = pytest.mark.django_db


def test_staff_home_lists_the_organisations_and_roles(organisation, other_organisation, make_staff):
    _user, client = make_staff(Role.AGENT, organisation, other_organisation)
    page = client.get(reverse("web:staff_home")).content.decode()
    assert organisation.name in page
    assert other_organisation.name in page


def test_navigation_follows_the_roles(organisation, make_staff):
    _agent, agent = make_staff(Role.AGENT, organisation)
    _coordinator, coordinator = make_staff(Role.COORDINATOR, organisation)
    _admin, admin = make_staff(platform_admin=True)
    team_url = reverse("tenancy:team", args=[organisation.slug])
    log_url = reverse("audit:access_log")
    agent_page = agent.get(reverse("web:staff_home")).content.decode()
    assert team_url not in agent_page
    assert log_url not in agent_page
    assert team_url in coordinator.get(reverse("web:staff_home")).content.decode()
    assert log_url in admin.get(reverse("web:staff_home")).content.decode()


def test_staff_pages_need_a_login():
    response = Client().get(reverse("web:staff_home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
