"""The search engine over an organisation's articles, and wegwijs kb search."""

import io
import json

import pytest
from django.core.management import call_command

from wegwijs.knowledge.models import Article, HiddenSharedArticle, SynonymList
from wegwijs.knowledge.search.engine import kb_search
from wegwijs.triage import classify

pytestmark = pytest.mark.django_db


def article(organisation, slug, language, title, body, **fields):
    fields.setdefault("status", "published")
    return Article.objects.create(
        organisation=organisation, slug=slug, language=language, title=title, body=body, **fields
    )


def slugs(organisation, query, **options):
    _language, results = kb_search(organisation=organisation, query=query, **options)
    return [(result.slug, result.language) for result in results]


def test_results_in_the_querys_language_first_then_the_dutch_originals(organisation):
    digid = article(
        organisation, "inloggen-met-digid", "nl", "Inloggen met DigiD", "Open de DigiD app om in te loggen."
    )
    article(
        organisation,
        "inloggen-met-digid",
        "en",
        "Logging in with DigiD",
        "Open the DigiD app to log in.",
        translation_of=digid,
    )
    article(organisation, "wachtwoord-vergeten", "nl", "Wachtwoord vergeten", "Inloggen lukt niet zonder wachtwoord.")
    found = slugs(organisation, "how do I log in with digid", language="en")
    assert found[0] == ("inloggen-met-digid", "en")
    assert ("inloggen-met-digid", "nl") not in found  # its translation is already there
    assert ("wachtwoord-vergeten", "nl") in found or found == [("inloggen-met-digid", "en")]
    language, _results = kb_search(organisation=organisation, query="I cannot log in to the portal")
    assert language == "en"


def test_only_published_visible_articles_are_found_and_the_index_follows_changes(organisation, other_organisation):
    article(organisation, "concept", "nl", "Beeldbellen", "Klik op de link.", status="draft")
    article(other_organisation, "elders", "nl", "Beeldbellen elders", "Klik op de link.")
    shared = article(None, "gedeeld", "nl", "Beeldbellen met de camera", "Zet uw camera aan.")
    assert slugs(organisation, "beeldbellen") == [("gedeeld", "nl")]
    HiddenSharedArticle.objects.create(organisation=organisation, article=shared)
    assert slugs(organisation, "beeldbellen") == []
    Article.objects.filter(slug="concept").update(status="published")
    assert slugs(organisation, "beeldbellen") == [("concept", "nl")]


def test_an_organisations_own_synonyms_replace_the_shipped_ones(organisation):
    article(organisation, "portaal", "nl", "Het portaal", "Zo werkt het portaal.")
    assert slugs(organisation, "zorgomgeving", language="nl") == []
    SynonymList.objects.create(organisation=organisation, language="nl", text="portaal, zorgomgeving\n")
    assert slugs(organisation, "zorgomgeving", language="nl") == [("portaal", "nl")]


def test_kb_search_prints_ranked_json(organisation):
    article(organisation, "bloeddrukmeter-koppelen", "nl", "Bloeddrukmeter koppelen", "Zet Bluetooth aan.")
    out = io.StringIO()
    call_command("kb", "search", "bloedrukmeter", "--organisation", organisation.slug, "--json", stdout=out)
    (row,) = json.loads(out.getvalue())
    assert set(row) == {"slug", "language", "title", "score"}
    assert (row["slug"], row["language"], row["title"]) == ("bloeddrukmeter-koppelen", "nl", "Bloeddrukmeter koppelen")
    assert row["score"] > 0


def test_the_triage_suggests_the_organisations_articles_for_a_helpdesk_question(organisation, other_organisation):
    article(organisation, "wachtwoord-vergeten", "nl", "Wachtwoord vergeten", "Inloggen lukt niet zonder wachtwoord.")
    article(other_organisation, "pincode-digid", "nl", "Pincode DigiD vergeten", "Wachtwoord of pincode kwijt.")
    question = "Ik ben mijn wachtwoord vergeten en kan niet inloggen"
    assert classify(question, organisation=organisation.slug).suggested_articles == ["wachtwoord-vergeten"]
    assert classify(question).suggested_articles == []  # no organisation, no knowledge base
    assert classify("Mijn vader is bewusteloos", organisation=organisation.slug).suggested_articles == []
