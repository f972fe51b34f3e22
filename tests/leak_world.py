"""The two organisations of the leak tests: A, where the staff member works, and B, whose data must never show
or change (`world`), and a snapshot of B's data to compare before and after (`b_snapshot`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client
from django_scopes import scopes_disabled

from wegwijs.guide.models import (
    ChecklistItem,
    CoachingContact,
    Enrollment,
    MatrixCell,
    PlanFeedback,
    SupportOffering,
    SupportPlan,
)
from wegwijs.guide.tests.factories import SupportOfferingFactory
from wegwijs.guide.tests.plan_factories import EnrollmentFactory, SupportPlanFactory
from wegwijs.helpdesk.models import Attachment, Macro, Message, Referral, Ticket, UrgentAdvice
from wegwijs.helpdesk.tests.factories import MessageFactory, TicketFactory
from wegwijs.insights.models import ReportRecipient
from wegwijs.knowledge.models import Article, SynonymList
from wegwijs.tenancy.models import Department, DigitalTool, Organisation
from wegwijs.tenancy.roles import ALL_ROLES, ApiScope
from wegwijs.tenancy.services import api_token_create
from wegwijs.tenancy.tests.factories import (
    DepartmentFactory,
    DigitalToolFactory,
    LocationFactory,
    MembershipFactory,
    OrganisationFactory,
)


@dataclass
class World:
    a: Any
    b: Any
    b_department: Department
    b_tool: DigitalTool
    b_member: Any
    b_ticket: Any
    b_attachment: Any
    b_referral: Any
    b_macro: Any
    b_article: Any
    b_offering: Any
    b_plan: Any
    b_enrollment: Any
    client_a: Client
    token_a: str


@pytest.fixture
def world(db, make_staff) -> World:
    a = OrganisationFactory(slug="org-a", name="Organisatie Alfa")
    b = OrganisationFactory(slug="org-b", name="Organisatie Beta")
    _user, client_a = make_staff(*ALL_ROLES, a)
    b_member = MembershipFactory(organisation=b).user
    LocationFactory(organisations=[b], name="Alleen Beta")
    DepartmentFactory(organisation=a)
    DigitalToolFactory(organisation=a)
    _token, raw = api_token_create(actor=None, organisation=a, name="a", scopes=list(ApiScope))
    ReportRecipient.objects.create(organisation=b, email="beta-rapport@example.test")
    UrgentAdvice.objects.create(
        organisation=b, language="nl", version=1, danger_to_life="Beta-advies: bel 112", suicidal_thoughts="113"
    )
    return World(
        a=a,
        b=b,
        b_ticket=(b_ticket := TicketFactory(organisation=b, subject="Beta-vraag", requester_name="Beta Persoon")),
        b_attachment=Attachment.objects.create(
            organisation=b,
            message=MessageFactory(ticket=b_ticket),
            filename="beta.pdf",
            content_type="application/pdf",
            size=4,
            content=b"%PDF",
        ),
        b_referral=Referral.objects.create(
            organisation=b, ticket=b_ticket, route="care_provider", target_name="Beta-ontvanger", handed_over=True
        ),
        b_macro=Macro.objects.create(organisation=b, name="Beta-macro", body="Beta-tekst"),
        b_article=Article.objects.create(
            organisation=b, slug="beta", language="nl", title="Beta-vraag artikel", body="Beta.", status="published"
        ),
        b_department=DepartmentFactory(organisation=b, name="Beta-afdeling"),
        b_offering=SupportOfferingFactory(organisation=b, name="Beta-aanbod"),
        b_tool=DigitalToolFactory(organisation=b, name="Beta-portaal"),
        b_member=b_member,
        b_plan=(b_plan := SupportPlanFactory(organisation=b, person_label="Beta-vraag persoon")),
        b_enrollment=EnrollmentFactory(plan=b_plan),
        client_a=client_a,
        token_a=raw,
    )


def b_snapshot(world: World) -> tuple[Any, ...]:
    with scopes_disabled():
        return (
            sorted(Department.objects.filter(organisation=world.b).values_list("name", "referral_email")),
            sorted(DigitalTool.objects.filter(organisation=world.b).values_list("name", "kind", "login_url")),
            Organisation.objects.filter(pk=world.b.pk)
            .values_list("contact_phone", "contact_phone_hours", "sla_first_response_minutes", "closed_days")
            .get(),
            sorted(Ticket.objects.filter(organisation=world.b).values_list("status", "priority", "assignee_id")),
            Message.objects.filter(organisation=world.b).count(),
            list(Referral.objects.filter(organisation=world.b).values_list("received_at", flat=True)),
            sorted(Macro.objects.filter(organisation=world.b).values_list("name", "body")),
            sorted(Article.objects.filter(organisation=world.b).values_list("title", "status")),
            sorted(SynonymList.objects.filter(organisation=world.b).values_list("text", flat=True)),
            sorted(UrgentAdvice.objects.filter(organisation=world.b).values_list("version", "reviewed_at")),
            sorted(SupportOffering.objects.filter(organisation=world.b).values_list("name", "is_active")),
            sorted(MatrixCell.objects.filter(organisation=world.b).values_list("phase", "level", "advice")),
            sorted(ChecklistItem.objects.filter(organisation=world.b).values_list("text", flat=True)),
            sorted(Enrollment.objects.filter(organisation=world.b).values_list("phase", "status", "reason")),
            SupportPlan.objects.filter(organisation=world.b).count(),
            CoachingContact.objects.filter(organisation=world.b).count(),
            PlanFeedback.objects.filter(organisation=world.b).count(),
            sorted(ReportRecipient.objects.filter(organisation=world.b).values_list("email", "language", "frequency")),
        )
