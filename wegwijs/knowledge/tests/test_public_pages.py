"""The public help pages: search, read, say whether it helped. Anonymous usage is kept without identifiers."""

import pytest
from django.test import Client
from django.urls import reverse

from wegwijs.knowledge.models import Article, ArticleFeedback, ArticleView, SearchLog
from wegwijs.knowledge.redaction import redact_query
from wegwijs.tenancy.tests.factories import DigitalToolFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def digid(organisation):
    original = Article.objects.create(
        organisation=organisation,
        slug="inloggen-met-digid",
        language="nl",
        title="Inloggen met DigiD",
        body="## Zo doet u het\n\n1. Open de **DigiD app**.\n2. Scan de code.\n\n<script>alert(1)</script>",
        tool="digid",
        status="published",
    )
    Article.objects.create(
        organisation=organisation,
        slug="inloggen-met-digid",
        language="ar",
        title="تسجيل الدخول باستخدام DigiD",
        body="افتح تطبيق DigiD.",
        tool="digid",
        status="published",
        translation_of=original,
    )
    return original


def test_a_person_searches_opens_the_article_and_the_click_is_kept(organisation, digid):
    client = Client()
    page = client.get(reverse("knowledge:help", args=[organisation.slug]), {"q": "inlogen digid"}).content.decode()
    assert "Inloggen met DigiD" in page
    log = SearchLog.objects.get()
    assert (log.query, log.language, log.result_count, log.clicked) == ("inlogen digid", "nl", 1, None)
    article_url = reverse("knowledge:article", args=[organisation.slug, digid.slug])
    assert f"{article_url}?zoekopdracht={log.public_id}" in page
    article = client.get(article_url, {"zoekopdracht": str(log.public_id)}).content.decode()
    assert "<strong>DigiD app</strong>" in article
    assert "<script>" not in article  # raw HTML in Markdown is never rendered
    log.refresh_from_db()
    assert log.clicked == digid
    assert ArticleView.objects.get(article=digid).count == 1


def test_a_search_without_results_is_kept_without_identifiers_and_offers_to_ask(organisation):
    page = Client().get(
        reverse("knowledge:help", args=[organisation.slug]), {"q": "mijn bsn 111222333 mail piet@example.nl"}
    )
    assert reverse("ask:form", args=[organisation.slug]) in page.content.decode()
    log = SearchLog.objects.get()
    assert log.result_count == 0
    assert "111222333" not in log.query
    assert "piet@example.nl" not in log.query


def test_the_article_shows_in_the_page_language_when_translated(organisation, digid):
    client = Client()
    client.cookies["django_language"] = "ar"
    page = client.get(reverse("knowledge:article", args=[organisation.slug, digid.slug])).content.decode()
    assert 'lang="ar" dir="rtl"' in page
    assert "افتح تطبيق DigiD." in page


def test_did_this_help_works_without_javascript(organisation, digid):
    url = reverse("knowledge:feedback", args=[organisation.slug, digid.slug])
    response = Client().post(url, {"helpful": "no"})
    assert response.status_code == 302
    assert list(ArticleFeedback.objects.values_list("article", "helpful")) == [(digid.pk, False)]
    Client().post(url, {"helpful": "maybe"})
    assert ArticleFeedback.objects.count() == 1


def test_an_unknown_or_draft_article_is_not_found(organisation, digid):
    Article.objects.filter(pk=digid.pk).update(status="draft")
    assert Client().get(reverse("knowledge:article", args=[organisation.slug, "bestaat-niet"])).status_code == 404
    url = reverse("knowledge:article", args=[organisation.slug, digid.slug])
    assert Client().get(url).status_code == 404


def test_the_help_page_lists_the_top_articles_per_tool(organisation, digid):
    page = Client().get(reverse("knowledge:help", args=[organisation.slug])).content.decode()
    assert "DigiD" in page
    assert "Inloggen met DigiD" in page


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("wachtwoord vergeten", "wachtwoord vergeten"),
        ("bel mij op 06-12345678", "bel mij op [nummer]"),
        ("mail naar jan@example.org", "mail naar [e-mail]"),
    ],
)
def test_a_search_is_kept_without_identifiers(text, kept):
    assert redact_query(text) == kept


def test_the_widget_panel_may_be_framed_by_the_tools_login_page_and_sets_no_cookie(organisation, digid):
    DigitalToolFactory(organisation=organisation, kind="portal", login_url="https://mijn.ziekenhuis.example/login")
    client = Client()
    response = client.get(reverse("knowledge:panel", args=[organisation.slug]), {"q": "digid", "taal": "ar"})
    page = response.content.decode()
    assert "frame-ancestors 'self' https://mijn.ziekenhuis.example" in response.headers["Content-Security-Policy"]
    assert "X-Frame-Options" not in response.headers
    assert 'lang="ar" dir="rtl"' in page
    assert "تسجيل الدخول باستخدام DigiD" in page  # the result in the panel's language
    assert not response.cookies
    assert SearchLog.objects.get().language == "ar"


def test_other_pages_still_refuse_to_be_framed(organisation, digid):
    response = Client().get(reverse("knowledge:help", args=[organisation.slug]))
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Frame-Options"] == "DENY"
