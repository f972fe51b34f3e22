"""Reads of articles. Articles are not tenant-scoped (no person data): every read names its owner."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import Count, Exists, Max, OuterRef, Q, QuerySet, Sum
from django.utils import timezone

from wegwijs.core.errors import NotFound
from wegwijs.knowledge.choices import ORIGINAL_LANGUAGE, ArticleStatus, Audience
from wegwijs.knowledge.models import Article, ArticleView, HiddenSharedArticle, SynonymList
from wegwijs.tenancy.models import DigitalTool, Organisation


def article_list_visible(*, organisation: Organisation, public: bool = True) -> QuerySet[Article]:
    """The published articles an organisation shows: its own, and the shared ones it did not hide or replace
    with its own article of the same short name and language. `public` leaves out staff-only articles."""
    own_same = Article.objects.filter(organisation=organisation, slug=OuterRef("slug"), language=OuterRef("language"))
    hidden = HiddenSharedArticle.objects.filter(organisation=organisation, article=OuterRef("pk"))
    shared = Q(organisation__isnull=True) & ~Exists(own_same) & ~Exists(hidden)
    articles = Article.objects.filter(Q(organisation=organisation) | shared, status=ArticleStatus.PUBLISHED)
    if public:
        articles = articles.exclude(audience=[Audience.STAFF])
    return articles


def synonym_text(*, organisation: Organisation, language: str) -> str | None:
    """The organisation's own synonym list for a language, or None when it uses the shipped one."""
    return (
        SynonymList.objects.filter(organisation=organisation, language=language).values_list("text", flat=True).first()
    )


def knowledge_stamp(*, organisation: Organisation) -> tuple[object, ...]:
    """Changes when anything the organisation's search index is built from changes."""
    articles = Article.objects.filter(Q(organisation=organisation) | Q(organisation__isnull=True)).aggregate(
        count=Count("id"), published=Count("id", filter=Q(status=ArticleStatus.PUBLISHED)), changed=Max("updated_at")
    )
    hidden = HiddenSharedArticle.objects.filter(organisation=organisation).count()
    synonyms = SynonymList.objects.filter(organisation=organisation).aggregate(
        changed=Max("updated_at"), count=Count("id")
    )
    return (
        articles["count"],
        articles["published"],
        articles["changed"],
        hidden,
        synonyms["count"],
        synonyms["changed"],
    )


def article_get_public(*, organisation: Organisation, slug: str, language: str) -> tuple[Article, list[str]]:
    """The article with this short name in the wanted language, else its Dutch original; and the languages
    it can be read in. NotFound when the organisation shows no such article."""
    versions = {
        article.language: article for article in article_list_visible(organisation=organisation).filter(slug=slug)
    }
    chosen = versions.get(language) or versions.get(ORIGINAL_LANGUAGE)
    if chosen is None:
        raise NotFound("not found")
    return chosen, sorted(versions)


def article_list_top(*, organisation: Organisation, language: str, per_tool: int = 5) -> dict[str, list[Article]]:
    """Per digital tool, the most viewed articles of the last 30 days (in the wanted language where it exists,
    else Dutch); unviewed articles follow by title."""
    since = timezone.localdate() - dt.timedelta(days=30)
    views = dict(
        ArticleView.objects.filter(organisation=organisation, day__gte=since)
        .values("article__slug")
        .annotate(total=Sum("count"))
        .values_list("article__slug", "total")
    )
    by_slug: dict[str, Article] = {}
    for article in article_list_visible(organisation=organisation).filter(language__in={language, ORIGINAL_LANGUAGE}):
        if article.slug not in by_slug or article.language == language:
            by_slug[article.slug] = article
    top: dict[str, list[Article]] = {}
    for article in sorted(by_slug.values(), key=lambda a: (-views.get(a.slug, 0), a.title)):
        top.setdefault(article.tool, [])
        if len(top[article.tool]) < per_tool:
            top[article.tool].append(article)
    return top


def widget_frame_origins(*, organisation: Organisation) -> list[str]:
    """Where the help widget's panel may be shown: the login pages of the organisation's active digital tools
    (their scheme, host and port) and WEGWIJS_WIDGET_FRAME_ORIGINS."""
    origins = []
    for url in DigitalTool.objects.filter(organisation=organisation, is_active=True).values_list(
        "login_url", flat=True
    ):
        parts = urlsplit(url)
        if parts.scheme in {"http", "https"} and parts.netloc:
            origins.append(f"{parts.scheme}://{parts.netloc}")
    return sorted(set(origins) | set(settings.WIDGET_FRAME_ORIGINS))
