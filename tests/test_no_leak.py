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

from tests.leak_world import World, b_snapshot
from wegwijs.api.api import api


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
    Page("insights:dashboard", lambda w: [w.b.slug]),
    Page("insights:report", lambda w: [w.b.slug]),
    Page("insights:export_csv", lambda w: [w.b.slug]),
    Page("insights:export_xlsx", lambda w: [w.b.slug]),
    Page(
        "insights:recipients",
        lambda w: [w.b.slug],
        post={"email": "sneaky@example.test", "language": "nl", "frequency": "monthly"},
    ),
    Page(
        "insights:recipient_remove", lambda w: [w.b.slug], post_only=True, post={"email": "beta-rapport@example.test"}
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
    "insights:platform": "covered by test_the_platform_view_puts_the_organisations_side_by_side",
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
