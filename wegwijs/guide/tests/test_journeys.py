"""Journeys: staff record coaching contacts, move the phase along and record the continue / stop decision with
a reason; the person gives feedback through the plan's private link; every staff read is access-logged."""

import pytest
from django.test import Client
from django.urls import reverse
from django_scopes import scopes_disabled

from wegwijs.audit.models import AccessLogEntry
from wegwijs.guide import plans
from wegwijs.guide.models import CoachingContact, Enrollment, PlanFeedback
from wegwijs.guide.tests.factories import SupportOfferingFactory
from wegwijs.guide.tests.plan_factories import (
    CoachingContactFactory,
    EnrollmentFactory,
    PlanFeedbackFactory,
    SupportPlanFactory,
)
from wegwijs.tenancy.roles import Role
from wegwijs.tenancy.tests.factories import DigitalToolFactory

pytestmark = pytest.mark.django_db

BSN = "111222333"
LIST_URL = reverse("guide:journeys")


@pytest.fixture
def enrollment(organisation):
    tool = DigitalToolFactory(organisation=organisation, name="MijnPortaal")
    return EnrollmentFactory(plan=SupportPlanFactory(organisation=organisation, tool=tool, person_label="Jip-Alfa"))


@pytest.fixture
def provider(make_staff, organisation):
    return make_staff(Role.CARE_PROVIDER, organisation)


def journey_url(enrollment: Enrollment, name: str = "guide:journey") -> str:
    return reverse(name, args=[enrollment.public_id])


def refreshed(enrollment: Enrollment) -> Enrollment:
    with scopes_disabled():
        return Enrollment.objects.get(pk=enrollment.pk)


def logged(record_type: str, action: str, **filters: str) -> int:
    with scopes_disabled():
        return AccessLogEntry.objects.filter(record_type=record_type, action=action, **filters).count()


def test_a_coaching_contact_is_recorded_without_bsn(enrollment, provider):
    user, client = provider
    data = {"phase": "start_of_use", "channel": "phone", "note": f"Samen ingelogd. BSN {BSN} genoemd."}
    response = client.post(journey_url(enrollment, "guide:journey_contact"), data)
    assert response.status_code == 302
    with scopes_disabled():
        contact = CoachingContact.objects.get(enrollment=enrollment)
    assert (contact.phase, contact.channel, contact.by, contact.organisation) == (
        "start_of_use",
        "phone",
        user,
        enrollment.organisation,
    )
    assert BSN not in contact.note
    assert "Samen ingelogd" in client.get(journey_url(enrollment)).content.decode()
    assert logged("enrollment", "change", record_id=str(enrollment.public_id)) == 1


def test_the_phase_moves_along_the_toolkits_phases(enrollment, provider):
    _user, client = provider
    page = client.get(journey_url(enrollment))
    assert page.context["phase_form"].initial["phase"] == "start_of_use"  # the next one after the visit
    assert client.post(journey_url(enrollment, "guide:journey_phase"), {"phase": "start_of_use"}).status_code == 302
    assert refreshed(enrollment).phase == "start_of_use"
    assert client.post(journey_url(enrollment, "guide:journey_phase"), {"phase": "nowhere"}).status_code == 400
    assert refreshed(enrollment).phase == "start_of_use"


@pytest.mark.parametrize(("status", "reason"), [("continued", "works_well"), ("stopped", "too_difficult")])
def test_continue_or_stop_is_recorded_with_its_reason(enrollment, provider, status, reason):
    user, client = provider
    data = {"status": status, "reason": reason, "reason_text": f"Besproken in het consult ({BSN})."}
    assert client.post(journey_url(enrollment, "guide:journey_decision"), data).status_code == 302
    decided = refreshed(enrollment)
    assert (decided.status, decided.reason, decided.decided_by) == (status, reason, user)
    assert decided.decided_at is not None
    assert BSN not in decided.reason_text


def test_another_reason_needs_an_explanation_and_a_reason_is_required(enrollment, provider):
    _user, client = provider
    url = journey_url(enrollment, "guide:journey_decision")
    assert client.post(url, {"status": "stopped", "reason": "other"}).status_code == 400
    assert client.post(url, {"status": "stopped", "reason": ""}).status_code == 400
    assert refreshed(enrollment).status == "active"
    assert client.post(url, {"status": "stopped", "reason": "other", "reason_text": "Verhuist"}).status_code == 302
    assert refreshed(enrollment).status == "stopped"


def test_the_person_gives_feedback_through_the_plan_link_and_keeps_the_help(organisation, enrollment, provider):
    plan = enrollment.plan
    with scopes_disabled():
        plan.offerings.set([SupportOfferingFactory(organisation=organisation, name="Digituin Vechtdal")])
    link = reverse("plan:plan", args=[organisation.slug, plans.plan_token(plan)])
    feedback_url = reverse("plan:feedback", args=[organisation.slug, plans.plan_token(plan)])
    person = Client()
    response = person.post(feedback_url, {"rating": "4", "wants_to_continue": "yes", "text": f"Gaat goed. {BSN}"})
    assert response.status_code == 302
    assert response["Location"] == f"{link}#feedback"
    with scopes_disabled():
        feedback = PlanFeedback.objects.get(plan=plan)
    assert (feedback.rating, feedback.wants_to_continue, feedback.organisation) == (4, True, organisation)
    assert BSN not in feedback.text
    response = person.get(link)
    assert "Digituin Vechtdal" in response.content.decode()  # the support offer stays visible
    assert response.context["sheet"].feedback == [feedback]
    _user, client = provider
    assert "Gaat goed." in client.get(journey_url(enrollment)).content.decode()


def test_feedback_needs_a_rating_and_a_valid_link(organisation, enrollment):
    plan = enrollment.plan
    token = plans.plan_token(plan)
    person = Client()
    assert person.post(reverse("plan:feedback", args=[organisation.slug, token]), {"text": "x"}).status_code == 400
    wrong = token[:32] + "0" * 32
    assert person.post(reverse("plan:feedback", args=[organisation.slug, wrong]), {"rating": "5"}).status_code == 404
    with scopes_disabled():
        assert not PlanFeedback.objects.exists()


def test_the_journey_list_filters_by_status_and_is_access_logged(organisation, enrollment, provider):
    stopped = EnrollmentFactory(
        plan=SupportPlanFactory(organisation=organisation, person_label="Jip-Gestopt"), status="stopped"
    )
    _user, client = provider
    active_page = client.get(LIST_URL).content.decode()
    assert "Jip-Alfa" in active_page
    assert "Jip-Gestopt" not in active_page
    stopped_page = client.get(LIST_URL, {"status": "stopped"}).content.decode()
    assert "Jip-Gestopt" in stopped_page
    assert "Jip-Alfa" not in stopped_page
    assert logged("enrollment", "list") == 2
    client.get(journey_url(stopped))
    assert logged("enrollment", "view", record_id=str(stopped.public_id)) == 1


def test_the_journey_list_has_no_n_plus_one(organisation, provider, count_queries):
    _user, client = provider

    def grow(count: int) -> None:
        for _number in range(count):
            enrollment = EnrollmentFactory(
                plan=SupportPlanFactory(organisation=organisation, tool=DigitalToolFactory(organisation=organisation))
            )
            CoachingContactFactory(enrollment=enrollment)
            PlanFeedbackFactory(plan=enrollment.plan)

    grow(2)
    small = count_queries(lambda: client.get(LIST_URL))
    grow(20)
    assert count_queries(lambda: client.get(LIST_URL)) == small <= 12, small


def test_a_volunteer_cannot_open_journeys(make_staff, organisation, enrollment):
    _user, client = make_staff(Role.VOLUNTEER, organisation)
    assert client.get(journey_url(enrollment)).status_code == 404
    assert "Jip-Alfa" not in client.get(LIST_URL).content.decode()
