"""The knowledge API: public search and reading (limited per address), writing with a token."""

import pytest
from django.test import Client

from wegwijs.knowledge.models import Article, ArticleVersion
from wegwijs.tenancy.roles import ApiScope
from wegwijs.tenancy.services import api_token_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def digid(organisation):
    return Article.objects.create(
        organisation=organisation, slug="inloggen-met-digid", language="nl", title="Inloggen met DigiD",
        body="Open de **DigiD app**.", tool="digid", status="published",
    )  # fmt: skip


def writer(organisation, *scopes):
    _token, raw = api_token_create(actor=None, organisation=organisation, name="cms", scopes=list(scopes))
    return Client(headers={"Authorization": f"Bearer {raw}"})


def test_anyone_searches_and_reads_the_public_articles(organisation, digid):
    found = Client().get(f"/api/v1/organisations/{organisation.slug}/knowledge/search", {"q": "inlogen digid"})
    assert found.status_code == 200
    assert found.json()["results"][0]["slug"] == "inloggen-met-digid"
    article = Client().get(f"/api/v1/organisations/{organisation.slug}/knowledge/articles/inloggen-met-digid")
    assert article.status_code == 200
    assert article.json()["html"] == "<p>Open de <strong>DigiD app</strong>.</p>\n"


def test_drafts_and_unknown_organisations_are_not_found(organisation, digid):
    Article.objects.filter(pk=digid.pk).update(status="draft")
    assert (
        Client().get(f"/api/v1/organisations/{organisation.slug}/knowledge/articles/inloggen-met-digid").status_code
        == 404
    )
    response = Client().get("/api/v1/organisations/bestaat-niet/knowledge/search", {"q": "digid"})
    assert (response.status_code, response.json()["error"]["code"]) == (404, "not_found")


def test_the_public_operations_are_limited_per_address(organisation, digid, settings):
    settings.API_PUBLIC_LIMIT_PER_MINUTE = 2
    client = Client(REMOTE_ADDR="198.51.100.77")
    url = f"/api/v1/organisations/{organisation.slug}/knowledge/search"
    assert [client.get(url, {"q": "digid"}).status_code for _ in range(3)] == [200, 200, 429]
    assert client.get(url, {"q": "digid"}).json()["error"]["code"] == "too_many_requests"
    assert Client(REMOTE_ADDR="198.51.100.78").get(url, {"q": "digid"}).status_code == 200


def test_a_token_with_knowledge_write_creates_and_changes_articles(organisation):
    client = writer(organisation, ApiScope.KNOWLEDGE_WRITE)
    body = {"slug": "uitslagen", "title": "Uitslagen bekijken", "body": "Kies Uitslagen.", "tool": "portal"}
    created = client.post("/api/v1/knowledge/articles", body, content_type="application/json")
    assert created.status_code == 201
    assert created.json()["status"] == "draft"
    article_id = created.json()["id"]
    changed = client.patch(
        f"/api/v1/knowledge/articles/{article_id}", {"status": "published"}, content_type="application/json"
    )
    assert changed.json()["status"] == "published"
    assert list(ArticleVersion.objects.values_list("number", "author_label").order_by("number")) == [
        (1, "api:cms"),
        (2, "api:cms"),
    ]
    again = client.post("/api/v1/knowledge/articles", body, content_type="application/json")
    assert again.status_code == 400


def test_writing_needs_the_scope_and_never_touches_shared_articles(organisation):
    shared = Article.objects.create(slug="gedeeld", language="nl", title="Gedeeld", body="x", status="published")
    assert (
        writer(organisation, ApiScope.TICKETS_READ)
        .post("/api/v1/knowledge/articles", {"slug": "a", "title": "A", "body": "B"}, content_type="application/json")
        .status_code
        == 403
    )
    response = writer(organisation, ApiScope.KNOWLEDGE_WRITE).patch(
        f"/api/v1/knowledge/articles/{shared.public_id}", {"title": "Gekaapt"}, content_type="application/json"
    )
    assert response.status_code == 404
    assert Article.objects.get(pk=shared.pk).title == "Gedeeld"
