import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import escape
from django_scopes import scopes_disabled

from config.urls import urlpatterns
from wegwijs.tenancy.models import RESERVED_SLUGS, DigitalTool
from wegwijs.tenancy.roles import Role
from wegwijs.tenancy.tests.factories import (
    DepartmentFactory,
    DigitalToolFactory,
    LocationFactory,
    MembershipFactory,
    OrganisationFactory,
)

pytestmark = pytest.mark.django_db


def test_editor_adds_a_digital_tool(organisation, make_staff):
    _editor, client = make_staff(Role.EDITOR, organisation)
    response = client.post(
        reverse("tenancy:tool_create", args=[organisation.slug]),
        {
            "kind": "monitoring",
            "name": "Bloeddruk Thuis",
            "login_url": "https://thuismeten.test",
            "supplier_name": "ThuisMeten",
            "supplier_helpdesk_phone": "088 300 4000",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    with scopes_disabled():
        tool = DigitalTool.objects.get(organisation=organisation)
    assert (tool.name, tool.kind, tool.slug) == ("Bloeddruk Thuis", "monitoring", "bloeddruk-thuis")


def test_invalid_tool_form_shows_errors_and_saves_nothing(organisation, make_staff):
    _editor, client = make_staff(Role.EDITOR, organisation)
    response = client.post(reverse("tenancy:tool_create", args=[organisation.slug]), {"kind": "fax", "name": ""})
    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.content.decode()
    with scopes_disabled():
        assert not DigitalTool.objects.exists()


def test_editor_edits_a_department(organisation, make_staff):
    department = DepartmentFactory(organisation=organisation)
    _editor, client = make_staff(Role.EDITOR, organisation)
    url = reverse("tenancy:department_edit", args=[organisation.slug, department.public_id])
    client.post(url, {"name": "Cardiologie", "referral_email": "cardio@ziekenhuis.test"})
    with scopes_disabled():
        department.refresh_from_db()
    assert (department.name, department.referral_email) == ("Cardiologie", "cardio@ziekenhuis.test")


@pytest.mark.parametrize("role", [Role.AGENT, Role.ANALYST, Role.VOLUNTEER, Role.CARE_PROVIDER, Role.COORDINATOR])
def test_only_editors_may_change_organisation_data(organisation, make_staff, role):
    tool = DigitalToolFactory(organisation=organisation, name="Oud")
    _user, client = make_staff(role, organisation)
    url = reverse("tenancy:tool_edit", args=[organisation.slug, tool.public_id])
    assert client.post(url, {"kind": "app", "name": "Nieuw"}).status_code == 404
    with scopes_disabled():
        tool.refresh_from_db()
    assert tool.name == "Oud"


def test_organisation_page_shows_tools_departments_and_help_points(organisation, make_staff):
    DigitalToolFactory(organisation=organisation, name="MijnPortaal")
    DepartmentFactory(organisation=organisation, name="Longziekten")
    LocationFactory(organisations=[organisation], name="Infohuis Centrum")
    _agent, client = make_staff(Role.AGENT, organisation)
    page = client.get(reverse("tenancy:organisation", args=[organisation.slug])).content.decode()
    assert all(text in page for text in ("MijnPortaal", "Longziekten", "Infohuis Centrum"))
    assert reverse("tenancy:tool_create", args=[organisation.slug]) not in page  # agents do not edit


def test_team_page_is_for_coordinators(organisation, make_staff):
    _agent, agent_client = make_staff(Role.AGENT, organisation)
    assert agent_client.get(reverse("tenancy:team", args=[organisation.slug])).status_code == 404
    member = MembershipFactory(organisation=organisation, role=Role.VOLUNTEER).user
    _coordinator, client = make_staff(Role.COORDINATOR, organisation)
    page = client.get(reverse("tenancy:team", args=[organisation.slug])).content.decode()
    assert escape(member.full_name) in page  # names like "van 't Wel" are HTML-escaped


def test_team_page_has_no_n_plus_one(organisation, make_staff, count_queries):
    _coordinator, client = make_staff(Role.COORDINATOR, organisation)
    url = reverse("tenancy:team", args=[organisation.slug])
    MembershipFactory.create_batch(2, organisation=organisation)
    small = count_queries(lambda: client.get(url))
    MembershipFactory.create_batch(30, organisation=organisation)
    assert count_queries(lambda: client.get(url)) == small <= 16


def test_organisation_page_has_no_n_plus_one(organisation, make_staff, count_queries):
    _agent, client = make_staff(Role.AGENT, organisation)
    url = reverse("tenancy:organisation", args=[organisation.slug])
    LocationFactory(organisations=[organisation])
    small = count_queries(lambda: client.get(url))
    DigitalToolFactory.create_batch(10, organisation=organisation)
    DepartmentFactory.create_batch(10, organisation=organisation)
    for _ in range(5):
        LocationFactory(organisations=[organisation])
    assert count_queries(lambda: client.get(url)) == small <= 16


def test_reserved_slugs_cannot_name_an_organisation():
    organisation = OrganisationFactory.build(slug="staff")
    with pytest.raises(ValidationError):
        organisation.full_clean()


def test_every_first_url_segment_of_the_site_is_reserved():
    prefixes = {
        str(p.pattern).split("/")[0] for p in urlpatterns if str(p.pattern) and not str(p.pattern).startswith("<")
    }
    assert prefixes <= RESERVED_SLUGS


def test_editor_sets_the_phone_number_and_its_hours_per_weekday(organisation, make_staff):
    _editor, client = make_staff(Role.EDITOR, organisation)
    url = reverse("tenancy:organisation_contact", args=[organisation.slug])
    form = client.get(url).content.decode()
    assert 'value="08:00-17:00"' in form
    response = client.post(
        url,
        {
            "contact_phone": "0523 111 222",
            "contact_email": "hulp@ziekenhuis.test",
            "website_url": "",
            "description": "",
            "hours_mon": "9-12, 13:00-16:30",
            "hours_wed": "08.30-12",
            "hours_fri": "",
        },
    )
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.contact_phone == "0523 111 222"
    assert organisation.contact_phone_hours == {
        "mon": [["09:00", "12:00"], ["13:00", "16:30"]],
        "wed": [["08:30", "12:00"]],
    }


def test_hours_that_are_not_periods_are_refused_and_nothing_changes(organisation, make_staff):
    _editor, client = make_staff(Role.EDITOR, organisation)
    before = organisation.contact_phone_hours
    response = client.post(
        reverse("tenancy:organisation_contact", args=[organisation.slug]),
        {"contact_phone": "0523 111 222", "hours_mon": "ochtend"},
    )
    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.content.decode()
    organisation.refresh_from_db()
    assert organisation.contact_phone_hours == before
