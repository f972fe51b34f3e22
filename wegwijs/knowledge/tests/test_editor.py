"""Editors keep the organisation's articles, see the B1 check and how articles do, and keep the synonyms."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image

from wegwijs.knowledge import readability, rendering
from wegwijs.knowledge.models import (
    Article,
    ArticleImage,
    ArticleVersion,
    HiddenSharedArticle,
    SearchLog,
    SynonymList,
)
from wegwijs.knowledge.search.engine import kb_search
from wegwijs.tenancy.roles import Role

pytestmark = pytest.mark.django_db

HARD = (
    "Indien u vervolgens de applicatie wenst te gebruiken, dient u zich middels uw gebruikersnaam en wachtwoord "
    "aan te melden teneinde toegang te verkrijgen tot de functionaliteit."
)


def article_data(**overrides):
    data = {
        "title": "Inloggen met DigiD",
        "slug": "inloggen-met-digid",
        "language": "nl",
        "tool": "digid",
        "audience": ["patient", "naaste"],
        "tags": "Inloggen, DigiD",
        "body": "Open de DigiD app. Scan de code.",
        "status": "published",
        "action": "save",
    }
    data.update(overrides)
    return data


def test_an_editor_writes_an_article_and_every_save_is_a_version(organisation, make_staff):
    editor, client = make_staff(Role.EDITOR, organisation)
    response = client.post(reverse("kb:article_create", args=[organisation.slug]), article_data())
    assert response.status_code == 302
    article = Article.objects.get(organisation=organisation)
    assert (article.tags, article.status) == (["inloggen", "digid"], "published")
    client.post(response["Location"], article_data(body="Open de DigiD app en kies Inloggen."))
    versions = list(ArticleVersion.objects.filter(article=article).values_list("number", "author"))
    assert versions == [(2, editor.pk), (1, editor.pk)]
    _language, results = kb_search(organisation=organisation, query="digid")
    assert [result.slug for result in results] == ["inloggen-met-digid"]


def test_preview_shows_the_b1_check_without_saving(organisation, make_staff):
    _editor, client = make_staff(Role.EDITOR, organisation)
    page = client.post(
        reverse("kb:article_create", args=[organisation.slug]), article_data(body=HARD, action="preview")
    ).content.decode()
    assert "middels → met" in page
    assert "Long sentences" in page or "Lange zinnen" in page
    assert not Article.objects.exists()
    partial = client.post(reverse("kb:readability", args=[organisation.slug]), {"body": HARD}).content.decode()
    assert 'id="readability"' in partial
    assert "<html" not in partial


def test_a_short_name_is_used_once_per_language(organisation, make_staff):
    _editor, client = make_staff(Role.EDITOR, organisation)
    url = reverse("kb:article_create", args=[organisation.slug])
    client.post(url, article_data())
    response = client.post(url, article_data(title="Nog een keer"))
    assert response.status_code == 400
    assert Article.objects.count() == 1


def test_shared_articles_are_hidden_or_shown_but_not_changed_here(organisation, make_staff):
    _editor, client = make_staff(Role.EDITOR, organisation)
    shared = Article.objects.create(slug="gedeeld", language="nl", title="Gedeeld", body="Tekst.", status="published")
    page = client.post(reverse("kb:article", args=[organisation.slug, shared.public_id]), article_data(slug="gedeeld"))
    assert page.status_code == 400
    assert Article.objects.get(pk=shared.pk).title == "Gedeeld"
    client.post(reverse("kb:hide", args=[organisation.slug, shared.public_id]), {"hidden": "yes"})
    assert HiddenSharedArticle.objects.filter(organisation=organisation, article=shared).exists()
    client.post(reverse("kb:hide", args=[organisation.slug, shared.public_id]), {"hidden": "no"})
    assert not HiddenSharedArticle.objects.exists()


def test_the_article_page_shows_how_it_does(organisation, make_staff):
    _editor, client = make_staff(Role.EDITOR, organisation)
    article = Article.objects.create(
        organisation=organisation, slug="a", language="nl", title="A", body="Tekst.", status="published"
    )
    SearchLog.objects.create(
        organisation=organisation, language="nl", query="wachtwort", result_count=1, clicked=article
    )
    page = client.get(reverse("kb:article", args=[organisation.slug, article.public_id])).content.decode()
    assert "wachtwort" in page


def test_editors_keep_the_synonyms_and_search_uses_them(organisation, make_staff):
    _editor, client = make_staff(Role.EDITOR, organisation)
    Article.objects.create(
        organisation=organisation,
        slug="p",
        language="nl",
        title="Het portaal",
        body="Zo werkt het.",
        status="published",
    )
    url = reverse("kb:synonyms", args=[organisation.slug])
    assert "beeldbellen" in client.get(url).content.decode()  # starts from the shipped list
    client.post(f"{url}?language=nl", {"text": "portaal, zorgomgeving"})
    assert SynonymList.objects.get(organisation=organisation, language="nl").text == "portaal, zorgomgeving"
    _language, results = kb_search(organisation=organisation, query="zorgomgeving", language="nl")
    assert [result.slug for result in results] == ["p"]


@pytest.mark.parametrize("role", [Role.AGENT, Role.ANALYST, Role.CARE_PROVIDER])
def test_only_editors_keep_articles(organisation, make_staff, role):
    _user, client = make_staff(role, organisation)
    assert client.get(reverse("kb:articles", args=[organisation.slug])).status_code == 404
    assert client.post(reverse("kb:article_create", args=[organisation.slug]), article_data()).status_code == 404


def test_the_b1_check_counts_dutch_syllables_and_flags_hard_text():
    assert readability.syllables("bloeddrukmeter") == 4
    easy = readability.check("Open de app. Kies Inloggen. Vul uw code in.")
    hard = readability.check(HARD)
    assert easy.is_b1
    assert not hard.is_b1
    assert hard.score < easy.score
    assert ("indien", "als") in hard.hard_words
    assert readability.check("").words == 0


def png_bytes() -> bytes:
    image = Image.new("RGB", (4, 4), "white")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def test_an_editor_uploads_a_picture_and_an_article_shows_it(organisation, make_staff):
    _editor, client = make_staff(Role.EDITOR, organisation)
    upload = SimpleUploadedFile("stap1.png", png_bytes(), content_type="application/octet-stream")
    response = client.post(
        reverse("kb:images", args=[organisation.slug]), {"image-file": upload, "image-description": "De knop Inloggen"}
    )
    assert response.status_code == 302
    image = ArticleImage.objects.get()
    assert (image.content_type, image.description) == ("image/png", "De knop Inloggen")
    url = reverse("knowledge:image", args=[organisation.slug, image.public_id])
    served = Client().get(url)
    assert (served["Content-Type"], served["X-Content-Type-Options"], served.content) == (
        "image/png",
        "nosniff",
        png_bytes(),
    )
    assert f'<img src="{url}" alt="De knop Inloggen">' in rendering.article_html(f"![De knop Inloggen]({url})")


def test_a_picture_too_large_or_not_a_picture_is_refused_in_the_editors_language(organisation, make_staff, settings):
    settings.KNOWLEDGE_IMAGE_MAX_BYTES = 10
    _editor, client = make_staff(Role.EDITOR, organisation)
    url = reverse("kb:images", args=[organisation.slug])
    big = client.post(url, {"image-file": SimpleUploadedFile("a.png", png_bytes()), "image-description": "x"})
    assert big.status_code == 400
    assert "te groot" in big.content.decode()
    settings.KNOWLEDGE_IMAGE_MAX_BYTES = 2_000_000
    script = client.post(
        url, {"image-file": SimpleUploadedFile("a.png", b"<script>alert(1)</script>"), "image-description": "x"}
    )
    assert script.status_code == 400
    assert not ArticleImage.objects.exists()


def test_the_editor_sees_what_people_did_not_find(organisation, make_staff, other_organisation):
    _editor, client = make_staff(Role.EDITOR, organisation)
    for query, results in [("parkeren", 0), ("parkeren", 0), ("rolstoel", 0), ("inloggen", 3)]:
        SearchLog.objects.create(organisation=organisation, language="nl", query=query, result_count=results)
    SearchLog.objects.create(organisation=other_organisation, language="nl", query="elders gezocht", result_count=0)
    page = client.get(reverse("kb:articles", args=[organisation.slug])).content.decode()
    assert "parkeren (2×)" in page
    assert "rolstoel (1×)" in page
    assert "inloggen (1×)" in page  # found, but nothing opened
    assert "elders gezocht" not in page
