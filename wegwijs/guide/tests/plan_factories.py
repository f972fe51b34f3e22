"""Factories for support plans and journeys (the catalogue's factories are in factories.py)."""

import factory

from wegwijs.guide.choices import HelpWay, Level, Phase
from wegwijs.guide.models import CoachingContact, Enrollment, PlanFeedback, SupportPlan
from wegwijs.tenancy.tests.factories import OrganisationFactory


class SupportPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupportPlan

    organisation = factory.SubFactory(OrganisationFactory)
    language = "nl"
    person_label = factory.Sequence(lambda number: f"Persoon {number}")
    level = Level.BEGINNER
    phase = Phase.DURING_VISIT
    checklist = factory.LazyFunction(lambda: [{"text": "Ik kan zelf inloggen.", "understood": True}])


class EnrollmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enrollment

    plan = factory.SubFactory(SupportPlanFactory)
    organisation = factory.SelfAttribute("plan.organisation")
    tool = factory.SelfAttribute("plan.tool")
    phase = factory.SelfAttribute("plan.phase")


class CoachingContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CoachingContact

    enrollment = factory.SubFactory(EnrollmentFactory)
    organisation = factory.SelfAttribute("enrollment.organisation")
    phase = Phase.DURING_USE
    channel = HelpWay.PHONE


class PlanFeedbackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanFeedback

    plan = factory.SubFactory(SupportPlanFactory)
    organisation = factory.SelfAttribute("plan.organisation")
    rating = 4
