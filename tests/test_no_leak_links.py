"""Lists and private links never show another organisation's data (see test_no_leak.py for every page and API
operation)."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse
from django_scopes import scopes_disabled

from tests.leak_world import b_snapshot
from wegwijs.guide import plans
from wegwijs.guide.models import (
    Assessment,
    SupportOffering,
    SupportPlan,
)
from wegwijs.helpdesk.services import Intake, ticket_create
from wegwijs.knowledge.models import Article, ArticleFeedback, ArticleImage


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
