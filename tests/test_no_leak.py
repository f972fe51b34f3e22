"""A member of organisation A can never read or change organisation B's data, through any page or API endpoint.

Every URL pattern and every API operation must appear in PAGES / API_OPERATIONS (or be listed in EXEMPT with
the reason): a new endpoint makes `test_every_endpoint_is_covered` fail until it joins the leak test.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django_scopes import scopes_disabled

from wegwijs.api.api import api
from wegwijs.guide import plans
from wegwijs.guide.models import (
    Assessment,
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
from wegwijs.helpdesk.services import Intake, ticket_create
from wegwijs.helpdesk.tests.factories import MessageFactory, TicketFactory
from wegwijs.knowledge.models import Article, ArticleFeedback, ArticleImage, SynonymList
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


@dataclass(frozen=True)
class Page:
    name: str
    args: Callable[[World], list[Any]]
    post: dict[str, str] | None = None
    post_only: bool = False


PAGES = [
    Page("tenancy:organisation", lambda w: [w.b.slug]),
    Page("tenancy:organisation_contact", lambda w: [w.b.slug], post={"contact_phone": "000"}),
    Page("tenancy:tool_create", lambda w: [w.b.slug], post={"kind": "app", "name": "Sneaky"}),
    Page("tenancy:tool_edit", lambda w: [w.b.slug, w.b_tool.public_id], post={"kind": "app", "name": "Sneaky"}),
    Page("tenancy:department_create", lambda w: [w.b.slug], post={"name": "Sneaky"}),
    Page("tenancy:department_edit", lambda w: [w.b.slug, w.b_department.public_id], post={"name": "Sneaky"}),
    Page("tenancy:team", lambda w: [w.b.slug]),
    Page("tenancy:team_member", lambda w: [w.b.slug, w.b_member.public_id]),
    Page("tenancy:team_member", lambda w: [w.a.slug, w.b_member.public_id]),  # B's person through A's page
    Page("helpdesk:ticket", lambda w: [w.b_ticket.public_id]),
    Page("helpdesk:reply", lambda w: [w.b_ticket.public_id], post_only=True, post={"reply-body": "Sneaky"}),
    Page("helpdesk:note", lambda w: [w.b_ticket.public_id], post_only=True, post={"note-body": "Sneaky"}),
    Page("helpdesk:status", lambda w: [w.b_ticket.public_id], post_only=True, post={"status-status": "closed"}),
    Page("helpdesk:priority", lambda w: [w.b_ticket.public_id], post_only=True, post={"priority-priority": "urgent"}),
    Page("helpdesk:classify", lambda w: [w.b_ticket.public_id], post_only=True, post={"classify-route": "privacy"}),
    Page("helpdesk:referral", lambda w: [w.b_referral.public_id]),
    Page("helpdesk:macros", lambda w: [w.b.slug]),
    Page("kb:articles", lambda w: [w.b.slug]),
    Page("kb:article_create", lambda w: [w.b.slug], post={"title": "Sneaky", "action": "save"}),
    Page("kb:article", lambda w: [w.b.slug, w.b_article.public_id], post={"title": "Sneaky", "action": "save"}),
    Page("kb:article", lambda w: [w.a.slug, w.b_article.public_id], post={"title": "Sneaky", "action": "save"}),
    Page("kb:hide", lambda w: [w.a.slug, w.b_article.public_id], post_only=True, post={"hidden": "yes"}),
    Page("kb:readability", lambda w: [w.b.slug], post_only=True, post={"body": "x"}),
    Page("kb:synonyms", lambda w: [w.b.slug], post={"text": "beta, sneaky"}),
    Page("kb:images", lambda w: [w.b.slug], post={"image-description": "Sneaky"}),
    Page(
        "helpdesk:service_levels",
        lambda w: [w.b.slug],
        post={"first_response_hours": "1", "resolution_hours": "2", "closed_days": "2030-01-02"},
    ),
    Page("helpdesk:macro_create", lambda w: [w.b.slug], post={"name": "Sneaky", "language": "nl", "body": "x"}),
    Page(
        "helpdesk:macro_edit",
        lambda w: [w.b.slug, w.b_macro.public_id],
        post={"name": "Sneaky", "language": "nl", "body": "x"},
    ),
    Page(
        "helpdesk:macro_edit",
        lambda w: [w.a.slug, w.b_macro.public_id],
        post={"name": "Sneaky", "language": "nl", "body": "x"},
    ),
    Page("helpdesk:macro_delete", lambda w: [w.b.slug, w.b_macro.public_id], post_only=True, post={}),
    Page("helpdesk:macro_delete", lambda w: [w.a.slug, w.b_macro.public_id], post_only=True, post={}),
    Page("helpdesk:referral_receive", lambda w: [w.b_referral.public_id], post_only=True, post={}),
    Page("helpdesk:assign", lambda w: [w.b_ticket.public_id], post_only=True, post={"assign-assignee": ""}),
    Page("helpdesk:call", lambda w: [w.b_ticket.public_id], post_only=True, post={"call-summary": "Sneaky"}),
    Page("helpdesk:refer", lambda w: [w.b_ticket.public_id], post_only=True, post={"refer-route": "general_digital"}),
    Page("helpdesk:referral_texts", lambda w: [w.b.slug], post={"organisation": "Sneaky"}),
    Page(
        "helpdesk:urgent_advice",
        lambda w: [w.b.slug],
        post={
            key: "Sneaky 112 113"
            for key in ("danger_to_life", "outside_office_hours", "office_hours", "suicidal_thoughts")
        },
    ),
    Page("helpdesk:urgent_advice_publish", lambda w: [w.b.slug], post_only=True, post={"version": "1"}),
    Page("helpdesk:urgent_advice_default", lambda w: [w.b.slug], post_only=True, post={}),
    Page("helpdesk:attachment", lambda w: [w.b_attachment.public_id]),
    Page("helpdesk:merge", lambda w: [w.b_ticket.public_id], post_only=True, post={"merge-into": "1"}),
    Page("helpdesk:link", lambda w: [w.b_ticket.public_id], post_only=True, post={"link-other": "1"}),
    Page("guide:offerings", lambda w: [w.b.slug]),
    Page(
        "guide:offering_new", lambda w: [w.b.slug], post={"form": "helpdesk", "kind": "digihulplijn", "name": "Sneaky"}
    ),
    Page(
        "guide:offering_edit",
        lambda w: [w.b.slug, w.b_offering.public_id],
        post={"form": "helpdesk", "kind": "digihulplijn", "name": "Sneaky"},
    ),
    Page(
        "guide:offering_edit",
        lambda w: [w.a.slug, w.b_offering.public_id],
        post={"form": "helpdesk", "kind": "digihulplijn", "name": "Sneaky"},
    ),
    Page(
        "guide:offering_offered", lambda w: [w.b.slug, w.b_offering.public_id], post_only=True, post={"offered": "no"}
    ),
    Page(
        "guide:offering_offered", lambda w: [w.a.slug, w.b_offering.public_id], post_only=True, post={"offered": "no"}
    ),
    Page("guide:checklists", lambda w: [w.b.slug], post={"every_tool": "Sneaky"}),
    Page("guide:matrix", lambda w: [w.b.slug], post={"after_use__beginner__advice": "Sneaky"}),
    Page("guide:consult", lambda w: [w.b.slug], post={"action": "make", "person_label": "Sneaky"}),
    Page("guide:staff_plan", lambda w: [w.b_plan.public_id]),
    Page("guide:staff_plan_pdf", lambda w: [w.b_plan.public_id]),
    Page("guide:staff_plan_email", lambda w: [w.b_plan.public_id], post_only=True, post={"address": "x@example.test"}),
    Page("guide:journey", lambda w: [w.b_enrollment.public_id]),
    Page(
        "guide:journey_contact",
        lambda w: [w.b_enrollment.public_id],
        post_only=True,
        post={"phase": "during_use", "channel": "phone", "note": "Sneaky"},
    ),
    Page("guide:journey_phase", lambda w: [w.b_enrollment.public_id], post_only=True, post={"phase": "after_use"}),
    Page(
        "guide:journey_decision",
        lambda w: [w.b_enrollment.public_id],
        post_only=True,
        post={"status": "stopped", "reason": "other", "reason_text": "Sneaky"},
    ),
    Page("audit:access_log", lambda w: []),
    Page("audit:access_log_export", lambda w: []),
]

# Pages that show no organisation-owned data, or only a person's own account, or public information.
EXEMPT = {
    "web:landing": "lists public organisation names only",
    "web:organisation_home": "the public help page of an organisation is public by design",
    "web:staff_home": "covered by test_staff_home_names_only_own_organisations",
    "accounts:login": "own account",
    "accounts:otp_verify": "own account",
    "accounts:otp_setup": "own account",
    "accounts:logout": "own account",
    "accounts:account": "own account",
    "accounts:logout_everywhere": "own account",
    "accounts:password_reset": "own account",
    "accounts:password_reset_sent": "own account",
    "accounts:password_reset_confirm": "own account",
    "accounts:password_reset_complete": "own account",
    "set_language": "language cookie only",
    "helpdesk:inbox": "covered by test_inbox_never_lists_another_organisations_questions",
    "helpdesk:referrals": "covered by test_referrals_to_us_never_list_another_organisations_referrals",
    "helpdesk:new_call": "covered by test_a_call_cannot_open_a_question_for_another_organisation",
    "helpdesk:walk_in": "covered by test_walk_in_cannot_be_logged_for_another_organisation",
    "ask:form": "public form of the organisation in the URL; creates only in that organisation",
    "knowledge:help": "covered by test_help_pages_never_show_another_organisations_articles",
    "knowledge:article": "covered by test_help_pages_never_show_another_organisations_articles",
    "knowledge:feedback": "covered by test_help_pages_never_show_another_organisations_articles",
    "knowledge:panel": "covered by test_help_pages_never_show_another_organisations_articles",
    "knowledge:handout": "covered by test_help_pages_never_show_another_organisations_articles",
    "knowledge:image": "covered by test_help_pages_never_show_another_organisations_articles",
    "ask:sent": "static thank-you page",
    "ask:callback": "public form of the organisation in the URL; creates only in that organisation",
    "ask:follow_up": "covered by test_follow_up_links_only_work_under_their_own_organisation",
    "ask:message": "covered by test_follow_up_links_only_work_under_their_own_organisation",
    "ask:close": "covered by test_follow_up_links_only_work_under_their_own_organisation",
    "ask:rate": "covered by test_follow_up_links_only_work_under_their_own_organisation",
    "selfcheck:start": "public page of the organisation in the URL; shows no organisation-owned data",
    "selfcheck:step": "public form of the organisation in the URL; creates only in that organisation",
    "selfcheck:result": "covered by test_self_check_results_only_show_under_their_own_organisation",
    "selfcheck:plan": "covered by test_self_check_results_only_show_under_their_own_organisation",
    "guide:consult_start": "covered by test_consult_start_offers_only_own_organisations",
    "guide:journeys": "covered by test_journeys_never_list_another_organisations_journeys",
    "plan:plan": "covered by test_plan_links_only_work_under_their_own_organisation",
    "plan:pdf": "covered by test_plan_links_only_work_under_their_own_organisation",
    "plan:feedback": "covered by test_plan_links_only_work_under_their_own_organisation",
    "admin:*": "platform admins only: covered by test_platform_admin_pages_are_closed_to_organisation_staff",
    "api:*": "covered operation by operation in API_OPERATIONS",
}

API_OPERATIONS = {
    "GET /api/v1/organisation": "own",
    "GET /api/v1/departments": "list",
    "POST /api/v1/departments": "create",
    "GET /api/v1/departments/{department_id}": "b_department",
    "PATCH /api/v1/departments/{department_id}": "b_department",
    "GET /api/v1/tools": "list",
    "POST /api/v1/tools": "create",
    "GET /api/v1/tools/{tool_id}": "b_tool",
    "PATCH /api/v1/tools/{tool_id}": "b_tool",
    "GET /api/v1/locations": "list",
    "GET /api/v1/tickets": "list",
    "POST /api/v1/tickets": "create",
    "GET /api/v1/tickets/{ticket_id}": "b_ticket",
    "PATCH /api/v1/tickets/{ticket_id}": "b_ticket",
    "POST /api/v1/tickets/{ticket_id}/messages": "b_ticket",
    # Public by design: an organisation's published help articles, for anyone (no token data involved).
    "GET /api/v1/organisations/{slug}/knowledge/search": "public",
    "GET /api/v1/organisations/{slug}/knowledge/articles/{article_slug}": "public",
    "POST /api/v1/knowledge/articles": "create",
    "PATCH /api/v1/knowledge/articles/{article_id}": "b_article",
}


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
        )


@pytest.mark.parametrize("page", PAGES, ids=lambda page: f"{page.name}{'+post' if page.post else ''}")
def test_page_of_another_organisation_is_not_found_and_unchanged(world, page):
    url = reverse(page.name, args=page.args(world))
    before = b_snapshot(world)
    response = world.client_a.get(url)
    assert response.status_code == (405 if page.post_only else 404)
    for forbidden in (
        "Organisatie Beta",
        "Beta-afdeling",
        "Beta-portaal",
        "Beta-vraag",
        "Beta-macro",
        "Beta-advies",
        "Beta-aanbod",
        world.b_member.email,
    ):
        assert forbidden not in response.content.decode()
    if page.post is not None:
        assert world.client_a.post(url, page.post).status_code == 404
    assert b_snapshot(world) == before


def test_staff_home_names_only_own_organisations(world):
    page = world.client_a.get(reverse("web:staff_home")).content.decode()
    assert "Organisatie Alfa" in page
    assert "Organisatie Beta" not in page


def test_platform_admin_pages_are_closed_to_organisation_staff(world):
    assert world.client_a.get(reverse("admin:index")).status_code == 404
    assert world.client_a.get(reverse("admin:tenancy_department_changelist")).status_code == 404


@pytest.mark.parametrize("operation", sorted(API_OPERATIONS))
def test_api_operation_never_shows_or_changes_another_organisations_data(world, operation):
    method, path = operation.split(" ", 1)
    kind = API_OPERATIONS[operation]
    client = Client(headers={"Authorization": f"Bearer {world.token_a}"})
    before = b_snapshot(world)
    if kind in {"b_department", "b_tool", "b_ticket", "b_article"}:
        target = {
            "b_department": world.b_department,
            "b_tool": world.b_tool,
            "b_ticket": world.b_ticket,
            "b_article": world.b_article,
        }[kind]
        url = re.sub(r"\{\w+_id\}", str(target.public_id), path)
        body = {
            "b_department": '{"name": "Sneaky"}',
            "b_tool": '{"name": "Sneaky"}',
            "b_ticket": '{"status": "closed", "kind": "note", "body": "Sneaky"}',
            "b_article": '{"title": "Sneaky", "status": "draft"}',
        }[kind]
        response = client.generic(method, url, body, content_type="application/json")
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "not_found"
    elif kind == "public":
        url = path.replace("{slug}", world.a.slug).replace("{article_slug}", "beta")
        response = client.get(url, {"q": "beta vraag artikel"})
        assert response.status_code in {200, 404}
    elif kind == "create":
        body = {"name": "Nieuw", "kind": "app", "question": "Nieuwe vraag", "slug": "nieuw", "title": "N", "body": "N"}
        response = client.post(path, body, content_type="application/json")
        assert response.status_code == 201
    else:
        response = client.get(path)
        assert response.status_code == 200
    body = response.content.decode()
    for forbidden in ("Organisatie Beta", "Beta-afdeling", "Beta-portaal", "Alleen Beta"):
        assert forbidden not in body
    assert b_snapshot(world) == before


def _url_names(patterns: list[Any], namespace: str = "") -> set[str]:
    names: set[str] = set()
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= _url_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(f"{namespace}{pattern.name}")
    return names


def test_every_endpoint_is_covered():
    covered = {page.name for page in PAGES} | set(EXEMPT)
    wildcards = {name.removesuffix("*") for name in EXEMPT if name.endswith("*")}
    missing = [
        name
        for name in _url_names(get_resolver().url_patterns)
        if name not in covered and not any(name.startswith(prefix) for prefix in wildcards)
    ]
    assert missing == [], f"add these to the leak test: {missing}"
    schema = api.get_openapi_schema()
    operations = {f"{method.upper()} {path}" for path, item in schema["paths"].items() for method in item}
    assert operations == set(API_OPERATIONS)


def test_inbox_never_lists_another_organisations_questions(world):
    page = world.client_a.get(reverse("helpdesk:inbox"), {"view": "all_open"}).content.decode()
    assert "Beta-vraag" not in page
    assert "Beta Persoon" not in page


def test_follow_up_links_only_work_under_their_own_organisation(world):
    with scopes_disabled():
        _ticket, token = ticket_create(organisation=world.b, intake=Intake(question="Beta-geheim", language="nl"))
    before = b_snapshot(world)
    anonymous = Client()
    for name, method in (
        ("ask:follow_up", "get"),
        ("ask:message", "post"),
        ("ask:close", "post"),
        ("ask:rate", "post"),
    ):
        url = reverse(name, args=[world.a.slug, token])
        response = getattr(anonymous, method)(url, {"body": "Sneaky"} if method == "post" else None)
        assert response.status_code == 404
        assert "Beta-geheim" not in response.content.decode()
    assert b_snapshot(world) == before
    assert anonymous.get(reverse("ask:follow_up", args=[world.b.slug, token])).status_code == 200


def test_referrals_to_us_never_list_another_organisations_referrals(world):
    page = world.client_a.get(reverse("helpdesk:referrals")).content.decode()
    assert "Beta-vraag" not in page
    assert "Beta-ontvanger" not in page


def test_help_pages_never_show_another_organisations_articles(world):
    with scopes_disabled():
        Article.objects.create(
            organisation=world.b,
            slug="beta-artikel",
            language="nl",
            title="Beta-artikel",
            body="Alleen Beta.",
            status="published",
        )
    client = Client()
    results = client.get(reverse("knowledge:help", args=[world.a.slug]), {"q": "alleen beta artikel"}).content.decode()
    assert "Beta-artikel" not in results
    panel = client.get(reverse("knowledge:panel", args=[world.a.slug]), {"q": "alleen beta artikel"})
    assert "Beta-artikel" not in panel.content.decode()
    assert client.get(reverse("knowledge:article", args=[world.a.slug, "beta-artikel"])).status_code == 404
    assert client.get(reverse("knowledge:handout", args=[world.a.slug, "beta-artikel"])).status_code == 404
    with scopes_disabled():
        image = ArticleImage.objects.create(
            organisation=world.b, description="Beta", content_type="image/png", size=3, content=b"abc"
        )
    assert client.get(reverse("knowledge:image", args=[world.a.slug, image.public_id])).status_code == 404
    feedback = reverse("knowledge:feedback", args=[world.a.slug, "beta-artikel"])
    assert client.post(feedback, {"helpful": "yes"}).status_code == 404
    with scopes_disabled():
        assert not ArticleFeedback.objects.exists()


def test_self_check_results_only_show_under_their_own_organisation(world):
    with scopes_disabled():
        SupportOffering.objects.create(
            organisation=world.b, form="helpdesk", kind="organisation_desk", name="Beta-hulp"
        )
        result = Assessment.objects.create(organisation=world.b, language="nl", score=2, level="beginner")
    anonymous = Client()
    for slug in (world.a.slug, "no-such-organisation"):
        response = anonymous.get(reverse("selfcheck:result", args=[slug, result.public_id]))
        assert response.status_code == 404
        assert "Beta-hulp" not in response.content.decode()
        assert anonymous.post(reverse("selfcheck:plan", args=[slug, result.public_id])).status_code == 404
    with scopes_disabled():
        assert not SupportPlan.objects.filter(assessment=result).exists()
    assert (
        "Beta-hulp"
        in anonymous.get(reverse("selfcheck:result", args=[world.b.slug, result.public_id])).content.decode()
    )
    start = anonymous.post(reverse("selfcheck:step", args=[world.a.slug]), {"filled_in": "alone"})
    assert "Beta-hulp" not in start.content.decode()


def test_plan_links_only_work_under_their_own_organisation(world):
    token = plans.plan_token(world.b_plan)
    before = b_snapshot(world)
    anonymous = Client()
    for name, method in (("plan:plan", "get"), ("plan:pdf", "get"), ("plan:feedback", "post")):
        response = getattr(anonymous, method)(reverse(name, args=[world.a.slug, token]), {"rating": "1"})
        assert response.status_code == 404
        assert "Beta-vraag" not in response.content.decode()
    assert b_snapshot(world) == before
    assert anonymous.get(reverse("plan:plan", args=[world.b.slug, token])).status_code == 200


def test_journeys_never_list_another_organisations_journeys(world):
    for status in ("active", "continued", "stopped", ""):
        page = world.client_a.get(reverse("guide:journeys"), {"status": status}).content.decode()
        assert "Beta-vraag" not in page
        assert "Organisatie Beta" not in page


def test_consult_start_offers_only_own_organisations(world):
    response = world.client_a.get(reverse("guide:consult_start"))
    assert response.status_code == 302
    assert response["Location"] == reverse("guide:consult", args=[world.a.slug])
